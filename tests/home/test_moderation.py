"""Moderation (R3): editors submit, their site's BBT approves or rejects with a comment; in both languages."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from .helpers import add_page, add_url, edit_url, english, section, standard_page_form

pytestmark = pytest.mark.django_db


def submit_new_page(client, user, parent, title="Hội nghị chuyển đổi số", slug="hoi-nghi-chuyen-doi-so"):
    client.force_login(user)
    response = client.post(add_url(parent), {**standard_page_form(title, slug), "action-submit": "submit"})
    assert response.status_code == 302, response.content[:2000]
    return Page.objects.child_of(parent).get(slug=slug).specific


def current_task_state(page):
    return Page.objects.get(pk=page.pk).current_workflow_task_state


@pytest.mark.parametrize("language", ["vi", "en"])
def test_editor_submits_and_the_sites_bbt_approves(client, agency, editor, moderator, language):
    parent = section(agency, "gioi-thieu", language)
    page = submit_new_page(client, editor, parent)

    assert not page.live
    url = page.relative_url(agency.site)
    assert client.get(url, HTTP_HOST=agency.site.hostname).status_code == 404
    task_state = current_task_state(page)
    assert task_state.task.specific.groups.get() == agency.moderators

    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": "Đồng ý"}
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    public = client.get(url, HTTP_HOST=agency.site.hostname)
    assert public.status_code == 200 and "Hội nghị chuyển đổi số" in public.text


def test_editor_cannot_publish_without_the_bbt(client, agency, editor):
    parent = section(agency, "gioi-thieu")
    client.force_login(editor)

    client.post(
        add_url(parent), {**standard_page_form("Tin chưa duyệt", "tin-chua-duyet"), "action-publish": "publish"}
    )

    page = Page.objects.child_of(parent).get(slug="tin-chua-duyet")
    assert not page.live
    assert not page.permissions_for_user(editor).can_publish()


def test_rejection_returns_to_the_editor_with_the_comment(client, agency, editor, moderator):
    page = submit_new_page(client, editor, section(agency, "gioi-thieu"))
    task_state = current_task_state(page)

    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": "Cần ghi rõ nguồn tin theo Điều 5.3"},
    )

    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    client.force_login(editor)
    editor_view = client.get(edit_url(page))
    assert editor_view.status_code == 200
    assert "Cần ghi rõ nguồn tin theo Điều 5.3" in editor_view.text


def test_another_sites_bbt_cannot_approve(client, agency, other_agency, editor, make_user):
    page = submit_new_page(client, editor, section(agency, "gioi-thieu"))
    task_state = current_task_state(page)
    stranger = make_user("bbt_tunghia", other_agency.moderators)

    client.force_login(stranger)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)))

    page.refresh_from_db()
    assert not page.live


class TestEnglishPassesTheBBT:
    """wagtail-localize publishes translations of live pages directly out of the box; not here."""

    def translate(self, client, user, page):
        client.force_login(user)
        en = english(page.get_parent()).locale
        return client.post(reverse("wagtail_localize:submit_page_translation", args=(page.pk,)), {"locales": [en.pk]})

    def test_a_new_translation_is_a_draft_that_goes_through_the_workflow(self, client, agency, editor, moderator):
        source = add_page(section(agency, "gioi-thieu"), "Lịch sử hình thành", slug="lich-su")

        self.translate(client, editor, source)

        translation = english(source)
        assert not translation.live
        response = client.post(
            edit_url(translation),
            {**standard_page_form("History", "history", paragraph="<p>Founded in 1832.</p>"), "action-submit": "1"},
        )
        assert response.status_code == 302
        translation.refresh_from_db()
        assert not translation.live
        task_state = current_task_state(translation)
        assert task_state.task.specific.groups.get() == agency.moderators

        client.force_login(moderator)
        client.post(reverse("wagtailadmin_pages:workflow_action", args=(translation.pk, "approve", task_state.pk)))
        translation.refresh_from_db()
        assert translation.live and translation.title == "History"

    def test_update_translations_cannot_publish_for_an_editor(self, client, agency, editor):
        from wagtail_localize.models import TranslationSource

        source = add_page(section(agency, "gioi-thieu"), "Lịch sử hình thành", slug="lich-su")
        self.translate(client, editor, source)
        source.title = "Lịch sử hình thành (sửa)"
        source.save_revision().publish()
        translation_source = TranslationSource.objects.get(object_id=source.translation_key)

        client.post(
            reverse("wagtail_localize:update_translations", args=(translation_source.pk,)),
            {"publish_translations": "on"},
        )

        assert not english(source).live

    @pytest.mark.parametrize("action", ["localize-restart-translation", "localize-convert-to-alias"])
    def test_actions_that_would_skip_the_bbt_are_refused(self, client, agency, editor, action):
        source = add_page(section(agency, "gioi-thieu"), "Lịch sử hình thành", slug="lich-su")
        self.translate(client, editor, source)
        translation = english(source)

        response = client.post(edit_url(translation), {action: "1"})

        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=(translation.pk,)))
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        assert not Page.objects.get(pk=translation.pk).live
