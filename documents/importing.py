"""Importing legal documents from a spreadsheet (CSV) exported by a clerk: one row, one document.

The columns are those of `COLUMNS`; `REQUIRED_COLUMNS` must be present in the header, the others may
be left out. Each row is imported on its own, inside one transaction: a bad row is reported with its
row number and reason, leaves nothing behind, and does not stop the rows after it.

Decisions a clerk can rely on:

- **Hình thức văn bản must already be in its list** (matched by name, ignoring case, or by its
  abbreviation, "QĐ"); migrations put the standard types there. An unknown type is an error for the row.
- **Cơ quan ban hành must be in its list or be an agency with a site**. Names are compared ignoring
  case and diacritics, with "UBND" and "HĐND" spelt out ("UBND tỉnh Quảng Ngãi" is "Ủy ban nhân dân
  tỉnh Quảng Ngãi"; "UBND xã Tư Nghĩa" is the local government "Xã Tư Nghĩa"). An authority not in
  the list but named like an agency is added to the list, linked to that agency's site (its time
  limits). Any other name is an error for the row, whose message says how to add it: the list belongs
  to the administrator, and a typo must not silently create a second authority that splits the
  search's filters and misses the authority's site and time limits.
- **Lĩnh vực are created when missing**: they are free classification, and a new one harms nothing.
- **A document is identified by its authority, number and year of issue** (numbers compared as
  `number_key`: case, spaces and diacritics ignored; individual decisions restart at 1 every January)
  inside the site's legal-documents section. Found → updated; else created.
  The same document may also be posted on other sites: their copies are neither found nor changed.
  Re-importing the same file changes nothing: no new revision, no duplicate page or file.
- **Blank `tep`, `thay_the` or `sua_doi` keep what the document already has** (files or relations
  added by hand stay); a filled one replaces that list. The other columns are authoritative: a blank
  `nguoi_ky` or date clears it.
- **A file** named in `tep` is looked up under the `--files` folder, must be no larger than
  `PORTAL_MAX_UPLOAD_SIZE` and really be what its extension says; it is stored once in the agency's
  collection (an identical file — same name, same content — is reused, not uploaded again).
- **Relations** name other documents by number, on any site (a document posted on several sites:
  this site's copy, else the one on its authority's site, else the first posted). A number that
  matches no document, the row's own number, or documents of several authorities none of which is
  this row's, is an error. Rows are imported in order, so a document must come before the rows that
  replace or amend it.
- **The same authority and number twice in one file**: the second row is an error.
- **Publishing**: with `publish=True` each changed document is published; otherwise its new revision
  is submitted to the site's moderation workflow (the BBT), unless it is already in moderation. Wagtail's
  e-mail per submitted page is held back during the import: each member of the site's BBT gets one
  summary instead ("N văn bản chờ duyệt", with a link to the admin), queued like every e-mail.
"""

import hashlib
import io
import re
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_save
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from modelsearch.index import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler as search_signal_handler
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.users.models import UserProfile

from documents.models import (
    Authority,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
)
from documents.models.pages import number_key
from finder import signals as finder_signals
from finder.indexing import sync_page
from finder.search import index_changed
from groundwork.mail import send_mail
from groundwork.storage import removed_on_failure
from groundwork.uploads import content_matches_extension
from home.models import Agency
from home.notifications import workflow_notifications_held
from vietnam.text import nfc, person_name, slugify

# A CSV larger than this is refused before it is read: 10,000 documents take about 3 MB.
MAX_CSV_SIZE = 20 * 1024 * 1024

COLUMNS = [
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "nguoi_ky",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "ngay_het_hieu_luc",
    "linh_vuc",
    "trich_yeu",
    "tep",
    "thay_the",
    "sua_doi",
]
REQUIRED_COLUMNS = ["so_ky_hieu", "loai_van_ban", "co_quan_ban_hanh", "ngay_ban_hanh", "trich_yeu"]
# The spreadsheet's own row numbers: the header is row 1.
FIRST_ROW_NUMBER = 2

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
RELATION_COLUMNS = {"thay_the": DocumentRelation.Kind.REPLACES, "sua_doi": DocumentRelation.Kind.AMENDS}

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# The site search's post_save receiver (finder/signals.py), set aside during an import for legal documents.
SITE_SEARCH_RECEIVER = "finder.saved"
IMPORT_SITE_SEARCH_RECEIVER = "documents.importing.site_search_saved"


class RowError(Exception):
    """A row that cannot be imported; the message (in Vietnamese) says why."""


@dataclass
class ImportReport:
    """What an import did: counts by outcome, the errors as (row number, reason), and how long it took."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + len(self.errors)

    @property
    def rate(self) -> float:
        """Rows per second."""
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class StagedFile:
    """A file from the --files folder, read and checked, not yet stored."""

    name: str
    data: bytes
    sha1: str


@dataclass
class DocumentRow:
    """One row's values, parsed and checked against the lists, ready to be saved."""

    number: str
    document_type: DocumentType
    authority: Authority
    signer: str
    issued_on: date
    effective_from: date | None
    expires_on: date | None
    field_names: list[str]
    summary: str
    files: list[StagedFile]
    relations: dict[str, list[LegalDocumentPage]]  # kind → targets, only for the filled relation columns


def clean_text(value: str | None) -> str:
    """A cell's text in NFC with runs of whitespace collapsed ("" for a missing cell)."""
    return " ".join(nfc(value or "").split())


def split_list(value: str | None) -> list[str]:
    """The values of a `;`-separated cell, blanks and repeats dropped, order kept."""
    return list(dict.fromkeys(item for item in (clean_text(part) for part in (value or "").split(";")) if item))


def parse_date(value: str, label: str, required: bool = False) -> date | None:
    """A dd/mm/yyyy (or d/m/yyyy) date; None for a blank optional one. Raises RowError naming `label`."""
    value = clean_text(value)
    if not value:
        if required:
            raise RowError(f"Thiếu {label}.")
        return None
    match = _DATE.fullmatch(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass  # 31/02/2025: reported below like any other malformed date
    raise RowError(f"{label.capitalize()} “{value}” không hợp lệ; cần ghi theo dạng ngày/tháng/năm, ví dụ 19/04/2017.")


def _site_search_saved_but_documents(sender, instance, **kwargs) -> None:
    """The site search's receiver of post_save, for everything but legal documents (see indexes_updated_once)."""
    if not isinstance(instance, LegalDocumentPage):
        finder_signals.saved(sender, instance, **kwargs)


@contextmanager
def indexes_updated_once():
    """Wagtail updates its search and reference indexes on every save of a page: three times for each
    imported row (created, revision, published), and its database search backend reads its whole table on
    each update; the site search (finder) describes the page again on each of its two full saves. Inside this
    block they are not updated for documents: DocumentImporter.save() updates the reference index once per
    document, and Wagtail's search index and the site search take the imported documents in bulk at the end
    (after an interrupted import, `manage.py update_index` and `manage.py rebuild_site_search` catch up). For the
    importing process only: meant for the management command, not for a threaded web server."""
    connected = post_save.disconnect(search_signal_handler, sender=LegalDocumentPage)
    site_search = post_save.disconnect(dispatch_uid=SITE_SEARCH_RECEIVER)
    if site_search:
        post_save.connect(_site_search_saved_but_documents, dispatch_uid=IMPORT_SITE_SEARCH_RECEIVER)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if connected:
            post_save.connect(search_signal_handler, sender=LegalDocumentPage)
        if site_search:
            post_save.disconnect(dispatch_uid=IMPORT_SITE_SEARCH_RECEIVER)
            post_save.connect(finder_signals.saved, dispatch_uid=SITE_SEARCH_RECEIVER)


def add_to_site_search(pks: list[int], batch: int = 500) -> None:
    """Describe the documents `pks` in the site search (finder) once each, after the import's saves."""
    for start in range(0, len(pks), batch):
        with transaction.atomic():
            for page in LegalDocumentPage.objects.filter(pk__in=pks[start : start + batch]):
                sync_page(page)
    if pks:
        index_changed()


def add_to_search_index(pks: list[int], batch: int = 500) -> None:
    """Index the documents `pks` in Wagtail's search backends, `batch` at a time."""
    for start in range(0, len(pks), batch):
        pages = list(LegalDocumentPage.objects.filter(pk__in=pks[start : start + batch]))
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            backend.add_bulk(LegalDocumentPage, pages)


def legal_documents_section(agency) -> LegalDocumentIndexPage:
    """The agency's Vietnamese legal-documents section (/van-ban/). Raises LegalDocumentIndexPage.DoesNotExist."""
    return LegalDocumentIndexPage.objects.child_of(agency.site.root_page).get(slug="van-ban")


def _name_key(name: str) -> str:
    return clean_text(name).casefold()


# What clerks abbreviate in the names of the bodies that issue most documents (as slugify spells them).
AUTHORITY_ABBREVIATIONS = {"ubnd": "uy-ban-nhan-dan", "hdnd": "hoi-dong-nhan-dan"}
PEOPLES_COMMITTEE = "uy-ban-nhan-dan-"


def authority_key(name: str) -> str:
    """`name` as issuing authorities are compared: case and diacritics ignored, "UBND" and "HĐND" spelt out.

    "UBND tỉnh Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi" and "Uỷ ban nhân dân tỉnh Quảng Ngãi" give one key.
    """
    return "-".join(AUTHORITY_ABBREVIATIONS.get(word, word) for word in slugify(name).split("-"))


def agency_keys(agency: Agency) -> set[str]:
    """The authority keys that name `agency`: its name's, and for a local government ("Xã Tư Nghĩa") also its
    People's Committee's ("UBND xã Tư Nghĩa"), which issues its documents."""
    key = authority_key(agency.name)
    if agency.kind != Agency.Kind.LOCAL:
        return {key}
    place = key.removeprefix(PEOPLES_COMMITTEE)
    return {place, PEOPLES_COMMITTEE + place}


def notify_moderators(agency, section: LegalDocumentIndexPage, user, count: int) -> None:
    """Queue one e-mail to each member of the agency's BBT (but `user`, who imported): `count` documents wait for
    their approval, with links to the admin's dashboard, where they approve, and to the section.

    Those who turned off "submitted" notifications in their account get none, as with Wagtail's own e-mails.
    """
    members = agency.moderators.user_set.filter(is_active=True).exclude(email="").exclude(pk=user.pk).order_by("pk")
    base_url = settings.WAGTAILADMIN_BASE_URL
    context = {
        "count": count,
        "agency": agency,
        "importer": person_name(user, fallback_to_username=True),
        "dashboard_url": base_url + reverse("wagtailadmin_home"),
        "section_url": base_url + reverse("wagtailadmin_explore", args=[section.pk]),
    }
    for member in members:
        profile = UserProfile.get_for_user(member)
        if not profile.submitted_notifications:
            continue
        language = profile.get_preferred_language()
        with translation.override(language):
            subject = gettext("Văn bản chờ duyệt: %(count)s") % {"count": count}
        send_mail(member.email, subject, "documents/mail/import_waiting", context, language=language)


class DocumentImporter:
    """Imports rows (dicts keyed by `COLUMNS`) into one agency's legal-documents section.

    `user` is recorded on revisions, uploaded files and workflows; `files_dir` is where `tep` names
    are looked up; `publish` publishes changed documents instead of submitting them to the BBT.
    """

    def __init__(self, agency, user, *, files_dir: Path | None = None, publish: bool = False):
        self.agency = agency
        self.user = user
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.publish = publish
        self.section = legal_documents_section(agency)
        self.types: dict[str, DocumentType] = {}
        for document_type in DocumentType.objects.all():
            if document_type.abbreviation:
                self.types.setdefault(_name_key(document_type.abbreviation), document_type)
        self.types.update({_name_key(item.name): item for item in DocumentType.objects.all()})
        # By exact name first; by key only when no authority has the name (two spellings may share a key).
        authorities = list(Authority.objects.order_by("-pk"))
        self.authority_names = {_name_key(item.name): item for item in authorities}
        self.authorities = {authority_key(item.name): item for item in authorities}  # the oldest wins
        self.agencies = {key: agency for agency in Agency.objects.all() for key in agency_keys(agency)}
        # Lĩnh vực by name ignoring case, read once (a query per field of every row was a third of the reads); those
        # a row creates join only when its transaction commits, as a failed row's are rolled back with it.
        self.fields: dict[str, LegalField] = {}
        for item in LegalField.objects.order_by("-pk"):
            self.fields[item.name.lower()] = item  # the oldest wins
        self.new_fields: dict[str, LegalField] = {}
        self.seen: dict[tuple[int, str, int], int] = {}  # (authority, number_key, year) → its first row
        self.imported: list[int] = []  # the pages created or changed, for the search index

    def import_rows(
        self, rows: Iterable[Mapping[str, str | None]], progress: Callable[[int], None] | None = None
    ) -> ImportReport:
        """Import every row, each on its own; call `progress(rows_done)` after each. Returns the report."""
        report = ImportReport()
        started = time.monotonic()
        self.imported = []
        with indexes_updated_once(), workflow_notifications_held():
            self._import_rows(rows, report, progress)
            add_to_search_index(self.imported)
        add_to_site_search(self.imported)
        if not self.publish and self.imported:
            notify_moderators(self.agency, self.section, self.user, len(self.imported))
        report.seconds = time.monotonic() - started
        return report

    def _import_rows(self, rows, report: ImportReport, progress) -> None:
        for index, row in enumerate(rows):
            row_number = index + FIRST_ROW_NUMBER
            try:
                outcome = self.import_row(row, row_number)
            except RowError as error:
                report.errors.append((row_number, str(error)))
            except ValidationError as error:
                report.errors.append((row_number, " ".join(error.messages)))
            except Exception as error:  # noqa: BLE001 - one unexpected failure must not stop thousands of good rows
                report.errors.append((row_number, f"Lỗi khi lưu văn bản: {error}"))
            else:
                if outcome is not None:
                    setattr(report, outcome, getattr(report, outcome) + 1)
            if progress:
                progress(index + 1)

    def import_row(self, row: Mapping[str, str | None], row_number: int) -> str | None:
        """Import one row atomically; returns CREATED, UPDATED, UNCHANGED, or None for a blank row.

        Raises RowError (or ValidationError from the page's own checks) and then leaves nothing behind.
        """
        if None in row:  # csv.DictReader puts the cells beyond the header under None
            raise RowError("Dòng có nhiều ô hơn tiêu đề; trích yếu có dấu phẩy thì cần đặt trong dấu ngoặc kép.")
        if not any(clean_text(value) for value in row.values()):
            return None
        values = self.parse_row(row, row_number)
        storage = get_document_model()._meta.get_field("file").storage
        self.new_fields = {}
        with removed_on_failure(storage) as stored, transaction.atomic():
            outcome, page = self.save(values, stored)
        self.fields.update(self.new_fields)
        if outcome != UNCHANGED:
            self.imported.append(page.pk)
        return outcome

    def parse_row(self, row: Mapping[str, str | None], row_number: int) -> DocumentRow:
        """Check one row's values against the lists, the files and the other documents. Raises RowError."""
        number = clean_text(row.get("so_ky_hieu"))
        if not number:
            raise RowError("Thiếu số ký hiệu.")
        type_name = clean_text(row.get("loai_van_ban"))
        document_type = self.types.get(_name_key(type_name))
        if document_type is None:
            raise RowError(
                f"Không có hình thức văn bản “{type_name}” trong danh mục; "
                "hãy sửa cho đúng tên trong danh mục hoặc nhờ quản trị thêm vào."
                if type_name
                else "Thiếu hình thức văn bản."
            )
        authority = self.authority(clean_text(row.get("co_quan_ban_hanh")))
        issued_on = parse_date(row.get("ngay_ban_hanh"), "ngày ban hành", required=True)
        # Individual decisions' numbers restart every January: a number is unique within its year.
        key = (authority.pk, number_key(number), issued_on.year)
        if key in self.seen:
            raise RowError(f"Số ký hiệu {number} của {authority.name} trùng với dòng {self.seen[key]}.")
        self.seen[key] = row_number

        effective_from = parse_date(row.get("ngay_hieu_luc"), "ngày có hiệu lực")
        expires_on = parse_date(row.get("ngay_het_hieu_luc"), "ngày hết hiệu lực")
        if effective_from and expires_on and expires_on < effective_from:
            raise RowError("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        summary = clean_text(row.get("trich_yeu"))
        if not summary:
            raise RowError("Thiếu trích yếu.")
        signer = clean_text(row.get("nguoi_ky"))
        for label, model_field, value in [
            ("Số ký hiệu", "number", number),
            ("Người ký", "signer", signer),
            ("Trích yếu", "summary", summary),
        ]:
            limit = LegalDocumentPage._meta.get_field(model_field).max_length
            if len(value) > limit:
                raise RowError(f"{label} dài {len(value)} ký tự; tối đa {limit}.")

        relations = {
            kind: [self.find_target(name, authority, key[1], column) for name in split_list(row.get(column))]
            for column, kind in RELATION_COLUMNS.items()
            if split_list(row.get(column))
        }
        return DocumentRow(
            number=number,
            document_type=document_type,
            authority=authority,
            signer=signer,
            issued_on=issued_on,
            effective_from=effective_from,
            expires_on=expires_on,
            field_names=split_list(row.get("linh_vuc")),
            summary=summary,
            files=[self.stage_file(name) for name in split_list(row.get("tep"))],
            relations=relations,
        )

    def authority(self, name: str) -> Authority:
        """The issuing authority called `name`: from the list, or added to it from the agency of that name.

        Raises RowError for a blank name or one that names neither, saying how to add it.
        """
        if not name:
            raise RowError("Thiếu cơ quan ban hành.")
        key = authority_key(name)
        authority = self.authority_names.get(_name_key(name)) or self.authorities.get(key)
        if authority is None and key in self.agencies:
            agency = self.agencies[key]
            same_name = key == authority_key(agency.name)  # not "UBND xã Tư Nghĩa" for "Xã Tư Nghĩa"
            authority = Authority.objects.create(name=name, name_en=agency.name_en if same_name else "", agency=agency)
            self.authorities[key] = authority
        if authority is None:
            raise RowError(
                f"Không có cơ quan ban hành “{name}” trong danh mục, cũng không có trang của cơ quan nào tên như vậy. "
                "Nếu tên gõ sai, hãy sửa trong tệp cho đúng tên trong danh mục; nếu là cơ quan mới, quản trị viên "
                f"thêm vào mục Danh mục văn bản › Cơ quan ban hành của trang quản trị ({reverse('authorities:add')}) "
                "rồi nhập lại tệp."
            )
        return authority

    def stage_file(self, name: str) -> StagedFile:
        """Read and check one file named in `tep`. Raises RowError if missing, too large or not what it claims."""
        if self.files_dir is None:
            raise RowError(f"Dòng có tệp “{name}” nhưng chưa chỉ thư mục chứa tệp (--files).")
        path = (self.files_dir / name).resolve()
        if not path.is_relative_to(self.files_dir) or not path.is_file():
            raise RowError(f"Không tìm thấy tệp “{name}” trong thư mục {self.files_dir}.")
        limit = settings.PORTAL_MAX_UPLOAD_SIZE
        size = path.stat().st_size
        if size > limit:
            raise RowError(f"Tệp “{name}” quá lớn ({filesizeformat(size)}); tối đa {filesizeformat(limit)}.")
        data = path.read_bytes()
        extension = path.suffix.lstrip(".").lower()
        if not content_matches_extension(io.BytesIO(data), extension):
            raise RowError(f"Nội dung tệp “{name}” không đúng định dạng .{extension}; hãy dùng đúng tệp văn bản.")
        return StagedFile(name=path.name, data=data, sha1=hashlib.sha1(data).hexdigest())  # noqa: S324 - Wagtail's file_hash

    def find_target(self, reference: str, authority: Authority, own_key: str, column: str) -> LegalDocumentPage:
        """The document numbered `reference` (any site) that a row of `authority` numbered `own_key` relates to.

        A document posted on several sites is one document: the copy in this section is preferred, then the
        one on the authority's own site, then the first posted. Among documents of several authorities,
        `authority`'s own wins; otherwise the reference is ambiguous. Raises RowError.
        """
        key = number_key(reference)
        if key == own_key:
            raise RowError(f"Văn bản không thể liên quan đến chính nó (cột {column}).")
        candidates = list(
            LegalDocumentPage.objects.filter(number_key=key, locale=self.section.locale)
            .select_related("authority")
            .order_by("pk")
        )
        if not candidates:
            raise RowError(f"Không tìm thấy văn bản số {reference} (cột {column}); văn bản đó cần được nhập trước.")
        candidates = [page for page in candidates if page.authority_id == authority.pk] or candidates
        if len({page.authority_id for page in candidates}) > 1:
            names = ", ".join(sorted({page.authority.name for page in candidates}))
            raise RowError(f"Có nhiều văn bản số {reference} (cột {column}) của: {names}; hãy ghi rõ văn bản nào.")
        authority_site = candidates[0].authority.agency.site.root_page if candidates[0].authority.agency_id else None
        return min(
            candidates,
            key=lambda page: (
                not page.path.startswith(self.section.path),
                not (authority_site and page.path.startswith(authority_site.path)),
            ),
        )

    def save(self, values: DocumentRow, stored: list[str]) -> tuple[str, LegalDocumentPage]:
        """Create or update the document from checked values (inside the caller's transaction); returns the
        outcome and the page.

        Names of newly stored files are appended to `stored`, for the caller to remove on rollback.
        """
        existing = (
            LegalDocumentPage.objects.child_of(self.section)
            .filter(
                authority=values.authority,
                number_key=number_key(values.number),
                issued_on__year=values.issued_on.year,
            )
            .first()
        )
        if existing is None:
            page = LegalDocumentPage(locale=self.section.locale, live=False)
        else:
            page = existing.get_latest_revision_as_object()
        before = self.snapshot(page) if existing else None

        page.title = f"{values.document_type.name} {values.number}"
        page.number = values.number
        page.document_type = values.document_type
        page.authority = values.authority
        page.signer = values.signer
        page.issued_on = values.issued_on
        page.effective_from = values.effective_from
        page.expires_on = values.expires_on
        page.summary = values.summary
        page.legal_fields = [self.legal_field(name) for name in values.field_names]
        if values.files:
            current = {item.document_id: item for item in page.files.all()}
            documents = [self.store_file(staged, stored) for staged in values.files]
            page.files = [current.get(document.pk) or DocumentFile(document=document) for document in documents]
        if values.relations:
            current = {(item.kind, item.target_id): item for item in page.relations.all()}
            kept = [item for item in page.relations.all() if item.kind not in values.relations]
            page.relations = kept + [
                current.get((kind, target.pk)) or DocumentRelation(kind=kind, target=target)
                for kind, targets in values.relations.items()
                for target in targets
            ]

        if existing is None:
            page.slug = self.free_slug(slugify(values.number) or "van-ban")
            self.section.add_child(instance=page)  # validated by the page's save
            outcome, revision = CREATED, page.save_revision(user=self.user, clean=False)
        elif self.snapshot(page) != before:
            outcome, revision = UPDATED, page.save_revision(user=self.user)
        elif self.publish and (not existing.live or existing.has_unpublished_changes):
            # Imported earlier for moderation and unchanged since: publish it as it stands.
            outcome, revision = UPDATED, existing.get_latest_revision() or page.save_revision(user=self.user)
        else:
            return UNCHANGED, page

        if self.publish:
            workflow_state = page.current_workflow_state
            if workflow_state:
                workflow_state.cancel(user=self.user)
            revision.publish(user=self.user)
        elif not page.workflow_in_progress:
            self.agency.workflow.start(page, self.user)
        ReferenceIndex.create_or_update_for_object(page)
        return outcome, page

    @staticmethod
    def snapshot(page: LegalDocumentPage) -> tuple:
        """Everything an import sets on a page, to tell whether a row changes it."""
        return (
            page.title,
            page.number,
            page.document_type_id,
            page.authority_id,
            page.signer,
            page.issued_on,
            page.effective_from,
            page.expires_on,
            page.summary,
            sorted(item.pk for item in page.legal_fields.all()),
            [item.document_id for item in page.files.all()],
            sorted((item.kind, item.target_id) for item in page.relations.all()),
        )

    def legal_field(self, name: str) -> LegalField:
        """The field (lĩnh vực) called `name`, ignoring case; created if there is none (in the row's transaction)."""
        key = name.lower()
        field = self.fields.get(key) or self.new_fields.get(key)
        if field is None:
            field = self.new_fields[key] = LegalField.objects.create(name=name)
        return field

    def store_file(self, staged: StagedFile, stored: list[str]):
        """The Wagtail document holding `staged`: the agency's identical one if any, else a new upload."""
        Document = get_document_model()
        document = Document.objects.filter(
            collection=self.agency.collection, title=staged.name, file_hash=staged.sha1
        ).first()
        if document is None:
            document = Document(
                title=staged.name,
                collection=self.agency.collection,
                uploaded_by_user=self.user,
                file_size=len(staged.data),
                file_hash=staged.sha1,
            )
            document.file.save(staged.name, ContentFile(staged.data), save=False)
            stored.append(document.file.name)
            document.save()
        return document

    def free_slug(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`… whichever no other document in the section uses."""
        taken = set(self.section.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, suffix = base, 1
        while slug in taken:
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug
