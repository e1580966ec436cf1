"""Projects and procurement (R4 h): the section, projects, notices, their files and the standard lists."""

from .choices import (
    INVITING_KINDS,
    CapitalSource,
    NoticeKind,
    NoticeStatus,
    ProcurementField,
    ProjectGroup,
    ProjectStatus,
    SelectionMethod,
)
from .files import NoticeFile, ProjectFile
from .pages import NoticePage, ProcurementIndexPage, ProjectPage

__all__ = [
    "INVITING_KINDS",
    "CapitalSource",
    "NoticeFile",
    "NoticeKind",
    "NoticePage",
    "NoticeStatus",
    "ProcurementField",
    "ProcurementIndexPage",
    "ProjectFile",
    "ProjectGroup",
    "ProjectPage",
    "ProjectStatus",
    "SelectionMethod",
]
