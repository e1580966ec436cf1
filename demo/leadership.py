"""The demo's leaders and work schedule (demo/data/leadership.yaml), in both languages.

The portal's leaders are the real members of UBND tỉnh as of January 2026 (facts §3); stttt's deputy and tunghia's
leaders are illustrative and named so. Portraits are generated here (a neutral silhouette, never a real photo) and
captioned "Ảnh minh họa". Weeks are relative to the day of seeding (previous, this, next); their entries are
illustrative, and each schedule page says so. After a week is published, the entries with a `changed` part are
changed and the week published again, so the demo shows entries marked "điều chỉnh".

Idempotent: a leader whose slug is in the section, and a week already in the schedule, are left as they are.
"""

import io
from dataclasses import dataclass, field
from datetime import time, timedelta

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import Agency
from home.onboarding import Onboarding
from leadership.models import (
    LeaderIndexPage,
    LeaderPage,
    LeaderResponsibility,
    ScheduleEntry,
    ScheduleIndexPage,
    WeekSchedulePage,
)
from leadership.weeks import this_monday
from vietnam.text import slugify

from .loader import build_all, read

PORTRAIT_SIZE = (240, 300)


@dataclass(frozen=True)
class Duty:
    kind: str
    name: str
    name_en: str
    agency: str | None = None  # the code of the agency followed, when it has a demo site


@dataclass(frozen=True)
class Leader:
    name: str
    name_en: str
    position: str
    position_en: str
    rank: int
    biography: str = ""
    biography_en: str = ""
    duties: list[Duty] = field(default_factory=list)
    phone: str = ""


@dataclass(frozen=True)
class Item:
    """One entry: `day` 0 is Monday; `leader` the position of the leader in the site's list, None for collective."""

    day: int
    start: str
    content: str
    content_en: str
    end: str = ""
    place: str = ""
    place_en: str = ""
    leader: int | None = None
    attendees: str = ""
    attendees_en: str = ""
    preparer: str = ""
    preparer_en: str = ""
    changed: dict = field(default_factory=dict)  # fields changed after publication ("start", "place_en"…)

    def values(self, english: bool, changed: bool = False) -> dict:
        """The entry's text and times in one language, as first published or as changed."""
        source = {**self.__dict__, **(self.changed if changed else {})}

        def pick(name):
            return source.get(f"{name}_en") or source[name] if english else source[name]

        return {
            "start_time": time.fromisoformat(source["start"]),
            "end_time": time.fromisoformat(source["end"]) if source["end"] else None,
            "content": pick("content"),
            "place": pick("place"),
            "attendees": pick("attendees"),
            "preparer": pick("preparer"),
        }


@dataclass(frozen=True)
class Week:
    offset: int
    items: list[Item]


@dataclass(frozen=True)
class SiteLeadership:
    code: str
    week_note: str
    week_note_en: str
    schedule_intro: str
    schedule_intro_en: str
    leaders_intro: str
    leaders_intro_en: str
    leaders: list[Leader]
    duties_basis: str
    duties_basis_en: str
    weeks: list[Week]


SITES: list[SiteLeadership] = build_all(SiteLeadership, read("leadership")["sites"])


def seed_leadership(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The leaders and schedule weeks of each demo site in `agencies` (keyed by code), in both languages."""
    from .seed import fill_both  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    for spec in SITES:
        agency = agencies.get(spec.code)
        if agency is None:
            continue
        root = agency.site.root_page
        leaders_index = LeaderIndexPage.objects.descendant_of(root).get()
        schedule_index = ScheduleIndexPage.objects.descendant_of(root).get()
        fill_both(
            leaders_index, english, {"intro": spec.leaders_intro}, {"intro": spec.leaders_intro_en}, result, "lãnh đạo"
        )
        fill_both(
            schedule_index,
            english,
            {"intro": spec.schedule_intro},
            {"intro": spec.schedule_intro_en},
            result,
            "lịch công tác",
        )
        leaders = [
            ensure_leader(leaders_index, spec, leader, agency, agencies, english, result) for leader in spec.leaders
        ]
        for week in spec.weeks:
            ensure_week(schedule_index, spec, week, leaders, english, result)


def ensure_leader(
    index: LeaderIndexPage, spec: SiteLeadership, leader: Leader, agency, agencies, english, result
) -> tuple[LeaderPage, LeaderPage]:
    """The leader's page and its English version, made if missing."""
    what = f"lãnh đạo “{leader.name}”"
    page = LeaderPage.objects.child_of(index).filter(slug=slugify(leader.name)).first()
    result.note(page is None, what)
    if page is None:
        photo = portrait(leader.name, agency)
        page = LeaderPage(
            title=leader.name,
            slug=slugify(leader.name),
            locale=index.locale,
            position=leader.position,
            rank=leader.rank,
            photo=photo,
            photo_alt=f"Ảnh minh họa thay cho ảnh chân dung của {leader.name}",
            photo_caption="Ảnh minh họa, không phải ảnh chân dung thật",
            biography=leader.biography,
            duties_basis=spec.duties_basis,
            phone=leader.phone,
        )
        page.responsibilities = [
            LeaderResponsibility(
                kind=duty.kind, name=duty.name, agency=agencies.get(duty.agency) if duty.agency else None
            )
            for duty in leader.duties
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
    translation = page.get_translation_or_none(english)
    result.note(translation is None, f"{what} (tiếng Anh)")
    if translation is None:
        translation = translate(page, english, slugify(leader.name_en))
        translation.title = leader.name_en
        translation.position = leader.position_en
        translation.biography = leader.biography_en
        translation.duties_basis = spec.duties_basis_en
        translation.photo_alt = f"An illustrative image in place of {leader.name_en}'s portrait"
        translation.photo_caption = "Illustrative image, not a real portrait"
        rows = list(translation.responsibilities.all())
        for row, duty in zip(rows, leader.duties, strict=True):
            row.name = duty.name_en
        translation.responsibilities = rows
        translation.save_revision().publish()
    return page, LeaderPage.objects.get(pk=translation.pk)


def ensure_week(index: ScheduleIndexPage, spec: SiteLeadership, week: Week, leaders, english, result) -> None:
    """A week of the schedule in both languages, published, then published again with its `changed` entries."""
    monday = this_monday() + timedelta(weeks=week.offset)
    what = f"lịch công tác tuần {monday:%d/%m/%Y}"
    page = WeekSchedulePage.objects.child_of(index).filter(week_start=monday).first()
    result.note(page is None, what)
    if page is not None:
        return
    page = WeekSchedulePage(week_start=monday, locale=index.locale, note=spec.week_note)
    page.entries = [
        ScheduleEntry(
            date=monday + timedelta(days=item.day),
            leader=leaders[item.leader][0] if item.leader is not None else None,
            sort_order=order,
            **item.values(english=False),
        )
        for order, item in enumerate(week.items)
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    translation = translate(page, english, page.slug)
    translation.note = spec.week_note_en
    rows = list(translation.entries.all())
    for row, item in zip(rows, week.items, strict=True):
        for name, value in item.values(english=True).items():
            setattr(row, name, value)
        row.leader = leaders[item.leader][1] if item.leader is not None else None
    translation.entries = rows
    translation.save_revision().publish()
    if any(item.changed for item in week.items):
        for version, is_english in ((page, False), (WeekSchedulePage.objects.get(pk=translation.pk), True)):
            draft = version.get_latest_revision_as_object()
            rows = list(draft.entries.all())
            for row, item in zip(rows, week.items, strict=True):
                if item.changed:
                    for name, value in item.values(english=is_english, changed=True).items():
                        setattr(row, name, value)
            draft.entries = rows
            draft.save_revision().publish()


def translate(page: Page, english: Locale, slug: str) -> Page:
    """The English copy of `page` (a draft, its rows copied with their translation keys), under the slug `slug`."""
    copied = page.copy_for_translation(english)
    # Set the slug in the database first: changing it through save() would leave a redirect behind.
    Page.objects.filter(pk=copied.pk).update(slug=slug)
    translation = Page.objects.get(pk=copied.pk).specific
    translation.set_url_path(translation.get_parent())
    return translation


def portrait(name: str, agency: Agency):
    """A neutral generated portrait (a grey silhouette on a light ground) in the agency's collection, for `name`.

    Never a real photo; the leader's page captions it "Ảnh minh họa". One image per leader, found again by title.
    """
    Image_ = get_image_model()
    title = f"Ảnh minh họa – {name}"
    existing = Image_.objects.filter(title=title, collection=agency.collection).first()
    if existing is not None:
        return existing
    width, height = PORTRAIT_SIZE
    picture = Image.new("RGB", PORTRAIT_SIZE, (226, 230, 236))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.3, height * 0.16, width * 0.7, height * 0.5), fill=(150, 158, 170))
    draw.ellipse((width * 0.1, height * 0.56, width * 0.9, height * 1.3), fill=(150, 158, 170))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = Image_(title=title, collection=agency.collection)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"anh-minh-hoa-{slugify(name)[:40]}.png")
    image.save()
    return image
