"""Making one backup of the whole installation: the database dump, the public media and the citizens' private files,
and a manifest of them (sizes, SHA-256, the code's version and migrations, the time), in a destination."""

import hashlib
import json
import os
import posixpath
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from backups import database
from backups.database import BackupError
from backups.destinations import MANIFEST, private_directory

FORMAT = "portal-backup/1"
# The storages whose files a backup holds, and the folder of each in it.
STORAGE_FOLDERS = {"default": "media", "private": "private"}
CHUNK = 1024 * 1024


@dataclass
class Made:
    """A finished backup: its name and manifest."""

    name: str
    manifest: dict


def backup_name(moment: datetime) -> str:
    return "portal-" + moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def safe_name(name: str) -> str:
    """`name` as a relative path inside a backup; BackupError for an absolute one or one that climbs out ('..')."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts:
        raise BackupError(f"Tên tệp không hợp lệ: {name!r}")
    return path.as_posix()


def storage_names(storage, folder: str = "") -> Iterator[str]:
    """Every file name in a Django storage (a file system or a bucket), walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a media root not made yet: nothing stored
        return
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for sub in folders:
        yield from storage_names(storage, posixpath.join(folder, sub) if folder else sub)


def file_entry(path: Path, relative: str) -> dict:
    """The manifest's line for a file of the backup: its path, size and SHA-256."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return {"path": relative, "size": path.stat().st_size, "sha256": digest.hexdigest()}


def copy_storage(alias: str, folder: Path) -> list[dict]:
    """Copy every file of storage `alias` under `folder` (files 0600); returns their manifest lines."""
    storage = storages[alias]
    entries = []
    for name in sorted(storage_names(storage)):
        relative = f"{STORAGE_FOLDERS[alias]}/{safe_name(name)}"
        target = folder / relative
        private_directory(target.parent)
        with storage.open(name, "rb") as source, target.open("xb") as copy:
            target.chmod(0o600)
            shutil.copyfileobj(source, copy, CHUNK)
        entries.append({**file_entry(target, relative), "storage": alias, "name": name})
    return entries


def without_names(error: Exception) -> str:
    """An unexpected error for the operator, without the file names it may quote (a citizen's file can be named
    after them)."""
    if isinstance(error, OSError):
        return f"{type(error).__name__}: {error.strerror or error.errno}"
    return f"{type(error).__name__}: {error}"


def code_version() -> dict:
    """The portal's version: the git commit it runs from, where there is one."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"commit": commit}


def applied_migrations() -> dict[str, list[str]]:
    """{app: [migration names applied]}: the database's schema, to compare with the code that restores it."""
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def make_backup(destination, *, now: datetime | None = None) -> Made:
    """Back up the database and both storages into `destination`, under a temporary name until the manifest is
    written; on any failure nothing is left that looks like a backup. Raises BackupError."""
    started = now or datetime.now(UTC)
    name = backup_name(started)
    if name in destination.names():
        raise BackupError(f"Đã có bản sao lưu {name} ở {destination}.")
    staging = destination.staging(name)
    try:
        private_directory(staging)
        postgres = database.engine_of(connection.settings_dict) == "postgresql"
        dump_name = "database.dump" if postgres else "database.sqlite3"
        described = database.dump(connection.settings_dict, staging / dump_name)
        (staging / dump_name).chmod(0o600)
        files = [file_entry(staging / dump_name, dump_name)]
        for alias in STORAGE_FOLDERS:
            files += copy_storage(alias, staging)
        manifest = {
            "format": FORMAT,
            "name": name,
            "started_at": started.isoformat(),
            "finished_at": datetime.now(UTC).isoformat(),
            "version": code_version(),
            "migrations": applied_migrations(),
            "database": {**described, "file": dump_name},
            "files": files,
        }
        with (staging / MANIFEST).open("x", encoding="utf-8") as stream:
            (staging / MANIFEST).chmod(0o600)
            json.dump(manifest, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())  # on disk before the rename that makes the backup look complete
        destination.publish(staging, name)
    except BackupError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except Exception as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"Sao lưu thất bại: {without_names(error)}") from error
    return Made(name, manifest)
