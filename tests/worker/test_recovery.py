"""Tasks left RUNNING by stopped workers (worker.recovery): queued again once stale, failed after three claims, and
a task still in its time left alone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundwork.mail import deliver_mail
from worker.recovery import recover_stale_tasks


@pytest.fixture
def running_task(settings):
    """running_task(seconds_ago, claims): a deliver_mail task claimed `claims` times, the last `seconds_ago`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def make(seconds_ago, claims):
        result = deliver_mail.enqueue(["a@example.vn"], "Chủ đề", "Nội dung", None, "test/plain")
        task = DBTaskResult.objects.get(pk=result.id)
        for claim in range(claims):
            task.claim(f"worker-{claim}")
        DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(seconds=seconds_ago))
        return task.pk

    return make


@pytest.mark.django_db
def test_stale_tasks_are_queued_again_and_those_whose_worker_died_three_times_fail(running_task, caplog):
    abandoned, poisonous, in_progress = running_task(601, 1), running_task(601, 3), running_task(599, 1)

    assert recover_stale_tasks("default", stale_after=600) == 2

    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {abandoned: "READY", poisonous: "FAILED", in_progress: "RUNNING"}
    assert "3 times" in DBTaskResult.objects.get(pk=poisonous).traceback
    assert sorted(record.levelname for record in caplog.records if record.name == "worker.recovery") == [
        "ERROR",
        "WARNING",
    ]
    assert recover_stale_tasks("default", stale_after=600) == 0  # each is handled once
