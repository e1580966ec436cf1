"""`manage.py send_digests`: queue the digests that are due, after deleting unconfirmed requests past their week.

Run daily (deploy/portal-digests.timer). Running it twice, or late, sends nothing twice: each digest records the
period it covered in the transaction that queues it (following.digests).
"""

from django.core.management.base import BaseCommand

from following.digests import enqueue_due_digests


class Command(BaseCommand):
    help = "Queue the e-mail digests that are due (daily and weekly) and delete expired subscription requests."

    def handle(self, *args, **options):
        count = enqueue_due_digests()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} digest(s) due, queued.")
