"""python -m bench.import_only [--rows N]: the import rate alone (bench/import_rate.py), on the bench database.

For profiling the import without seeding the 100,000 documents first: the portal's site, the import's commune and
the lists are created if missing (BENCH_DATABASE_URL, as `python -m bench`). Prints the machine's load beside the
figure.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from .__main__ import configure_environment, describe_machine, ensure_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_only", description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000)
    options = parser.parse_args(argv)
    url = configure_environment()
    ensure_database(url)

    import django

    django.setup()
    from django.core.management import call_command

    from home.models import Agency

    from . import import_rate, seeding
    from . import vocabulary as words

    call_command("migrate", interactive=False, verbosity=0)
    seeding.ensure_site(words.PORTAL_NAME, Agency.Kind.PORTAL, words.PORTAL_NAME_EN)
    describe_machine(url)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as directory:
        import_rate.run(options.rows, Path(directory))
    return 0


if __name__ == "__main__":
    sys.exit(main())
