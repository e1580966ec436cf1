"""Withdrawal (R13, issue 14 §3): who may publish a live official page withdraws it with a public reason; it stays at
its URL with a banner in both languages, leaves every listing, search, feed and sitemap, keeps its history and can
be restored. Unpublishing and deleting are for superusers, and logged."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, PageLogEntry

from finder.models import PAGE_SOURCE, SearchEntry
from home.models.records import Withdrawal
from home.withdrawal import restore, withdraw
from tests.documents.conftest import create_lists, document_maker
from tests.finder.helpers import add_news

from .helpers import add_page, section

pytestmark = pytest.mark.django_db

REASON = "Thông tin đăng nhầm số liệu, đã được thay thế bằng thông báo số 12/TB-STTTT."


def translate(page):
    """The page's English version, published."""
    translation_ = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation_.save_revision().publish()
    return Page.objects.get(pk=translation_.pk).specific


def public(client, agency, page):
    return client.get(page.relative_url(agency.site), HTTP_HOST=agency.site.hostname)


@pytest.fixture
def news(agency):
    return add_news(agency, "Hội nghị chuyển đổi số tỉnh Quảng Ngãi", slug="hoi-nghi-chuyen-doi-so")


def withdraw_url(page):
    return reverse("portal_withdraw_page", args=(page.pk,))


def restore_url(page):
    return reverse("portal_restore_page", args=(page.pk,))


# Who withdraws ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "moderator", "superuser", "other_bbt"])
def test_the_sites_bbt_and_superusers_withdraw_editors_and_other_sites_do_not(
    client, agency, other_agency, news, make_user, role
):
    users = {
        "editor": lambda: make_user("bientap", agency.editors),
        "moderator": lambda: make_user("bbt", agency.moderators),
        "superuser": lambda: make_user("quantri", is_superuser=True),
        "other_bbt": lambda: make_user("bbt_tunghia", other_agency.moderators),
    }
    client.force_login(users[role]())
    allowed = role in ("moderator", "superuser")

    form = client.get(withdraw_url(news))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(news.pk,)))
    explorer = client.get(reverse("wagtailadmin_explore", args=(news.get_parent().pk,)))
    response = client.post(withdraw_url(news), {"reason": REASON})

    assert (form.status_code == 200) is allowed  # Wagtail answers a refusal with a redirect to the dashboard
    if form.status_code == 200:
        assert "Lý do thu hồi" in form.text
    if editor.status_code == 200:
        assert (withdraw_url(news) in editor.text) is allowed  # the action menu and the "More" menu
    if explorer.status_code == 200:
        assert (withdraw_url(news) in explorer.text) is allowed  # the row's "More" menu
    assert Withdrawal.objects.filter(translation_key=news.translation_key).exists() is allowed
    edit_url = reverse("wagtailadmin_pages:edit", args=(news.pk,))
    assert response.status_code in (302, 403) and (response.get("Location") == edit_url) is allowed


def test_the_reason_is_required_and_short(client, agency, news, moderator):
    client.force_login(moderator)

    empty = client.post(withdraw_url(news), {"reason": "   "})
    long = client.post(withdraw_url(news), {"reason": "x" * 501})

    assert empty.status_code == 200 and "Hãy nêu lý do thu hồi" in empty.text
    assert long.status_code == 200 and "tối đa 500 ký tự" in long.text
    assert not Withdrawal.objects.exists()


def test_a_draft_is_not_withdrawn(client, agency, moderator):
    page = add_page(section(agency, "gioi-thieu"), "Bản nháp", slug="ban-nhap")
    page.unpublish()
    client.force_login(moderator)

    assert client.get(withdraw_url(page)).status_code in (302, 403)
    assert client.post(withdraw_url(page), {"reason": REASON}).status_code in (302, 403)
    assert not Withdrawal.objects.exists()


# What the public sees ---------------------------------------------------------------------------------------------


def test_a_withdrawn_page_stays_at_its_url_with_the_banner_in_both_languages(client, agency, news, moderator):
    news_en = translate(news)
    client.force_login(moderator)
    client.post(withdraw_url(news), {"reason": REASON})
    client.logout()
    today = timezone.localdate().strftime("%d/%m/%Y")

    vietnamese = public(client, agency, news)
    in_english = public(client, agency, news_en)

    assert vietnamese.status_code == 200 and in_english.status_code == 200
    assert "Đã thu hồi" in vietnamese.text and REASON in vietnamese.text and today in vietnamese.text
    assert "Hội nghị chuyển đổi số tỉnh Quảng Ngãi" in vietnamese.text  # the content is kept
    with translation.override("en"):
        banner_en = gettext("Đã thu hồi")
    assert 'lang="en"' in in_english.text
    assert banner_en in in_english.text and REASON in in_english.text and today in in_english.text


def test_the_banner_date_is_vietnams(client, agency, news, moderator):
    withdrawal = withdraw(news, moderator, REASON)
    # 23:30 UTC is already the next day in Asia/Ho_Chi_Minh.
    Withdrawal.objects.filter(pk=withdrawal.pk).update(
        withdrawn_at=datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    )

    assert "02/03/2026" in public(client, agency, news).text


def test_a_page_that_is_not_withdrawn_has_no_banner(client, agency, news):
    assert "notice--withdrawn" not in public(client, agency, news).text


# Gone from listings, search, feeds, sitemap ---------------------------------------------------------------------


def listed_news(client, agency, language="vi"):
    news_section = section(agency, "tin-tuc", language)
    return public(client, agency, news_section).text


def test_withdrawn_news_leaves_listings_search_feeds_and_sitemap_and_comes_back(client, agency, portal, news):
    other = add_news(agency, "Tập huấn an toàn thông tin", slug="tap-huan-an-toan-thong-tin")
    news_en = translate(news)
    title = "Hội nghị chuyển đổi số tỉnh Quảng Ngãi"
    host = {"HTTP_HOST": agency.site.hostname}
    news_section = section(agency, "tin-tuc")

    def everywhere():
        return {
            "listing": title in listed_news(client, agency),
            "home": title in client.get("/", **host).text,
            "portal home": title in client.get("/", HTTP_HOST=portal.site.hostname).text,
            "section feed": title in client.get(news_section.relative_url(agency.site) + "feed/", **host).text,
            "site feed": title in client.get("/feed/", **host).text,
            "search": SearchEntry.objects.filter(source=PAGE_SOURCE, object_id=news.pk).exists(),
            "search en": SearchEntry.objects.filter(source=PAGE_SOURCE, object_id=news_en.pk).exists(),
            "search page": title in client.get("/tim-kiem/", {"q": "chuyen doi so"}, **host).text,
            "sitemap": news.relative_url(agency.site) in client.get("/sitemap-pages.xml", **host).text,
            "sitemap en": news_en.relative_url(agency.site) in client.get("/sitemap-pages.xml", **host).text,
        }

    before = everywhere()
    withdraw(news, None, REASON)
    after = everywhere()
    restore(news, None)
    restored = everywhere()

    assert all(before.values()), before
    assert not any(after.values()), after
    assert restored == before
    assert "Tập huấn an toàn thông tin" in listed_news(client, agency)
    assert other.pk  # the other article stays listed throughout


def test_a_withdrawn_legal_document_leaves_the_document_search(client, agency, news):
    from documents.models import SearchEntry as DocumentEntry

    document = document_maker(create_lists())(agency, "12/2026/QĐ-UBND", "Quy định về chuyển đổi số", type="Quyết định")
    host = {"HTTP_HOST": agency.site.hostname}

    def found():
        response = client.get("/van-ban/", {"q": "chuyen doi so"}, **host)
        return [item.number for item in response.context["search"].results]

    assert found() == ["12/2026/QĐ-UBND"]
    withdraw(document, None, REASON)

    assert found() == []
    assert not DocumentEntry.objects.filter(page_id=document.pk).exists()
    assert public(client, agency, document).status_code == 200
    restore(document, None)
    assert found() == ["12/2026/QĐ-UBND"]


def test_a_withdrawn_procurement_notice_leaves_its_listing(client, agency):
    from tests.procurement.conftest import add_notice, procurement_section

    notice = add_notice(agency, slug="moi-thau-xl-01")
    listing = procurement_section(agency).relative_url(agency.site)
    host = {"HTTP_HOST": agency.site.hostname}
    assert notice.title in client.get(listing, **host).text

    withdraw(notice, None, REASON)

    assert notice.title not in client.get(listing, **host).text
    assert "Đã thu hồi" in public(client, agency, notice).text


def test_the_news_listing_takes_as_many_queries_with_withdrawn_articles(client, agency, django_assert_max_num_queries):
    articles = [add_news(agency, f"Tin số {number}", slug=f"tin-so-{number}") for number in range(6)]
    cache.clear()  # (the frame and the listing are cached: count what a cold request costs)
    with CaptureQueriesContext(connection) as six_listed:
        listed_news(client, agency)
    for article in articles[:4]:
        withdraw(article, None, REASON)
    cache.clear()
    with django_assert_max_num_queries(len(six_listed.captured_queries)):
        text = listed_news(client, agency)
    assert "Tin số 5" in text and "Tin số 0" not in text


# History --------------------------------------------------------------------------------------------------------


def test_withdraw_and_restore_are_logged_on_every_language_version(client, agency, news, moderator):
    news_en = translate(news)
    client.force_login(moderator)

    client.post(withdraw_url(news), {"reason": REASON})
    client.post(restore_url(news_en))

    for page in (news, news_en):
        actions = list(PageLogEntry.objects.filter(page_id=page.pk).order_by("pk").values_list("action", "user_id"))
        assert ("portal.withdraw", moderator.pk) in actions and ("portal.restore", moderator.pk) in actions
    assert not Withdrawal.objects.exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=(news.pk,)))
    assert history.status_code == 200
    assert "Thu hồi khỏi danh sách" in history.text and REASON in history.text
    assert "Khôi phục vào danh sách" in history.text


def test_restore_is_offered_on_a_withdrawn_page(client, agency, news, moderator, editor):
    withdraw(news, moderator, REASON)
    client.force_login(editor)
    client.post(restore_url(news))
    assert Withdrawal.objects.exists()
    client.force_login(moderator)

    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=(news.pk,)))

    assert restore_url(news) in editor_view.text
    assert client.post(restore_url(news)).status_code == 302
    assert not Withdrawal.objects.exists()


# Unpublish and delete: superusers only, logged ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_only_superusers_unpublish(client, agency, news, make_user, role):
    user = make_user(role, getattr(agency, f"{role}s"))
    client.force_login(user)
    url = reverse("wagtailadmin_pages:unpublish", args=(news.pk,))
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish")) + f"?id={news.pk}"

    editor_view = client.get(reverse("wagtailadmin_pages:edit", args=(news.pk,))).text
    client.get(url)
    client.post(url)
    client.post(bulk)
    api = client.post(reverse("wagtailadmin_api:pages:action", args=(news.pk, "unpublish")))

    assert url not in editor_view
    assert api.status_code == 403
    assert Page.objects.get(pk=news.pk).live
    assert public(client, agency, news).status_code == 200


def test_a_superuser_unpublishes_and_deletes_and_both_are_logged(client, agency, news, make_user):
    admin = make_user("quantri", is_superuser=True)
    client.force_login(admin)

    client.post(reverse("wagtailadmin_pages:unpublish", args=(news.pk,)))
    assert not Page.objects.get(pk=news.pk).live
    client.post(reverse("wagtailadmin_pages:delete", args=(news.pk,)))

    assert not Page.objects.filter(pk=news.pk).exists()
    actions = set(PageLogEntry.objects.filter(page_id=news.pk, user=admin).values_list("action", flat=True))
    assert {"wagtail.unpublish", "wagtail.delete"} <= actions


def test_a_withdrawn_procedure_leaves_the_catalogue_and_its_search(client, portal, other_agency):
    from tests.services.test_catalogue import get, make_procedure, titles

    birth = make_procedure(other_agency, "Đăng ký khai sinh", sector="Hộ tịch", result="Giấy khai sinh")
    make_procedure(other_agency, "Đăng ký thành lập hộ kinh doanh")

    withdraw(birth, None, REASON)

    assert titles(get(client, other_agency)) == ["Đăng ký thành lập hộ kinh doanh"]
    assert titles(get(client, other_agency, q="dang ky")) == ["Đăng ký thành lập hộ kinh doanh"]
    assert titles(get(client, portal, q="1.001612")) == ["Đăng ký thành lập hộ kinh doanh"]


def test_a_withdrawn_article_is_not_in_the_digest(agency):
    from django.core import mail
    from django.core.management import call_command

    from tests.following.helpers import days_ago, publish_news
    from tests.following.test_digests import make_subscription

    make_subscription([agency])
    kept = publish_news(agency, "Hội nghị chuyển đổi số năm 2026", days_ago(0.5))
    gone = publish_news(agency, "Thông báo đăng nhầm", days_ago(0.5))
    withdraw(gone, None, REASON)

    call_command("send_digests", verbosity=0)

    [message] = mail.outbox
    assert kept.title in message.body and gone.title not in message.body


def test_a_page_view_reads_its_record_notices_from_the_cache_until_a_withdrawal(client, agency, news, moderator):
    public(client, agency, news)
    with CaptureQueriesContext(connection) as again:
        public(client, agency, news)
    assert not [
        q["sql"] for q in again.captured_queries if "home_withdrawal" in q["sql"] or "home_changenote" in q["sql"]
    ]

    withdraw(news, moderator, REASON)

    assert "notice--withdrawn" in public(client, agency, news).text
