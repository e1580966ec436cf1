"""Askers rate the published answers to their questions (Decree 224/2026, R15): once per code, from the lookup
reached with the code and the contact; in the operations report and a listing scoped to each site's BBT."""

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from feedback import handling
from feedback.models import Question, QuestionRating
from feedback.wagtail_hooks import answer_rating_sections
from groundwork.reports import Period
from tests.feedback.test_questions import LOOKUP, ask, host

pytestmark = pytest.mark.django_db

ADMIN_LIST = "/admin/danh-gia-cau-tra-loi/"


@pytest.fixture
def answered(client, agency, moderator):
    ask(client, agency)
    question = Question.objects.get()
    handling.answer(question, moderator, "Lệ phí không thay đổi trong năm 2026.")
    handling.publish(question, moderator)
    return Question.objects.get(pk=question.pk)


def found(visitor, agency, question, contact="nong@example.vn"):
    return visitor.post(LOOKUP, {"code": question.code, "contact": contact}, **host(agency))


def rate(visitor, agency, score="5", comment="", **extra):
    data = {"form": "danh-gia", "score": score, "comment": comment, "website": "", **extra}
    return visitor.post(LOOKUP, data, **host(agency))


def test_a_published_answer_is_rated_once_from_its_lookup(agency, answered):
    visitor = Client()
    page = found(visitor, agency, answered)
    assert "Bạn hài lòng với câu trả lời ở mức nào?" in page.text and "<legend" in page.text
    assert "no-store" in page["Cache-Control"]

    sent = rate(visitor, agency, "2", "Trả lời chưa rõ mức lệ phí.")
    assert sent.status_code == 200 and "Cảm ơn bạn đã đánh giá" in sent.text
    rating = QuestionRating.objects.get()
    assert (rating.code, rating.question, rating.agency, rating.score) == (answered.code, answered, agency, 2)

    again = rate(visitor, agency, "5")
    assert again.status_code == 409 and "đã được đánh giá" in again.text
    # Another visitor with the code and contact (the asker on another device) cannot rate it twice either.
    other = Client()
    assert 'name="score"' not in found(other, agency, answered).text
    assert rate(other, agency, "5").status_code == 409
    assert QuestionRating.objects.get().score == 2


def test_an_unanswered_question_cannot_be_rated(client, agency):
    ask(client, agency)
    question = Question.objects.get()
    visitor = Client()
    assert 'name="score"' not in found(visitor, agency, question).text
    refused = rate(visitor, agency)
    assert refused.status_code == 409 and not QuestionRating.objects.exists()


def test_a_rating_needs_the_code_and_contact_first(agency, answered):
    visitor = Client()
    assert rate(visitor, agency).status_code == 400
    wrong = found(visitor, agency, answered, contact="other@example.vn")
    assert "Không tìm thấy câu hỏi" in wrong.text
    assert rate(visitor, agency).status_code == 400
    assert not QuestionRating.objects.exists()


def test_another_sites_lookup_does_not_rate_the_question(agency, other_agency, answered):
    visitor = Client()
    found(visitor, agency, answered)
    assert rate(visitor, other_agency).status_code == 400
    assert not QuestionRating.objects.exists()


def test_a_bad_rating_is_refused_with_its_error_tied_to_the_scale(agency, answered):
    visitor = Client()
    found(visitor, agency, answered)
    missing = rate(visitor, agency, score="")
    assert missing.status_code == 400 and "Hãy chọn một mức độ hài lòng." in missing.text
    assert 'aria-describedby="id_score_errors"' in missing.text
    assert not QuestionRating.objects.exists()


def test_the_report_section_counts_each_sites_ratings(agency, other_agency, answered):
    QuestionRating.objects.create(code=answered.code, question=answered, agency=agency, score=5)
    QuestionRating.objects.create(code="HD-AAAA-BBBB", agency=agency, score=3)
    today = timezone.localdate()
    (table,) = answer_rating_sections(Period(date(today.year, 1, 1), today), [agency, other_agency])
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows[agency.local_name] == [2, 4.0, 50.0] and rows[other_agency.local_name] == [0, None, None]
    last_year = Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    (old,) = answer_rating_sections(last_year, [agency])
    assert old.rows == [[agency.local_name, 0, None, None]]


def test_each_bbt_reads_only_its_sites_ratings(client, agency, other_agency, answered, moderator, make_user):
    QuestionRating.objects.create(code=answered.code, question=answered, agency=agency, score=1, comment="Chậm.")
    client.force_login(moderator)
    listing = client.get(ADMIN_LIST)
    assert listing.status_code == 200 and answered.code in listing.text and "Chậm." in listing.text
    assert answered.code not in client.get(ADMIN_LIST, {"score": "5"}).text
    assert answered.code in client.get(ADMIN_LIST, {"score": "1"}).text

    client.force_login(make_user("bbt_tunghia", other_agency.moderators))
    assert answered.code not in client.get(ADMIN_LIST).text

    client.force_login(make_user("superuser", is_superuser=True))
    assert answered.code in client.get(ADMIN_LIST).text

    client.force_login(make_user("bientap", agency.editors))
    assert client.get(ADMIN_LIST).status_code in (302, 403)


def test_the_listing_takes_the_same_queries_however_many_ratings(
    client, agency, moderator, django_assert_max_num_queries
):
    client.force_login(moderator)
    for number in range(3):
        QuestionRating.objects.create(code=f"HD-AAAA-{number:04d}", agency=agency, score=4)
    client.get(ADMIN_LIST)
    with django_assert_max_num_queries(50) as few:  # the admin's frame included (its menus ask who sees what)
        client.get(ADMIN_LIST)
    for number in range(3, 30):
        QuestionRating.objects.create(code=f"HD-AAAA-{number:04d}", agency=agency, score=4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(ADMIN_LIST).status_code == 200


def test_an_answer_is_rated_from_the_english_lookup(agency, answered):
    path = "/en/questions-and-answers/track/"
    visitor = Client()
    page = visitor.post(path, {"code": answered.code, "contact": "nong@example.vn"}, **host(agency))
    assert '<html lang="en">' in page.text and 'name="score"' in page.text
    sent = visitor.post(path, {"form": "danh-gia", "score": "3", "website": ""}, **host(agency))
    assert sent.status_code == 200
    assert QuestionRating.objects.get().language == "en"
