"""The demo's legal-documents library (R5) and the portal's Official Gazette (R6): seeding the documents of
demo/data/documents.yaml on their sites, each with a generated PDF, and the gazette's issues.

Two kinds of documents, kept apart on purpose (`real` in the data):

- REAL documents: the documents of Quảng Ngãi's authorities listed in /work/shared/QUANG-NGAI-FACTS.md §4, with
  their real number, type, date and signer, plus the national documents that facts file names as their legal basis
  or as the basis of the 2025 reorganisation (§1, §4). Only their metadata is real. Their summaries and the short
  notes on their pages are written by us, and their PDF files are one-page summaries generated here, not the
  documents themselves.
- SYNTHETIC documents: made up for the demo from templates (once, by a seeded generator; the data keeps what it
  made), so that the library has about 200 documents to search, filter and page through. Their numbers, dates and
  subjects are plausible but invented; a number may even be that of a real document with another subject. Each one
  says on its page (`synthetic_note`) and in its file that it is a demo sample. No synthetic summary contains the
  syllable "hoạt": the demo search "quy che hoat dong" finds the real 16/2017/QĐ-UBND first.

The documents are listed oldest first, so each comes after the documents it relates to; a second run finds every
document already there and creates nothing.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from documents.importing import legal_documents_section
from documents.models import Authority, DocumentFile, DocumentRelation, DocumentType, LegalDocumentPage, LegalField
from documents.models.pages import number_key
from gazette.models import GazetteEntry, GazetteIndexPage, GazetteIssuePage, issue_title
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import slugify
from vietnam.workdays import add_working_days

from .content import PROVINCE_TIME
from .loader import build, build_all, read
from .pdf import pdf_bytes

PROGRESS_EVERY = 50  # documents between two progress lines (a document takes about a tenth of a second)
NATIONAL = ("Quốc hội", "Ủy ban Thường vụ Quốc hội", "Chính phủ")  # their documents are signed in Hà Nội


@dataclass(frozen=True)
class Doc:
    """One document to put in the library: its metadata, the sites it is posted on and its relations.

    `sites` are agency codes ("" is the portal); `relations` are (kind, number) pairs naming documents
    earlier in the list (a number shared by two authorities names the one of this document's authority).
    """

    number: str
    type: str
    authority: str
    issued_on: date
    summary: str
    fields: tuple[str, ...] = ()
    signer: str = ""
    signer_title: str = ""
    effective_from: date | None = None
    expires_on: date | None = None
    relations: tuple[tuple[str, str], ...] = ()
    sites: tuple[str, ...] = ("",)
    note: str = ""
    source: str = ""
    real: bool = False
    posted_after: int = 1  # working days between issue and posting (the late-documents report, R10)

    @property
    def key(self) -> tuple[str, str]:
        return self.authority, number_key(self.number)

    @property
    def title(self) -> str:
        return f"{self.type} {self.number}"

    @property
    def file_name(self) -> str:
        return f"{self.type} {self.number.replace('/', '-')}.pdf"


@dataclass(frozen=True)
class Issue:
    """A gazette issue: its number, date and the documents it carries as (number, first page, last page)."""

    number: str
    issued_on: date
    entries: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.issued_on.year

    @property
    def title(self) -> str:
        return issue_title(self.number, self.year)


_DATA = read("documents")
DOCUMENT_TYPES: list[dict] = _DATA["document_types"]
AUTHORITIES: list[dict] = _DATA["authorities"]  # `agency`: the code of the agency it is, or null
LEGAL_FIELDS: list[dict] = _DATA["legal_fields"]
SYNTHETIC_NOTE: str = _DATA["synthetic_note"]
GAZETTE_INTRO: str = _DATA["gazette"]["intro"]


def all_documents() -> list[Doc]:
    """Every document of the demo library, oldest first; a synthetic document without a note gets SYNTHETIC_NOTE."""
    return [
        build(Doc, item if item.get("real") or "note" in item else {**item, "note": SYNTHETIC_NOTE})
        for item in _DATA["documents"]
    ]


def gazette_issues() -> list[Issue]:
    """Three issues on the portal, each carrying real documents of its time and a synthetic regulation."""
    return build_all(Issue, _DATA["gazette"]["issues"])


# --- Files --------------------------------------------------------------------------------------------------------


def document_pdf(doc: Doc) -> bytes:
    """The document's one-page file: heading, number and date, the summary, and what the file is."""
    place = "Hà Nội" if doc.authority in NATIONAL else "Quảng Ngãi"
    lines = [
        doc.authority.upper(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc",
        "",
        f"Số: {doc.number}    {place}, ngày {doc.issued_on:%d} tháng {doc.issued_on:%m} năm {doc.issued_on:%Y}",
        "",
        doc.type.upper(),
        doc.summary,
        "",
    ]
    if doc.signer:
        lines.append(f"Người ký: {doc.signer}" + (f", {doc.signer_title}" if doc.signer_title else ""))
    if doc.real:
        lines += ["", "Tệp tóm tắt của bản trình diễn: thông tin văn bản, không phải toàn văn."]
    else:
        lines += ["", "VĂN BẢN MẪU CỦA BẢN TRÌNH DIỄN – không phải văn bản thật."]
    return pdf_bytes(lines, title=doc.title)


def issue_pdf(issue: Issue, pages: dict[str, LegalDocumentPage]) -> bytes:
    """The whole issue's file: its masthead and table of contents."""
    lines = [
        "CÔNG BÁO TỈNH QUẢNG NGÃI",
        f"Số {issue.number} – Năm {issue.year} – Phát hành ngày {issue.issued_on:%d/%m/%Y}",
        "",
        "MỤC LỤC",
    ]
    for number, first, last in issue.entries:
        page = pages.get(number)
        if page is not None:
            lines.append(
                f"{page.document_type.name} số {number} ngày {page.issued_on:%d/%m/%Y} của {page.authority.name}: "
                f"{page.summary} (trang {first}–{last})"
            )
    lines += ["", "Số công báo trình diễn: danh mục dựng lại, không phải số công báo thật."]
    return pdf_bytes(lines, title=issue.title)


def store_file(name: str, data: bytes, agency: Agency):
    """A Wagtail document in the agency's collection, titled with its readable file name."""
    Document = get_document_model()
    document = Document(
        title=name,
        collection=agency.collection,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's file_hash, not security
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


# --- Seeding ------------------------------------------------------------------------------------------------------


def ensure_lists(agencies: dict[str, Agency], result: Onboarding) -> dict:
    """The three lists, each item created if its name is missing (an edited item is left as it is)."""
    lists = {}
    specs = {
        "types": (
            DocumentType,
            [
                (item["name"], {"name_en": item["name_en"], "abbreviation": item["abbreviation"]})
                for item in DOCUMENT_TYPES
            ],
        ),
        "authorities": (
            Authority,
            [
                (item["name"], {"name_en": item["name_en"], "agency": agencies.get(item["agency"])})
                for item in AUTHORITIES
            ],
        ),
        "fields": (LegalField, [(item["name"], {"name_en": item["name_en"]}) for item in LEGAL_FIELDS]),
    }
    labels = {"types": "hình thức văn bản", "authorities": "cơ quan ban hành", "fields": "lĩnh vực"}
    for key, (model, items) in specs.items():
        existing = {item.name: item for item in model.objects.filter(name__in=[name for name, _values in items])}
        created = 0
        for order, (name, values) in enumerate(items, start=1):
            if name not in existing:
                existing[name] = model.objects.create(name=name, sort_order=order * 10, **values)
                created += 1
        lists[key] = existing
        if created:
            result.note(True, f"danh mục {labels[key]} ({created} mục)")
        if created < len(items):
            result.note(False, f"danh mục {labels[key]} ({len(items) - created} mục)")
    return lists


def posting_time(doc: Doc, issuer_site: bool) -> datetime:
    """When the document went live: a working day or so after it was issued (10 days' limit on other sites)."""
    days = doc.posted_after if issuer_site or doc.posted_after > 1 else 3
    return datetime.combine(add_working_days(doc.issued_on, days), time(9, 30), tzinfo=PROVINCE_TIME)


class LibrarySeeder:
    """Puts the documents on their sites and the issues in the portal's gazette, skipping what is there."""

    def __init__(self, agencies: dict[str, Agency], result: Onboarding, progress: Callable[[str], None]):
        self.agencies = agencies
        self.result = result
        self.progress = progress
        self.lists = ensure_lists(agencies, result)
        self.sections = {code: legal_documents_section(agency) for code, agency in agencies.items()}
        # (site code, authority, number key) → page id, for the documents already in each section.
        self.pages: dict[tuple[str, str, str], int] = {}
        authority_names = {item.pk: name for name, item in self.lists["authorities"].items()}
        for code, section in self.sections.items():
            rows = LegalDocumentPage.objects.child_of(section).values_list("authority_id", "number_key", "pk")
            for authority_id, key, pk in rows:
                if authority_id in authority_names:
                    self.pages[(code, authority_names[authority_id], key)] = pk
        self.slugs = {
            code: set(section.get_children().values_list("slug", flat=True)) for code, section in self.sections.items()
        }

    def seed(self) -> None:
        docs = all_documents()
        wanted = sum(len([code for code in doc.sites if code in self.agencies]) for doc in docs)
        done = 0
        created = dict.fromkeys(self.agencies, 0)
        existing = dict.fromkeys(self.agencies, 0)
        by_number: dict[str, list[Doc]] = {}
        for doc in docs:
            by_number.setdefault(number_key(doc.number), []).append(doc)
            for code in doc.sites:
                if (code, *doc.key) in self.pages:
                    existing[code] += 1
                else:
                    self.create(doc, code, self.targets(doc, code, by_number))
                    created[code] += 1
                done += 1
                if done % PROGRESS_EVERY == 0 and done < wanted:
                    self.progress(f"văn bản: {done}/{wanted}")
        for code, agency in self.agencies.items():
            if created[code]:
                self.result.note(True, f"văn bản trên trang {agency.name} ({created[code]}, mỗi văn bản một tệp PDF)")
            if existing[code]:
                self.result.note(False, f"văn bản trên trang {agency.name} ({existing[code]})")
        self.seed_gazette(docs)

    def targets(self, doc: Doc, code: str, by_number: dict[str, list[Doc]]) -> list[tuple[str, int]]:
        """The (kind, page id) of each relation, to the copy on the same site if there is one, else the portal's."""
        relations = []
        for kind, number in doc.relations:
            candidates = by_number.get(number_key(number), [])
            if len(candidates) > 1:
                candidates = [other for other in candidates if other.authority == doc.authority]
            if len(candidates) != 1:
                raise ValueError(f"{doc.number}: relation to {number} names {len(candidates)} documents")
            target = candidates[0]
            page_id = self.pages.get((code, *target.key)) or self.pages.get(("", *target.key))
            if page_id is None:
                page_id = next((pk for (_site, *key), pk in self.pages.items() if tuple(key) == target.key), None)
            if page_id is not None:  # a document someone deleted is not recreated as a relation target
                relations.append((kind, page_id))
        return relations

    def create(self, doc: Doc, code: str, relations: list[tuple[str, int]]) -> LegalDocumentPage:
        agency = self.agencies[code]
        section = self.sections[code]
        slug = base = slugify(doc.number)
        suffix = 1
        while slug in self.slugs[code]:
            suffix += 1
            slug = f"{base}-{suffix}"
        self.slugs[code].add(slug)
        page = LegalDocumentPage(
            title=doc.title,
            slug=slug,
            locale=section.locale,
            number=doc.number,
            document_type=self.lists["types"][doc.type],
            authority=self.lists["authorities"][doc.authority],
            signer=doc.signer,
            signer_title=doc.signer_title,
            issued_on=doc.issued_on,
            effective_from=doc.effective_from,
            expires_on=doc.expires_on,
            summary=doc.summary,
            body=self.body(doc),
        )
        page.legal_fields = [self.lists["fields"][name] for name in doc.fields]
        page.files = [DocumentFile(document=store_file(doc.file_name, document_pdf(doc), agency))]
        page.relations = [DocumentRelation(kind=kind, target_id=target) for kind, target in relations]
        section.add_child(instance=page)
        page.save_revision().publish()
        issuer_site = page.authority.agency_id == agency.pk
        posted = posting_time(doc, issuer_site)
        Page.objects.filter(pk=page.pk).update(first_published_at=posted, last_published_at=posted)
        self.pages[(code, *doc.key)] = page.pk
        return page

    @staticmethod
    def body(doc: Doc) -> str:
        paragraphs = [doc.note] if doc.note else []
        if doc.real:
            paragraphs.append(
                "Trang này ghi thông tin của văn bản (số ký hiệu, ngày ban hành, trích yếu, người ký); trích yếu do "
                "bản trình diễn biên soạn, không phải toàn văn. Tệp đính kèm là bản tóm tắt."
            )
        html = "".join(f"<p>{text}</p>" for text in paragraphs)
        if doc.source:
            html += f'<p>Nguồn: <a href="{doc.source}">{doc.source.split("/")[2]}</a></p>'
        return html

    def seed_gazette(self, docs: list[Doc]) -> None:
        portal = self.agencies[""]
        index = GazetteIndexPage.objects.child_of(portal.site.root_page).first()
        if index is None:
            return
        present = {
            (year, number.lower())
            for year, number in GazetteIssuePage.objects.child_of(index).values_list("year", "number")
        }
        # Document numbers are unique among the portal's documents (other authorities' series differ).
        wanted = {doc.number: self.pages.get(("", *doc.key)) for doc in docs if "" in doc.sites}
        for issue in gazette_issues():
            if (issue.year, issue.number.lower()) in present:
                self.result.note(False, f"“{issue.title}”")
                continue
            ids = [wanted.get(number) for number, _first, _last in issue.entries]
            pages = {
                page.number: page
                for page in LegalDocumentPage.objects.filter(pk__in=[pk for pk in ids if pk]).select_related(
                    "document_type", "authority"
                )
            }
            file = store_file(f"{issue.title}.pdf", issue_pdf(issue, pages), portal)
            page = GazetteIssuePage(
                title=issue.title,
                slug=slugify(f"so {issue.number} nam {issue.year}"),
                locale=index.locale,
                number=issue.number,
                year=issue.year,
                issued_on=issue.issued_on,
                file=file,
                intro=GAZETTE_INTRO,
            )
            page.entries = [
                GazetteEntry(document=pages[number], page_from=first, page_to=last)
                for number, first, last in issue.entries
                if number in pages
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            posted = datetime.combine(issue.issued_on, time(15, 0), tzinfo=PROVINCE_TIME)
            Page.objects.filter(pk=page.pk).update(first_published_at=posted, last_published_at=posted)
            self.result.note(True, f"“{issue.title}” ({len(page.entries.all())} văn bản)")


def seed_documents(agencies: dict[str, Agency], result: Onboarding, progress: Callable[[str], None] = len) -> None:
    """The lists, every document on its sites with its file and relations, and the gazette's three issues;
    `progress` is told how far the documents are every PROGRESS_EVERY documents."""
    LibrarySeeder(agencies, result, progress).seed()
