"""Citizens' voice (R8, R9): questions and petitions with their inbox, and public consultations."""

from .consultations import ConsultationComment, ConsultationIndexPage, ConsultationPage
from .pages import QuestionIndexPage
from .questions import Question, QuestionEvent, Unit
from .ratings import QuestionRating

__all__ = [
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "Question",
    "QuestionEvent",
    "QuestionIndexPage",
    "QuestionRating",
    "Unit",
]
