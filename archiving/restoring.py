"""Read a site's archive into this installation (`manage.py restore_site`): a fresh one after `migrate`, or one
with other sites already.

Everything is checked before anything is written, and every problem is reported at once: the archive's format and
version, the checksum of each member, the rows it names that this installation must have (content types,
locales), and whatever it needs that is taken here: the hostname, the agency's code (or the portal's place), any
primary key, any place in the page or collection tree, a file name holding other bytes. Then, in one transaction:
the standard-list entries this installation lacks are made, the rows are written with their primary keys (the
keys of shared rows translated to this installation's), the trees' parents count their new children, PostgreSQL's
sequences move past the keys written, the files go to the storage, and the agency gets its editors', BBT's and
one-stop desk's groups, their page, collection and site-settings permissions and its moderation workflow on both
language trees, made by home.onboarding's own steps as `create_agency_site` makes them. Last, what is derived is
built again for the site: Wagtail's reference and search indexes, the site search's entries, the legal documents'
search entries, the cached site frame. wagtail-localize's translations of the pages are made again from the pages,
with what had been translated imported from the archive's PO files.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Revision, Site, Workflow
from wagtail.search import index
from wagtail_localize.models import Translation, TranslationSource

from documents.models import LegalDocumentPage
from documents.models.entries import sync_search_entry
from documents.search import listing_changed
from finder.indexing import sync_subtree
from finder.search import index_changed
from home.models import Agency
from home.onboarding import (
    EDITOR_PAGE_PERMISSIONS,
    MODERATOR_PAGE_PERMISSIONS,
    Onboarding,
    ensure_group,
    ensure_workflow,
    grant_common,
    grant_pages,
    grant_site_settings,
    remove_wagtail_welcome_site,
)
from home.queries import frame_changed

from .contents import DROP, SHARED_LISTS, UNNAMED, base, label, walk
from .exporting import FILE_MODELS, FORMAT, VERSION, ArchiveError, content_model

SHOWN = 10  # keys listed in a refusal before "and n more"


@dataclass
class Restored:
    """What a restore did: the agency, how many rows of each model it wrote, and what it had to leave out."""

    agency: Agency
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class Archive:
    """An archive read and checked: its manifest, rows, references, and the zip file its files are read from."""

    path: Path
    manifest: dict
    records: list[dict]
    references: dict[str, dict]
    translations: list[dict]

    @property
    def files(self) -> list[str]:
        return sorted(record["fields"]["file"] for record in self.records if record["model"] in FILE_MODELS)


def restore_site(path: Path) -> Restored:
    """Restore the site archived in `path`. Raises ArchiveError, with every reason, if it cannot (nothing written)."""
    archive = read_archive(path)
    keys, to_make, notes, problems = resolve(archive.references)
    problems += conflicts(archive)
    if problems:
        raise ArchiveError("\n".join(problems))
    written: list[str] = []
    try:
        with transaction.atomic():
            restored = load(archive, keys, to_make, notes)
            restore_translations(archive.translations)
            written = store_files(archive)
            rebuild(restored.agency)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return restored


def read_archive(path: Path) -> Archive:
    """The archive in `path`, its format and every member's checksum checked; ArchiveError if it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise ArchiveError(
                    _(
                        "Tệp không đúng định dạng gói lưu trữ trang (cần %(format)s phiên bản %(version)s, "
                        "tệp ghi %(found)s phiên bản %(found_version)s)."
                    )
                    % {
                        "format": FORMAT,
                        "version": VERSION,
                        "found": manifest.get("format"),
                        "found_version": manifest.get("version"),
                    }
                )
            checksums = manifest.get("checksums", {})
            members = set(archive.namelist()) - {"manifest.json"}
            for name in sorted(members | set(checksums)):
                if name not in members or name not in checksums or checksum(archive, name) != checksums[name]:
                    raise ArchiveError(
                        _("Tổng kiểm tra của “%s” không khớp: gói lưu trữ bị hỏng hoặc đã bị sửa.") % name
                    )
            records = json.loads(archive.read("data.json"))
            references = json.loads(archive.read("references.json"))
            translations = json.loads(archive.read("translations.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError, AttributeError) as error:
        raise ArchiveError(_("Tệp không đúng định dạng gói lưu trữ trang: %s") % error) from error
    return Archive(path, manifest, records, references, translations)


def checksum(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as member:
        for chunk in iter(lambda: member.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve(references: dict[str, dict]) -> tuple[dict, dict, list[str], list[str]]:
    """This installation's key for each row the archive names: (keys by model and archived key, standard-list
    entries to make, notes on links that will be emptied, problems that refuse the restore)."""
    keys: dict[str, dict[str, object]] = {}
    to_make: dict[str, dict[str, dict]] = {}
    notes, problems = [], []
    for name, rows in references.items():
        found = keys.setdefault(name, {})
        if name in SHARED_LISTS:
            model = apps.get_model(name)
            for old, row in rows.items():
                match = Q(**{SHARED_LISTS[name]: row["key"][0]})
                if "name" in row["fields"] and model._meta.get_field("name").unique:
                    match |= Q(name=row["fields"]["name"])
                found[old] = model.objects.filter(match).values_list("pk", flat=True).first()
                if found[old] is None:
                    to_make.setdefault(name, {})[old] = row["fields"]
            continue
        for old, row in rows.items():
            found[old] = None if row["key"] is None or name in UNNAMED else find(name, row["key"])
        missing = [rows[old]["key"] for old, new in found.items() if new is None and rows[old]["key"] is not None]
        if missing and name in {"contenttypes.contenttype", "wagtailcore.locale", "auth.permission"}:
            problems.append(
                _("Cài đặt này thiếu %(model)s mà gói lưu trữ cần: %(keys)s.")
                % {"model": name, "keys": ", ".join(".".join(key) for key in missing)}
            )
        elif missing:
            notes.append(
                ngettext(
                    "%(count)d liên kết đến %(model)s không có ở cài đặt này sẽ được bỏ trống.",
                    "%(count)d liên kết đến %(model)s không có ở cài đặt này sẽ được bỏ trống.",
                    len(missing),
                )
                % {"count": len(missing), "model": name}
            )
    return keys, to_make, notes, problems


def find(name: str, key: list[str]):
    """This installation's primary key of the row of `name` with this natural key, or None."""
    user = get_user_model()
    query = {
        "contenttypes.contenttype": lambda: ContentType.objects.filter(app_label=key[0], model=key[1]),
        "wagtailcore.locale": lambda: Locale.objects.filter(language_code=key[0]),
        "auth.permission": lambda: Permission.objects.filter(content_type__app_label=key[0], codename=key[1]),
        "auth.user": lambda: user.objects.filter(**{user.USERNAME_FIELD: key[0]}),
        "auth.group": lambda: Group.objects.filter(name=key[0]),
        "wagtailcore.workflow": lambda: Workflow.objects.filter(name=key[0]),
        "home.agency": lambda: Agency.objects.filter(kind=key[0], code=key[1]),
        "wagtailcore.page": lambda: Page.objects.filter(translation_key=key[0], locale__language_code=key[1]),
    }[name]()
    return query.values_list("pk", flat=True).first()


def conflicts(archive: Archive) -> list[str]:
    """What the archive needs that is taken here (or missing), each as a sentence."""
    problems = []
    site = archive.manifest["site"]
    if Site.objects.filter(hostname=site["hostname"], port=site["port"]).exists():
        problems.append(_("Tên miền %s đã có trong cài đặt này.") % site["hostname"])
    agency = site["agency"]
    if agency["kind"] == Agency.Kind.PORTAL and Agency.objects.filter(kind=Agency.Kind.PORTAL).exists():
        problems.append(_("Cài đặt này đã có cổng tỉnh."))
    elif agency["code"] and Agency.objects.filter(code=agency["code"]).exists():
        problems.append(_("Mã cơ quan “%s” đã có trong cài đặt này.") % agency["code"])
    by_model: dict[type[models.Model], list] = {}
    for record in archive.records:
        model = apps.get_model(record["model"])
        if base(model) is model:
            by_model.setdefault(model, []).append(record["pk"])
    for model, pks in by_model.items():
        taken = sorted(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
        if taken:
            problems.append(
                _("Các khóa chính đã có trong %(model)s: %(keys)s.") % {"model": label(model), "keys": listed(taken)}
            )
    for model, what in ((Page, _("cây trang")), (Collection, _("cây thư mục tệp, ảnh"))):
        paths = {record["fields"]["path"] for record in archive.records if record["model"] == label(model)}
        taken = sorted(model.objects.filter(path__in=paths).values_list("path", flat=True))
        if taken:
            problems.append(_("Các vị trí trong %(tree)s đã có: %(paths)s.") % {"tree": what, "paths": listed(taken)})
        parents = {path[: -model.steplen] for path in paths} - paths
        present = set(model.objects.filter(path__in=parents).values_list("path", flat=True))
        if parents - present:
            problems.append(
                _("Thiếu nút cha trong %(tree)s: %(paths)s.")
                % {"tree": what, "paths": listed(sorted(parents - present))}
            )
    checksums = archive.manifest["checksums"]
    for name in archive.files:
        if default_storage.exists(name):
            with default_storage.open(name) as stored:
                digest = hashlib.sha256(stored.read()).hexdigest()
            if digest != checksums[f"media/{name}"]:
                problems.append(_("Tệp %s đã có trong kho với nội dung khác.") % name)
    return problems


def listed(values: list) -> str:
    shown = ", ".join(map(str, values[:SHOWN]))
    if len(values) > SHOWN:
        shown += _(" và %d khóa khác") % (len(values) - SHOWN)
    return shown


def load(archive: Archive, keys: dict, to_make: dict, notes: list[str]) -> Restored:
    """Write the archive's rows (and the standard-list entries missing here), keys of shared rows translated."""
    archived = {(label(base(apps.get_model(record["model"]))), str(record["pk"])) for record in archive.records}

    def visit(field, target, key):
        name = label(base(target))
        if (name, str(key)) in archived:
            return key
        new = keys.get(name, {}).get(str(key))
        return DROP if new is None else new

    for name, rows in to_make.items():
        for old, fields in rows.items():
            walk(apps.get_model(name), fields, visit)
            [made] = serializers.deserialize("python", [{"model": name, "pk": None, "fields": fields}])
            made.save()
            keys[name][old] = made.object.pk

    if archive.manifest["site"]["agency"]["kind"] == Agency.Kind.PORTAL:
        remove_wagtail_welcome_site()  # the portal is the default site, as onboarding makes it
    kept, agency_record, dropped = [], None, 0
    for record in archive.records:
        model = apps.get_model(record["model"])
        if model is Agency:
            agency_record = record
            continue
        whole = walk(model, record["fields"], visit)
        if model is Revision:
            walk(content_model(record["fields"]["content_type"]), record["fields"]["content"], visit)
        if not whole:
            if issubclass(model, Page | Site | Collection):
                raise ArchiveError(
                    _("Không thể phục hồi %(model)s %(pk)s: thiếu dòng nó cần.")
                    % {"model": record["model"], "pk": record["pk"]}
                )
            dropped += 1
            continue
        kept.append(record)
    if dropped:
        notes.append(
            ngettext(
                "%(count)d dòng cần một dòng cài đặt này không có (người dùng, trang của trang khác) đã bị bỏ qua.",
                "%(count)d dòng cần một dòng cài đặt này không có (người dùng, trang của trang khác) đã bị bỏ qua.",
                dropped,
            )
            % {"count": dropped}
        )

    counts: dict[str, int] = {}
    for item in serializers.deserialize("python", kept):
        m2m, item.m2m_data = item.m2m_data or {}, {}
        item.save()
        for name, targets in m2m.items():
            # ParentalManyToManyField's manager keeps .set() in memory: write the link rows directly.
            relation = item.object._meta.get_field(name)
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            through.objects.bulk_create(
                [through(**{f"{source}_id": item.object.pk, f"{target}_id": key}) for key in targets]
            )
        counts[label(type(item.object))] = counts.get(label(type(item.object)), 0) + 1

    agency = equip_agency(agency_record, visit)
    counts["home.agency"] = 1
    count_children(archive)
    reset_sequences({apps.get_model(record["model"]) for record in kept} | {Agency, *map(apps.get_model, to_make)})
    return Restored(agency, counts, notes)


def equip_agency(record: dict, visit) -> Agency:
    """Save the archived agency with groups, permissions and a workflow made here, as `create_agency_site` does."""
    fields = record["fields"]
    site = Site.objects.get(pk=fields["site"])
    collection = Collection.objects.get(pk=fields["collection"])
    code_label = fields["code"] or site.hostname.split(".")[0]
    result = Onboarding()
    editors = ensure_group(f"{code_label} – Biên tập viên", result)
    moderators = ensure_group(f"{code_label} – Ban biên tập", result)
    officers = ensure_group(f"{code_label} – Bộ phận một cửa", result)
    officers.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    roots = [page.specific for page in Page.objects.filter(translation_key=site.root_page.translation_key)]
    for root in roots:
        grant_pages(editors, root, EDITOR_PAGE_PERMISSIONS, result)
        grant_pages(moderators, root, MODERATOR_PAGE_PERMISSIONS, result)
    for group in (editors, moderators):
        grant_common(group, collection, result)
    grant_site_settings(moderators, site, result)
    workflow = ensure_workflow(code_label, fields["name"], moderators, roots, result)
    walk(Agency, fields, visit)
    fields.update(editors=editors.pk, moderators=moderators.pk, officers=officers.pk, workflow=workflow.pk)
    [item] = serializers.deserialize("python", [record])
    item.save()
    return Agency.objects.get(pk=item.object.pk)


def count_children(archive: Archive) -> None:
    """The nodes above the archive's top pages and collections count their new children (treebeard's numchild)."""
    for model in (Page, Collection):
        paths = {record["fields"]["path"] for record in archive.records if record["model"] == label(model)}
        for parent in {path[: -model.steplen] for path in paths} - paths:
            children = model.objects.filter(path__startswith=parent, depth=len(parent) // model.steplen + 1)
            model.objects.filter(path=parent).update(numchild=children.count())


def reset_sequences(restored: set[type[models.Model]]) -> None:
    """Move the tables' key sequences past the keys written (PostgreSQL; nothing to do elsewhere)."""
    statements = connection.ops.sequence_reset_sql(no_style(), sorted(restored, key=label))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def restore_translations(translations: list[dict]) -> None:
    """wagtail-localize's translations of the restored pages: their sources taken again from the pages, and what
    had been translated imported from each one's PO file (its translation editor goes on where it was)."""
    for item in translations:
        page = (
            Page.objects.filter(translation_key=item["translation_key"], locale__language_code=item["source_locale"])
            .specific()
            .first()
        )
        if page is None:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            uuid=item["uuid"],
            defaults={
                "source": source,
                "target_locale": Locale.objects.get(language_code=item["target_locale"]),
                "enabled": item["enabled"],
            },
        )
        translation.import_po(polib.pofile(item["po"]))


def store_files(archive: Archive) -> list[str]:
    """Copy the archive's files into the storage under their names; returns the names written (not those there)."""
    written = []
    with zipfile.ZipFile(archive.path) as source:
        for name in archive.files:
            if default_storage.exists(name):
                continue  # the same bytes (checked before)
            with source.open(f"media/{name}") as member:
                saved = default_storage.save(name, File(member, name=name))
            written.append(saved)
            if saved != name:
                raise ArchiveError(_("Kho lưu tệp đổi tên %(name)s thành %(saved)s.") % {"name": name, "saved": saved})
    return written


def rebuild(agency: Agency) -> None:
    """Build again what is derived from the site's rows: Wagtail's reference and search indexes, the site search's
    entries, the legal documents' entries, the cached frame."""
    Site.clear_site_root_paths_cache()
    roots = list(Page.objects.filter(translation_key=agency.site.root_page.translation_key))
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    for page in pages.specific():
        ReferenceIndex.create_or_update_for_object(page)
        index.insert_or_update_object(page)
        if isinstance(page, LegalDocumentPage):
            sync_search_entry(page)
    for model in (apps.get_model("wagtaildocs", "Document"), apps.get_model("wagtailimages", "Image")):
        for item in model.objects.filter(collection__path__startswith=agency.collection.path):
            ReferenceIndex.create_or_update_for_object(item)
            index.insert_or_update_object(item)
    for root in roots:
        sync_subtree(root)
    index_changed()
    listing_changed()
    frame_changed()
