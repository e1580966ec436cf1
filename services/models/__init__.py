"""Administrative procedures and their online services (R7): the catalogue, and dossiers submitted online."""

from .dossiers import Dossier, DossierAccess, DossierCounter, DossierEvent, DossierFile
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

__all__ = [
    "Channel",
    "Dossier",
    "DossierAccess",
    "DossierComponent",
    "DossierCounter",
    "DossierEvent",
    "DossierFile",
    "GovernmentLevel",
    "OnlineService",
    "ProcedureFormField",
    "ProcedureIndexPage",
    "ProcedurePage",
    "Sector",
]
