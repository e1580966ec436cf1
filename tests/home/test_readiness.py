"""/readyz: the database, the cache, the task queue's age and both storages, each tried, timed and reported; /healthz
stays a cheap liveness check. The faults are real: a redis-server stopped, a storage folder that cannot be written,
a task left waiting in the database queue."""

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from groundwork.mail import send_mail
from tests.groundwork.test_cache import redis_server  # noqa: F401 - the fixture: a redis-server of the test's own

pytestmark = pytest.mark.django_db

CHECKS = {"database", "cache", "tasks", "storage", "private_storage"}


def ready(client) -> tuple[int, dict]:
    response = client.get("/readyz")
    assert response["Cache-Control"].startswith("max-age=0")  # never_cache: a front cache must not keep it
    return response.status_code, response.json()


def down(client) -> list[str]:
    status, body = ready(client)
    assert (status == 200) == (body["status"] == "ok") == ("down" not in body)
    return body.get("down", [])


def unwritable(folder: Path) -> Path:
    """A storage location where nothing can be written: `folder` made read-only (mode 555). Root writes through any
    mode, so under root (as in CI's container) the location is a path below a regular file instead."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return folder
    (folder / "not-a-folder").write_text("")
    return folder / "not-a-folder" / "media"


def test_everything_up_is_reported_check_by_check_with_its_time(client):
    status, body = ready(client)
    assert status == 200 and body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    for result in body["checks"].values():
        assert result["ok"] is True and 0 <= result["ms"] < 5000
    assert body["checks"]["tasks"] == {**body["checks"]["tasks"], "oldest_ready_seconds": 0.0, "max_age_seconds": 300}


def test_the_probe_files_are_deleted(client, settings):
    assert down(client) == []
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        assert not list(Path(root).glob("readyz/*"))


def test_liveness_does_not_try_the_storages_or_the_queue(client, settings, tmp_path, django_assert_num_queries):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": unwritable(tmp_path)}},
    }
    with django_assert_num_queries(1):
        assert client.get("/healthz").json() == {"status": "ok"}
    assert down(client) == ["storage"]


@pytest.mark.parametrize("alias", ["storage", "private_storage"])
def test_a_storage_that_cannot_be_written_is_down(client, settings, tmp_path, alias):
    storage = "default" if alias == "storage" else "private"
    settings.STORAGES = {
        **settings.STORAGES,
        storage: {**settings.STORAGES[storage], "OPTIONS": {"location": unwritable(tmp_path / "files")}},
    }
    status, body = ready(client)
    assert (status, body["down"]) == (503, [alias])
    assert body["checks"][alias]["ok"] is False and body["checks"][alias]["error"] in {
        "PermissionError",
        "NotADirectoryError",
    }
    assert str(tmp_path) not in str(body)  # no path, host or bucket in the answer

    (tmp_path / "files").chmod(0o755)
    shutil.rmtree(tmp_path / "files")
    assert down(client) == []  # the folder back: ready again


def queue_mail() -> DBTaskResult:
    """A citizen's e-mail queued in the database (the database_queue fixture), not yet taken by a worker."""
    send_mail("nguoi.dan@example.com", "Thử", "feedback/mail/received", {}, html=False)
    return DBTaskResult.objects.latest("enqueued_at")


def test_a_task_waiting_past_the_limit_puts_the_queue_down(client, database_queue, settings):
    task = queue_mail()
    assert down(client) == []  # just queued: a worker has 300 s to take it

    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - timedelta(seconds=301))
    status, body = ready(client)
    assert (status, body["down"]) == (503, ["tasks"])
    assert body["checks"]["tasks"]["oldest_ready_seconds"] >= 301
    assert body["checks"]["tasks"]["error"] == "a task has waited too long for a worker"

    settings.READY_TASKS_MAX_AGE = 600
    assert down(client) == []


def test_a_task_retried_later_is_not_late_before_its_time(client, database_queue):
    task = queue_mail()
    # Queued an hour ago, failed, and put back to run in ten minutes (groundwork.mail's retries): not due yet.
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(hours=1), run_after=timezone.now() + timedelta(minutes=10)
    )
    assert down(client) == []
    # Due for a minute: still within the limit, though queued an hour ago.
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - timedelta(minutes=1))
    assert down(client) == []


def test_tasks_done_or_running_do_not_count(client, database_queue):
    task = queue_mail()
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timedelta(hours=1), status="SUCCESSFUL", finished_at=timezone.now()
    )
    assert down(client) == []


@pytest.mark.redis
def test_redis_stopped_puts_the_cache_down_and_back(client, redis_server):  # noqa: F811
    assert down(client) == []
    redis_server.kill()
    status, body = ready(client)
    assert (status, body["down"]) == (503, ["cache"])
    assert body["checks"]["cache"]["ok"] is False and body["checks"]["cache"]["ms"] < 2000
    assert all(body["checks"][name]["ok"] for name in CHECKS - {"cache"})
    assert client.get("/healthz").status_code == 200  # alive: pages are still served without Redis
