"""The whole installation backed up and restored into a fresh one (issue 15 §4): real pg_dump and pg_restore, the
restore run as an operator runs it, and the restored installation read through its own models and storages.

The tests commit (pg_dump reads what is committed); the database is put back after each (tests/conftest.py).
"""

import json
import stat
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from backups import making
from tests.backups.conftest import fingerprint_of, installation, manage, on_disk, use_storages
from tests.backups.fingerprint import fingerprint

pytestmark = pytest.mark.django_db(transaction=True)


def only_backup(folder: Path) -> Path:
    [backup] = [path for path in folder.iterdir() if path.name.startswith("portal-")]
    return backup


def test_a_backup_restores_into_a_fresh_database_with_the_same_content_and_files(
    roots, content, tmp_path, restore_database
):
    expected = fingerprint()
    assert expected["questions"] and expected["dossiers"] and expected["documents"][0][2]
    out = StringIO()

    call_command("backup", "--to", str(tmp_path / "backups"), stdout=out)

    backup = only_backup(tmp_path / "backups")
    assert f"{backup.name}: cơ sở dữ liệu, 1 tệp công khai, 2 tệp riêng tư" in out.getvalue()
    assert "Lê Thị Hoa" not in out.getvalue() and "so-do" not in out.getvalue()  # no personal data in the output
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == "postgresql" and manifest["database"]["tool"].startswith("pg_dump")
    assert "0001_initial" in manifest["migrations"]["wagtailcore"] and manifest["migrations"]["services"]
    assert {entry["storage"] for entry in manifest["files"] if "storage" in entry} == {"default", "private"}
    # Personal data inside: the owner alone reads the backup.
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in backup.rglob("*") if path.is_file()} == {0o600}

    restored = installation(restore_database, tmp_path / "restored-media", tmp_path / "restored-private")
    result = manage(restored, "restore_backup", str(backup))

    assert (
        f"Đã phục hồi {backup.name}: {len(expected['pages'])} trang, 1 văn bản, 1 tài liệu, 1 câu hỏi, 1 hồ sơ; "
        "1 tệp công khai, 2 tệp riêng tư." in result.stdout
    )
    assert "Lược đồ cơ sở dữ liệu khớp với mã: không cần migrate." in result.stdout
    assert fingerprint_of(restored) == expected


def test_a_damaged_backup_is_refused_before_anything_is_restored(
    roots, content, tmp_path, restore_database, settings, monkeypatch
):
    call_command("backup", "--to", str(tmp_path / "backups"), verbosity=0)
    backup = only_backup(tmp_path / "backups")
    [attachment] = (backup / "private").rglob("so-do*.pdf")
    damaged = bytearray(attachment.read_bytes())
    damaged[100] ^= 1
    attachment.write_bytes(bytes(damaged))
    media, private = tmp_path / "restored-media", tmp_path / "restored-private"
    use_storages(settings, monkeypatch, media, on_disk(private))

    with pytest.raises(CommandError, match=r"hỏng: 1/4 tệp thiếu hoặc sai mã băm SHA-256\. Chưa phục hồi gì"):
        call_command("restore_backup", str(backup), "--database-url", restore_database)

    result = manage(installation(restore_database, media, private), "restore_backup", str(backup), check=False)
    assert result.returncode == 1 and "Chưa phục hồi gì" in result.stderr
    assert not media.exists() and not private.exists()
    tables = manage(
        installation(restore_database, media, private),
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; print(len(connection.introspection.table_names()))",
    )
    assert tables.stdout.strip() == "0"


def test_a_database_with_tables_is_replaced_only_when_told(roots, content, tmp_path, restore_database):
    call_command("backup", "--to", str(tmp_path / "backups"), verbosity=0)
    backup = only_backup(tmp_path / "backups")
    restored = installation(restore_database, tmp_path / "restored-media", tmp_path / "restored-private")
    manage(restored, "restore_backup", str(backup))

    again = manage(restored, "restore_backup", str(backup), check=False)

    assert again.returncode == 1 and "không trống" in again.stderr and "--yes" in again.stderr
    manage(restored, "restore_backup", str(backup), "--yes")  # pg_restore --clean: over the same content
    assert fingerprint_of(restored) == fingerprint()


def test_a_failed_backup_leaves_nothing_that_looks_like_one(roots, content, tmp_path, monkeypatch):
    copy = making.copy_storage

    def fail_on_private(alias, folder):
        if alias == "private":
            raise PermissionError(13, "Permission denied", "/srv/private/ho-so/2026/12/cccd-le-thi-hoa.pdf")
        return copy(alias, folder)

    monkeypatch.setattr(making, "copy_storage", fail_on_private)

    with pytest.raises(CommandError, match="Sao lưu thất bại: PermissionError: Permission denied") as failure:
        call_command("backup", "--to", str(tmp_path / "backups"))

    assert "le-thi-hoa" not in str(failure.value)
    assert list((tmp_path / "backups").iterdir()) == []  # the dump and media written so far are gone
