"""Citizens rate their finished online dossiers (Decree 224/2026, R15): once per code, on the status page reached
with the code and security code; the ratings in the statistics, the operations report and a scoped admin listing."""

import threading
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from groundwork.reports import Period
from services import handling
from services.models import Dossier, DossierRating
from services.statistics import procedure_statistics
from services.wagtail_hooks import dossier_rating_sections
from tests.services import test_submission
from tests.services.helpers import make_dossier
from tests.services.test_tracking import TRACK, host, status_page

pytestmark = pytest.mark.django_db

procedure = test_submission.procedure
ADMIN_LIST = "/admin/danh-gia-ho-so/"


def rate(client, agency, dossier, score="5", comment="", **extra):
    return client.post(
        f"{TRACK}{dossier.code}/",
        {"form": "danh-gia", "score": score, "comment": comment, "website": "", **extra},
        **host(agency),
    )


@pytest.fixture
def finished(procedure, officer):
    dossier = make_dossier(procedure)
    handling.start(dossier, officer)
    handling.finish(dossier, officer, "Giấy chứng nhận đăng ký hộ kinh doanh đã có.")
    return Dossier.objects.get(pk=dossier.pk)


def test_a_finished_dossier_is_rated_once_on_its_status_page(other_agency, finished):
    visitor = Client()
    page = status_page(visitor, other_agency, finished)
    assert "Rất không hài lòng" in page.text and "Rất hài lòng" in page.text
    assert "<fieldset" in page.text and "<legend" in page.text

    sent = rate(visitor, other_agency, finished, "4", "Cán bộ hướng dẫn tận tình.")
    assert sent.status_code == 200 and "Cảm ơn bạn đã đánh giá" in sent.text
    rating = DossierRating.objects.get()
    assert (rating.code, rating.score, rating.agency, rating.procedure_id) == (
        finished.code,
        4,
        other_agency,
        finished.procedure_id,
    )
    assert rating.comment == "Cán bộ hướng dẫn tận tình."

    again = rate(visitor, other_agency, finished, "1")
    assert again.status_code == 409 and "đã được đánh giá" in again.text
    assert DossierRating.objects.get().score == 4
    # Shown again, the page says it was rated and offers no form.
    shown = visitor.get(f"{TRACK}{finished.code}/", **host(other_agency))
    assert "Hài lòng" in shown.text and 'name="score"' not in shown.text


def test_an_open_dossier_cannot_be_rated(other_agency, procedure):
    dossier = make_dossier(procedure)
    visitor = Client()
    page = status_page(visitor, other_agency, dossier)
    assert 'name="score"' not in page.text
    refused = rate(visitor, other_agency, dossier)
    assert refused.status_code == 409 and not DossierRating.objects.exists()


def test_a_rating_needs_the_session_that_opened_the_dossier(other_agency, finished):
    # The code alone (a guessed one) opens nothing and rates nothing.
    stranger = Client()
    response = rate(stranger, other_agency, finished)
    assert response.status_code == 302 and not DossierRating.objects.exists()


def test_bad_ratings_are_refused_with_clear_errors(other_agency, finished):
    visitor = Client()
    status_page(visitor, other_agency, finished)
    missing = rate(visitor, other_agency, finished, score="")
    assert missing.status_code == 400 and "Hãy chọn một mức độ hài lòng." in missing.text
    assert 'aria-describedby="id_score_errors"' in missing.text
    too_long = rate(visitor, other_agency, finished, comment="x" * 1001)
    assert too_long.status_code == 400 and "id_comment_errors" in too_long.text
    bot = rate(visitor, other_agency, finished, website="http://spam.example")
    assert bot.status_code == 400
    out_of_scale = rate(visitor, other_agency, finished, score="9")
    assert out_of_scale.status_code == 400
    assert not DossierRating.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_ratings_sent_at_once_make_one(wagtail_roots, other_agency, procedure, officer):
    from groundwork.ratings import AlreadyRated, rate

    dossier = make_dossier(procedure)
    barrier, outcomes = threading.Barrier(2), []

    def send(score):
        try:
            barrier.wait()
            rate(DossierRating, score=score, code=dossier.code, dossier=dossier, agency=other_agency)
            outcomes.append("saved")
        except AlreadyRated:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(score,)) for score in (2, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "saved"]
    assert DossierRating.objects.filter(code=dossier.code).count() == 1


def test_ratings_in_the_statistics_per_procedure_and_agency(other_agency, procedure, officer):
    for score in (5, 4, 2):
        dossier = make_dossier(procedure)
        DossierRating.objects.create(
            code=dossier.code, dossier=dossier, agency=other_agency, procedure=procedure, score=score
        )
    statistics = procedure_statistics([other_agency], timezone.localdate().year)
    (row,) = statistics.rows
    assert row.numbers.rated == 3 and row.numbers.average == pytest.approx(11 / 3)
    (summary,) = statistics.agencies
    assert summary.numbers.rated == 3 and summary.numbers.satisfied_rate == pytest.approx(200 / 3)
    page = Client().get("/thu-tuc-hanh-chinh/thong-ke/", **host(other_agency))
    assert page.status_code == 200 and "3,7" in page.text


def test_the_report_section_counts_ratings_per_site(agency, other_agency, procedure):
    for score in (5, 3):
        dossier = make_dossier(procedure)
        DossierRating.objects.create(code=dossier.code, dossier=dossier, agency=other_agency, score=score)
    today = timezone.localdate()
    (table,) = dossier_rating_sections(Period(date(today.year, 1, 1), today), [agency, other_agency])
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows[other_agency.local_name] == [2, 4.0, 50.0]
    assert rows[agency.local_name] == [0, None, None]
    assert dict(zip(table.chart.labels, table.chart.values, strict=True))[other_agency.local_name] == 50.0


def test_the_admin_listing_shows_each_desk_only_its_agencys_ratings(
    client, agency, other_agency, procedure, officer, make_user
):
    dossier = make_dossier(procedure)
    DossierRating.objects.create(
        code=dossier.code, dossier=dossier, agency=other_agency, score=1, comment="Chờ lâu quá."
    )
    client.force_login(officer)
    listing = client.get(ADMIN_LIST)
    assert listing.status_code == 200 and dossier.code in listing.text and "Chờ lâu quá." in listing.text

    client.force_login(make_user("motcua_stttt", agency.officers))
    other = client.get(ADMIN_LIST)
    assert other.status_code == 200 and dossier.code not in other.text

    client.force_login(make_user("bientap", agency.editors))
    assert client.get(ADMIN_LIST).status_code in (302, 403)


def test_a_dossier_is_rated_from_its_english_status_page(other_agency, finished):
    path = "/en/administrative-procedures/track-dossier/"
    visitor = Client()
    page = status_page(visitor, other_agency, finished, path=path)
    assert '<html lang="en">' in page.text and 'name="score"' in page.text
    sent = visitor.post(
        f"{path}{finished.code}/", {"form": "danh-gia", "score": "5", "website": ""}, **host(other_agency)
    )
    assert sent.status_code == 200
    assert DossierRating.objects.get().language == "en"


def test_the_procedure_page_shows_its_years_ratings(client, other_agency, procedure):
    for score in (5, 4, 1):
        dossier = make_dossier(procedure)
        DossierRating.objects.create(code=dossier.code, agency=other_agency, procedure=procedure, score=score)
    page = client.get(procedure.url, **host(other_agency))
    assert "Đánh giá của người dân" in page.text and "trung bình 3,3/5; hài lòng 66,7%" in page.text


def test_the_admin_listing_takes_the_same_queries_however_many_ratings(
    client, portal, other_agency, procedure, make_user, django_assert_max_num_queries
):
    client.force_login(make_user("bbt_tinh", portal.moderators))  # the portal's BBT: every agency's

    def add(count):
        for _ in range(count):
            dossier = make_dossier(procedure)
            DossierRating.objects.create(code=dossier.code, agency=other_agency, procedure=procedure, score=3)

    add(2)
    client.get(ADMIN_LIST)
    with django_assert_max_num_queries(60) as few:
        assert client.get(ADMIN_LIST).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        listing = client.get(ADMIN_LIST)
    assert listing.text.count("3/5 – Bình thường") == 22
