"""Digests (R12): what was published since the last one, on the chosen sites and topics, in the subscriber's
language; nothing when nothing is new; never twice; through a real SMTP server with the one-click unsubscribe
headers; a fixed number of queries however many items."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from following.digests import enqueue_due_digests, send_digest
from following.models import Digest, Subscription
from following.tokens import management_token
from tests.following.helpers import days_ago, host, link_in, publish_news, subscribe

pytestmark = pytest.mark.django_db


def make_subscription(
    agencies, language="vi", frequency="hang-ngay", topics=("news",), covered_days=1.0, email="doc.gia@example.vn"
):
    subscription = Subscription.objects.create(
        email=email,
        language=language,
        frequency=frequency,
        topics=list(topics),
        origin=agencies[0],
        covered_until=days_ago(covered_days),
    )
    subscription.agencies.set(agencies)
    return subscription


def test_a_digest_lists_whats_new_on_the_chosen_sites_and_topics(agency, other_agency):
    subscription = make_subscription([agency])
    publish_news(agency, "Hội nghị chuyển đổi số năm 2026", days_ago(0.5))
    publish_news(agency, "Tin cũ đã gửi hôm trước", days_ago(2))
    publish_news(other_agency, "Tin của xã không theo dõi", days_ago(0.5))

    assert call_command("send_digests", verbosity=0) is None

    [message] = mail.outbox
    assert message.to == ["doc.gia@example.vn"]
    assert "1 mục mới" in message.subject
    assert "Hội nghị chuyển đổi số năm 2026" in message.body and "Sở Thông tin và Truyền thông" in message.body
    assert "Tin cũ" not in message.body and "Tin của xã" not in message.body
    assert f"http://{agency.site.hostname}/tin-tuc/" in message.body
    assert f"/theo-doi/quan-ly/{management_token(subscription.key)}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    digest = Digest.objects.get()
    assert digest.items == 1 and digest.subscription == subscription


def test_a_topic_not_chosen_is_not_listed(agency):
    make_subscription([agency], topics=["documents"])
    publish_news(agency, "Tin tức không theo dõi", days_ago(0.5))
    enqueue_due_digests()
    assert not mail.outbox


def test_an_english_subscriber_gets_the_english_pages_in_english(agency):
    subscription = make_subscription([agency], language="en")
    publish_news(agency, "Tin tiếng Việt", days_ago(0.5))
    publish_news(agency, "Digital transformation conference", days_ago(0.5), language="en")

    enqueue_due_digests()

    [message] = mail.outbox
    assert "Digital transformation conference" in message.body and "Tin tiếng Việt" not in message.body
    assert "/en/news/" in message.body and f"/en/follow/manage/{management_token(subscription.key)}/" in message.body
    assert "Department of Information and Communications" in message.body


def test_nothing_is_sent_when_nothing_is_new_and_the_period_moves_on(agency):
    subscription = make_subscription([agency])
    before = subscription.covered_until

    assert enqueue_due_digests() == 1

    assert not mail.outbox and not Digest.objects.exists()
    subscription.refresh_from_db()
    assert subscription.covered_until > before


def test_the_scheduler_run_twice_sends_once(agency):
    subscription = make_subscription([agency])
    publish_news(agency, "Thông báo lịch tiếp công dân", days_ago(0.2))
    now = timezone.now()

    enqueue_due_digests(now)
    enqueue_due_digests(now)  # the timer fired again
    assert send_digest.call(subscription.pk, now.isoformat()) == "not-due"  # a task queued twice
    call_command("send_digests", verbosity=0)  # later the same day

    assert len(mail.outbox) == 1 and Digest.objects.count() == 1


def test_digests_follow_the_chosen_frequency(agency):
    daily = make_subscription([agency], covered_days=0.5)
    weekly = make_subscription([agency], frequency="hang-tuan", covered_days=3, email="tuan@example.vn")
    publish_news(agency, "Tin mới", days_ago(0.1))

    assert enqueue_due_digests() == 0  # the daily one had its digest this morning, the weekly one three days ago
    assert enqueue_due_digests(timezone.now() + timedelta(hours=12)) == 1
    assert enqueue_due_digests(timezone.now() + timedelta(days=4, hours=1)) == 2
    assert {message.to[0] for message in mail.outbox} == {daily.email, weekly.email}


def test_a_long_digest_lists_twenty_per_topic_and_counts_the_rest(agency):
    make_subscription([agency])
    for number in range(23):
        publish_news(agency, f"Tin số {number}", days_ago(0.5) + timedelta(minutes=number))
    enqueue_due_digests()
    [message] = mail.outbox
    assert "23 mục mới" in message.subject
    assert "Tin số 22" in message.body and "Tin số 2\n" not in message.body and "… và 3 mục khác." in message.body


def queries_for_a_digest(agency, portal, news: int) -> int:
    Subscription.objects.all().delete()
    mail.outbox.clear()
    subscription = make_subscription([agency, portal], topics=["news", "documents", "consultations"])
    for number in range(news):
        publish_news(agency if number % 2 else portal, f"Tin {news}-{number}", days_ago(0.5))
    with CaptureQueriesContext(connection) as queries:
        send_digest.call(subscription.pk, timezone.now().isoformat())
    assert len(mail.outbox) == 1
    return len(queries)


def test_a_digests_queries_do_not_grow_with_its_items(agency, portal):
    queries_for_a_digest(agency, portal, 1)  # the site's root paths are cached from then on, as on a live server
    assert queries_for_a_digest(agency, portal, 2) == queries_for_a_digest(agency, portal, 12)


def test_the_confirmation_and_the_digest_reach_a_real_smtp_server_with_their_headers(client, agency, smtp_server):
    inbox = smtp_server()
    subscribe(client, agency)
    [confirmation] = inbox.messages
    assert confirmation["To"] == "nguyen.van.an@example.vn"
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert confirmation["List-Unsubscribe"].strip().startswith(f"<http://{agency.site.hostname}/huy-nhan-tin/")
    body = confirmation.get_body(("plain",)).get_content()
    client.post(link_in(body, "xac-nhan"), **host(agency))
    Subscription.objects.update(covered_until=days_ago(1))
    publish_news(agency, "Khai trương Trung tâm phục vụ hành chính công", days_ago(0.5))

    call_command("send_digests", verbosity=0)

    digest = inbox.messages[1]
    assert digest["Subject"].strip().startswith("Bản tin Cổng thông tin điện tử tỉnh Quảng Ngãi: 1 mục mới")
    token = management_token(Subscription.objects.get().key)
    assert digest["List-Unsubscribe"].strip() == f"<http://{agency.site.hostname}/huy-nhan-tin/{token}/>"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = digest.get_body(("plain",)).get_content()
    assert "Khai trương Trung tâm phục vụ hành chính công" in text and f"/theo-doi/quan-ly/{token}/" in text

    # The mail client's "Unsubscribe" button: a POST to the header's address, and the address is gone.
    client.post(
        f"/huy-nhan-tin/{token}/", "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", **host(agency)
    )
    assert not Subscription.objects.exists()
