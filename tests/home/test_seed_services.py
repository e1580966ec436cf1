"""The demo's administrative procedures: 30 on the three sites, published once, in English where foreigners use them."""

import html

import pytest
from wagtail.models import Page, Revision

from home.demo.services import seed_procedures
from home.onboarding import Onboarding
from services.models import Channel, DossierComponent, OnlineService, ProcedurePage, Sector


def seed(agencies: dict) -> Onboarding:
    result = Onboarding(agency=agencies[""])
    seed_procedures(agencies, result)
    return result


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sectors": Sector.objects.count(),
        "channels": Channel.objects.count(),
        "components": DossierComponent.objects.count(),
    }


def get(client, agency, path: str, **params) -> str:
    response = client.get(path, params, HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200, (agency.site.hostname, path, response.status_code)
    return html.unescape(response.content.decode())


# Seeding publishes some 40 pages, so one test seeds twice and checks everything after the second run.
@pytest.mark.django_db
def test_seeding_twice_publishes_thirty_procedures_once(client, portal, agency, other_agency):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    first = seed(agencies)
    after_first = snapshot()

    second = seed(agencies)

    assert snapshot() == after_first
    assert first.created and not second.created
    check_procedures(agencies)
    check_household_business(client, portal, other_agency)
    check_english(client, portal)


def check_procedures(agencies: dict):
    vietnamese = ProcedurePage.objects.live().filter(locale__language_code="vi")
    assert vietnamese.count() == 30
    assert {code: vietnamese.filter(agency=agency).count() for code, agency in agencies.items()} == {
        "": 9,
        "stttt": 8,
        "tunghia": 13,
    }
    assert len(set(vietnamese.values_list("code", flat=True))) == 30
    assert all(code.endswith(".000.00.00.H48") for code in vietnamese.values_list("code", flat=True))
    assert set(vietnamese.values_list("online_service", flat=True)) == set(OnlineService.values)

    for page in ProcedurePage.objects.prefetch_related("channels", "components"):
        assert page.channels.all(), page.title
        assert 2 <= len(page.components.all()) <= 5, page.title
        assert "written for the demo" in page.steps or "do bản trình diễn biên soạn" in page.steps, page.title
        if page.online_service == OnlineService.PARTIAL:
            assert page.partial_reason.strip(), page.title
    fees = set(Channel.objects.values_list("fee", flat=True))
    assert {"Miễn lệ phí", "100.000 đồng/lần"} <= fees


def check_household_business(client, portal, commune):
    page = ProcedurePage.objects.get(locale__language_code="vi", slug="dang-ky-thanh-lap-ho-kinh-doanh")
    assert page.live and page.agency == commune
    assert page.title == "Đăng ký thành lập hộ kinh doanh" and page.code == "1.001612.000.00.00.H48"
    assert page.online_service in (OnlineService.FULL, OnlineService.PARTIAL)
    papers = [component.name for component in page.components.all()]
    assert papers[0] == "Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)"
    assert any("giấy tờ pháp lý của cá nhân" in name for name in papers)

    # The story: she types it without diacritics, on the commune's site or on the portal.
    for site in (commune, portal):
        found = get(client, site, "/thu-tuc-hanh-chinh/", q="dang ky ho kinh doanh")
        assert "Đăng ký thành lập hộ kinh doanh" in found
        assert "Đăng ký khai sinh" not in found
    assert "Bản trình diễn" in get(client, commune, page.relative_url(commune.site))


def check_english(client, portal):
    english = ProcedurePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 3
    assert set(english.values_list("translation_key", flat=True)) == set(
        ProcedurePage.objects.filter(locale__language_code="vi", used_by_foreigners=True).values_list(
            "translation_key", flat=True
        )
    )
    for page in english.prefetch_related("channels", "components"):
        assert page.used_by_foreigners and "Demo:" in page.steps
        assert not any("đồng" in channel.fee for channel in page.channels.all()), page.title
        if page.online_service == OnlineService.PARTIAL:
            assert page.partial_reason.isascii(), page.title

    catalogue = get(client, portal, "/en/administrative-procedures/")
    for title in (
        "Work permit for foreign workers in Viet Nam",
        "Marriage registration involving a foreigner",
        "Certification of signatures on papers and documents",
    ):
        assert title in catalogue
    assert "Đăng ký khai sinh" not in catalogue
    permit = get(client, portal, "/en/administrative-procedures/work-permit-for-foreign-workers/")
    assert "Labour Code No. 45/2019/QH14" in permit and "written for the demo" in permit
