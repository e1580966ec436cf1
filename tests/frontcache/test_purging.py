"""What each change purges from the front cache (frontcache.purging): the page in both languages and everything under
it, its listings with their pages and filters, the site's home pages, feeds, sitemaps and search, and the portal's
home where it aggregates agencies' news. Sent once per transaction, after it commits; never when it rolls back."""

import pytest
from django.db import transaction
from wagtail.models import Page

from frontcache import purging
from frontcache.backends import PREFIX
from home.models.records import ChangeNote
from home.withdrawal import restore, withdraw
from tests.documents.conftest import create_lists, document_maker
from tests.finder.helpers import add_news
from tests.home.helpers import section

from .recording import RecordingBackend

pytestmark = pytest.mark.django_db

AGENCY = "http://stttt.quangngai.localhost"
PORTAL = "http://quangngai.localhost"


@pytest.fixture(autouse=True)
def recording(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run `action` as if in a transaction of its own, and what waits for its commit: purges are sent then. (The
    test's transaction never commits: the URLs gathered before are dropped with their batch.)"""

    def run(action):
        purging._batches.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def translate(page: Page) -> Page:
    from wagtail.models import Locale

    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return english


def test_a_published_news_article_purges_itself_its_listings_the_site_and_the_portal(agency, portal, committed):
    RecordingBackend.purged.clear()
    page = committed(lambda: add_news(agency, "Hội nghị chuyển đổi số", slug="hoi-nghi"))

    purged = set(RecordingBackend.purged)
    assert f"{AGENCY}/tin-tuc/hoi-nghi/{PREFIX}" in purged  # the page and anything under it
    assert f"{AGENCY}/tin-tuc/" in purged  # its listing, with every page and filter (a BAN of its query strings)
    assert f"{AGENCY}/" in purged and f"{AGENCY}/en/" in purged  # the site's home pages, both languages
    assert {f"{AGENCY}/feed/", f"{AGENCY}/en/feed/", f"{AGENCY}/sitemap{PREFIX}"} <= purged
    assert {f"{AGENCY}/tim-kiem/", f"{AGENCY}/en/search/"} <= purged
    assert {f"{PORTAL}/", f"{PORTAL}/en/", f"{PORTAL}/tim-kiem/"} <= purged  # the portal aggregates agencies' news
    assert f"{AGENCY}/{PREFIX}" not in purged  # not in the menu: the other pages of the site stay cached
    assert not any(url.startswith(f"{PORTAL}/tin-tuc/") for url in purged)  # the portal's own news is not touched
    assert page.live


def test_nothing_is_purged_before_the_commit_nor_after_a_rollback(agency):
    with transaction.atomic():
        add_news(agency, "Tin sẽ bị hủy", slug="tin-huy")
        assert RecordingBackend.purged == []
        transaction.set_rollback(True)
    assert RecordingBackend.purged == []


def test_one_transaction_sends_one_batch(agency, committed, monkeypatch):
    calls = []
    monkeypatch.setattr("frontcache.purging.purge_urls_from_cache", calls.append)

    def two_articles():
        add_news(agency, "Tin một", slug="tin-mot")
        add_news(agency, "Tin hai", slug="tin-hai")

    committed(two_articles)

    assert len(calls) == 1
    assert {f"{AGENCY}/tin-tuc/tin-mot/{PREFIX}", f"{AGENCY}/tin-tuc/tin-hai/{PREFIX}"} <= set(calls[0])


def test_a_translation_published_purges_both_languages_urls(agency, committed):
    page = add_news(agency, "Tin song ngữ", slug="tin-song-ngu")
    english_section = section(agency, "tin-tuc", "en")
    RecordingBackend.purged.clear()

    english = committed(lambda: translate(page))

    purged = set(RecordingBackend.purged)
    english_url = english.get_url_parts()[1] + english.get_url_parts()[2]
    assert english_url.startswith(f"{AGENCY}/en/")
    assert {english_url + PREFIX, f"{AGENCY}/tin-tuc/tin-song-ngu/{PREFIX}"} <= purged
    assert AGENCY + english_section.get_url_parts()[2] in purged  # the English listing
    assert not any("/vi/" in url for url in purged)  # Wagtail's own handler purged a /vi/… that does not exist


def test_unpublishing_purges_the_page_and_its_listings(agency, committed):
    page = add_news(agency, "Tin gỡ xuống", slug="tin-go")
    RecordingBackend.purged.clear()

    committed(lambda: page.unpublish())

    assert {f"{AGENCY}/tin-tuc/tin-go/{PREFIX}", f"{AGENCY}/tin-tuc/"} <= set(RecordingBackend.purged)


def test_a_moved_page_purges_its_old_and_new_urls_and_both_listings(agency, committed):
    news = section(agency, "tin-tuc")
    page = add_news(agency, "Tin chuyển mục", slug="tin-chuyen")
    target = news.add_child(instance=type(news)(title="Tin địa phương", slug="dia-phuong", locale=news.locale))
    target.save_revision().publish()
    RecordingBackend.purged.clear()

    committed(lambda: page.move(target, pos="last-child"))

    purged = set(RecordingBackend.purged)
    assert f"{AGENCY}/tin-tuc/tin-chuyen/{PREFIX}" in purged  # where it was
    assert f"{AGENCY}/tin-tuc/dia-phuong/tin-chuyen/{PREFIX}" in purged  # where it is
    assert {f"{AGENCY}/tin-tuc/", f"{AGENCY}/tin-tuc/dia-phuong/"} <= purged


def test_a_deleted_section_purges_its_whole_subtree_and_its_listings(agency, committed):
    news = section(agency, "tin-tuc")
    sub = news.add_child(instance=type(news)(title="Chuyên đề", slug="chuyen-de", locale=news.locale))
    sub.save_revision().publish()
    RecordingBackend.purged.clear()

    committed(lambda: Page.objects.get(pk=sub.pk).delete())

    purged = set(RecordingBackend.purged)
    assert f"{AGENCY}/tin-tuc/chuyen-de/{PREFIX}" in purged
    assert f"{AGENCY}/tin-tuc/" in purged


def test_a_legal_document_purges_its_library_its_feed_and_api(agency, committed):
    make_document = document_maker(create_lists())
    RecordingBackend.purged.clear()

    committed(lambda: make_document(agency, "12/2025/QĐ-UBND", "Quy định về chuyển đổi số"))

    purged = set(RecordingBackend.purged)
    assert f"{AGENCY}/van-ban/" in purged
    assert {f"{AGENCY}/van-ban/feed/", f"{AGENCY}/van-ban/api/"} <= purged  # the library's own routes
    assert any(url.startswith(f"{AGENCY}/van-ban/") and url.endswith(PREFIX) for url in purged)


def test_a_page_in_the_menu_purges_its_whole_site(agency, committed):
    about = section(agency, "gioi-thieu")
    RecordingBackend.purged.clear()

    committed(lambda: about.save_revision().publish())

    assert f"{AGENCY}/{PREFIX}" in RecordingBackend.purged  # the menu is on every page


def test_withdrawal_and_restore_purge_the_page_in_both_languages(agency, moderator, committed):
    page = add_news(agency, "Tin thu hồi", slug="tin-thu-hoi")
    english = translate(page)
    english_url = english.get_url_parts()[1] + english.get_url_parts()[2]

    for action in (lambda: withdraw(page, moderator, "Sai số liệu"), lambda: restore(page, moderator)):
        RecordingBackend.purged.clear()
        committed(action)
        purged = set(RecordingBackend.purged)
        assert {f"{AGENCY}/tin-tuc/tin-thu-hoi/{PREFIX}", english_url + PREFIX, f"{AGENCY}/tin-tuc/"} <= purged


def test_a_published_change_note_purges_the_page(agency, committed):
    from django.utils import timezone

    page = add_news(agency, "Tin cập nhật", slug="tin-cap-nhat")
    RecordingBackend.purged.clear()

    committed(lambda: ChangeNote.objects.create(page=page, note="Sửa ngày họp", published_at=timezone.now()))

    assert f"{AGENCY}/tin-tuc/tin-cap-nhat/{PREFIX}" in RecordingBackend.purged


def test_a_failing_cache_is_logged_and_the_publish_goes_through(agency, settings, committed, caplog):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "frontcache.backends.VarnishBackend", "LOCATION": "http://127.0.0.1:9"}
    }

    page = committed(lambda: add_news(agency, "Tin khi bộ đệm hỏng", slug="tin-hong"))

    assert Page.objects.get(pk=page.pk).live
    assert "Couldn't ban" in caplog.text


def test_nothing_is_sent_without_a_front_cache(agency, settings, committed, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {}
    sent = []
    monkeypatch.setattr("urllib.request.urlopen", lambda *args, **kwargs: sent.append(args))

    committed(lambda: add_news(agency, "Tin không bộ đệm", slug="tin-khong"))

    assert sent == []
