"""The site search's entries follow the pages: publish, unpublish, edits, moves, deletion, privacy, translations;
registered items (published questions) follow their saves; `rebuild_site_search` writes them all again."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from feedback import handling
from feedback.models import Question
from finder.models import SearchEntry
from tests.home.helpers import add_page, section

from .helpers import add_news, entry_of

pytestmark = pytest.mark.django_db


def test_a_published_page_is_indexed_with_its_text_and_a_draft_is_not(agency):
    page = add_news(agency, "Chuyển đổi số ở Quảng Ngãi", lead="Sapo về chuyển đổi số.", text="Nền tảng số dùng chung.")

    entry = entry_of(page)
    assert entry.kind == "tin-tuc" and entry.site_id == agency.site.pk and entry.locale == page.locale
    assert entry.url_path == "/tin-tuc/chuyen-doi-so-o-quang-ngai/" and entry.title_key == "chuyen doi so o quang ngai"
    assert entry.summary == "Sapo về chuyển đổi số."
    assert SearchEntry.objects.filter(pk=entry.pk, search_vector="nen & tang & dung & chung").exists()

    page.title = "Tiêu đề bản nháp"
    page.save_revision()  # a draft: the public still sees the live version
    assert entry_of(page).title == "Chuyển đổi số ở Quảng Ngãi"
    page.get_latest_revision().publish()
    assert entry_of(page).title == "Tiêu đề bản nháp"


def test_unpublishing_removes_the_entry_and_republishing_restores_it(agency):
    page = add_news(agency, "Thông báo tuyển dụng")
    page.unpublish()
    assert entry_of(page) is None
    page.save_revision().publish()
    assert entry_of(page) is not None


def test_deleting_a_page_removes_its_entry_and_its_subtree(agency):
    about = section(agency, "gioi-thieu")
    parent = add_page(about, "Tổ chức bộ máy", slug="to-chuc-bo-may")
    child = add_page(parent, "Phòng Công nghệ thông tin", slug="phong-cntt")
    parent.delete()
    assert entry_of(parent) is None and entry_of(child) is None


def test_a_move_or_new_slug_rewrites_the_urls_below(agency):
    about = section(agency, "gioi-thieu")
    parent = add_page(about, "Tổ chức bộ máy", slug="to-chuc-bo-may")
    child = add_page(parent, "Phòng Công nghệ thông tin", slug="phong-cntt")

    parent.slug = "to-chuc"
    parent.save_revision().publish()
    assert entry_of(child).url_path == "/gioi-thieu/to-chuc/phong-cntt/"

    parent.move(section(agency, "lien-he"), pos="last-child")
    assert entry_of(child).url_path == "/lien-he/to-chuc/phong-cntt/"


def test_a_private_subtree_leaves_the_index_and_comes_back(agency):
    about = section(agency, "gioi-thieu")
    parent = add_page(about, "Tài liệu nội bộ", slug="noi-bo")
    child = add_page(parent, "Biên bản họp", slug="bien-ban")

    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    assert entry_of(parent) is None and entry_of(child) is None
    add_page(parent, "Bản mới dưới trang riêng tư", slug="ban-moi")
    assert not SearchEntry.objects.filter(title="Bản mới dưới trang riêng tư").exists()

    restriction.delete()
    assert entry_of(parent) is not None and entry_of(child) is not None


def test_an_english_translation_is_indexed_in_english_at_its_english_url(agency):
    page = add_news(agency, "Hội nghị chuyển đổi số")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Digital transformation conference", "digital-transformation-conference"
    english.save_revision().publish()

    entry = entry_of(english)
    assert entry.locale.language_code == "en" and entry.url_path == "/en/news/digital-transformation-conference/"
    assert entry_of(page).locale.language_code == "vi"


def test_site_home_pages_and_sections_are_indexed_from_onboarding(agency):
    home = agency.site.root_page
    assert entry_of(home).url_path == "/" and entry_of(home).kind == "chuyen-muc"
    assert entry_of(section(agency, "van-ban", "en")).url_path == "/en/legal-documents/"


def test_a_question_is_indexed_once_published_and_removed_when_withdrawn(agency, moderator):
    question = Question.objects.create(
        agency=agency, name="Lê Thị Hoa", email="hoa@example.vn", title="Cấp chữ ký số", body="Xin hỏi thủ tục."
    )
    assert not SearchEntry.objects.filter(source="feedback.question").exists()  # a citizen's unread question
    handling.answer(question, moderator, "Nộp hồ sơ trực tuyến.")
    assert not SearchEntry.objects.filter(source="feedback.question").exists()
    handling.publish(question, moderator)

    entry = SearchEntry.objects.get(source="feedback.question", object_id=question.pk)
    assert entry.kind == "hoi-dap" and entry.url_path == f"/hoi-dap/{question.pk}/" and entry.site == agency.site
    question.delete()
    assert not SearchEntry.objects.filter(source="feedback.question").exists()


def test_rebuild_writes_every_entry_again_and_drops_stale_ones(agency):
    page = add_news(agency, "Tin để dựng lại chỉ mục")
    before = SearchEntry.objects.count()
    SearchEntry.objects.filter(object_id=page.pk).delete()
    SearchEntry.objects.filter(object_id=agency.site.root_page_id).update(title="cũ")
    SearchEntry.objects.create(
        source="wagtailcore.page", object_id=10**9, kind="trang", site=agency.site, locale=page.locale,
        title="Không còn", title_key="khong con", url_path="/khong-con/", date=page.date,
    )  # fmt: skip

    call_command("rebuild_site_search", verbosity=0)

    assert SearchEntry.objects.count() == before
    assert entry_of(page) is not None and not SearchEntry.objects.filter(title__in=["cũ", "Không còn"]).exists()
