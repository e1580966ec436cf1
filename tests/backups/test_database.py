"""The database's part alone: SQLite's online copy both ways, and a pg_dump older than the server refused."""

import sqlite3

import pytest

from backups import database
from backups.database import BackupError
from backups.restoring import migration_gaps


def test_a_sqlite_database_is_copied_online_and_restored(tmp_path):
    live = tmp_path / "portal.sqlite3"
    with sqlite3.connect(live) as connection:
        connection.execute("CREATE TABLE question (title TEXT)")
        connection.execute("INSERT INTO question VALUES ('Ranh giới thửa đất')")
    reader = sqlite3.connect(live)  # the portal keeps the database open while it is copied
    reader.execute("SELECT * FROM question").fetchall()
    settings_dict = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(live)}

    described = database.dump(settings_dict, tmp_path / "database.sqlite3")
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "restored.sqlite3")}
    assert database.table_count(target) == 0
    database.restore(target, tmp_path / "database.sqlite3")

    reader.close()
    assert described["engine"] == "sqlite"
    assert database.table_count(target) == 1
    assert database.count_rows(target, {"câu hỏi": "question", "hồ sơ": "dossier"}) == {"câu hỏi": 1, "hồ sơ": 0}


def test_a_pg_dump_older_than_the_server_is_refused_with_the_package_to_install():
    with pytest.raises(BackupError, match=r"Cần pg_dump phiên bản 99 trở lên .* Cài gói postgresql-client-99\."):
        database.postgres_tool("pg_dump", 99)


def test_an_engine_without_a_dump_tool_is_refused():
    with pytest.raises(BackupError, match="chỉ PostgreSQL và SQLite"):
        database.engine_of({"ENGINE": "django.db.backends.mysql"})


def test_the_restore_says_which_migrations_are_missing_on_either_side():
    recorded = {"services": ["0001_initial", "0002_dossiers"], "feedback": ["0001_initial", "0009_future"]}
    known = {("services", "0001_initial"), ("services", "0002_dossiers"), ("services", "0003_new")}
    known.add(("feedback", "0001_initial"))

    assert migration_gaps(recorded, known) == (["services.0003_new"], ["feedback.0009_future"])
