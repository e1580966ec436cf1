"""`manage.py send_deadline_digests`: queue today's deadline digest of each editorial board with something due.

Run daily (deploy/portal-deadline-digests.timer). Running it twice the same day sends nothing twice: each digest is
recorded per group and day when it is queued (oversight.digests).
"""

from django.core.management.base import BaseCommand

from oversight.digests import enqueue_deadline_digests


class Command(BaseCommand):
    help = "Queue the daily e-mail to each editorial board (BBT) whose sites have items overdue or due soon."

    def handle(self, *args, **options):
        count = enqueue_deadline_digests()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} digest(s) queued.")
