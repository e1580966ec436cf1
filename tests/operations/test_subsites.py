"""Sub-sites (Decree 224/2026): the portal lists every agency and commune site with its status, and monitors them
(`manage.py check_subsites`, the admin's report)."""

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from operations.subsites import subsite_statuses
from tests.home.helpers import add_page

pytestmark = pytest.mark.django_db


def make_stale(agency, days=60):
    """Date every page of the agency's site (both languages) `days` days back."""
    back = timezone.now() - timedelta(days=days)
    for home in agency.site.root_page.get_translations(inclusive=True):
        Page.objects.filter(path__startswith=home.path).update(first_published_at=back, last_published_at=back)


def test_the_portal_lists_its_sub_sites_with_their_status(client, portal, agency, other_agency):
    make_stale(other_agency)
    host = portal.site.hostname
    response = client.get("/gioi-thieu/cong-thanh-phan/", HTTP_HOST=host)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sở Thông tin và Truyền thông" in html and "Xã Tư Nghĩa" in html
    assert f'href="http://{agency.site.hostname}' in html
    assert "Sở, ban, ngành" in html and "Chính quyền địa phương cấp xã" in html
    assert f"{timezone.localtime():%d/%m/%Y}" in html  # stttt: onboarded today
    assert f"{timezone.localtime() - timedelta(days=60):%d/%m/%Y}" in html
    assert "Chưa cập nhật" in html and "Đang hoạt động" in html
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi</a>" not in html  # the portal is not its own sub-site

    english = client.get("/en/introduction/sub-sites/", HTTP_HOST=host).content.decode()
    assert "Department of Information and Communications" in english and "Tu Nghia Commune" in english
    assert f'href="http://{agency.site.hostname}/en/"' in english


def test_only_the_portal_has_the_list(client, agency):
    assert client.get("/gioi-thieu/cong-thanh-phan/", HTTP_HOST=agency.site.hostname).status_code == 404


def test_a_new_publication_brings_a_stale_site_back(portal, agency, other_agency):
    make_stale(other_agency)
    by_code = {status.agency.code: status for status in subsite_statuses(30)}
    assert by_code["tunghia"].stale and not by_code["stttt"].stale
    add_page(other_agency.site.root_page, "Thông báo mới")
    by_code = {status.agency.code: status for status in subsite_statuses(30)}
    assert not by_code["tunghia"].stale


def test_the_list_is_sorted_and_costs_the_same_few_queries_for_any_number_of_sites(
    portal, agency, other_agency, django_assert_num_queries
):
    with django_assert_num_queries(3):
        statuses = subsite_statuses(30)
    assert [status.agency.code for status in statuses] == ["stttt", "tunghia"]  # agencies, then communes


def test_the_command_lists_stale_sites_and_fails(portal, agency, other_agency, capsys):
    call_command("check_subsites", "--no-http", "--days", "30")
    assert capsys.readouterr().out.startswith("ok\t2 ")

    make_stale(other_agency)
    with pytest.raises(SystemExit) as exit_status:
        call_command("check_subsites", "--no-http", "--days", "30")
    assert exit_status.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"stale\t{other_agency.site.hostname}\t")
    call_command("check_subsites", "--no-http", "--days", "90")  # not stale for 90 days


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_the_command_lists_a_site_that_does_not_answer(wagtail_roots, live_server, capsys):
    from tests.conftest import onboarded

    onboarded("portal")
    reachable, down = onboarded("stttt").site, onboarded("tunghia").site
    reachable.port = int(live_server.url.rsplit(":", 1)[1])
    reachable.save()
    down.port = free_port()  # nothing listens there
    down.save()
    with pytest.raises(SystemExit):
        call_command("check_subsites", "--address", "127.0.0.1", "--timeout", "5")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"unreachable\t{down.hostname}\t")


def test_the_report_is_for_administrators_and_the_portals_board(client, portal, agency, other_agency, make_user):
    make_stale(other_agency)
    url = reverse("operations_subsites")
    client.force_login(make_user("bbt_stttt", agency.moderators))
    assert client.get(url).status_code in (302, 403)
    client.force_login(make_user("bbt_tinh", portal.moderators))
    response = client.get(url + "?days=30")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Xã Tư Nghĩa" in html and "Chưa cập nhật" in html
    assert "Giám sát cổng thành phần" in html
