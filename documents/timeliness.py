"""Posting time limits of legal documents (R10, Điều 9.1.c): 2 working days after issue on the issuing
agency's own site, 10 on the sites of the other agencies concerned."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from home.posting import posting_limits
from home.queries import agencies_by_root_path, owner_of
from vietnam.workdays import add_working_days, local_date

# The rules' codes (home.PostingRule): on the issuer's site, and elsewhere.
ISSUER_RULE = "legal-issuer"
OTHERS_RULE = "legal-others"


@dataclass
class Timeliness:
    """One document's posting deadline on its site and whether it was, or is now, late."""

    document: object
    limit: int
    due: date
    posted: date | None

    @property
    def late(self) -> bool:
        """Went live after its deadline."""
        return self.posted is not None and self.posted > self.due

    @property
    def overdue(self) -> bool:
        """Not live yet, and its deadline has passed."""
        return self.posted is None and timezone.localdate() > self.due


def timeliness(documents: QuerySet) -> list[Timeliness]:
    """The posting deadline of each document (no query per document: the calendar and sites are cached)."""
    owners = agencies_by_root_path()
    limits = posting_limits()
    rows = []
    for document in documents.select_related("authority"):
        site_agency = owner_of(document, owners)
        issuer = site_agency is not None and document.authority.agency_id == site_agency.pk
        limit = limits[ISSUER_RULE if issuer else OTHERS_RULE]
        posted = local_date(document.first_published_at) if document.first_published_at else None
        rows.append(Timeliness(document, limit, add_working_days(document.issued_on, limit), posted))
    return rows
