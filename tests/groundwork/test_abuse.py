"""Whose address a rate limit counts (groundwork.abuse.client_ip): the socket's, unless the socket is a proxy the
settings trust (PORTAL_TRUSTED_PROXIES); then the right-most address the proxies appended to X-Forwarded-For."""

import pytest
from django.test import Client

from feedback.models import Question
from tests.feedback.test_questions import ask
from tests.services import test_tracking
from tests.services.test_tracking import lookup

pytestmark = pytest.mark.django_db

procedure, dossier = test_tracking.procedure, test_tracking.dossier  # fixtures: a dossier of xã Tư Nghĩa

LOOKUP_LIMIT = 20  # services.tracking.LOOKUP_LIMIT: the 21st lookup in ten minutes is refused
NGINX, VARNISH = "10.0.0.2", "10.0.0.3"


@pytest.fixture
def behind_proxies(settings):
    """Varnish in front of nginx in front of gunicorn: both proxies trusted, as an address and as a network."""
    settings.PORTAL_TRUSTED_PROXIES = [NGINX, "10.0.0.3/32"]


def lookups(agency, dossier, count: int, **headers) -> list[int]:
    """The status codes of `count` failed lookups of `dossier`, each sent with headers(number)."""
    return [
        lookup(Client(**headers_for(number, headers)), agency, dossier.code, f"sai-{number}").status_code
        for number in range(count)
    ]


def headers_for(number: int, headers: dict) -> dict:
    return {name: value(number) if callable(value) else value for name, value in headers.items()}


def test_varied_forwarded_for_from_an_untrusted_socket_does_not_escape_the_dossier_lookup_limit(other_agency, dossier):
    statuses = lookups(other_agency, dossier, LOOKUP_LIMIT + 5, HTTP_X_FORWARDED_FOR=lambda n: f"203.0.113.{n}")

    assert statuses == [400] * LOOKUP_LIMIT + [429] * 5


def test_a_proxy_is_not_trusted_unless_configured(other_agency, dossier, settings):
    settings.PORTAL_TRUSTED_PROXIES = []
    statuses = lookups(
        other_agency, dossier, LOOKUP_LIMIT + 1, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=lambda n: f"203.0.113.{n}"
    )

    assert statuses[-1] == 429  # every "client" counted as the socket it came from


def test_behind_trusted_proxies_each_forwarded_client_is_counted_apart(other_agency, dossier, behind_proxies):
    # Each visitor's address as Varnish appends it, then Varnish's own as nginx appends it.
    statuses = lookups(
        other_agency,
        dossier,
        LOOKUP_LIMIT + 5,
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR=lambda n: f"198.51.100.{n}, {VARNISH}",
    )

    assert statuses == [400] * (LOOKUP_LIMIT + 5)


def test_behind_trusted_proxies_the_left_most_entries_a_client_sends_are_ignored(other_agency, dossier, behind_proxies):
    # The client invents a new address each time; the proxies append its real one after it.
    forwarded = lambda n: f"192.0.2.{n}, 198.51.100.7, {VARNISH}"  # noqa: E731
    statuses = lookups(other_agency, dossier, LOOKUP_LIMIT + 1, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=forwarded)
    neighbour = lookup(
        Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"198.51.100.8, {VARNISH}"), other_agency, dossier.code, "sai"
    )

    assert statuses == [400] * LOOKUP_LIMIT + [429]
    assert neighbour.status_code == 400  # another visitor behind the same proxies is not limited


def test_a_socket_in_a_trusted_network_over_ipv6_mapped_ipv4_is_trusted(other_agency, dossier, behind_proxies):
    statuses = lookups(
        other_agency,
        dossier,
        LOOKUP_LIMIT + 1,
        REMOTE_ADDR=f"::ffff:{NGINX}",
        HTTP_X_FORWARDED_FOR=lambda n: f"198.51.100.{n}",
    )

    assert 429 not in statuses


def test_varied_forwarded_for_from_an_untrusted_socket_does_not_escape_the_question_form_limit(agency):
    statuses = [
        ask(Client(HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"), agency, title=f"Câu hỏi số {number}").status_code
        for number in range(6)
    ]

    assert statuses == [302] * 5 + [400]
    assert Question.objects.count() == 5


def test_behind_a_trusted_proxy_the_question_form_counts_each_visitor(agency, settings):
    settings.PORTAL_TRUSTED_PROXIES = [NGINX]
    statuses = [
        ask(
            Client(REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"), agency, title=f"Câu hỏi {number}"
        ).status_code
        for number in range(6)
    ]

    assert statuses == [302] * 6
