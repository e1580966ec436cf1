"""`manage.py run_worker`: django-tasks-db's `db_worker` (same options), which survives database outages and puts
back the tasks that stopped workers left RUNNING."""

import logging
import os
import random
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from worker.recovery import recover_stale_tasks

logger = logging.getLogger("worker")

MAX_BACKOFF = 30  # seconds between two attempts to reach a database that is away


class Worker(db_worker.Worker):
    """django-tasks-db's worker, made to last.

    Its own loop exits on a database error (a PostgreSQL restart ends it); this one closes the connections,
    waits (1, 2, 4… up to MAX_BACKOFF seconds) and carries on. It also recovers stale tasks (worker.recovery), on
    start and every `stale_after` / 2 seconds (at most a minute), so a task left by a worker killed a moment before
    this one started is run again too. A task running when the database goes away stays RUNNING until recovered.
    """

    def __init__(self, *, stale_after: float, **options):
        super().__init__(**options)
        self.stale_after = stale_after
        self.recovery_interval = min(60.0, stale_after / 2)

    def run(self) -> None:
        """Run tasks until stopped by a signal (or, in batch mode, until none is due)."""
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 (workers started together do not poll in step)
        next_recovery = failures = 0
        while self.running:
            try:
                close_old_connections()
                if time.monotonic() >= next_recovery:
                    recover_stale_tasks(self.backend_name, self.stale_after)
                    next_recovery = time.monotonic() + self.recovery_interval
                task_result = self.claim_task()
                if task_result is not None:
                    self.run_task(task_result)
            except (OperationalError, InterfaceError) as error:
                failures += 1
                delay = min(MAX_BACKOFF, 2 ** (failures - 1))
                logger.warning("Database unavailable (%s); trying again in %d s", type(error).__name__, delay)
                connections.close_all()
                time.sleep(delay)
                continue
            failures = 0
            if task_result is None:
                if self.batch:
                    return
                time.sleep(self.interval)
            elif self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return

    def claim_task(self) -> DBTaskResult | None:
        """The next due task of this worker's queues, claimed (RUNNING, with this worker's id), or None."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result


class Command(db_worker.Command):
    help = (
        "Run the task worker (db_worker's options): it waits out database outages, and runs again the tasks that "
        "stopped workers left RUNNING for more than TASKS_STALE_AFTER seconds."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        exclude_queues,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            stale_after=settings.TASKS_STALE_AFTER,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # in the reloader's child, which runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
