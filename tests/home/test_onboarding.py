"""create_agency_site (R1): codes by Điều 6, what a site is made of, idempotence, clear refusals."""

import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Locale, Page, Site, WorkflowPage

from home.models import Agency, HomePage
from home.onboarding import derive_code
from home.sections import STANDARD_SECTIONS


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("Sở Thông tin và Truyền thông", "agency", "stttt"),
        ("Sở Văn hóa, Thể thao và Du lịch", "agency", "svhttdl"),
        ("Sở Khoa học và Công nghệ", "agency", "skhcn"),
        ("Sở Lao động – Thương binh và Xã hội", "agency", "sldtbxh"),
        ("Sở Y tế", "agency", "syt"),
        ("Tư Nghĩa", "local", "tunghia"),
        ("Ủy ban nhân dân huyện Tư Nghĩa", "local", "tunghia"),
        ("Xã Đăk Tô", "local", "dakto"),
        ("Đặc khu Lý Sơn", "local", "lyson"),
        ("Phường Cẩm Thành", "local", "camthanh"),
        ("UBND xã Khánh Cường", "local", "khanhcuong"),
        ("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal", ""),
    ],
)
def test_codes_follow_article_6(name, kind, code):
    assert derive_code(name, kind) == code


def test_decomposed_name_gives_the_same_code():
    assert derive_code(unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông"), "agency") == "stttt"


def run(*args):
    out = StringIO()
    call_command("create_agency_site", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_command_creates_a_whole_site_in_both_languages(settings):
    output = run("--name", "Sở Y tế", "--kind", "agency", "--name-en", "Department of Health")

    agency = Agency.objects.get(code="syt")
    site = agency.site
    assert site.hostname == f"syt.{settings.PORTAL_DOMAIN}"
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live and home.locale.language_code == "vi"
    english = home.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title == agency.name_en == "Department of Health"
    for section in [section for section in STANDARD_SECTIONS if not section.portal_only]:
        vi_page = home.get_children().get(slug=section.slug)
        assert vi_page.title == section.title and vi_page.live and vi_page.show_in_menus == section.in_menu
        en_page = english.get_children().get(slug=section.slug_en)
        assert en_page.translation_key == vi_page.translation_key and en_page.live
        assert (vi_page.search_description, en_page.search_description) == (section.description, section.description_en)
    assert agency.collection.get_parent() == Collection.get_first_root_node()
    assert agency.editors.name == "syt – Biên tập viên"
    assert agency.moderators.name == "syt – Ban biên tập"
    assert agency.officers.name == "syt – Bộ phận một cửa"
    assert agency.officers.permissions.filter(codename="access_admin").exists()
    assert set(WorkflowPage.objects.filter(workflow=agency.workflow).values_list("page", flat=True)) == {
        home.pk,
        english.pk,
    }
    assert list(agency.workflow.tasks.get().specific.groups.all()) == [agency.moderators]
    assert "syt.quangngai.localhost" in output and "+ " in output


@pytest.mark.django_db
def test_running_again_creates_nothing_and_says_so():
    run("--name", "Xã Tư Nghĩa", "--kind", "local", "--name-en", "Tu Nghia Commune")
    counts = (Page.objects.count(), Site.objects.count(), Collection.objects.count(), WorkflowPage.objects.count())

    output = run("--name", "Xã Tư Nghĩa", "--kind", "local")

    assert (
        Page.objects.count(),
        Site.objects.count(),
        Collection.objects.count(),
        WorkflowPage.objects.count(),
    ) == counts
    assert "Không có gì mới" in output and "+ " not in output
    assert Agency.objects.get(code="tunghia").name_en == "Tu Nghia Commune"  # kept when not given again


@pytest.mark.django_db
def test_menu_order_follows_the_sections_on_a_new_site_in_both_languages():
    run("--name", "Ủy ban nhân dân tỉnh Quảng Ngãi", "--kind", "portal")

    home = Site.objects.get(is_default_site=True).root_page
    english = home.get_translation(Locale.objects.get(language_code="en"))
    assert [page.slug for page in home.get_children()] == [section.slug for section in STANDARD_SECTIONS]
    assert [page.slug for page in english.get_children()] == [section.slug_en for section in STANDARD_SECTIONS]


@pytest.mark.django_db
def test_all_gives_existing_sites_a_new_section_in_its_place(monkeypatch):
    """A site made before a section existed gets it from `create_agency_site --all`, where the menu wants it."""
    from home import onboarding
    from home.sections import Section

    older = [section for section in STANDARD_SECTIONS if section.slug != "tin-tuc"]
    monkeypatch.setattr(onboarding, "STANDARD_SECTIONS", older)
    run("--name", "Sở Y tế", "--kind", "agency")
    monkeypatch.setattr(onboarding, "STANDARD_SECTIONS", STANDARD_SECTIONS)
    child = Section(
        "home.StandardPage", "tin-noi-bat", "Tin nổi bật", "", "highlights", "Highlights", "", in_menu=False
    )
    news = next(section for section in STANDARD_SECTIONS if section.slug == "tin-tuc")
    monkeypatch.setattr(
        onboarding,
        "STANDARD_SECTIONS",
        [
            section if section is not news else Section(**{**news.__dict__, "children": (child,)})
            for section in STANDARD_SECTIONS
        ],
    )

    output = run("--all")

    home = Agency.objects.get(code="syt").site.root_page
    english = home.get_translation(Locale.objects.get(language_code="en"))
    wanted = [section for section in STANDARD_SECTIONS if not section.portal_only]
    assert [page.slug for page in home.get_children()] == [section.slug for section in wanted]
    assert [page.slug for page in english.get_children()] == [section.slug_en for section in wanted]
    highlights = home.get_children().get(slug="tin-tuc").get_children().get()
    assert highlights.slug == "tin-noi-bat" and not highlights.show_in_menus and highlights.live
    assert highlights.get_translation(english.locale).slug == "highlights"
    assert "+ " in output and "Tin tức" in output
    assert "Không có gì mới" in run("--all")


@pytest.mark.django_db
def test_portal_takes_the_portal_domain_and_replaces_wagtails_welcome_site(settings):
    run("--name", "Ủy ban nhân dân tỉnh Quảng Ngãi", "--kind", "portal")

    site = Site.objects.get(is_default_site=True)
    assert site.hostname == settings.PORTAL_DOMAIN
    assert site.agency.is_portal and site.agency.code == ""
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "!!", "--kind", "agency"], "không hợp lệ"),
        (["--name", "   ", "--kind", "agency"], "không hợp lệ"),
        (["--name", "Sở Y tế", "--kind", "agency", "--code", "Sở-Y-tế"], "không hợp lệ"),
        (["--name", "Sở Y tế", "--kind", "agency", "--code=-syt"], "không hợp lệ"),
        (["--name", "Sở Y tế", "--kind", "agency", "--code", "www"], "dành riêng"),
        (["--name", "Sở Y tế", "--kind", "agency", "--code", "x" * 64], "không hợp lệ"),
        (["--name", "Ủy ban nhân dân tỉnh", "--kind", "portal", "--code", "qn"], "không có mã"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(args, message):
    counts = (Page.objects.count(), Agency.objects.count())

    with pytest.raises(CommandError, match=message):
        run(*args)

    assert (Page.objects.count(), Agency.objects.count()) == counts


@pytest.mark.django_db
def test_a_taken_code_is_refused_with_its_owner_named():
    run("--name", "Sở Nội vụ", "--kind", "agency")
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="Sở Nội vụ"):
        run("--name", "Sở Ngoại vụ", "--kind", "agency")

    assert Page.objects.count() == pages
    run("--name", "Sở Ngoại vụ", "--kind", "agency", "--code", "sngv")
    assert Agency.objects.get(code="sngv").site.hostname.startswith("sngv.")


@pytest.mark.django_db
def test_administrators_list_and_rename_agencies_but_cannot_add_or_delete_them(client, agency, make_user):
    client.force_login(make_user("quantri", is_superuser=True))

    listing = client.get("/admin/agencies/")
    assert listing.status_code == 200 and "stttt" in listing.text
    assert client.get(f"/admin/agencies/edit/{agency.pk}/").status_code == 200
    assert client.get("/admin/agencies/new/").status_code != 200
    client.post(f"/admin/agencies/delete/{agency.pk}/")
    assert Agency.objects.filter(pk=agency.pk).exists()
