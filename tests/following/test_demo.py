"""The demo's following content: introductions in both languages and two illustrative subscriptions, seeded once;
`send_digests` then e-mails the demo's news to them."""

import pytest
from django.core import mail
from django.core.management import call_command

from demo.following import seed_following
from following.models import FollowPage, Subscription
from home.onboarding import Onboarding
from tests.following.helpers import days_ago, host, publish_news

pytestmark = pytest.mark.django_db


def test_seeding_twice_fills_the_pages_and_subscribes_once(client, portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    seed_following(agencies, Onboarding())
    seed_following(agencies, Onboarding())

    assert Subscription.objects.count() == 2
    assert all(page.intro for page in FollowPage.objects.all())
    assert "không cần tài khoản" in client.get("/theo-doi/", **host(other_agency)).text
    assert "without an account" in client.get("/en/follow/", **host(other_agency)).text

    publish_news(agency, "Digital transformation week", days_ago(1), language="en")
    call_command("send_digests", verbosity=0)
    assert [message.to for message in mail.outbox] == [["illustrative.reader@example.com"]]
