"""The front page's demo content (demo/data/front.yaml): each site's hotline, its articles' categories, featured
flags, origin (Điều 5.3) and generated pictures, and its advertisements (Điều 14). Idempotent: an article that has
a picture already, a site that has advertisements or a hotline, are left as they are (an editor may have changed
them)."""

import hashlib
import io
import textwrap
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import AdvertisementSlot, AdvertisingSettings, Agency, NewsCategory, NewsPage, SiteContactSettings
from home.onboarding import Onboarding
from vietnam.text import slugify

from .loader import build_all, read

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Vietnamese.ttf"
SIZE = (960, 540)


@dataclass(frozen=True)
class Picture:
    """A generated illustration: a flat colour and a caption in each language."""

    caption: str
    caption_en: str
    colour: str


@dataclass(frozen=True)
class Article:
    """What the front page adds to an article of sites.yaml, found by its Vietnamese title."""

    title: str
    category: str
    picture: Picture
    featured: bool = False
    origin: str = "tu-viet"


@dataclass(frozen=True)
class Advertisement:
    """An illustrative advertisement, one slot per language, showing for a year from the day of seeding."""

    title: str
    title_en: str
    link: str
    position: str
    picture: Picture


@dataclass(frozen=True)
class FrontSite:
    code: str
    hotline: str
    articles: list[Article] = field(default_factory=list)
    advertisements: list[Advertisement] = field(default_factory=list)


SITES: list[FrontSite] = build_all(FrontSite, read("front")["sites"])


def seed_front(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The front page's content of every demo site (keyed by agency code)."""
    english = Locale.objects.get(language_code="en")
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    for spec in SITES:
        agency = agencies[spec.code]
        fill_hotline(agency, spec.hotline, result)
        news = agency.site.root_page.get_children().get(slug="tin-tuc")
        for article in spec.articles:
            page = NewsPage.objects.child_of(news).filter(slug=slugify(article.title)).first()
            if page is None:
                raise ValueError(f"demo/data/front.yaml: no article “{article.title}” in sites.yaml")
            dress_article(page, article, categories[article.category], agency, english, result)
        add_advertisements(agency, spec.advertisements, result)


def fill_hotline(agency: Agency, hotline: str, result: Onboarding) -> None:
    contact = SiteContactSettings.for_site(agency.site)
    missing = not contact.hotline
    if missing:
        contact.hotline = hotline
        contact.save(update_fields=["hotline"])
    result.note(missing, "đường dây nóng")


def dress_article(page: NewsPage, article: Article, category, agency, english, result: Onboarding) -> None:
    """Category, featured flag, origin and picture on the article and its English version, published once."""
    what = f"ảnh, loại tin “{article.title}”"
    if page.image_id is not None:
        result.note(False, what)
        return
    versions = [(page, "vi")]
    translation = page.get_translation_or_none(english)
    if translation is not None:
        versions.append((translation.specific, "en"))
    for version, language in versions:
        version.category = category
        version.featured = article.featured
        version.origin = article.origin
        version.image = picture(article.picture, language, agency)
        version.save_revision().publish()
    result.note(True, what)


def add_advertisements(agency: Agency, advertisements: list[Advertisement], result: Onboarding) -> None:
    setting = AdvertisingSettings.for_site(agency.site)
    if setting.slots.exists():
        result.note(False, "quảng cáo")
        return
    now = timezone.now()
    for number, ad in enumerate(advertisements):
        for language, title in (("vi", ad.title), ("en", ad.title_en)):
            image = picture(ad.picture, language, agency)
            AdvertisementSlot.objects.create(
                setting=setting,
                sort_order=number,
                title=title,
                image=image,
                image_alt=image.description,
                link=ad.link,
                position=ad.position,
                language=language,
                starts_at=now - timedelta(days=1),
                ends_at=now + timedelta(days=365),
            )
    result.note(True, "quảng cáo")


def picture(spec: Picture, language: str, agency: Agency):
    """The generated illustration of `spec` in `language`, in the site's collection (made once)."""
    caption = spec.caption_en if language == "en" else spec.caption
    label = "Illustration" if language == "en" else "Ảnh minh họa"
    title = f"{label}: {caption}"
    Image = get_image_model()
    image = Image.objects.filter(collection=agency.collection, title=title).first()
    if image is None:
        data = render(caption, label, spec.colour)
        name = f"minh-hoa-{hashlib.sha256(title.encode()).hexdigest()[:12]}.png"
        image = Image(title=title, collection=agency.collection, description=generated(caption, language))
        image.file = ImageFile(io.BytesIO(data), name=name)
        image.save()
    return image


def generated(caption: str, language: str) -> str:
    """The alt text of a generated picture: what it shows, and that it is an illustration."""
    if language == "en":
        return f"Illustration (generated): the words “{caption}” on a plain background"
    return f"Ảnh minh họa (tạo tự động): dòng chữ “{caption}” trên nền một màu"


def render(caption: str, label: str, colour: str) -> bytes:
    """A PNG: `colour` with a lighter band, the label at the top and the caption in large type."""
    canvas = PillowImage.new("RGB", SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    draw.polygon([(0, 400), (SIZE[0], 250), (SIZE[0], 330), (0, 480)], fill=_lighter(colour))
    small = ImageFont.truetype(str(FONT), 30)
    large = ImageFont.truetype(str(FONT), 60)
    draw.text((48, 40), label.upper(), font=small, fill="#fde68a")
    y = 120
    for line in textwrap.wrap(caption, width=24):
        draw.text((48, y), line, font=large, fill="#ffffff")
        y += 76
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _lighter(colour: str) -> str:
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*((value + 255) // 2 for value in (red, green, blue)))
