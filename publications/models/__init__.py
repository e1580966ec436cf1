"""Models of the `publications` app: one module per kind, re-exported here for Django and Wagtail."""

from .base import PostingLimitMixin, PublicationFile, PublicationIndexPage, PublicationPage
from .commendations import CommendationIndexPage, CommendationKind, CommendationPage
from .guidance import GuidanceFile, GuidanceIndexPage, GuidanceKind, GuidancePage
from .plans import PlanFile, PlanIndexPage, PlanKind, PlanPage, PlanStatus
from .science import ScienceIndexPage, ScienceKind, ScienceProgrammeFile, ScienceProgrammePage, ScienceStatus
from .statistics import Frequency, StatisticsIndexPage, StatisticsReportFile, StatisticsReportPage

__all__ = [
    "CommendationIndexPage",
    "CommendationKind",
    "CommendationPage",
    "Frequency",
    "GuidanceFile",
    "GuidanceIndexPage",
    "GuidanceKind",
    "GuidancePage",
    "PlanFile",
    "PlanIndexPage",
    "PlanKind",
    "PlanPage",
    "PlanStatus",
    "PostingLimitMixin",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "ScienceIndexPage",
    "ScienceKind",
    "ScienceProgrammeFile",
    "ScienceProgrammePage",
    "ScienceStatus",
    "StatisticsIndexPage",
    "StatisticsReportFile",
    "StatisticsReportPage",
]
