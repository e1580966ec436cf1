"""Administrative procedures and their online services (R7): the catalogue, dossiers submitted online, how often
each procedure is read, and each agency's yearly roadmap of services to bring online."""

from .dossiers import Dossier, DossierAccess, DossierCounter, DossierEvent, DossierFile
from .plans import OnlineServicePlan
from .procedures import (
    Channel,
    DossierComponent,
    GovernmentLevel,
    OnlineService,
    ProcedureFormField,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from .ratings import DossierRating
from .usage import ProcedureViewCount

__all__ = [
    "Channel",
    "Dossier",
    "DossierAccess",
    "DossierComponent",
    "DossierCounter",
    "DossierEvent",
    "DossierFile",
    "DossierRating",
    "GovernmentLevel",
    "OnlineService",
    "OnlineServicePlan",
    "ProcedureFormField",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureViewCount",
    "Sector",
]
