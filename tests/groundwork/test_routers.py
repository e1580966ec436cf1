"""A read replica for the public searches (groundwork/routers.py): configured from DATABASE_REPLICA_URL; searches in a
`replica_reads()` block read from it, and writes, reads after a write and reads inside a transaction stay on the
primary.

The test settings give the `replica` alias as a mirror of the test database (TEST: MIRROR), a connection of its own
to the same database; tests that commit can use it. A connection is a replica as far as the router knows: the
tests that must tell the two apart hold the replica's connection on an older snapshot (REPEATABLE READ), which is
what a lagging replica is, so a document published since is on the primary and not yet on the replica.
"""

import runpy
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.test.utils import CaptureQueriesContext

from documents.models import Authority, SearchEntry
from documents.search import DocumentSearch
from groundwork.routers import ReplicaRouter, replica_alias, replica_reads
from services.models import ProcedurePage
from tests.documents.conftest import create_lists, document_maker
from tests.finder.helpers import add_news, titles
from tests.finder.helpers import search as finder_search
from tests.home.helpers import section
from tests.services.test_catalogue import make_procedure

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"
REPLICA_URL = "postgres://reader:secret@replica.internal:5433/portal"
BOTH = ["default", "replica"]


def settings_from(monkeypatch, **env) -> dict:
    """portal.settings.base as it reads with these environment variables."""
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@primary.internal:5432/portal")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


def test_without_a_replica_url_there_is_one_database(monkeypatch):
    configured = settings_from(monkeypatch)
    assert list(configured["DATABASES"]) == ["default"]
    assert configured["DATABASE_READ_REPLICA"] is None
    assert configured["DATABASE_ROUTERS"] == ["groundwork.routers.ReplicaRouter"]


def test_a_replica_url_adds_the_replica_database_with_the_primarys_options(monkeypatch):
    configured = settings_from(monkeypatch, DATABASE_REPLICA_URL=REPLICA_URL)
    replica = configured["DATABASES"]["replica"]
    assert configured["DATABASE_READ_REPLICA"] == "replica"
    assert (replica["HOST"], replica["PORT"], replica["NAME"], replica["USER"]) == (
        "replica.internal",
        5433,
        "portal",
        "reader",
    )
    assert replica["OPTIONS"]["options"] == configured["DATABASES"]["default"]["OPTIONS"]["options"]
    assert replica["CONN_MAX_AGE"] == 60


def test_the_replica_is_never_migrated(settings):
    settings.DATABASE_READ_REPLICA = "replica"
    assert ReplicaRouter().allow_migrate("replica", "documents") is False
    assert ReplicaRouter().allow_migrate("default", "documents") is True


def test_without_a_replica_the_block_reads_from_the_primary(settings):
    settings.DATABASE_READ_REPLICA = None
    with replica_reads():
        assert replica_alias() is None
        assert router.db_for_read(Authority) == DEFAULT_DB_ALIAS


def test_outside_a_block_every_read_is_on_the_primary(settings):
    settings.DATABASE_READ_REPLICA = "replica"
    assert router.db_for_read(Authority) == DEFAULT_DB_ALIAS
    assert router.db_for_write(Authority) == DEFAULT_DB_ALIAS


# On the mirror: a connection of its own -----------------------------------------------------------------


@pytest.fixture
def on_replica(settings):
    settings.DATABASE_READ_REPLICA = "replica"


@pytest.fixture
def library(transactional_db, agency):
    """An agency's /van-ban/ section with one published document, committed (every connection sees it)."""
    lists = create_lists()
    make = document_maker(lists)
    make(agency, "12/2025/QĐ-UBND", "Quy định quản lý cảng cá Sa Huỳnh")
    return SimpleLibrary(section(agency, "van-ban"), make, agency)


class SimpleLibrary:
    def __init__(self, section, make, agency):
        self.section, self.make, self.agency = section, make, agency

    def numbers(self, query: str) -> list[str]:
        """The numbers a visitor's search for `query` lists."""
        return [page.number for page in DocumentSearch(section=self.section, query=query).results]


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_search_in_the_block_reads_only_from_the_replica(on_replica, library):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        with replica_reads():
            found = library.numbers("cảng cá")
    assert found == ["12/2025/QĐ-UBND"]
    assert replica.captured_queries, "the search did not read from the replica"
    assert not primary.captured_queries, [query["sql"] for query in primary.captured_queries]


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_lagging_replica_is_what_the_block_reads_and_the_primary_what_the_rest_reads(on_replica, library):
    with transaction.atomic(using="replica"), connections["replica"].cursor() as cursor:
        # The replica's connection keeps the snapshot it takes now, as a replica that has not replayed what follows.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(f"SELECT 1 FROM {SearchEntry._meta.db_table} LIMIT 1")  # noqa: S608 - Django's table name
        library.make(library.agency, "13/2025/QĐ-UBND", "Quy định về cảng cá Tịnh Kỳ")

        with replica_reads():
            assert library.numbers("cảng cá") == ["12/2025/QĐ-UBND"]
        assert sorted(library.numbers("cảng cá")) == ["12/2025/QĐ-UBND", "13/2025/QĐ-UBND"]


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_after_a_write_in_the_block_the_reads_are_on_the_primary(on_replica, library):
    with replica_reads():
        assert router.db_for_read(Authority) == "replica"
        with CaptureQueriesContext(connections["replica"]) as replica:
            Authority.objects.create(name="Sở Xây dựng")
            assert Authority.objects.filter(name="Sở Xây dựng").exists()  # read-after-write: the primary
        assert router.db_for_read(Authority) == DEFAULT_DB_ALIAS
    assert not replica.captured_queries
    with replica_reads():
        assert router.db_for_read(Authority) == "replica"  # a new block starts on the replica again


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_inside_a_transaction_on_the_primary_the_block_reads_from_the_primary(on_replica, library):
    with transaction.atomic(), replica_reads():
        assert router.db_for_read(Authority) == DEFAULT_DB_ALIAS
        assert library.numbers("cảng cá") == ["12/2025/QĐ-UBND"]


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_objects_read_in_the_block_are_saved_to_the_primary(on_replica, library):
    with replica_reads():
        authority = Authority.objects.get(name="Sở Thông tin và Truyền thông")
    assert authority._state.db == "replica"
    authority.name = "Sở Khoa học và Công nghệ"
    authority.save()
    assert Authority.objects.using(DEFAULT_DB_ALIAS).filter(name="Sở Khoa học và Công nghệ").exists()


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_site_search_page_reads_from_the_replica(on_replica, client, agency):
    add_news(agency, "Chuyển đổi số trong cơ quan nhà nước")
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        answer = finder_search(client, agency, q="chuyen doi so")
    assert titles(answer) == ["Chuyển đổi số trong cơ quan nhà nước"]
    assert any("finder_searchentry" in query["sql"] for query in replica.captured_queries)
    assert not any("finder_searchentry" in query["sql"] for query in primary.captured_queries)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_document_library_page_reads_its_results_and_facets_from_the_replica(on_replica, client, library):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/van-ban/", {"q": "cang ca"}, HTTP_HOST=library.agency.site.hostname)
    assert [page.number for page in response.context["search"].results] == ["12/2025/QĐ-UBND"]
    searched = SearchEntry._meta.db_table
    assert any(searched in query["sql"] for query in replica.captured_queries)
    assert not any(searched in query["sql"] for query in primary.captured_queries)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_procedures_catalogue_reads_its_results_and_facets_from_the_replica(on_replica, client, agency):
    make_procedure(agency, "Đăng ký khai sinh", sector="Hộ tịch")
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/thu-tuc-hanh-chinh/", {"q": "khai sinh"}, HTTP_HOST=agency.site.hostname)
    assert [page.title for page in response.context["catalogue"].results] == ["Đăng ký khai sinh"]
    procedures = ProcedurePage._meta.db_table
    assert any(procedures in query["sql"] for query in replica.captured_queries)
    assert not any(procedures in query["sql"] for query in primary.captured_queries)
