"""How long dossiers are kept (Điều 13): a closed dossier is deleted with its files when its retention ends.

A dossier is closed when its result is handed back or it is refused (`closed_at`); it is kept
SERVICES_DOSSIER_RETENTION_DAYS from then, and an open one is never deleted, however old. Each purge leaves a
record in the access log (DossierAccess, action PURGE) with the dossier's code, its agency and facts that name
nobody: the procedure's code, the final status, the dates of submission and closing, the number of files.
`manage.py purge_dossiers` runs it daily.
"""

import logging
from collections import Counter
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone, translation

from .models import Dossier, DossierAccess, DossierFile

logger = logging.getLogger(__name__)

# Dossiers deleted per transaction: short locks, and a failure loses no more than one batch's work.
BATCH_SIZE = 500


def retention_cutoff(now: datetime | None = None) -> datetime:
    """The moment before which a closed dossier has outlived its retention. Raises ImproperlyConfigured if
    SERVICES_DOSSIER_RETENTION_DAYS is under one day (a typo must not empty the archive)."""
    days = settings.SERVICES_DOSSIER_RETENTION_DAYS
    if days < 1:
        raise ImproperlyConfigured("SERVICES_DOSSIER_RETENTION_DAYS must be at least 1.")
    return (now or timezone.now()) - timedelta(days=days)


def expired_dossiers(now: datetime | None = None) -> QuerySet:
    """The closed dossiers whose retention has ended at `now` (default: now). Never an open one."""
    return Dossier.objects.filter(status__in=Dossier.CLOSED, closed_at__lt=retention_cutoff(now))


def purge_closed_dossiers(now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE) -> int:
    """Delete the dossiers whose retention has ended at `now`, with their steps and files, leaving a PURGE record
    for each in the access log. Returns how many were deleted (with `dry_run`, how many would be, and nothing is
    touched).

    Each batch of `batch_size` dossiers is one transaction; their files are removed from the private storage only
    once it has committed, so a failed batch keeps its files with its rows. A dossier locked by someone else at that
    moment is left for the next run.
    """
    now = now or timezone.now()
    expired = expired_dossiers(now)
    if dry_run:
        return expired.count()
    purged = 0
    while True:
        with transaction.atomic():
            deleted = _purge_batch(expired, now, batch_size)
        if not deleted:
            break
        purged += deleted
    if purged:
        logger.info("Purged %d closed dossiers at the end of their retention", purged)
    return purged


def _purge_batch(expired: QuerySet, now: datetime, batch_size: int) -> int:
    pks = list(
        expired.select_for_update(skip_locked=True)
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)[:batch_size]
    )
    if not pks:
        return 0
    dossiers = Dossier.objects.filter(pk__in=pks).values(
        "code", "agency_id", "status", "submitted_at", "closed_at", "pk", procedure_code=F("procedure__code")
    )
    files = list(DossierFile.objects.filter(dossier__in=pks).values_list("dossier_id", "file"))
    files_per_dossier = Counter(dossier_id for dossier_id, _name in files)
    DossierAccess.objects.bulk_create(
        DossierAccess(
            code=dossier["code"],
            agency_id=dossier["agency_id"],
            user=None,
            at=now,
            action=DossierAccess.Action.PURGE,
            detail=purge_detail(dossier, files_per_dossier[dossier["pk"]]),
        )
        for dossier in dossiers
    )
    Dossier.objects.filter(pk__in=pks).delete()  # its files' rows and its steps cascade
    storage = DossierFile._meta.get_field("file").storage
    transaction.on_commit(partial(_delete_files, storage, [name for _pk, name in files if name]))
    return len(pks)


def purge_detail(dossier: dict, files: int) -> str:
    """What the access log keeps of a purged dossier: nothing that names or reaches its applicant.

    `dossier` holds its status, submitted_at, closed_at and procedure_code; `files` is how many files it had.
    """

    def day(moment: datetime) -> str:
        return timezone.localtime(moment).strftime("%d/%m/%Y")

    with translation.override("vi"):  # the record is read in Vietnamese whoever runs the purge
        status = str(Dossier.Status(dossier["status"]).label)
    detail = (
        f"Thủ tục {dossier['procedure_code'] or '—'}; {status}; nộp {day(dossier['submitted_at'])}; "
        f"kết thúc {day(dossier['closed_at'])}; {files} tệp"
    )
    return detail[:255]


def _delete_files(storage, names: list[str]) -> None:
    """Remove the purged dossiers' files; one that cannot be removed does not stop the others.

    Logs counts only: a file's name is the one its sender gave it, and may name them.
    """
    failures = Counter()
    for name in names:
        try:
            storage.delete(name)
        except Exception as error:  # a storage error (disk, network, S3) of any kind: count it, go on
            failures[type(error).__name__] += 1
    if failures:
        logger.error(
            "%d of %d files of purged dossiers were not removed from the private storage (%s)",
            sum(failures.values()),
            len(names),
            ", ".join(f"{kind}: {count}" for kind, count in failures.items()),
        )
