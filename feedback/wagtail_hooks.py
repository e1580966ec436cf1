"""The admin of citizens' voice: the questions inbox and the consultation comments (each registers its own)."""

from .admin.views import consultations, questions  # noqa: F401
