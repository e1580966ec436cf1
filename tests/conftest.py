"""Shared fixtures: sites made by the real onboarding function, users in their real groups."""

import importlib
import logging
import os
import signal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client, TransactionTestCase
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_tasks_db.management.commands import db_worker

from home.models import Agency
from home.onboarding import create_agency_site

PASSWORD = "mat-khau-thu-nghiem-2026"


def pytest_collection_modifyitems(items):
    """Mark the tests that commit: the database is reset after each (restore_snapshot), so `make test` runs them
    apart, after the others (pytest-django orders them last in one process, but not across xdist's processes)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        committing = marker is not None and marker.kwargs.get("transaction")
        if committing or {"transactional_db", "live_server"} & set(item.fixturenames):
            item.add_marker(pytest.mark.commits)


def pytest_runtest_logreport(report):
    """In CI (CI=true) a skipped test is a failed one: a missing browser or database must not pass unseen."""
    if report.skipped and os.environ.get("CI") == "true":
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, where nothing may be skipped: {report.longrepr}"


@pytest.fixture(autouse=True)
def default_language(settings):
    """Each test starts in Vietnamese: a request to an English page leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test must not leave counts of its data behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_queue(settings):
    """The database task backend of dev and production instead of the tests' immediate one: e-mails and Wagtail's
    background work wait in the queue until `run_worker()`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(monkeypatch):
    """run_worker(): `manage.py db_worker --batch`: run the tasks that are due, then return."""
    # The worker drops any connection that is not in autocommit mode, as the test's transaction is not.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # It also takes over Ctrl-C and sets its loggers' levels: give both back to the test run afterwards.
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    yield lambda: call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=1)
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture(scope="module")
def shared_db(django_db_setup, django_db_blocker):
    """A transaction around a whole module, for data its tests share; rolled back at the module's end.

    Each test's own `db` transaction nests inside it as a savepoint, so tests still cannot see each other.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


# The sites most tests use, onboarded by the real function. Onboarding a site takes a few seconds (pages in two
# languages, their search and reference indexes, groups, a workflow), so they are onboarded once per test database
# and kept: tests that roll back find them as they were, and after a test that commits the database is put back as
# it was (restore_snapshot below).
SITES = {
    "portal": ("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal", "Quang Ngai Provincial People's Committee"),
    "stttt": ("Sở Thông tin và Truyền thông", "agency", "Department of Information and Communications"),
    "tunghia": ("Xã Tư Nghĩa", "local", "Tu Nghia Commune"),
}


def onboarded(code: str) -> Agency:
    """The agency of one of SITES, onboarded now if it is not there yet."""
    agency = Agency.objects.filter(code="" if code == "portal" else code).first()
    if agency is None:
        restore_wagtail_roots()  # after a test that commits, the database is empty
        name, kind, name_en = SITES[code]
        agency = create_agency_site(name, kind, name_en=name_en).agency
    return agency


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with SITES onboarded (committed), and a copy of it for the tests that commit."""
    with django_db_blocker.unblock():
        for code in SITES:
            onboarded(code)
        take_snapshot()


# After a test that commits, Django empties every table (flush) and the next test onboards its sites again: seconds
# per test. Instead the tables are put back as they were after set-up, from a copy taken then in a schema of its own:
# the rows of every data migration and the onboarded SITES come back in one statement per table.
SNAPSHOT = "test_snapshot"
# {database alias: (every table, the tables with rows)}; not on the connection object, which is one per thread and
# per context (Playwright's greenlets have their own).
snapshots: dict[str, tuple[list[str], list[str]]] = {}


def take_snapshot(using="default") -> None:
    """Copy every table of the test database into the SNAPSHOT schema (PostgreSQL; elsewhere tests flush)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE; CREATE SCHEMA {SNAPSHOT}")
        for table in tables:
            cursor.execute(f'CREATE TABLE {SNAPSHOT}."{table}" AS TABLE "{table}"')
    snapshots[using] = (tables, [table for table in tables if _has_rows(connection, table)])


def _has_rows(connection, table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT EXISTS (SELECT 1 FROM {SNAPSHOT}."{table}")')  # noqa: S608 - Django's table names
        return cursor.fetchone()[0]


def restore_snapshot(connection) -> None:
    """Empty every table and copy back the snapshot's rows, foreign keys unchecked meanwhile (the copy is
    consistent). Sequences go on from where they are, as after a flush."""
    tables, filled = snapshots[connection.alias]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # DELETE, not TRUNCATE: the tables are small, and TRUNCATE makes new files for each table and index.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("".join(f'DELETE FROM "{table}";' for table in tables))  # noqa: S608 - Django's table names
        for table in filled:
            cursor.execute(f'INSERT INTO "{table}" SELECT * FROM {SNAPSHOT}."{table}"')  # noqa: S608 - as above


def _fixture_teardown(self):
    """TransactionTestCase's teardown: the snapshot put back where there is one, Django's flush elsewhere."""
    for name in self._databases_names(include_mirrors=False):
        if name not in snapshots:
            return _flush_teardown(self)
    for name in self._databases_names(include_mirrors=False):
        restore_snapshot(connections[name])


_flush_teardown = TransactionTestCase._fixture_teardown
TransactionTestCase._fixture_teardown = _fixture_teardown


@pytest.fixture
def portal(db):
    """The provincial portal at PORTAL_DOMAIN."""
    return onboarded("portal")


@pytest.fixture
def agency(db):
    """An agency site: Sở Thông tin và Truyền thông at stttt.<PORTAL_DOMAIN>."""
    return onboarded("stttt")


@pytest.fixture
def other_agency(db):
    """A second site, to prove nobody crosses from one to the other: xã Tư Nghĩa."""
    return onboarded("tunghia")


class StaffClient(Client):
    """Django's test client, whose `force_login(user)` signs in with both factors, as a user who typed a code.

    The user gets a confirmed authenticator if they have none (tests.signin.helpers.totp_device), and the
    session records it as verified, as django_otp.login does. `client.login()` and the admin's forms stay one
    factor at a time: the tests of the second factor (tests/signin/) sign in through them.
    """

    def force_login(self, user, backend=None):
        from tests.signin.helpers import totp_device

        super().force_login(user, backend)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
        session.save()


@pytest.fixture
def client():
    """A StaffClient: `client.force_login(user)` passes the second factor too."""
    return StaffClient()


@pytest.fixture
def make_user(db):
    """make_user(username, *groups, is_superuser=False, **fields): an active user with the test password
    (`fields`: first_name, last_name…)."""

    def make(username, *groups, is_superuser=False, **fields):
        user = get_user_model().objects.create_user(
            username=username,
            email=f"{username}@quangngai.gov.vn",
            password=PASSWORD,
            is_superuser=is_superuser,
            is_staff=is_superuser,
            **fields,
        )
        user.groups.set(groups)
        return user

    return make


@pytest.fixture
def officer(other_agency, make_user):
    """An officer of xã Tư Nghĩa's one-stop desk, named Trần Văn Bình (family name first, as shown)."""
    return make_user("motcua", other_agency.officers, first_name="Văn Bình", last_name="Trần")


@pytest.fixture
def editor(agency, make_user):
    return make_user("bientap_stttt", agency.editors)


@pytest.fixture
def moderator(agency, make_user):
    return make_user("bbt_stttt", agency.moderators)


@pytest.fixture
def wagtail_roots(transactional_db):
    """The tree and collection roots, default locale and permission that Wagtail's migrations create.

    For tests that commit (browser tests, tests of concurrency): the snapshot puts them back after each test on
    PostgreSQL; elsewhere (a flush) they are made again here.
    """
    restore_wagtail_roots()


def restore_wagtail_roots() -> None:
    """Put back what Wagtail's migrations and ours create and a flush removes (nothing if it is there): the tree
    and collection roots, the default locale, the translation permission, the standard lists and the posting rules."""
    from django.apps import apps
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    localize_permission = importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    )
    localize_permission.create_submit_translation_permission(apps, None)
    importlib.import_module("documents.migrations.0007_standard_lists").add_standard_lists(apps, None)
    importlib.import_module("services.migrations.0008_standard_sectors").add_standard_sectors(apps, None)
    importlib.import_module("territory.migrations.0002_the_96_units").add_units(apps, None)
    importlib.import_module("home.migrations.0005_standard_news_categories").add_categories(apps, None)
    importlib.import_module("home.migrations.0008_standard_posting_rules").add_rules(apps, None)
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
