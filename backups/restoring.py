"""Restoring a backup made by `manage.py backup`: checked first (every file's size and SHA-256 against the
manifest), then the database put back and the files written into the configured storages under their own names."""

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.core.files.storage import storages
from django.db.migrations.loader import MigrationLoader

from backups import database
from backups.database import BackupError
from backups.destinations import MANIFEST, LocalDestination, destination, private_directory
from backups.making import CHUNK, FORMAT, STORAGE_FOLDERS, safe_name

# What the restore counts in the restored database, to print: {label: (app, model)}.
COUNTED = {
    "trang": ("wagtailcore", "Page"),
    "văn bản": ("legal_documents", "LegalDocumentPage"),
    "tài liệu": ("wagtaildocs", "Document"),
    "câu hỏi": ("feedback", "Question"),
    "hồ sơ": ("services", "Dossier"),
}


@dataclass
class Restored:
    """What a restore put back: rows counted in the database, and files written to each storage."""

    name: str
    counts: dict[str, int]
    files: dict[str, int] = field(default_factory=dict)
    migrations: dict[str, list[str]] = field(default_factory=dict)


def migration_gaps(recorded: dict[str, list[str]], known: set[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(migrations the code has that the backup's database had not applied: `migrate` applies them; migrations
    the backup's database had that this code does not know: the code is older than the backup), as 'app.name'."""
    applied = {(app, name) for app, names in recorded.items() for name in names}
    return (
        sorted(f"{app}.{name}" for app, name in known - applied),
        sorted(f"{app}.{name}" for app, name in applied - known),
    )


def code_migrations() -> set[tuple[str, str]]:
    """Every (app, migration) of the installed apps' code."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def locate(source: str, work: Path) -> Path:
    """The local folder of the backup at `source` (a folder, or s3://bucket/prefix/portal-…, downloaded into
    `work`)."""
    if source.startswith("s3://"):
        location, _slash, name = source.rstrip("/").rpartition("/")
        return destination(location).fetch(name, work)
    folder = Path(source)
    if not folder.is_dir():
        raise BackupError(f"Không có thư mục sao lưu {source}.")
    return LocalDestination(folder.parent).fetch(folder.name, work)


def verified_manifest(folder: Path) -> dict:
    """The backup's manifest, once every file it lists has the size and SHA-256 it records; BackupError otherwise,
    before anything is restored."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(
            f"{folder} không có {MANIFEST}: bản sao lưu chưa hoàn tất hoặc không phải bản sao lưu."
        ) from None
    except ValueError as error:
        raise BackupError(f"{MANIFEST} của {folder} hỏng: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Định dạng sao lưu không hỗ trợ: {manifest.get('format')!r} (cần {FORMAT}).")
    broken = 0
    for entry in manifest["files"]:
        path = folder / safe_name(entry["path"])
        digest = hashlib.sha256()
        try:
            with path.open("rb") as stream:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            broken += 1
            continue
        if path.stat().st_size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            broken += 1
    if broken:
        raise BackupError(
            f"Bản sao lưu {manifest['name']} hỏng: {broken}/{len(manifest['files'])} tệp thiếu hoặc sai mã băm "
            "SHA-256. Chưa phục hồi gì."
        )
    return manifest


def restore_files(folder: Path, manifest: dict) -> dict[str, int]:
    """Write each stored file of the backup into its storage under its own name (the rows name it), replacing a
    file of that name; returns {storage alias: files written}."""
    written = dict.fromkeys(STORAGE_FOLDERS, 0)
    for entry in manifest["files"]:
        alias = entry.get("storage")
        if alias is None:
            continue
        storage = storages[alias]
        name = safe_name(entry["name"])
        if storage.exists(name):
            storage.delete(name)
        with (folder / entry["path"]).open("rb") as stream:
            saved = storage.save(name, File(stream, name=name))
        if saved != name:
            raise BackupError(f"Kho tệp {alias} lưu một tệp dưới tên khác tên trong bản sao lưu.")
        written[alias] += 1
    return written


def restore_backup(source: str, target: dict, *, replace: bool) -> Restored:
    """Restore the backup at `source` into the database of `target` (Django database settings) and the configured
    storages. Refuses (BackupError), before writing anything, a damaged backup, a backup of another database engine,
    and a target database that has tables unless `replace`."""
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
        folder = locate(source, private_directory(Path(work)))
        manifest = verified_manifest(folder)
        engine = database.engine_of(target)
        if manifest["database"]["engine"] != engine:
            raise BackupError(
                f"Bản sao lưu là cơ sở dữ liệu {manifest['database']['engine']}, đích là {engine}: không phục hồi."
            )
        tables = database.table_count(target)
        if tables and not replace:
            raise BackupError(
                f"Cơ sở dữ liệu đích {target.get('NAME')} không trống ({tables} bảng). Thêm --yes để thay nội dung "
                "của nó bằng bản sao lưu."
            )
        database.restore(target, folder / manifest["database"]["file"])
        files = restore_files(folder, manifest)
    tables = {label: apps.get_model(*model)._meta.db_table for label, model in COUNTED.items()}
    return Restored(manifest["name"], database.count_rows(target, tables), files, manifest["migrations"])
