"""Write one site's content into one archive file (`manage.py export_site`).

The archive is a zip file:
- `manifest.json`: the format's name and version, when and from which site it was made, the versions of Django,
  Wagtail and wagtail-localize that wrote it, how many rows of each model and how many files it holds, and the
  SHA-256 of every other member;
- `data.json`: the site's rows (archiving.contents) as Django's JSON serializer writes them, primary keys kept;
- `references.json`: the rows those point at without carrying them, named by natural key (archiving.contents);
- `translations.json`: wagtail-localize's translations of those pages, each with a PO file of its strings;
- `media/<name>`: each document's and image's file, under its name in the storage (renditions are not kept).
"""

import hashlib
import json
import zipfile
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Revision, Workflow
from wagtail_localize.models import Translation

from home.models import Agency

from .contents import OPTIONAL, REQUIRED, SHARED_LISTS, UNNAMED, base, collect, label, walk

FORMAT = "quangngai-site-archive"
VERSION = 1
FILE_MODELS = {"wagtaildocs.document", "wagtailimages.image"}


class ArchiveError(ValueError):
    """The site cannot be archived, or the archive cannot be restored; the message says why."""


def find_agency(name: str) -> Agency:
    """The agency whose site has this hostname or whose code this is; ArchiveError if there is none."""
    query = Q(site__hostname=name) | (Q(code=name) & ~Q(code=""))
    agency = Agency.objects.select_related("site").filter(query).first()
    if agency is None:
        raise ArchiveError(_("Không có trang nào có tên miền hoặc mã “%s”.") % name)
    return agency


def export_site(agency: Agency, path: Path) -> dict:
    """Write `agency`'s site into the zip file `path`; returns its manifest."""
    records = []
    for _model, queryset in collect(agency):
        records += json.loads(serializers.serialize("json", queryset))
    archived = {(label(base(apps.get_model(record["model"]))), str(record["pk"])) for record in records}
    pointed: dict[str, set] = defaultdict(set)

    def note(field, target, key):
        name = label(base(target))
        if (name, str(key)) not in archived:
            pointed[name].add(key)
        return key

    for record in records:
        model = apps.get_model(record["model"])
        walk(model, record["fields"], note)
        if model is Revision:
            walk(content_model(record["fields"]["content_type"]), record["fields"]["content"], note)
    references = {name: name_rows(name, keys) for name, keys in sorted(pointed.items())}
    files = sorted(record["fields"]["file"] for record in records if record["model"] in FILE_MODELS)

    members = {
        "data.json": json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode(),
        "references.json": json.dumps(references, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode(),
        "translations.json": json.dumps(translations(records), ensure_ascii=False, indent=1).encode(),
    }
    site = agency.site
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "site": {
            "hostname": site.hostname,
            "port": site.port,
            "site_name": site.site_name,
            "agency": {"code": agency.code, "kind": agency.kind, "name": agency.name, "name_en": agency.name_en},
        },
        "versions": {package: version(package) for package in ("django", "wagtail", "wagtail-localize")},
        "counts": {**Counter(record["model"] for record in records), "files": len(files)},
        "checksums": {},
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
            manifest["checksums"][name] = hashlib.sha256(data).hexdigest()
        for name in files:
            digest = hashlib.sha256()
            with default_storage.open(name) as source, archive.open(f"media/{name}", "w") as target:
                for chunk in iter(lambda source=source: source.read(1 << 20), b""):
                    digest.update(chunk)
                    target.write(chunk)
            manifest["checksums"][f"media/{name}"] = digest.hexdigest()
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def translations(records: list[dict]) -> list[dict]:
    """wagtail-localize's translations of the archived pages, each with the PO file of its strings and what has
    been translated (its own rows share strings with every site: the PO file carries them instead)."""
    keys = {record["fields"]["translation_key"] for record in records if record["model"] == "wagtailcore.page"}
    found = Translation.objects.filter(source__object_id__in=keys).select_related("source__locale", "target_locale")
    return [
        {
            "uuid": str(translation.uuid),
            "translation_key": str(translation.source.object_id),
            "source_locale": translation.source.locale.language_code,
            "target_locale": translation.target_locale.language_code,
            "enabled": translation.enabled,
            "po": str(translation.export_po()),
        }
        for translation in found.order_by("pk")
    ]


def content_model(content_type_id):
    """The model of a revision's content."""
    return ContentType.objects.get_for_id(content_type_id).model_class()


def name_rows(name: str, keys: set) -> dict:
    """The natural key of each row `keys` of the model `name` (a base model's label), as the archive names them;
    standard lists' entries carry their fields too, to be made where they are missing."""
    if name in SHARED_LISTS:
        model = apps.get_model(name)
        rows = json.loads(serializers.serialize("json", model.objects.filter(pk__in=keys)))
        return {str(row["pk"]): {"key": [row["fields"][SHARED_LISTS[name]]], "fields": row["fields"]} for row in rows}
    if name in UNNAMED:
        return {str(key): {"key": None} for key in keys}
    if name not in REQUIRED | OPTIONAL:
        raise ArchiveError(
            _(
                "Trang trỏ đến %(model)s (khóa %(keys)s) mà gói lưu trữ không biết cách ghi: "
                "cần khai báo trong archiving.contents."
            )
            % {"model": name, "keys": ", ".join(map(str, sorted(keys)))}
        )
    named = {
        "contenttypes.contenttype": lambda: ContentType.objects.filter(pk__in=keys).values_list(
            "pk", "app_label", "model"
        ),
        "wagtailcore.locale": lambda: Locale.objects.filter(pk__in=keys).values_list("pk", "language_code"),
        "auth.permission": lambda: Permission.objects.filter(pk__in=keys).values_list(
            "pk", "content_type__app_label", "codename"
        ),
        "auth.user": lambda: (
            get_user_model().objects.filter(pk__in=keys).values_list("pk", get_user_model().USERNAME_FIELD)
        ),
        "auth.group": lambda: Group.objects.filter(pk__in=keys).values_list("pk", "name"),
        "wagtailcore.workflow": lambda: Workflow.objects.filter(pk__in=keys).values_list("pk", "name"),
        "home.agency": lambda: Agency.objects.filter(pk__in=keys).values_list("pk", "kind", "code"),
        "wagtailcore.page": lambda: Page.objects.filter(pk__in=keys).values_list(
            "pk", "translation_key", "locale__language_code"
        ),
    }[name]()
    found = {str(pk): {"key": [str(part) for part in rest]} for pk, *rest in named}
    return {str(key): found.get(str(key), {"key": None}) for key in keys}
