"""The demo's administrative procedures: 30 on the three sites, published once, in English where foreigners use them;
the dossiers submitted online, in every state, handled by the sites' desk officers."""

import html
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, Revision

from demo.content import DEMO_PASSWORD, PORTAL, TUNGHIA
from demo.seed import ensure_site_user
from demo.services import ONLINE_FORMS, seed_dossiers, seed_procedures
from home.onboarding import Onboarding
from services.handling import dossiers_for
from services.models import (
    Channel,
    Dossier,
    DossierComponent,
    DossierCounter,
    DossierEvent,
    DossierFile,
    OnlineService,
    ProcedurePage,
    Sector,
)
from vietnam.workdays import add_working_days, is_working_day, working_days_between


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
    # Uploaded online: the request and the owner's papers, and the authorisation if there is one.
    assert [component.upload for component in page.components.all()] == ["bat-buoc", "bat-buoc", "", "tuy-chon"]

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

    # Every procedure is listed, the untranslated ones in Vietnamese: 30, on two pages.
    catalogue = "".join(get(client, portal, "/en/administrative-procedures/", page=n) for n in (1, 2))
    for title in (
        "Work permit for foreign workers in Viet Nam",
        "Marriage registration involving a foreigner",
        "Certification of signatures on papers and documents",
    ):
        assert title in catalogue
    with translation.override("en"):
        assert gettext("Chưa có bản tiếng Anh; trang này bằng tiếng Việt.") in catalogue  # the others, in Vietnamese
    permit = get(client, portal, "/en/administrative-procedures/work-permit-for-foreign-workers/")
    assert "Labour Code No. 45/2019/QH14" in permit and "written for the demo" in permit
    # Its online form: the Vietnamese form's three required files and five questions, in English.
    form = client.get(
        "/en/administrative-procedures/work-permit-for-foreign-workers/apply-online/", HTTP_HOST=portal.site.hostname
    ).context["form"]
    files = [str(field.label) for name, field in form.fields.items() if name.startswith("f_") and field.required]
    assert files == [
        "The employer's application for a work permit (official template)",
        "A health certificate issued within the last 12 months",
        "A copy of a valid passport and two 4 cm x 6 cm colour photos",
    ]
    questions = [str(field.label) for name, field in form.fields.items() if name.startswith("q_")]
    assert questions[1:3] == ["Nationality", "Passport number"] and len(questions) == 5


# --- The demo dossiers --------------------------------------------------------------------------------------------


def dossier_snapshot() -> dict:
    return {
        "dossiers": sorted(Dossier.objects.values_list("code", "status", "due_on", "submitted_at")),
        "events": DossierEvent.objects.count(),
        "files": DossierFile.objects.count(),
        "stored": stored_files(),
        "codes given": sum(DossierCounter.objects.values_list("last", flat=True)),
    }


def stored_files() -> set[str]:
    """The files under the private storage's dossier folder (other tests of the run may have left some there)."""
    storage = DossierFile._meta.get_field("file").storage
    root = Path(storage.path("ho-so"))
    return {str(path.relative_to(storage.location)) for path in root.rglob("*") if path.is_file()}


def online_limit(dossier: Dossier) -> int:
    return dossier.procedure.channels.get(kind=Channel.Kind.ONLINE).working_days


# Seeding the dossiers takes some 40 handling steps, so one test seeds twice and checks everything after the second.
@pytest.mark.django_db
def test_demo_dossiers_in_every_state_are_handled_by_the_desk_officers_and_seeded_once(
    portal, agency, other_agency, mailoutbox
):
    agencies = {"": portal, "stttt": agency, "tunghia": other_agency}
    accounts = Onboarding()
    officers = {
        site_agency: ensure_site_user(user, site_agency, accounts)
        for site, site_agency in ((PORTAL, portal), (TUNGHIA, other_agency))
        for user in site.users
        if user.group == "officers"
    }
    seed(agencies)
    first = Onboarding()
    seed_dossiers(agencies, first)
    after_first = dossier_snapshot()

    second = Onboarding()
    seed_dossiers(agencies, second)

    assert dossier_snapshot() == after_first
    assert first.created and not second.created and len(second.existing) == 2
    assert not mailoutbox, "the demo's applicants (example.vn) and officers must not be e-mailed"
    check_officers(officers, portal, agency, other_agency)
    check_states()
    check_histories(officers)
    check_dates()
    check_files(after_first["stored"])


def check_officers(officers: dict, portal, agency, other_agency):
    assert {user.username for user in officers.values()} == {"motcua.tinh", "motcua.tunghia"}
    for desk_agency, officer in officers.items():
        assert list(officer.groups.all()) == [desk_agency.officers]
        assert officer.check_password(DEMO_PASSWORD)
        # Each sees their own agency's dossiers and no other's (Điều 13).
        assert set(dossiers_for(officer)) == set(Dossier.objects.filter(agency=desk_agency))
    assert Dossier.objects.filter(agency=portal).exists() and Dossier.objects.filter(agency=other_agency).exists()
    assert not Dossier.objects.filter(agency=agency).exists()


def check_states():
    dossiers = Dossier.objects.all()
    assert 12 <= dossiers.count() <= 20
    assert set(dossiers.values_list("status", flat=True)) == set(Dossier.Status.values)
    assert set(dossiers.values_list("procedure__title", flat=True)) == set(ONLINE_FORMS)
    for dossier in dossiers.filter(status=Dossier.Status.SUPPLEMENT):
        latest = dossier.events.latest("at", "pk")
        assert latest.action == DossierEvent.Action.SUPPLEMENT_REQUESTED and len(latest.note) > 40, dossier
    for dossier in dossiers.filter(status=Dossier.Status.REFUSED):
        refusal = dossier.events.get(action=DossierEvent.Action.REFUSED)
        assert len(refusal.note) > 40 and dossier.finished_at == dossier.closed_at == refusal.at, dossier
    for dossier in dossiers.filter(status__in=(Dossier.Status.RESULT_READY, Dossier.Status.RETURNED)):
        assert dossier.finished_at == dossier.events.get(action=DossierEvent.Action.RESULT_READY).at, dossier
        assert dossier.closed_at == (
            dossier.events.get(action=DossierEvent.Action.RETURNED).at
            if dossier.status == Dossier.Status.RETURNED
            else None
        )
    # The officers' inbox has something to flag, and the reports something late.
    today = timezone.localdate()
    states = {dossier.deadline_state(today) for dossier in dossiers if dossier.is_open}
    assert {"qua-han", "sap-den-han", ""} <= states
    assert {dossier.on_time for dossier in dossiers.filter(finished_at__isnull=False)} == {True, False}
    # Each applicant's answers, as the officer reads them: a birth registered after the birth.
    births = dossiers.filter(procedure__title="Đăng ký khai sinh")
    for dossier in births:
        answers = dict(dossier.answers)
        born = datetime.strptime(answers["Ngày sinh của trẻ"], "%d/%m/%Y").date()
        assert born < timezone.localdate(dossier.submitted_at), dossier
        assert dossier.email.endswith("@example.vn") and answers["Giới tính"] in {"Nam", "Nữ"}


def check_histories(officers: dict):
    for dossier in Dossier.objects.prefetch_related("events"):
        events = list(dossier.events.all())
        assert events[0].action == DossierEvent.Action.RECEIVED and events[0].at == dossier.submitted_at
        assert [event.at for event in events] == sorted(event.at for event in events)
        assert [event.pk for event in events] == sorted(event.pk for event in events), "history in the order taken"
        assert events[-1].status == dossier.status or events[-1].action == DossierEvent.Action.NOTE
        for event in events:
            # The applicant's steps have no actor; every other is the desk officer of the dossier's agency.
            applicants = (DossierEvent.Action.RECEIVED, DossierEvent.Action.SUPPLEMENTED)
            expected = None if event.action in applicants else officers[dossier.agency]
            assert event.actor == expected, (dossier, event.action)
        # Assigning, starting or asking for a supplement gives the dossier its officer; a refusal on receipt does not.
        taken = {DossierEvent.Action.ASSIGNED, DossierEvent.Action.PROCESSING, DossierEvent.Action.SUPPLEMENT_REQUESTED}
        assert dossier.officer == (officers[dossier.agency] if taken & {e.action for e in events} else None), dossier


def check_dates():
    now, today = timezone.now(), timezone.localdate()
    dossiers = list(Dossier.objects.all())
    assert all(now - timedelta(weeks=8) < dossier.submitted_at < now for dossier in dossiers)
    assert len({timezone.localdate(dossier.submitted_at) for dossier in dossiers}) >= 10, "spread over the weeks"
    assert DossierEvent.objects.filter(at__gte=now).count() == 0
    for dossier in dossiers:
        submitted_on = timezone.localdate(dossier.submitted_at)
        assert is_working_day(submitted_on) and submitted_on < today
        assert dossier.code.startswith(f"{(dossier.agency.code or 'qngai').upper()}-{submitted_on:%y%m%d}-")
        due_on = add_working_days(submitted_on, online_limit(dossier))
        # A supplement moves the due date by the working days the desk waited for it.
        requests = dossier.events.filter(action=DossierEvent.Action.SUPPLEMENT_REQUESTED).order_by("at")
        supplies = dossier.events.filter(action=DossierEvent.Action.SUPPLEMENTED).order_by("at")
        for requested, supplied in zip(requests, supplies, strict=False):
            due_on = add_working_days(due_on, working_days_between(requested.at, supplied.at))
        assert dossier.due_on == due_on, dossier
    assert DossierEvent.objects.filter(action=DossierEvent.Action.SUPPLEMENTED).exists()
    # Each agency numbers its dossiers in the order they came in.
    for agency_id in {dossier.agency_id for dossier in dossiers}:
        codes = list(
            Dossier.objects.filter(agency_id=agency_id).order_by("submitted_at").values_list("code", flat=True)
        )
        assert codes == sorted(codes)


def check_files(stored: set[str]):
    files = DossierFile.objects.select_related("dossier", "event")
    for attached in files:
        with attached.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-", attached.name
        assert attached.size == attached.file.size and attached.name.endswith(".pdf")
        assert attached.file.name in stored
    # Every dossier has the files its form requires; supplements bring theirs.
    for dossier in Dossier.objects.all():
        required = dossier.procedure.components.filter(upload="bat-buoc").count()
        assert dossier.files.filter(event__isnull=True).count() == required, dossier
    assert files.filter(event__action=DossierEvent.Action.SUPPLEMENTED).exists()
