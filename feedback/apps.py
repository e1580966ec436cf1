from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Citizens' voice: questions and answers, consultations, petitions (R8, R9)."""

    name = "feedback"
    verbose_name = "Hỏi đáp, góp ý"
