"""Seeding the bench database: 50 sites made by the real onboarding, then 100,000 documents in bulk.

Creating a page through Wagtail (add_child, a revision, publish) takes tens of milliseconds, so the
documents are written with PostgreSQL's COPY instead, column by column as Wagtail would have written
them: a `wagtailcore_page` row (treebeard path, depth, url_path, live…), a
`legal_documents_legaldocumentpage` row (number_key, validity and search_text computed by the model's
own code), the lĩnh vực links, then the search's SearchEntry rows with the same to_tsvector('simple', …)
that sync_search_entry() runs. No revisions are written: the pages are live and have no drafts.

Each section is seeded in one transaction and skipped when it already holds its planned number of
documents, so an interrupted seed resumes and a second `make bench` measures without seeding.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from documents.importing import legal_documents_section
from documents.models import Authority, DocumentType, LegalDocumentPage, LegalField, Validity
from documents.models.entries import refresh_all_on_portal
from documents.models.pages import number_key
from home.models import Agency
from home.onboarding import create_agency_site, derive_code
from vietnam.text import slugify

from . import vocabulary as words

# The portal's section holds the province's own documents; the communes share the rest evenly.
PORTAL_SHARE = 0.10
FIRST_ISSUE_DATE = date(2015, 1, 1)
LAST_ISSUE_DATE = date(2026, 11, 20)
FIELDS_SHARE = 0.7  # documents filed under one or two lĩnh vực
SEEDED_TABLES = [
    "wagtailcore_page",
    "legal_documents_legaldocumentpage",
    "legal_documents_legaldocumentpage_legal_fields",
    "legal_documents_searchentry",
]

# The seed document every search test knows, on the portal.
PORTAL_REGULATION = {
    "number": "16/2017/QĐ-UBND",
    "type": "Quyết định",
    "authority": words.PROVINCE_UBND,
    "summary": "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
    "signer": "Trần Ngọc Căng",
    "signer_title": "Chủ tịch",
    "issued_on": date(2017, 4, 19),
    "effective_from": date(2017, 4, 29),
    "fields": ["Công nghệ thông tin", "Hành chính nhà nước"],
    "body": "<p>Quy chế quy định tên miền quangngai.gov.vn cho Cổng; tên miền cấp 4 cho trang của các sở, ngành "
    "và địa phương; thông tin thể hiện bằng hai ngôn ngữ tiếng Việt và tiếng Anh.</p>",
}

PAGE_COLUMNS = [
    "id",
    "path",
    "depth",
    "numchild",
    "title",
    "draft_title",
    "slug",
    "url_path",
    "live",
    "has_unpublished_changes",
    "seo_title",
    "show_in_menus",
    "search_description",
    "expired",
    "locked",
    "content_type_id",
    "locale_id",
    "translation_key",
    "first_published_at",
    "last_published_at",
]
DOCUMENT_COLUMNS = [
    "page_ptr_id",
    "document_type_id",
    "authority_id",
    "number",
    "number_key",
    "signer",
    "signer_title",
    "issued_on",
    "effective_from",
    "expires_on",
    "validity_override",
    "validity",
    "summary",
    "body",
    "attachment_text",
    "search_text",
]


@dataclass
class Lists:
    """The editable lists the documents point to, by name."""

    types: dict[str, DocumentType]
    authorities: dict[str, Authority]
    fields: dict[str, LegalField]


@dataclass
class SeedReport:
    """What seeding did and how long each step took (seconds)."""

    sites_seconds: float = 0.0
    documents_seconds: float = 0.0
    analyze_seconds: float = 0.0
    sections_seeded: int = 0
    sections_skipped: int = 0
    documents_written: int = 0
    documents_total: int = 0

    @property
    def seconds(self) -> float:
        return self.sites_seconds + self.documents_seconds + self.analyze_seconds


# Sites and lists --------------------------------------------------------------------------------------


def ensure_site(name: str, kind: str, name_en: str = "") -> Agency:
    """The agency called `name`, onboarded by `create_agency_site` unless it already exists."""
    code = "" if kind == Agency.Kind.PORTAL else derive_code(name, kind)
    existing = Agency.objects.filter(kind=kind, code=code).select_related("site").first()
    if existing is not None:
        return existing
    return create_agency_site(name, kind, name_en=name_en).agency


def ensure_sites() -> list[Agency]:
    """The portal first, then the 49 communes: the 50 sites whose sections are seeded."""
    portal = ensure_site(words.PORTAL_NAME, Agency.Kind.PORTAL, words.PORTAL_NAME_EN)
    return [portal, *(ensure_site(name, Agency.Kind.LOCAL) for name in words.COMMUNES)]


def local_authorities(commune_name: str) -> tuple[str, str]:
    """The People's Committee and People's Council of a commune: ("UBND xã Tư Nghĩa", "HĐND xã Tư Nghĩa")."""
    place = words.local_place(commune_name)
    return f"UBND {place}", f"HĐND {place}"


def ensure_lists(agencies: list[Agency]) -> Lists:
    """Document types, lĩnh vực and authorities (the province's and each commune's), created when missing."""
    # A name the standard lists (documents migration 0007) spell a little differently ("Giao thông, vận tải") has
    # their entry: the same slug.
    types = {}
    for order, (name, abbreviation, name_en) in enumerate(words.DOCUMENT_TYPES):
        types[name], _created = DocumentType.objects.get_or_create(
            slug=slugify(name),
            defaults={"name": name, "abbreviation": abbreviation, "name_en": name_en, "sort_order": order},
        )
    fields = {}
    for order, name in enumerate(words.LEGAL_FIELDS):
        fields[name], _created = LegalField.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "sort_order": order}
        )

    by_name = {agency.name: agency for agency in agencies}
    wanted = {words.PROVINCE_UBND: by_name.get(words.PORTAL_NAME), words.PROVINCE_HDND: None}
    for commune in [*words.COMMUNES, words.IMPORT_COMMUNE]:
        committee, council = local_authorities(commune)
        wanted[committee] = by_name.get(commune)
        wanted[council] = None
    authorities = {}
    for order, (name, agency) in enumerate(wanted.items()):
        authority, created = Authority.objects.get_or_create(
            name=name, defaults={"agency": agency, "sort_order": order}
        )
        if not created and agency is not None and authority.agency_id != agency.pk:
            authority.agency = agency
            authority.save(update_fields=["agency"])
        authorities[name] = authority
    return Lists(types=types, authorities=authorities, fields=fields)


# Planning -----------------------------------------------------------------------------------------------


def planned_counts(total: int, sites: int) -> list[int]:
    """How many documents each site's section gets: the portal PORTAL_SHARE, the others an even split."""
    portal = round(total * PORTAL_SHARE)
    each, extra = divmod(total - portal, sites - 1)
    return [portal] + [each + (1 if index < extra else 0) for index in range(sites - 1)]


@dataclass
class DocumentSpec:
    """One document to write, before it has a page id and path."""

    number: str
    document_type: DocumentType
    authority: Authority
    signer: str
    signer_title: str
    issued_on: date
    effective_from: date | None
    expires_on: date | None
    validity_override: str
    summary: str
    body: str
    fields: list[LegalField]


def plan_period(year: int) -> tuple[int, int]:
    """The five-year plan period a document of `year` talks about: 2016-2020, 2021-2025, 2026-2030."""
    start = 2016 + 5 * max(0, (year - 2016) // 5)
    return start, start + 4


def random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def plan_documents(rng: random.Random, count: int, agency: Agency, lists: Lists) -> list[DocumentSpec]:
    """`count` documents of one site, oldest first, numbered per authority and sign without repeats.

    Numbers look like real ones: "123/QĐ-UBND", "45/2024/QĐ-UBND" (legal normative documents carry their
    year), "12/NQ-HĐND", "1234/UBND-VP" (official letters). One library never holds the same authority and
    number twice (the page form's rule).
    """
    is_portal = agency.is_portal
    if is_portal:
        committee, council, place = words.PROVINCE_UBND, words.PROVINCE_HDND, "tỉnh Quảng Ngãi"
    else:
        committee, council = local_authorities(agency.name)
        place = words.local_place(agency.name)
    specs, taken, counters = [], set(), {}
    if is_portal:
        regulation = regulation_spec(lists)
        specs.append(regulation)
        taken.add((regulation.authority.pk, number_key(regulation.number)))
        count -= 1

    dates = sorted(random_date(rng, FIRST_ISSUE_DATE, LAST_ISSUE_DATE) for _index in range(count))
    for issued_on in dates:
        is_council = rng.random() < 0.2
        authority = lists.authorities[council if is_council else committee]
        weights = words.HDND_TYPE_WEIGHTS if is_council else words.UBND_TYPE_WEIGHTS
        type_name = rng.choices(list(weights), weights=list(weights.values()))[0]
        document_type = lists.types[type_name]
        issuer = "HĐND" if is_council else "UBND"
        normative = type_name in {"Quyết định", "Nghị quyết"} and rng.random() < words.NORMATIVE_SHARE

        number = None
        while number is None or (authority.pk, number_key(number)) in taken:
            if normative:
                key = (authority.pk, "normative", issued_on.year)
                counters[key] = counters.get(key, 0) + 1
                number = f"{counters[key]}/{issued_on.year}/{document_type.abbreviation}-{issuer}"
            elif type_name == "Công văn":
                key = (authority.pk, "letter")
                counters[key] = counters.get(key, 0) + 1
                number = f"{counters[key]}/{issuer}-{rng.choice(['VP', 'KT', 'VX', 'NC'])}"
            else:
                key = (authority.pk, document_type.abbreviation)
                counters[key] = counters.get(key, 0) + 1
                number = f"{counters[key]}/{document_type.abbreviation}-{issuer}"
        taken.add((authority.pk, number_key(number)))

        topic, topic_fields = rng.choice(words.TOPICS)
        start, end = plan_period(issued_on.year)
        values = {
            "topic": topic,
            "body": rng.choice(words.BODIES),
            "project": rng.choice(words.PROJECTS),
            "hamlet": rng.choice(words.HAMLETS),
            "meeting": rng.choice(words.MEETINGS),
            "period": rng.choice(words.PERIODS),
            "place": place,
            "authority": committee,
            "year": issued_on.year,
            "start": start,
            "end": end,
        }
        summary = rng.choice(words.SUMMARIES[type_name]).format(**values)
        sentences = rng.sample(words.BODY_SENTENCES, rng.randint(2, 4))
        body = "".join(f"<p>{sentence.format(**values)}</p>" for sentence in sentences)

        effective_from = issued_on + timedelta(days=10) if normative else None
        expires_on = None
        if rng.random() < 0.06:
            expires_on = issued_on + timedelta(days=rng.randint(365, 5 * 365))
        override = Validity.EXPIRED if rng.random() < 0.05 else ""
        fields = []
        if rng.random() < FIELDS_SHARE:
            fields = [lists.fields[name] for name in topic_fields[: rng.randint(1, 2)]]
        specs.append(
            DocumentSpec(
                number=number,
                document_type=document_type,
                authority=authority,
                signer=words.person_name(rng),
                signer_title=rng.choice(words.SIGNER_TITLES[issuer]),
                issued_on=issued_on,
                effective_from=effective_from,
                expires_on=expires_on,
                validity_override=override,
                summary=summary,
                body=body,
                fields=fields,
            )
        )
    return specs


def regulation_spec(lists: Lists) -> DocumentSpec:
    """The portal's Quyết định 16/2017/QĐ-UBND on the portal's own operation."""
    spec = PORTAL_REGULATION
    return DocumentSpec(
        number=spec["number"],
        document_type=lists.types[spec["type"]],
        authority=lists.authorities[spec["authority"]],
        signer=spec["signer"],
        signer_title=spec["signer_title"],
        issued_on=spec["issued_on"],
        effective_from=spec["effective_from"],
        expires_on=None,
        validity_override="",
        summary=spec["summary"],
        body=spec["body"],
        fields=[lists.fields[name] for name in spec["fields"]],
    )


def validity_of(spec: DocumentSpec, today: date) -> str:
    """LegalDocumentPage.compute_validity for a document that no other document ends or amends."""
    if spec.validity_override:
        return spec.validity_override
    if spec.expires_on and spec.expires_on <= today:
        return Validity.EXPIRED
    if spec.effective_from and spec.effective_from > today:
        return Validity.NOT_YET
    return Validity.IN_FORCE


# Writing ------------------------------------------------------------------------------------------------


def check_page_columns() -> None:
    """Fail clearly if wagtailcore_page has a required column this module does not write (a Wagtail upgrade)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'wagtailcore_page' "
            "AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO'"
        )
        required = {row[0] for row in cursor.fetchall()}
    missing = required - set(PAGE_COLUMNS)
    if missing:
        raise RuntimeError(f"bench/seeding.py does not write these required page columns: {sorted(missing)}")


def reserve_page_ids(count: int) -> list[int]:
    """`count` ids from wagtailcore_page's own sequence, so COPY can write them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('wagtailcore_page', 'id')) FROM generate_series(1, %s)", [count]
        )
        return [row[0] for row in cursor.fetchall()]


def copy_rows(table: str, columns: list[str], rows) -> None:
    """COPY `rows` (tuples in `columns` order) into `table` through the connection's psycopg cursor."""
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor:
        with cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def clear_section(section: Page) -> None:
    """Delete a section's documents written by an earlier, different seed (they have no revisions)."""
    statements = [
        "DELETE FROM legal_documents_searchentry WHERE page_id IN "
        "(SELECT id FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s)",
        "DELETE FROM legal_documents_legaldocumentpage_legal_fields WHERE legaldocumentpage_id IN "
        "(SELECT id FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s)",
        "DELETE FROM legal_documents_legaldocumentpage WHERE page_ptr_id IN "
        "(SELECT id FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s)",
        "DELETE FROM wagtailcore_page WHERE path LIKE %(path)s AND depth = %(depth)s",
    ]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, {"path": section.path + "%", "depth": section.depth + 1})
        cursor.execute("UPDATE wagtailcore_page SET numchild = 0 WHERE id = %s", [section.pk])


def write_documents(section: Page, specs: list[DocumentSpec], today: date) -> None:
    """Write `specs` as live LegalDocumentPages under `section` (call inside a transaction)."""
    section.refresh_from_db()
    content_type_id = ContentType.objects.get_for_model(LegalDocumentPage).pk
    ids = reserve_page_ids(len(specs))
    depth = section.depth + 1
    siblings = set(section.get_children().values_list("slug", flat=True))
    last_step = section.numchild  # children are numbered 1..numchild (documents are never moved here)
    zone = timezone.get_current_timezone()

    pages, documents, links = [], [], []
    for index, (page_id, spec) in enumerate(zip(ids, specs, strict=True)):
        title = f"{spec.document_type.name} {spec.number}"
        slug = base = slugify(spec.number) or "van-ban"
        suffix = 1
        while slug in siblings:
            suffix += 1
            slug = f"{base}-{suffix}"
        siblings.add(slug)
        published = datetime.combine(spec.issued_on + timedelta(days=index % 3), datetime.min.time(), zone)
        published += timedelta(hours=8, minutes=index % 60)
        pages.append(
            (
                page_id,
                Page._get_path(section.path, depth, last_step + index + 1),
                depth,
                0,
                title,
                title,
                slug,
                f"{section.url_path}{slug}/",
                True,
                False,
                "",
                False,
                "",
                False,
                False,
                content_type_id,
                section.locale_id,
                uuid.uuid4(),
                published,
                published,
            )
        )
        # The model's own code computes the stored search text, so the search sees what an editor's save gives.
        unsaved = LegalDocumentPage(
            title=title,
            number=spec.number,
            document_type=spec.document_type,
            authority=spec.authority,
            signer=spec.signer,
            summary=spec.summary,
            body=spec.body,
            attachment_text="",
        )
        documents.append(
            (
                page_id,
                spec.document_type.pk,
                spec.authority.pk,
                spec.number,
                number_key(spec.number),
                spec.signer,
                spec.signer_title,
                spec.issued_on,
                spec.effective_from,
                spec.expires_on,
                spec.validity_override,
                validity_of(spec, today),
                spec.summary,
                spec.body,
                "",
                unsaved.build_search_text(),
            )
        )
        links.extend((page_id, field.pk) for field in spec.fields)

    copy_rows("wagtailcore_page", PAGE_COLUMNS, pages)
    copy_rows("legal_documents_legaldocumentpage", DOCUMENT_COLUMNS, documents)
    copy_rows("legal_documents_legaldocumentpage_legal_fields", ["legaldocumentpage_id", "legalfield_id"], links)
    with connection.cursor() as cursor:
        # The search's entries, as sync_search_entry() writes them (on_portal is marked after seeding).
        cursor.execute(
            "INSERT INTO legal_documents_searchentry (page_id, section_id, locale_id, on_portal, document_type_id, "
            "authority_id, number_key, issued_on, validity, search_text, search_vector) "
            "SELECT page_ptr_id, %(section)s, %(locale)s, FALSE, document_type_id, authority_id, number_key, "
            "issued_on, validity, '', to_tsvector('simple'::regconfig, search_text) "
            "FROM legal_documents_legaldocumentpage WHERE page_ptr_id = ANY(%(ids)s)",
            {"section": section.pk, "locale": section.locale_id, "ids": ids},
        )
        cursor.execute("UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s", [len(specs), section.pk])


def vacuum_analyze() -> None:
    """VACUUM (FULL, ANALYZE) the tables the search reads: fresh statistics, and no dead rows left by
    marking the portal's postings, which rewrites every entry (a table written by editors over the years
    has its free space reused by autovacuum, not a dead copy of every row)."""
    with connection.cursor() as cursor:
        for table in SEEDED_TABLES:
            cursor.execute(f"VACUUM (FULL, ANALYZE) {table}")


def seed(total: int, log=print) -> tuple[list[Agency], Lists, SeedReport]:
    """Make sure the 50 sites and their `total` documents exist; returns the sites, the lists and a report."""
    report = SeedReport()
    started = time.perf_counter()
    agencies = ensure_sites()
    lists = ensure_lists(agencies)
    report.sites_seconds = time.perf_counter() - started
    check_page_columns()

    started = time.perf_counter()
    today = timezone.localdate()
    for agency, count in zip(agencies, planned_counts(total, len(agencies)), strict=True):
        section = legal_documents_section(agency)
        present = LegalDocumentPage.objects.child_of(section).count()
        if present == count:
            report.sections_skipped += 1
            continue
        section_started = time.perf_counter()
        with transaction.atomic():
            if present:
                clear_section(section)
            rng = random.Random(f"bench-documents-{agency.code or 'portal'}-{count}")  # noqa: S311 - test data
            write_documents(section, plan_documents(rng, count, agency, lists), today)
        report.sections_seeded += 1
        report.documents_written += count
        log(
            f"  {agency.site.hostname:<38} {count:>6} văn bản  {time.perf_counter() - section_started:6.1f} s",
        )
    report.documents_seconds = time.perf_counter() - started

    if report.sections_seeded:
        started = time.perf_counter()
        refresh_all_on_portal()
        vacuum_analyze()
        report.analyze_seconds = time.perf_counter() - started
    report.documents_total = LegalDocumentPage.objects.count()
    return agencies, lists, report
