"""The document search (R5): without diacritics, by number first, filters with counts, one site or all."""

import io
from datetime import date

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from documents.models import (
    Authority,
    DocumentRelation,
    DocumentType,
    LegalDocumentPage,
    LegalField,
    SearchEntry,
    Validity,
)
from home.onboarding import create_agency_site
from tests.documents.conftest import create_lists, document_maker

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_library(shared_db):
    """The seed's decision on the portal's library, and documents of two other sites around it (built once)."""
    portal = create_agency_site("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal").agency
    agency = create_agency_site("Sở Thông tin và Truyền thông", "agency").agency
    other_agency = create_agency_site("Xã Tư Nghĩa", "local").agency
    make_document = document_maker(create_lists())
    old = make_document(
        portal,
        "206/2004/QĐ-UB",
        "Ban hành Quy chế tạm thời về cung cấp, khai thác thông tin Trang thông tin điện tử",
        issued_on=date(2004, 9, 21),
        fields=["Công nghệ thông tin"],
    )
    seed = make_document(
        portal,
        "16/2017/QĐ-UBND",
        "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
        issued_on=date(2017, 4, 19),
        effective_from=date(2017, 4, 29),
        signer="Trần Ngọc Căng",
        fields=["Công nghệ thông tin"],
        relations=[(DocumentRelation.Kind.REPLACES, old)],
    )
    plan = make_document(
        agency,
        "121/KH-UBND",
        "Chuyển đổi số tỉnh Quảng Ngãi năm 2026",
        type="Kế hoạch",
        issued_on=date(2025, 12, 31),
        fields=["Công nghệ thông tin"],
    )
    resolution = make_document(
        other_agency,
        "48/NQ-HĐND",
        "Kế hoạch phát triển kinh tế - xã hội năm 2026",
        type="Nghị quyết",
        authority="HĐND tỉnh Quảng Ngãi",
        issued_on=date(2025, 12, 10),
        fields=["Kế hoạch và đầu tư"],
    )
    road = make_document(
        portal,
        "23/2023/QĐ-UBND",
        "Quy định về quản lý đường giao thông nông thôn",
        issued_on=date(2023, 6, 8),
    )
    documents = {"old": old, "seed": seed, "plan": plan, "resolution": resolution, "road": road}
    return {"portal": portal, "agency": agency, "other_agency": other_agency, **documents}


@pytest.fixture
def library(shared_library, db):
    return shared_library


@pytest.fixture
def portal(library):
    return library["portal"]


@pytest.fixture
def agency(library):
    return library["agency"]


@pytest.fixture
def other_agency(library):
    return library["other_agency"]


@pytest.fixture
def make_document(library):
    return document_maker(
        {
            "types": {item.name: item for item in DocumentType.objects.all()},
            "authorities": {item.name: item for item in Authority.objects.all()},
            "fields": {item.name: item for item in LegalField.objects.all()},
        }
    )


def search(client, agency, **params):
    response = client.get("/van-ban/", params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response


def numbers(response) -> list[str]:
    return [document.number for document in response.context["search"].results]


@pytest.mark.parametrize(
    "query",
    ["quyet dinh 16 quy che cong thong tin", "Quy chế hoạt động", "quy che hoat dong", "16/2017", "16/2017/QĐ-UBND"],
)
def test_the_seeds_decision_comes_first_on_the_portal(client, portal, library, query):
    assert numbers(search(client, portal, q=query))[0] == "16/2017/QĐ-UBND"


def test_a_number_part_ranks_its_documents_first(client, portal, library):
    found = numbers(search(client, portal, q="qd-ubnd"))
    assert set(found[:2]) == {"16/2017/QĐ-UBND", "23/2023/QĐ-UBND"}


def test_d_with_stroke_folds_to_d(client, portal, library):
    assert numbers(search(client, portal, q="duong giao thong")) == ["23/2023/QĐ-UBND"]


def test_an_agency_searches_its_own_library_and_the_portal_every_sites(client, portal, agency, library):
    assert numbers(search(client, agency, q="chuyen doi so")) == ["121/KH-UBND"]
    assert numbers(search(client, agency, q="quy che hoat dong")) == []
    portal_results = search(client, portal, q="chuyen doi so")
    assert numbers(portal_results) == ["121/KH-UBND"]


def test_filters_have_counts_and_combine(client, portal, library):
    response = search(client, portal, **{"linh-vuc": "cong-nghe-thong-tin"})
    facets = {facet["name"]: facet for facet in response.context["search"].facets}

    assert set(numbers(response)) == {"16/2017/QĐ-UBND", "206/2004/QĐ-UB", "121/KH-UBND"}
    type_counts = {option["label"]: option["count"] for option in facets["type"]["options"]}
    assert type_counts == {"Quyết định": 2, "Kế hoạch": 1}
    field_counts = {option["label"]: option["count"] for option in facets["field"]["options"]}
    assert field_counts["Kế hoạch và đầu tư"] == 1  # a facet counts under the other filters, not its own
    narrowed = search(client, portal, **{"linh-vuc": "cong-nghe-thong-tin", "loai": "ke-hoach", "nam": "2025"})
    assert numbers(narrowed) == ["121/KH-UBND"]


def test_validity_follows_relations_and_dates(client, portal, library):
    library["old"].refresh_from_db()
    assert library["old"].validity == Validity.EXPIRED  # replaced by 16/2017
    assert library["seed"].validity == Validity.IN_FORCE
    expired = search(client, portal, **{"hieu-luc": "het"})
    assert numbers(expired) == ["206/2004/QĐ-UB"]


def test_sorting_and_empty_results(client, portal, library):
    assert numbers(search(client, portal, **{"sap-xep": "cu-nhat"}))[0] == "206/2004/QĐ-UB"
    assert numbers(search(client, portal))[0] == "121/KH-UBND"  # newest first without a query
    empty = search(client, portal, q="xyzzyq")
    assert numbers(empty) == [] and "Không tìm thấy văn bản phù hợp" in empty.text


def test_loosened_query_when_no_document_has_every_word(client, portal, library):
    response = search(client, portal, q="quy che xyzzy")
    assert response.context["search"].loosened == 2
    assert "16/2017/QĐ-UBND" in numbers(response)


def test_a_loosened_query_keeps_as_many_words_as_it_can(client, portal, library):
    """No document has all five words: those with four come, not every document with "quy" or "che"."""
    response = search(client, portal, q="quy che hoat dong xyzzy")

    assert response.context["search"].loosened == 4
    assert numbers(response) == ["16/2017/QĐ-UBND"]  # 206/2004 has "quy chế" but not "hoạt động"
    assert "dưới đây là các văn bản có ít nhất 4 từ" in response.text
    anything = search(client, portal, q="xyzzy hoat")  # two words: any one of them will do
    assert anything.context["search"].loosened == 1 and numbers(anything) == ["16/2017/QĐ-UBND"]


def test_each_facet_counts_under_every_other_filter(client, portal, library):
    response = search(client, portal, loai="quyet-dinh", nam="2023")
    found = response.context["search"]
    facets = {
        facet["name"]: {option["value"]: option["count"] for option in facet["options"]} for facet in found.facets
    }

    assert numbers(response) == ["23/2023/QĐ-UBND"] and found.results.paginator.count == 1
    assert facets["type"] == {"quyet-dinh": 1}  # under nam=2023 only
    assert facets["year"] == {"2023": 1, "2017": 1, "2004": 1}  # under loai=quyet-dinh only
    assert facets["authority"] == {"ubnd-tinh-quang-ngai": 1}  # under both


def test_the_listing_counts_are_cached_until_a_document_is_published(client, portal, library, make_document):
    before = search(client, portal).context["search"].total
    with CaptureQueriesContext(connection) as captured:
        assert search(client, portal).context["search"].total == before
    assert not any("GROUP BY" in query["sql"] for query in captured)  # the counts came from the cache

    make_document(portal, "200/QĐ-UBND", "Quyết định về công tác văn thư", issued_on=date(2026, 3, 2))
    assert search(client, portal).context["search"].total == before + 1


def test_results_page_query_count_does_not_grow_with_results(client, portal, library, make_document):
    def count():
        search(client, portal, q="quyet dinh")
        with CaptureQueriesContext(connection) as captured:
            search(client, portal, q="quyet dinh")
        return len(captured)

    few = count()
    for number in range(10):
        make_document(
            portal, f"{100 + number}/2024/QĐ-UBND", f"Quyết định số {number} về công tác", issued_on=date(2024, 1, 2)
        )
    assert count() == few


def test_document_page_shows_relations_both_ways(client, portal, library):
    seed = client.get("/van-ban/16-2017-qd-ubnd/", HTTP_HOST=portal.site.hostname)
    old = client.get("/van-ban/206-2004-qd-ub/", HTTP_HOST=portal.site.hostname)

    assert seed.status_code == old.status_code == 200
    assert "Thay thế" in seed.text and "206/2004/QĐ-UB" in seed.text
    assert "Bị thay thế bởi" in old.text and "16/2017/QĐ-UBND" in old.text
    assert "Hết hiệu lực toàn bộ" in old.text and "19/04/2017" in seed.text
    assert "Công nghệ thông tin" in seed.text  # its field (lĩnh vực)


def test_feed_and_json_share_the_search(client, portal, agency, library):
    feed = client.get("/van-ban/feed/", HTTP_HOST=agency.site.hostname)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert "121/KH-UBND" in feed.content.decode() and "16/2017" not in feed.content.decode()

    api = client.get("/van-ban/api/", {"q": "quy che hoat dong"}, HTTP_HOST=portal.site.hostname).json()
    first = api["results"][0]
    assert api["count"] >= 1 and first["number"] == "16/2017/QĐ-UBND"
    assert first["issued_on"] == "2017-04-19" and first["validity"] == "con"
    assert first["url"] == f"http://{portal.site.hostname}/van-ban/16-2017-qd-ubnd/"
    assert {facet["name"] for facet in api["facets"]} == {"type", "authority", "field", "year", "validity"}


def test_english_visitors_search_the_same_library_in_english(client, portal, library):
    response = client.get("/en/legal-documents/", {"q": "quy che hoat dong"}, HTTP_HOST=portal.site.hostname)

    assert response.status_code == 200
    assert numbers(response)[0] == "16/2017/QĐ-UBND"
    assert '<html lang="en">' in response.text and 'lang="vi">Ban hành Quy chế hoạt động' in response.text


def test_a_document_posted_on_two_sites_appears_once_on_the_portal(client, portal, agency, library, make_document):
    make_document(
        agency,
        "16/2017/QĐ-UBND",
        "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
        issued_on=date(2017, 4, 19),
    )

    assert numbers(search(client, portal, q="16/2017")).count("16/2017/QĐ-UBND") == 1
    assert numbers(search(client, agency, q="16/2017")) == ["16/2017/QĐ-UBND"]


def test_the_portal_lists_the_next_posting_when_the_first_goes(client, portal, agency, library, make_document):
    copy = make_document(agency, "23/2023/QĐ-UBND", "Quy định về quản lý đường giao thông", issued_on=date(2023, 6, 8))
    first = LegalDocumentPage.objects.get(pk=library["road"].pk)

    def listed():
        return [document.pk for document in search(client, portal, q="23/2023").context["search"].results]

    assert listed() == [first.pk]
    first.unpublish()
    assert listed() == [copy.pk]
    first.save_revision().publish()
    assert listed() == [first.pk]

    # As if a signal had been missed: the daily command puts the search's entries right.
    SearchEntry.objects.filter(page_id=first.pk).update(on_portal=False)
    SearchEntry.objects.filter(page_id=copy.pk).delete()
    call_command("refresh_document_validity", stdout=io.StringIO())
    assert listed() == [first.pk]
    assert numbers(search(client, agency, q="23/2023")) == ["23/2023/QĐ-UBND"]
    first.delete()
    assert listed() == [copy.pk]


def test_translations_are_not_listed_twice_on_the_portal(client, portal, library):
    seed = LegalDocumentPage.objects.get(pk=library["seed"].pk)
    english = seed.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    assert not SearchEntry.objects.get(page_id=english.pk).on_portal
    assert numbers(search(client, portal, q="16/2017/QĐ-UBND")) == ["16/2017/QĐ-UBND"]


# Cost that does not grow with content: counts from one statement, bounded pages, a cheap loosening --------------


def has_words(entry: SearchEntry, query: str, required: int | None = None) -> bool:
    """Whether the entry's document has `required` of the query's words (by default all of them)."""
    words = query.split()
    return sum(f" {word} " in entry.page.search_text for word in words) >= (required or len(words))


def plain_count(portal_wide: bool = True, **conditions) -> int:
    """The documents a portal search with these conditions finds, counted the plain way (one COUNT)."""
    entries = SearchEntry.objects.filter(on_portal=True) if portal_wide else SearchEntry.objects.all()
    return entries.filter(**conditions).count()


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "quy che"}, {"loai": "quyet-dinh"}, {"linh-vuc": "cong-nghe-thong-tin", "nam": "2025"}],
)
def test_the_total_and_each_facets_counts_equal_a_plain_count(client, portal, library, params):
    found = search(client, portal, **params).context["search"]
    chosen = {
        "document_type__slug": params.get("loai"),
        "page__legal_fields__slug": params.get("linh-vuc"),
        "issued_on__year": int(params["nam"]) if "nam" in params else None,
    }
    text = {}
    if "q" in params:  # every word of the query, wherever it is in the text
        having = [entry.page_id for entry in SearchEntry.objects.select_related("page") if has_words(entry, "quy che")]
        text = {"page_id__in": having}

    def expected(skip: str | None = None, **extra) -> int:
        kept = {key: value for key, value in chosen.items() if value is not None and key != skip}
        return plain_count(**text, **kept, **extra)

    assert found.total == found.results.paginator.count == expected()
    facets = {facet["name"]: facet for facet in found.facets}
    for option in facets["type"]["options"]:
        assert option["count"] == expected("document_type__slug", document_type__slug=option["value"])
    for option in facets["field"]["options"]:
        assert option["count"] == expected("page__legal_fields__slug", page__legal_fields__slug=option["value"])
    for option in facets["year"]["options"]:
        assert option["count"] == expected("issued_on__year", issued_on__year=int(option["value"]))
    for option in facets["validity"]["options"]:
        assert option["count"] == expected(validity=option["value"])
    assert facets["type"]["options"] and facets["year"]["options"]


def test_counting_a_search_is_one_statement_whatever_it_matches(client, portal, library, make_document):
    def statements() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            found = search(client, portal, q="quyet dinh", loai="quyet-dinh").context["search"]
            assert found.facets and found.total
        return [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]

    few = statements()
    for number in range(12):
        make_document(portal, f"{300 + number}/QĐ-UBND", f"Quyết định số {number}", issued_on=date(2024, 5, 2))
    many = statements()
    assert len(few) == len(many) == 1  # the facets and the total together, however many match


@pytest.fixture
def short_pages(monkeypatch):
    """Pages of 2 results, at most 3 of them (6 results shown), so a small library runs past the last page."""
    monkeypatch.setattr("documents.search.PAGE_SIZE", 2)
    monkeypatch.setattr("documents.search.MAX_PAGES", 3)


def test_pages_stop_at_the_deepest_with_a_hint_to_narrow(client, portal, library, make_document, short_pages):
    for number in range(4):
        make_document(portal, f"{400 + number}/QĐ-UBND", f"Quyết định số {number}", issued_on=date(2022, 1, 3))
    total = plain_count()
    assert total > 6

    first = search(client, portal)
    links = first.text.split('class="pagination"')[1].split("</nav>")[0]
    assert "?page=3" in links and "?page=4" not in links  # no link past the deepest page
    assert first.context["search"].results.paginator.count == total  # the count stays the true one
    assert "Chỉ xem được" not in first.text

    deep = search(client, portal, page="2000")
    page = deep.context["search"].results
    assert page.number == 3 and len(page.object_list) == 2  # the deepest page, not an error
    assert f"Chỉ xem được 3 trang đầu (6 văn bản) trong {total} văn bản tìm được" in deep.text
    assert "thu hẹp tìm kiếm" in deep.text
    api = client.get("/van-ban/api/", {"page": "2000"}, HTTP_HOST=portal.site.hostname).json()
    assert api["page"] == api["pages"] == 3 and api["count"] == total


def test_a_short_result_has_every_page_and_no_hint(client, portal, library, short_pages):
    response = search(client, portal, q="quy che")
    assert response.context["search"].results.paginator.num_pages == 1
    assert "Chỉ xem được" not in response.text


def test_loosening_picks_its_candidates_by_the_words_statistics(client, portal, library, make_document):
    """With the text index's statistics (ANALYZE), the rarest words narrow the candidates; the results are the same
    as counting every word of every document."""
    for number in range(6):
        make_document(portal, f"{500 + number}/KH-UBND", f"Kế hoạch quy hoạch số {number}", issued_on=date(2021, 2, 1))
    query = "ke hoach quy che hoat dong xyzzy"
    before = search(client, portal, q=query).context["search"]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE legal_documents_searchentry")
    cache.delete("documents:word-frequencies")
    after = search(client, portal, q=query).context["search"]

    required = after.loosened
    entries = SearchEntry.objects.filter(on_portal=True).select_related("page")
    expected = {entry.page_id for entry in entries if has_words(entry, query, required)}
    assert required == before.loosened == 4  # "quy che hoat dong" of the seed decision; no document has 5
    assert {document.pk for document in after.results} == expected == {library["seed"].pk}


def test_when_many_match_only_the_best_candidates_are_ranked(client, portal, library, make_document, monkeypatch):
    """Pages of one, two of them: only the two best by number and date are ranked by their text, the rest are
    counted but not shown; of those found by a number, the ones with every word come first."""
    monkeypatch.setattr("documents.search.PAGE_SIZE", 1)
    monkeypatch.setattr("documents.search.MAX_PAGES", 2)
    monkeypatch.setattr("documents.search.RANK_CANDIDATES", 2)
    make_document(portal, "7/2026/QĐ-UBND", "Quy chế làm việc", issued_on=date(2026, 1, 5))
    make_document(portal, "3/2025/QĐ-UBND", "Quy chế mẫu và quy chế làm việc", issued_on=date(2025, 3, 1))

    def shown(query: str) -> tuple[list[str], int]:
        pages = [search(client, portal, q=query, page=str(number)) for number in (1, 2)]
        return [number for page in pages for number in numbers(page)], pages[0].context["search"].total

    found, total = shown("quy che")  # the two newest of four, the one with "quy chế" twice first
    assert total == 4 and found == ["3/2025/QĐ-UBND", "7/2026/QĐ-UBND"]
    make_document(portal, "9/2026/QĐ-UBND", "Về công tác văn thư", issued_on=date(2026, 6, 1))
    found, total = shown("qd-ubnd quy che")  # 9/2026/QĐ-UBND, the newest, is found by its number alone
    assert total > 3 and found == ["3/2025/QĐ-UBND", "7/2026/QĐ-UBND"]


def test_a_filtered_listings_counts_are_cached_until_a_document_is_published(client, portal, library, make_document):
    before = search(client, portal, loai="quyet-dinh", nam="2023").context["search"].total
    with CaptureQueriesContext(connection) as captured:
        assert search(client, portal, loai="quyet-dinh", nam="2023").context["search"].total == before
    assert not any("COUNT(" in query["sql"].upper() for query in captured)  # from the cache
    assert search(client, portal, loai="quyet-dinh").context["search"].total > before  # another entry

    make_document(portal, "201/QĐ-UBND", "Quyết định về công tác lưu trữ", issued_on=date(2023, 3, 2))
    assert search(client, portal, loai="quyet-dinh", nam="2023").context["search"].total == before + 1
