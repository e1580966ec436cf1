"""The import rate: `manage.py import_documents` on a generated 10,000-row CSV, in rows per second.

The rows go into a site of their own (IMPORT_COMMUNE), emptied before and after, so the searched
data set stays the seeded 100,000 documents and every run imports (creates) the same rows. The CSV
has every column the command reads; dates are dd/mm/yyyy; there are no files; types and authorities
are names from the lists; one row in 100 replaces, one in 150 amends, a document imported before it.
"""

import csv
import os
import random
import time
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction

from documents.importing import COLUMNS, legal_documents_section
from documents.models import Authority, LegalDocumentPage
from home.models import Agency

from . import seeding
from . import vocabulary as words

IMPORT_USERNAME = "bench-importer"
# The import must keep above this on the 2-core machine, with its load printed beside it (issue 15, §2).
TARGET_RATE = 20
COMMAND = Path(settings.BASE_DIR) / "documents" / "management" / "commands" / "import_documents.py"


def dmy(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def write_csv(path: Path, rows: int, agency: Agency, lists: seeding.Lists) -> None:
    """A CSV of `rows` documents of `agency`'s People's Committee and Council, as a clerk would export it."""
    rng = random.Random(f"bench-import-{rows}")  # noqa: S311 - test data
    specs = seeding.plan_documents(rng, rows, agency, lists)
    earlier: dict[int, list[str]] = {}  # authority → numbers already written
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        for index, spec in enumerate(specs):
            previous = earlier.setdefault(spec.authority.pk, [])
            replaces = rng.choice(previous) if previous and index % 100 == 99 else ""
            amends = rng.choice(previous) if previous and index % 150 == 149 and not replaces else ""
            writer.writerow(
                {
                    "so_ky_hieu": spec.number,
                    "loai_van_ban": spec.document_type.name,
                    "co_quan_ban_hanh": spec.authority.name,
                    "nguoi_ky": spec.signer,
                    "ngay_ban_hanh": dmy(spec.issued_on),
                    "ngay_hieu_luc": dmy(spec.effective_from),
                    "ngay_het_hieu_luc": dmy(spec.expires_on),
                    "linh_vuc": "; ".join(field.name for field in spec.fields),
                    "trich_yeu": spec.summary,
                    "tep": "",
                    "thay_the": replaces,
                    "sua_doi": amends,
                }
            )
            previous.append(spec.number)


def import_site(lists: seeding.Lists) -> Agency:
    """The site the rows are imported into, its authorities linked to it."""
    agency = seeding.ensure_site(words.IMPORT_COMMUNE, Agency.Kind.LOCAL)
    committee, _council = seeding.local_authorities(words.IMPORT_COMMUNE)
    Authority.objects.filter(name=committee).update(agency=agency)
    lists.authorities[committee].agency = agency
    return agency


def importer_user():
    """A superuser to record on the revisions, with no usable password."""
    User = get_user_model()
    user = User.objects.filter(username=IMPORT_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(IMPORT_USERNAME, f"{IMPORT_USERNAME}@{settings.PORTAL_DOMAIN}", None)
    return user


def empty_section(agency: Agency) -> int:
    """Delete every document of the agency's library (treebeard's bulk delete); returns how many there were."""
    section = legal_documents_section(agency)
    children = LegalDocumentPage.objects.child_of(section)
    count = children.count()
    if count:
        with transaction.atomic():
            children.delete()
    return count


def load() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as the figures should be read beside it."""
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def run(rows: int, directory: Path) -> None:
    """Time import_documents on a `rows`-row CSV written to `directory`; print rows/s, or why it was skipped."""
    print(f"\n== Import rate: import_documents, {rows:,}-row CSV, --publish ==")
    if not COMMAND.exists():
        print(f"Skipped: {COMMAND.relative_to(settings.BASE_DIR)} does not exist.")
        return
    agencies = [Agency.objects.get(kind=Agency.Kind.PORTAL)]
    lists = seeding.ensure_lists(agencies)
    agency = import_site(lists)
    user = importer_user()
    leftover = empty_section(agency)
    if leftover:
        print(f"Removed {leftover:,} documents left by an earlier run.")

    path = directory / f"bench-import-{rows}.csv"
    write_csv(path, rows, agency, lists)
    print(f"CSV: {path} ({path.stat().st_size / 1_048_576:.1f} MB), into {agency.site.hostname}/van-ban/")

    stdout = StringIO()
    load_before = load()
    started = time.perf_counter()
    try:
        call_command("import_documents", str(path), site=agency.code, publish=True, user=user.username, stdout=stdout)
        failed = ""
    except CommandError as error:
        failed = str(error)
    seconds = time.perf_counter() - started
    created = LegalDocumentPage.objects.child_of(legal_documents_section(agency)).live().count()
    for line in stdout.getvalue().splitlines():
        print(f"  import_documents: {line}")
    if failed:
        print(f"  import_documents failed: {failed}")
    print(
        f"Import rate: {rows:,} rows in {seconds:.1f} s = {rows / seconds:.1f} rows/s "
        f"({created:,} live documents created; wall time of call_command, CSV reading included); "
        f"load average {load_before} before, {load()} after, on {os.cpu_count()} CPUs. "
        f"{'PASS' if rows / seconds > TARGET_RATE else 'FAIL'} (target: above {TARGET_RATE} rows/s)."
    )

    started = time.perf_counter()
    removed = empty_section(agency)
    # The import and the removal leave dead rows behind; the next searches should not read them.
    seeding.vacuum_analyze()
    print(f"Removed the {removed:,} imported documents again, and vacuumed, in {time.perf_counter() - started:.1f} s.")
