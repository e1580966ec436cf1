"""The database's part of a backup: a consistent dump and its restore.

PostgreSQL through its own tools (pg_dump --format=custom, pg_restore), found on PATH or under
/usr/lib/postgresql/*/bin and checked against the server's version; SQLite through its online backup API, which copies
a consistent database while the portal keeps writing. Connection details go to the tools in libpq's environment
variables, never on a command line that `ps` shows.
"""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import psycopg


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator, in Vietnamese."""


POSTGRES_BIN_DIRS = "/usr/lib/postgresql/*/bin"


def engine_of(settings_dict: dict) -> str:
    """'postgresql' or 'sqlite' for a Django database's settings; BackupError for any other engine."""
    engine = settings_dict["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"Không sao lưu được cơ sở dữ liệu loại {engine}: chỉ PostgreSQL và SQLite.")


def libpq_environment(settings_dict: dict) -> dict[str, str]:
    """The environment of pg_dump/pg_restore/psycopg for this database: its host, port, user, password and name."""
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": (settings_dict.get("OPTIONS") or {}).get("sslmode"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _connect(settings_dict: dict):
    """A DB-API connection to the database (autocommit on PostgreSQL)."""
    if engine_of(settings_dict) == "sqlite":
        return sqlite3.connect(settings_dict["NAME"])
    environment = libpq_environment(settings_dict)
    try:
        return psycopg.connect(
            host=environment.get("PGHOST"),
            port=environment.get("PGPORT"),
            user=environment.get("PGUSER"),
            password=environment.get("PGPASSWORD"),
            dbname=environment.get("PGDATABASE"),
            sslmode=environment.get("PGSSLMODE"),
            autocommit=True,
        )
    except psycopg.Error as error:
        raise BackupError(f"Không kết nối được cơ sở dữ liệu {settings_dict.get('NAME')}: {error}") from error


def server_version(settings_dict: dict) -> str:
    """The database server's version, e.g. '15.20' (SQLite's library version for SQLite)."""
    if engine_of(settings_dict) == "sqlite":
        return sqlite3.sqlite_version
    with _connect(settings_dict) as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def table_count(settings_dict: dict) -> int:
    """How many tables the database has (0 for a database just created, or a SQLite file not there yet)."""
    if engine_of(settings_dict) == "sqlite":
        if not Path(settings_dict["NAME"]).exists():
            return 0
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = (
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
    connection = _connect(settings_dict)
    try:
        return connection.execute(query).fetchone()[0]
    finally:
        connection.close()


def count_rows(settings_dict: dict, tables: dict[str, str]) -> dict[str, int]:
    """{label: rows} for {label: table} in the database; a table that is not there counts 0."""
    connection = _connect(settings_dict)
    counts = {}
    try:
        for label, table in tables.items():
            try:
                counts[label] = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            except (psycopg.Error, sqlite3.Error):
                counts[label] = 0
    finally:
        connection.close()
    return counts


def postgres_tool(name: str, server_major: int) -> tuple[Path, str]:
    """The newest pg_dump/pg_restore on PATH or under /usr/lib/postgresql/*/bin, and its version line; BackupError if
    none is at least the server's major version (an older pg_dump refuses a newer server)."""
    found = {}
    for candidate in [shutil.which(name), *glob.glob(f"{POSTGRES_BIN_DIRS}/{name}")]:
        if not candidate:
            continue
        try:
            line = subprocess.run(  # noqa: S603
                [candidate, "--version"], capture_output=True, text=True, check=True, timeout=30
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            continue
        match = re.search(r"\)\s*(\d+)", line)
        if match:
            # Not resolved: Debian's /usr/bin/pg_dump is a link to pg_wrapper, which reads the name it was called by.
            found[Path(candidate)] = (int(match.group(1)), line)
    usable = [(major, path, line) for path, (major, line) in found.items() if major >= server_major]
    if not usable:
        seen = ", ".join(line for _major, line in found.values()) or "không có"
        raise BackupError(
            f"Cần {name} phiên bản {server_major} trở lên cho máy chủ PostgreSQL {server_major} "
            f"(tìm trên PATH và {POSTGRES_BIN_DIRS}): {seen}. Cài gói postgresql-client-{server_major}."
        )
    _major, path, line = max(usable)
    return path, line


def _run(command: list, settings_dict: dict) -> None:
    """Run a PostgreSQL tool; BackupError with its messages (without the lines that may quote rows) if it fails."""
    result = subprocess.run(  # noqa: S603
        command, env=libpq_environment(settings_dict), capture_output=True, text=True, check=False
    )
    if result.returncode:
        lines = [
            line
            for line in result.stderr.splitlines()
            if line.strip() and not line.lstrip().startswith(("CONTEXT", "DETAIL", "LINE", "Command was"))
        ]
        raise BackupError(f"{Path(command[0]).name} thất bại (mã {result.returncode}): " + " | ".join(lines[:5]))


def dump(settings_dict: dict, path: Path) -> dict:
    """Write a consistent copy of the database to `path`; returns what the manifest records of it."""
    engine = engine_of(settings_dict)
    version = server_version(settings_dict)
    if engine == "sqlite":
        source = sqlite3.connect(settings_dict["NAME"])
        target = sqlite3.connect(path)
        try:
            with target:
                source.backup(target)
        finally:
            source.close()
            target.close()
        return {"engine": engine, "server_version": version, "tool": f"sqlite3 {sqlite3.sqlite_version}"}
    tool, line = postgres_tool("pg_dump", int(version.split(".")[0]))
    # pg_dump reads everything in one snapshot: the dump is consistent while the portal keeps writing.
    _run([tool, "--format=custom", "--no-password", "--file", path], settings_dict)
    return {"engine": engine, "server_version": version, "tool": line}


def restore(settings_dict: dict, path: Path) -> None:
    """Put the dump at `path` into the database, replacing what the dump holds, in one transaction."""
    if engine_of(settings_dict) == "sqlite":
        source = sqlite3.connect(path)
        target = sqlite3.connect(settings_dict["NAME"])
        try:
            with target:
                source.backup(target)
        finally:
            source.close()
            target.close()
        return
    major = int(server_version(settings_dict).split(".")[0])
    tool, _line = postgres_tool("pg_restore", major)
    # Owners and grants are the installation's own: the restored objects belong to the user of DATABASE_URL.
    _run(
        [
            tool,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            "--dbname",
            settings_dict["NAME"],
            path,
        ],
        settings_dict,
    )
