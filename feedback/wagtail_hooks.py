"""The admin of citizens' voice: the questions inbox and the consultation comments (each registers its own)."""

from . import consultation_admin, question_admin  # noqa: F401
