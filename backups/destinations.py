"""Where backups are kept: a local directory, or a prefix in an S3 bucket.

A backup is a folder named portal-<UTC time> (e.g. portal-20261203T190000Z) whose manifest.json is written last: a
folder without one is a backup that did not finish, never listed, restored or counted by the retention rule. In a
directory the backup is built under a hidden temporary name and renamed when complete; in a bucket the manifest is
uploaded after every other file.
"""

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings

from backups.database import BackupError

MANIFEST = "manifest.json"
NAME = re.compile(r"^portal-\d{8}T\d{6}Z$")


def private_directory(path: Path) -> Path:
    """Make `path` (and missing parents) readable by its owner only (0700): a backup holds citizens' data."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


class LocalDestination:
    """Backups in a directory of this machine (or a mounted one)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def __str__(self) -> str:
        return str(self.root)

    def names(self) -> list[str]:
        """The complete backups, oldest first."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if NAME.match(p.name) and (p / MANIFEST).is_file())

    def staging(self, name: str) -> Path:
        """A new private folder, on the same file system, to build backup `name` in."""
        private_directory(self.root)
        return Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=self.root))

    def publish(self, staging: Path, name: str) -> None:
        """Give the finished backup its name (an atomic rename)."""
        if (self.root / name).exists():
            raise BackupError(f"Đã có bản sao lưu {name} ở {self.root}.")
        staging.rename(self.root / name)

    def fetch(self, name: str, into: Path) -> Path:
        """The folder of backup `name` (read where it is)."""
        return self.root / name

    def delete(self, name: str) -> None:
        shutil.rmtree(self.root / name)

    def remove_abandoned(self, older_than: float = 24 * 3600) -> int:
        """Delete the temporary folders of runs that were killed outright (power cut, SIGKILL) and left them, once
        older than `older_than` seconds (a run still going is never that old); returns how many."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for path in self.root.glob(".portal-*.partial"):
            if path.is_dir() and time.time() - path.stat().st_mtime > older_than:
                shutil.rmtree(path)
                removed += 1
        return removed


class S3Destination:
    """Backups under a prefix of an S3 bucket (AWS or any S3-compatible service: BACKUP_S3_ENDPOINT_URL)."""

    def __init__(self, bucket: str, prefix: str = ""):
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = boto3.client(
            "s3", endpoint_url=settings.BACKUP_S3_ENDPOINT_URL, region_name=settings.BACKUP_S3_REGION_NAME
        )

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"

    def _key(self, *parts: str) -> str:
        return "/".join(part for part in (self.prefix, *parts) if part)

    def _keys(self, prefix: str) -> list[str]:
        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
            return [item["Key"] for page in pages for item in page.get("Contents", [])]
        except (BotoCoreError, ClientError) as error:
            raise BackupError(f"Không đọc được {self}: {error}") from error

    def names(self) -> list[str]:
        names = set()
        start = self._key("")
        for key in self._keys(f"{start}/" if start else ""):
            name, _slash, rest = key[len(start) :].lstrip("/").partition("/")
            if rest == MANIFEST and NAME.match(name):
                names.add(name)
        return sorted(names)

    def staging(self, name: str) -> Path:
        """A private local folder (under BACKUP_WORK_DIR, else the system's temporary directory) to build it in."""
        work = settings.BACKUP_WORK_DIR
        if work:
            private_directory(Path(work))
        return Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=work))

    def publish(self, staging: Path, name: str) -> None:
        """Upload every file, the manifest last; on failure remove what was uploaded. The local copy goes."""
        manifest = staging / MANIFEST
        files = sorted(p for p in staging.rglob("*") if p.is_file() and p != manifest) + [manifest]
        uploaded = []
        try:
            for path in files:
                key = self._key(name, path.relative_to(staging).as_posix())
                self.client.upload_file(str(path), self.bucket, key)
                uploaded.append(key)
        except (BotoCoreError, ClientError, OSError) as error:
            self._delete_keys(uploaded)
            raise BackupError(f"Không tải được bản sao lưu lên {self}: {error}") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def fetch(self, name: str, into: Path) -> Path:
        """Download backup `name` into the private folder `into`; returns its folder there."""
        start = self._key(name) + "/"
        keys = self._keys(start)
        if not keys:
            raise BackupError(f"Không có bản sao lưu {name} ở {self}.")
        folder = private_directory(into / name)
        for key in keys:
            relative = key[len(start) :]
            target = folder / relative
            if not relative or ".." in Path(relative).parts:
                raise BackupError(f"Tên tệp không hợp lệ trong bản sao lưu: {key}")
            private_directory(target.parent)
            try:
                self.client.download_file(self.bucket, key, str(target))
            except (BotoCoreError, ClientError) as error:
                raise BackupError(f"Không tải được {key} từ {self}: {error}") from error
            target.chmod(0o600)
        return folder

    def delete(self, name: str) -> None:
        self._delete_keys(self._keys(self._key(name) + "/"))

    def remove_abandoned(self, older_than: float = 24 * 3600) -> int:
        """Nothing to do here: a backup for a bucket is built in a local temporary folder, which the system clears;
        a run killed during its upload leaves objects without a manifest, never listed (a lifecycle rule may expire
        them)."""
        return 0

    def _delete_keys(self, keys: list[str]) -> None:
        for start in range(0, len(keys), 1000):
            batch = [{"Key": key} for key in keys[start : start + 1000]]
            try:
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})
            except (BotoCoreError, ClientError) as error:
                raise BackupError(f"Không xóa được bản sao lưu cũ ở {self}: {error}") from error


def destination(location: str):
    """A LocalDestination or an S3Destination for 's3://bucket/prefix' or a directory."""
    if location.startswith("s3://"):
        bucket, _slash, prefix = location[len("s3://") :].partition("/")
        if not bucket:
            raise BackupError(f"Thiếu tên bucket: {location} (dạng s3://bucket/tiền-tố).")
        return S3Destination(bucket, prefix)
    return LocalDestination(Path(os.path.expanduser(location)))


def default_location() -> str:
    """s3://BACKUP_S3_BUCKET/BACKUP_S3_PREFIX if a bucket is configured, else BACKUP_DIR."""
    if settings.BACKUP_S3_BUCKET:
        return f"s3://{settings.BACKUP_S3_BUCKET}/{settings.BACKUP_S3_PREFIX}"
    return str(settings.BACKUP_DIR)
