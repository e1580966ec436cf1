"""The demo's ratings: every other finished dossier and published answer rated, once however often it is seeded."""

import pytest

from demo.ratings import seed_ratings
from feedback import handling as question_handling
from feedback.models import Question, QuestionRating
from home.onboarding import Onboarding
from services import handling
from services.models import DossierRating
from tests.services import test_submission
from tests.services.helpers import make_dossier

pytestmark = pytest.mark.django_db

procedure = test_submission.procedure


def test_every_other_finished_dossier_and_answer_is_rated_once(agency, other_agency, procedure, officer, moderator):
    dossiers = [make_dossier(procedure) for _ in range(3)]
    for dossier in dossiers[:2]:
        handling.start(dossier, officer)
        handling.finish(dossier, officer, "Đã có kết quả.")
    asker = {"agency": agency, "name": "Lê Thị Hoa", "email": "hoa@example.vn", "body": "?"}
    question = Question.objects.create(title="Lệ phí", **asker)
    question_handling.answer(question, moderator, "Không đổi.")
    question_handling.publish(question, moderator)
    Question.objects.create(title="Chưa trả lời", **asker)
    agencies = {"stttt": agency, "tunghia": other_agency}

    first, second = Onboarding(), Onboarding()
    seed_ratings(agencies, first)
    seed_ratings(agencies, second)

    assert list(DossierRating.objects.values_list("code", flat=True)) == [dossiers[0].code]
    assert list(QuestionRating.objects.values_list("code", flat=True)) == [question.code]
    assert first.created and not second.created and second.existing
