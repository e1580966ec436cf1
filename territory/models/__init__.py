"""Models of the `territory` app: the commune-level units and their map, and the heritage pages."""

from .heritage import HeritageGalleryImage, HeritageIndexPage, HeritagePage
from .maps import AdministrativeMapPage
from .units import AdministrativeUnit

__all__ = [
    "AdministrativeMapPage",
    "AdministrativeUnit",
    "HeritageGalleryImage",
    "HeritageIndexPage",
    "HeritagePage",
]
