"""Tasks left RUNNING by a worker that died (killed, out of memory, its machine restarted) are put back in the queue.

A task is RUNNING from the moment a worker claims it until it marks it done; nothing else ever moves it on. A task
RUNNING for longer than TASKS_STALE_AFTER seconds is taken to be abandoned, so that setting must exceed the longest
time any task can legitimately run (an e-mail: a few times EMAIL_TIMEOUT), or a live worker's task would be run a
second time beside it.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# A task whose worker died this many times is more likely the cause than the victim: it is failed, not run again.
MAX_CLAIMS = 3


def recover_stale_tasks(backend_name: str, stale_after: float) -> int:
    """Put back to READY the tasks of `backend_name` RUNNING for longer than `stale_after` seconds, and fail those
    already claimed MAX_CLAIMS times. Several workers may do this at once: each task is handled once.

    Returns the number of tasks handled (put back or failed).
    """
    now = timezone.now()
    stale = DBTaskResult.objects.running().filter(
        backend_name=backend_name, started_at__lt=now - timedelta(seconds=stale_after)
    )
    with transaction.atomic():
        tasks = list(stale.select_for_update(skip_locked=True))
        for task in tasks:
            if len(task.worker_ids) >= MAX_CLAIMS:
                task.status, task.finished_at = TaskResultStatus.FAILED, now
                task.traceback = f"Abandoned: its worker stopped while running it {len(task.worker_ids)} times."
                task.save(update_fields=["status", "finished_at", "traceback"])
                logger.error("Task %s (%s) failed: its worker stopped while running it", task.id, task.task_path)
            else:
                task.status = TaskResultStatus.READY
                task.save(update_fields=["status"])
                logger.warning("Task %s (%s) left running by a stopped worker: queued again", task.id, task.task_path)
    return len(tasks)
