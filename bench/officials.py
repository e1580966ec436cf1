"""The directory of officials (Điều 8.2.k) at the size issue 13 sets: 5,000 officials over the 50 bench sites.

`seed(sites, total)` gives every site an organisation chart of UNITS_PER_SITE units (two of them under another unit),
made through Wagtail (`add_child`, live, no revision: a few hundred pages), and writes the officials with one
`bulk_create` per site, their folded search column and Vietnamese sort key computed by the model's own function.
It is idempotent: a site that already holds its share of officials is skipped.

`measure(runs)` times each site's "Liên hệ" page, which carries the directory, through django.test.Client with the
site's Host: the plain listing, a search typed without diacritics, a search for a title, and one unit's officials,
on the portal and on three communes. Milliseconds per request, `runs` requests each after one to warm up.
"""

import random
import time
import uuid

from django.db import connection, transaction
from django.test import Client

from home.models import Agency
from home.onboarding import create_agency_site
from organisation.models import Official, OrganisationPage, UnitPage, searchable_fields
from vietnam.text import slugify

from . import vocabulary as words

UNITS = [
    ("Văn phòng HĐND và UBND", "van-phong", None),
    ("Phòng Kinh tế", "phong", None),
    ("Phòng Văn hóa – Xã hội", "phong", None),
    ("Trung tâm Phục vụ hành chính công", "trung-tam", None),
    ("Phòng Nội vụ", "phong", None),
    ("Phòng Tư pháp", "phong", None),
    ("Bộ phận Một cửa", "phong", "Trung tâm Phục vụ hành chính công"),
    ("Tổ Địa chính – Xây dựng", "phong", "Phòng Kinh tế"),
]
UNITS_PER_SITE = len(UNITS)
TITLES = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên", "Chuyên viên", "Công chức", "Cán sự"]
PATH = "/lien-he/"
SEED = 13


def chart_of(agency: Agency) -> OrganisationPage:
    """The site's organisation chart, completing the site with `create_agency_site` if it predates the section."""
    home = agency.site.root_page
    chart = OrganisationPage.objects.filter(path__startswith=home.path, locale_id=home.locale_id).first()
    if chart is None:
        create_agency_site(agency.name, agency.kind, code=agency.code or None, name_en=agency.name_en)
        chart = OrganisationPage.objects.get(path__startswith=home.path, locale_id=home.locale_id)
    return chart


def units_of(chart: OrganisationPage) -> list[UnitPage]:
    """The chart's UNITS, made (live, without revisions) where missing."""
    made = {unit.title: unit for unit in UnitPage.objects.descendant_of(chart)}
    for title, kind, parent_title in UNITS:
        if title not in made:
            parent = made[parent_title] if parent_title else chart
            made[title] = parent.add_child(
                instance=UnitPage(
                    title=title,
                    slug=slugify(title),
                    locale_id=chart.locale_id,
                    kind=kind,
                    phone="0255 0000 500",
                    live=True,
                    first_published_at=chart.first_published_at,
                )
            )
    return [made[title] for title, _kind, _parent in UNITS]


def seed(sites: list[Agency], total: int) -> None:
    """`total` officials spread evenly over the units of `sites` (bulk; skipped per site when already there)."""
    rng = random.Random(SEED)  # noqa: S311 (reproducible test data, not secrets)
    share = total // len(sites)
    for number, agency in enumerate(sites):
        extra = 1 if number < total - share * len(sites) else 0
        wanted = share + extra
        with transaction.atomic():
            chart = chart_of(agency)
            units = units_of(chart)
            have = Official.objects.filter(unit__in=units).count()
            if have >= wanted:
                continue
            rows = []
            for index in range(have, wanted):
                unit = units[index % len(units)]
                name = words.person_name(rng)
                title = rng.choice(TITLES)
                search_text, sort_name = searchable_fields(name, title)
                rows.append(
                    Official(
                        unit=unit,
                        locale_id=unit.locale_id,
                        translation_key=uuid.uuid4(),
                        sort_order=index,
                        name=name,
                        title=title,
                        phone=f"0255 0000 {index % 1000:03d}",
                        email=f"canbo{index}@{agency.code or 'quangngai'}.quangngai.gov.vn",
                        search_text=search_text,
                        sort_name=sort_name,
                    )
                )
            Official.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE organisation_official")  # the planner's statistics after the bulk insert


def requests() -> list[tuple[str, Agency, dict]]:
    """(label, site, query string) of each timed request: the portal and three communes."""
    agencies = list(Agency.objects.select_related("site").order_by("pk"))
    portal = next(agency for agency in agencies if agency.is_portal)
    communes = [agency for agency in agencies if not agency.is_portal][:3]
    timed = []
    for agency in [portal, *communes]:
        label = agency.code or "portal"
        home = agency.site.root_page
        unit = UnitPage.objects.filter(path__startswith=home.path, title="Phòng Kinh tế").first()
        timed += [
            (f"{label} directory", agency, {}),
            (f"{label} ?q=nguyen van", agency, {"q": "nguyen van"}),
            (f"{label} ?q=chuyen vien page 2", agency, {"q": "chuyen vien", "page": 2}),
        ]
        if unit is not None:
            timed.append((f"{label} ?don-vi=Phòng Kinh tế", agency, {"don-vi": unit.pk}))
    return timed


def measure(runs: int) -> dict[str, list[float]]:
    """Milliseconds of `runs` requests of each directory page (after one to warm up), by label."""
    client = Client()
    timings = {}
    for label, agency, params in requests():
        host = {"HTTP_HOST": agency.site.hostname, "SERVER_PORT": str(agency.site.port)}
        response = client.get(PATH, params, **host)
        if response.status_code != 200:
            raise RuntimeError(f"{label}: HTTP {response.status_code}")
        timings[label] = []
        for _run in range(runs):
            started = time.perf_counter()
            client.get(PATH, params, **host)
            timings[label].append((time.perf_counter() - started) * 1000)
    return timings
