"""The demo's history, culture, relics and scenic spots (territory.HeritagePage) on the portal, Sở Thông tin và
Truyền thông and xã Tư Nghĩa, in both languages, from demo/data/heritage.yaml.

The facts are those of the sources each page names. The images are illustrations drawn here with Pillow (a sky, a
ground, a hill and the words "Ảnh minh họa"), not photographs, and their captions and credits say so. Seeding is
idempotent: a page whose slug is in its section is left as it is, and so is an image whose title exists.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.models import Agency
from home.onboarding import Onboarding
from territory.models import AdministrativeUnit, HeritageGalleryImage, HeritageIndexPage, HeritagePage
from vietnam.text import slugify

from .content import English, Entry
from .loader import build_all, read

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Vietnamese.ttf"
CREDIT = "Ảnh minh họa, tạo tự động cho bản trình diễn (không phải ảnh chụp); CC0"
CREDIT_EN = "Illustrative image generated for the demo (not a photograph); CC0"


@dataclass(frozen=True)
class HeritageEnglish:
    title: str
    slug: str
    lead: str
    body: list[str]
    source: str
    source_url: str
    location: str = ""


@dataclass(frozen=True)
class Heritage:
    """One heritage page of one site (`site`: the agency code, "" for the portal)."""

    site: str
    title: str
    category: str
    lead: str
    body: list[str]
    source: str
    source_url: str
    colours: list[str]
    english: HeritageEnglish
    location: str = ""
    unit: str = ""
    gallery: int = 0


HERITAGE = build_all(Heritage, read("heritage"))


def seed_heritage(agencies: dict[str, Agency], result: Onboarding, add_entry) -> None:
    """Every page of HERITAGE under its site's heritage section, with its English translation (`add_entry`:
    demo.seed's, which publishes a page and its English version once)."""
    english = Locale.objects.get(language_code="en")
    units = {unit.code: unit for unit in AdministrativeUnit.objects.all()}
    for item in HERITAGE:
        agency = agencies[item.site]
        section = HeritageIndexPage.objects.descendant_of(agency.site.root_page).get()
        main = illustration(agency, item.title, item.colours)
        gallery = [
            illustration(agency, f"{item.title} ({number + 1})", item.colours, number + 1)
            for number in range(item.gallery)
        ]
        fields = {
            "category": item.category,
            "lead": item.lead,
            "body": paragraphs(item.body),
            "location": item.location,
            "administrative_unit": units.get(item.unit),
            "main_image": main,
            "main_image_alt": f"Hình minh họa cho trang “{item.title}”",
            "main_image_credit": CREDIT,
            "source": item.source,
            "source_url": item.source_url,
            "gallery": [gallery_row(image, item.title, number, False) for number, image in enumerate(gallery)],
        }
        version = item.english
        fields_en = {
            "title": version.title,
            "lead": version.lead,
            "body": paragraphs(version.body),
            "location": version.location,
            "main_image_alt": f"Illustration for the page “{version.title}”",
            "main_image_credit": CREDIT_EN,
            "source": version.source,
            "source_url": version.source_url,
            "gallery": [
                gallery_row(image, version.title, number, english=True) for number, image in enumerate(gallery)
            ],
        }
        add_entry(section, HeritagePage, Entry(item.title, fields, English(version.slug, fields_en)), english, result)


def paragraphs(texts: list[str]) -> list[dict]:
    return [{"type": "paragraph", "value": text} for text in texts]


def gallery_row(image, title: str, number: int, english: bool) -> HeritageGalleryImage:
    if english:
        return HeritageGalleryImage(
            image=image,
            alt_text=f"Illustration {number + 1} for “{title}”",
            caption=f"Illustration {number + 1}",
            credit=CREDIT_EN,
        )
    return HeritageGalleryImage(
        image=image, alt_text=f"Hình minh họa {number + 1} cho “{title}”", caption=f"Hình {number + 1}", credit=CREDIT
    )


def illustration(agency: Agency, title: str, colours: list[str], variant: int = 0):
    """The illustration titled "Ảnh minh họa: <title>" in the agency's collection, drawn if it is not there."""
    Image_ = get_image_model()
    name = f"Ảnh minh họa: {title}"
    existing = Image_.objects.filter(title=name, collection=agency.collection).first()
    if existing is not None:
        return existing
    data = draw(colours, variant)
    image = Image_(
        title=name, collection=agency.collection, file=ImageFile(io.BytesIO(data), name=f"{slugify(name)[:80]}.png")
    )
    image.save()
    return image


def draw(colours: list[str], variant: int, size: tuple[int, int] = (1200, 800)) -> bytes:
    """A PNG: sky and ground in the page's colours, a hill, and "Ảnh minh họa / Illustrative image" written on it."""
    width, height = size
    picture = Image.new("RGB", size, colours[0])
    pen = ImageDraw.Draw(picture)
    horizon = height * (0.55 + 0.05 * variant)
    pen.ellipse(
        [width * (0.1 + 0.2 * variant), horizon - height * 0.3, width * (0.9 + 0.1 * variant), horizon + height * 0.3],
        fill=colours[1],
    )
    pen.rectangle([0, horizon, width, height], fill=colours[1])
    font = ImageFont.truetype(str(FONT), size=64)
    pen.text((48, height - 120), "Ảnh minh họa / Illustrative image", font=font, fill="#ffffff")
    output = io.BytesIO()
    picture.save(output, format="PNG")
    return output.getvalue()
