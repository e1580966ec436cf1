"""The daily deadline digest: one Vietnamese e-mail per editorial board with items overdue or due within 2 working
days, through the database task queue and its worker; nothing when nothing is due; never twice the same day."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from oversight.digests import enqueue_deadline_digests
from oversight.models import DeadlineDigest
from publications.models import PlanPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(agency, make_user):
    """Sở TT&TT's BBT: one member with an address, one without, one who left."""
    member = make_user("bbt_stttt", agency.moderators)
    no_address = make_user("bbt_khong_thu", agency.moderators)
    no_address.email = ""
    no_address.save()
    make_user("bbt_da_nghi", agency.moderators, is_active=False)
    return member


def digest_tasks():
    return DBTaskResult.objects.filter(task_path="oversight.digests.send_deadline_digest")


def test_each_board_with_something_due_gets_one_email(database_queue, run_worker, board, agency, portal, publish):
    publish(agency, PlanPage, "Kế hoạch phê duyệt từ lâu", trigger_date=date(2026, 6, 1), live=False)
    today = timezone.localdate()
    if not enqueue_deadline_digests(today) and today.weekday() >= 5:
        pytest.skip("today is a day off")  # never in CI on a weekday
    assert digest_tasks().count() == 2  # Sở TT&TT's board and the portal's (which sees every site)

    run_worker()

    [message] = [message for message in mail.outbox if "bbt_stttt@quangngai.gov.vn" in message.to]
    assert message.to == ["bbt_stttt@quangngai.gov.vn"]
    assert "1 mục quá hạn hoặc sắp đến hạn" in message.subject
    assert "Kế hoạch phê duyệt từ lâu" in message.body and "[Quá hạn]" in message.body
    assert "http://quangngai.localhost/admin/pages/" in message.body
    assert DeadlineDigest.objects.get(group=agency.moderators).items == 1

    enqueue_deadline_digests(today)  # a second run the same day
    run_worker()
    assert len([message for message in mail.outbox if "bbt_stttt@quangngai.gov.vn" in message.to]) == 1


def test_nothing_is_sent_when_nothing_is_due(database_queue, run_worker, board, agency, publish):
    publish(agency, PlanPage, "Kế hoạch đã đăng", trigger_date=date(2026, 6, 1))
    assert call_command("send_deadline_digests", verbosity=0) is None
    assert digest_tasks().count() == 0
    run_worker()
    assert mail.outbox == []
