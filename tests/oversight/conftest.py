"""Fixtures for oversight: items of every category on the test sites, put live on chosen Vietnamese dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from wagtail.models import Page

from feedback.models import Question
from tests.documents.conftest import lists, make_document  # noqa: F401 - fixtures
from tests.publications.conftest import publish  # noqa: F401 - fixture

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 9) -> datetime:
    """`day` at `hour` o'clock in Vietnam."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=VIETNAM)


def went_live(page: Page, day: date | None) -> Page:
    """Record that `page` first went live on `day` (None: never), as if published then."""
    Page.objects.filter(pk=page.pk).update(
        first_published_at=at(day) if day else None, live=day is not None, last_published_at=at(day) if day else None
    )
    page.refresh_from_db()
    return page


def ask(agency, received: date, answered: date | None = None, title: str = "Hỏi về thủ tục") -> Question:
    """A question received by `agency`'s site on `received`, answered on `answered` (None: still open)."""
    question = Question.objects.create(
        agency=agency, name="Nguyễn Văn An", title=title, body="Nội dung câu hỏi.", received_at=at(received)
    )
    if answered:
        Question.objects.filter(pk=question.pk).update(
            status=Question.Status.ANSWERED, answer="Trả lời.", answered_at=at(answered)
        )
        question.refresh_from_db()
    return question
