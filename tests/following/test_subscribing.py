"""Following without an account (R12): the form on every site, double opt-in with a POST, the same answer for any
address, tokens never stored, management and deletion, one-click unsubscribe (RFC 8058), expiry and purge."""

import logging
import re
import unicodedata
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from following.models import Subscription, SubscriptionRequest
from following.tokens import management_token
from tests.following.helpers import FOLLOW, follow_data, host, link_in, subscribe

pytestmark = pytest.mark.django_db


def confirm(client, agency, message=None):
    """Open the confirmation link of the last e-mail and press its button."""
    path = link_in((message or mail.outbox[-1]).body, "xac-nhan")
    return client.post(path, **host(agency))


def test_the_form_offers_every_agency_in_vietnamese_order_with_the_sites_own_preselected(
    client, portal, agency, other_agency
):
    response = client.get(FOLLOW, **host(other_agency))

    assert response.status_code == 200
    text = response.text
    names = ("Sở Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Xã Tư Nghĩa")
    positions = [text.index(f" {name}</label>") for name in names]
    assert positions == sorted(positions)  # S < U < X, with Ủ after U as Vietnamese orders it
    checked = re.findall(r'name="agencies" value="(\d+)"[^>]*checked', text)
    assert checked == [str(other_agency.pk)]
    assert "không dùng vào việc khác" in text  # what the address is for, said on the form


def test_the_portals_form_preselects_the_portal(client, portal, agency):
    form = client.get(FOLLOW, **host(portal)).context["form"]
    assert form.initial["agencies"] == [str(portal.pk)]
    assert {str(agency.pk), str(portal.pk)} <= {value for value, _label in form.fields["agencies"].choices}


def test_a_request_is_kept_in_nfc_lower_case_and_a_confirmation_is_sent(client, agency, portal):
    response = subscribe(client, agency, agency, portal, email=unicodedata.normalize("NFD", "An@Tư-Nghĩa.VN"))

    assert response.status_code == 302 and response["Location"] == "/theo-doi/da-gui/"
    pending = SubscriptionRequest.objects.get()
    assert pending.email == "an@tư-nghĩa.vn" and unicodedata.is_normalized("NFC", pending.email)
    assert set(pending.agencies.all()) == {agency, portal} and pending.topics == ["news", "documents"]
    assert not Subscription.objects.exists()  # nothing until the owner confirms
    [message] = mail.outbox
    assert message.to == ["an@tư-nghĩa.vn"]
    token = link_in(message.body, "xac-nhan").rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40 and token not in pending.token_hash
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<http://{agency.site.hostname}/huy-nhan-tin/")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"email": ""}, "Hãy nhập địa chỉ thư điện tử."),
        ({"email": "khong-phai-thu"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"agencies": []}, "Hãy chọn ít nhất một cơ quan, đơn vị."),
        ({"topics": []}, "Hãy chọn ít nhất một chủ đề."),
        ({"topics": ["khong-co"]}, "không phải là một trong các lựa chọn"),
        ({"frequency": ""}, "Hãy chọn nhận bản tin hằng ngày hay hằng tuần."),
        ({"website": "http://spam.example"}, "Không gửi được biểu mẫu này."),
    ],
)
def test_a_wrong_form_is_refused_with_a_clear_error_and_nothing_kept(client, agency, fields, error):
    response = client.post(FOLLOW, follow_data(agency, **fields), **host(agency))

    assert response.status_code == 400
    assert error in response.text and "Có lỗi cần sửa" in response.text
    assert not SubscriptionRequest.objects.exists() and not mail.outbox


def test_the_english_form_answers_in_english(client, agency):
    response = client.post("/en/follow/", follow_data(agency, email=""), **host(agency))
    assert response.status_code == 400 and '<html lang="en">' in response.text
    assert subscribe(client, agency, path="/en/follow/")["Location"] == "/en/follow/sent/"
    assert SubscriptionRequest.objects.get().language == "en"
    assert "/en/follow/confirm/" in mail.outbox[-1].body


def test_the_answer_is_the_same_for_a_new_and_a_known_address(client, agency):
    first = subscribe(client, agency)
    confirm(client, agency)
    known = subscribe(client, agency, email="nguyen.van.an@example.vn")
    new = subscribe(client, agency, email="someone.else@example.vn")

    assert first["Location"] == known["Location"] == new["Location"]
    sent_pages = [client.get(response["Location"], **host(agency)).text for response in (known, new)]
    assert sent_pages[0] == sent_pages[1]


def test_only_a_post_confirms(client, agency):
    subscribe(client, agency)
    path = link_in(mail.outbox[-1].body, "xac-nhan")

    page = client.get(path, **host(agency))  # what a mail scanner does
    assert page.status_code == 200 and "Xác nhận" in page.text and "no-store" in page["Cache-Control"]
    assert not Subscription.objects.exists()

    confirmed = client.post(path, **host(agency))
    subscription = Subscription.objects.get()
    assert subscription.email == "nguyen.van.an@example.vn" and subscription.frequency == "hang-ngay"
    assert set(subscription.agencies.all()) == {agency}
    assert not SubscriptionRequest.objects.exists()
    assert f"/theo-doi/quan-ly/{management_token(subscription.key)}/" in confirmed.text
    assert client.post(path, **host(agency)).status_code == 404  # used


def test_confirming_again_changes_the_known_subscription_without_a_second_one(client, agency, portal):
    subscribe(client, agency)
    confirm(client, agency)
    subscribe(client, agency, portal, email="NGUYEN.VAN.AN@example.vn", frequency="hang-tuan", topics=["news"])
    assert "đã nhận bản tin" in mail.outbox[-1].body  # told to the owner only, in the mailbox
    confirm(client, agency)

    subscription = Subscription.objects.get()
    assert subscription.frequency == "hang-tuan" and subscription.topics == ["news"]
    assert set(subscription.agencies.all()) == {portal}


def test_nothing_holds_a_token_as_sent(client, agency):
    subscribe(client, agency)
    confirm_token = link_in(mail.outbox[-1].body, "xac-nhan").rstrip("/").rsplit("/", 1)[1]
    confirm(client, agency)
    manage_token = management_token(Subscription.objects.get().key)

    with connection.cursor() as cursor:
        cursor.execute("SELECT row_to_json(s)::text FROM following_subscription s")
        rows = " ".join(row[0] for row in cursor.fetchall())
    assert confirm_token not in rows and manage_token not in rows


def test_an_expired_request_does_not_confirm_and_is_purged(client, agency):
    subscribe(client, agency)
    SubscriptionRequest.objects.update(created_at=timezone.now() - timedelta(days=7, minutes=1))

    assert confirm(client, agency).status_code == 404
    assert not Subscription.objects.exists()
    call_command("send_digests", verbosity=0)
    assert not SubscriptionRequest.objects.exists()


def test_the_management_page_changes_the_choices(client, agency, portal):
    subscribe(client, agency)
    path = link_in(confirm(client, agency).text.replace('href="', 'href="http://x'), "quan-ly")

    page = client.get(path, **host(agency))
    assert page.status_code == 200 and page["Referrer-Policy"] == "same-origin"
    assert "nguyen.van.an" not in page.text  # the address is shown nowhere

    refused = client.post(
        path, {"action": "save", "agencies": [], "topics": ["news"], "frequency": "hang-tuan"}, **host(agency)
    )
    assert refused.status_code == 400 and "Hãy chọn ít nhất một cơ quan, đơn vị." in refused.text

    saved = client.post(
        path,
        {"action": "save", "agencies": [portal.pk], "topics": ["consultations"], "frequency": "hang-tuan"},
        **host(agency),
    )
    assert saved.status_code == 200 and "Đã lưu các lựa chọn mới." in saved.text
    subscription = Subscription.objects.get()
    assert (subscription.topics, subscription.frequency) == (["consultations"], "hang-tuan")
    assert set(subscription.agencies.all()) == {portal}


def test_deleting_removes_the_address(client, agency):
    subscribe(client, agency)
    confirm(client, agency)
    token = management_token(Subscription.objects.get().key)

    deleted = client.post(f"/theo-doi/quan-ly/{token}/", {"action": "delete"}, **host(agency))

    assert deleted.status_code == 200 and "đã bị xóa" in deleted.text
    assert not Subscription.objects.exists()
    assert client.get(f"/theo-doi/quan-ly/{token}/", **host(agency)).status_code == 404


def test_a_forged_or_altered_management_token_opens_nothing(client, agency):
    subscribe(client, agency)
    confirm(client, agency)
    token = management_token(Subscription.objects.get().key)
    for forged in (token[:-1] + ("0" if token[-1] != "0" else "1"), token.split("-")[0], "x" * 65):
        assert client.get(f"/theo-doi/quan-ly/{forged}/", **host(agency)).status_code == 404


def test_one_click_unsubscribe_is_a_post_without_a_session(client, agency):
    subscribe(client, agency)
    confirm(client, agency)
    token = management_token(Subscription.objects.get().key)
    mail_client = Client(enforce_csrf_checks=True)  # no cookie, no CSRF token: as Gmail's servers post

    seen = mail_client.get(f"/huy-nhan-tin/{token}/", **host(agency))
    assert seen.status_code == 302 and f"/theo-doi/quan-ly/{token}/" in seen["Location"]
    assert Subscription.objects.exists()  # a GET (a scanner) changes nothing

    response = mail_client.post(
        f"/huy-nhan-tin/{token}/", "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", **host(agency)
    )
    assert response.status_code == 200 and "Đã thôi nhận tin" in response.text
    assert not Subscription.objects.exists()
    again = mail_client.post(
        f"/huy-nhan-tin/{token}/", "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", **host(agency)
    )
    assert again.status_code == 200  # the same answer the second time


def test_the_confirmation_emails_one_click_cancels_the_request(agency):
    subscribe(Client(), agency)
    link = mail.outbox[-1].extra_headers["List-Unsubscribe"].strip("<>").split("/", 3)[3]
    Client(enforce_csrf_checks=True).post(
        "/" + link, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", **host(agency)
    )
    assert not SubscriptionRequest.objects.exists()


def test_requests_are_limited_per_address_and_per_mailbox(client, agency, monkeypatch):
    monkeypatch.setattr("following.views.SUBSCRIBE_LIMIT", (3, 3600))
    for number in range(3):
        assert subscribe(client, agency, email=f"an{number}@example.vn").status_code == 302
    refused = subscribe(client, agency, email="an9@example.vn")
    assert refused.status_code == 400 and "nhiều yêu cầu" in refused.text

    monkeypatch.setattr("following.views.SUBSCRIBE_LIMIT", (100, 3600))
    mail.outbox.clear()
    for _number in range(5):
        assert subscribe(client, agency, email="hop.thu@example.vn").status_code == 302
    assert len(mail.outbox) == 3  # a mailbox gets at most 3 confirmations a day, and nobody is told


def test_no_address_is_ever_logged(client, agency, caplog):
    caplog.set_level(logging.DEBUG)
    subscribe(client, agency)
    confirm(client, agency)
    client.post(f"/huy-nhan-tin/{management_token(Subscription.objects.get().key)}/", **host(agency))
    assert "nguyen.van.an" not in caplog.text.lower()
