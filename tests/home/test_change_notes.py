"""Change notes (R13, issue 14 §3): a significant change to a published page carries a short public note, which
goes through moderation with its revision and shows on the page, dated, once that revision is published."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models

from home.models.records import ChangeNote

from .helpers import add_page, edit_url, section, standard_page_form

pytestmark = pytest.mark.django_db

NOTE = "Sửa thời hạn nộp hồ sơ từ ngày 15/12 thành ngày 20/12/2026."


@pytest.fixture
def page(agency):
    return add_page(section(agency, "gioi-thieu"), "Thông báo tuyển dụng", slug="thong-bao-tuyen-dung")


def edit(client, user, page, action="action-submit", **extra):
    client.force_login(user)
    data = {**standard_page_form("Thông báo tuyển dụng", "thong-bao-tuyen-dung", paragraph="<p>Hạn mới</p>")}
    data.update(extra)
    data[action] = action.removeprefix("action-")
    return client.post(edit_url(page), data)


def public_text(client, agency, page) -> str:
    response = client.get(page.relative_url(agency.site), HTTP_HOST=agency.site.hostname)
    assert response.status_code == 200
    return response.text


def approve(client, moderator, page):
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": ""}
    )
    assert response.status_code in (200, 302)


def test_the_editor_of_a_published_page_offers_the_change_note(client, agency, page, editor):
    client.force_login(editor)

    editor_view = client.get(edit_url(page)).text
    new_page = client.get(reverse("wagtailadmin_pages:add", args=("home", "standardpage", page.get_parent().pk))).text

    assert "Thay đổi quan trọng" in editor_view and 'name="change_note"' in editor_view
    assert 'name="change_note"' not in new_page  # nothing to note on a page never published


def test_a_ticked_change_needs_its_note(client, agency, page, editor):
    response = edit(client, editor, page, significant_change="on", change_note="  ")

    assert response.status_code == 200
    assert "Hãy viết ghi chú cập nhật" in response.text
    assert not ChangeNote.objects.exists()


def test_the_note_is_at_most_500_characters(client, agency, page, editor):
    response = edit(client, editor, page, significant_change="on", change_note="x" * 501)

    assert response.status_code == 200 and not ChangeNote.objects.exists()


def test_the_note_goes_through_moderation_with_its_revision(client, agency, page, editor, moderator):
    edit(client, editor, page, significant_change="on", change_note=NOTE)
    client.logout()

    assert ChangeNote.objects.get().published_at is None
    assert NOTE not in public_text(client, agency, page)  # the revision waits for the BBT

    client.force_login(editor)
    again = client.get(edit_url(page)).text
    assert NOTE in again  # the waiting note is shown again to the editor
    approve(client, moderator, page)
    client.logout()

    text = public_text(client, agency, page)
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Cập nhật ngày {today}: {NOTE}" in " ".join(text.split())
    assert "Hạn mới" in text


def test_a_rejected_revision_keeps_its_note_private(client, agency, page, editor, moderator):
    edit(client, editor, page, significant_change="on", change_note=NOTE)
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)), {"comment": "Chưa rõ"}
    )
    client.logout()

    assert NOTE not in public_text(client, agency, page)


def test_the_bbt_publishes_notes_at_once_and_the_page_lists_them_in_order(client, agency, page, moderator):
    edit(client, moderator, page, action="action-publish", significant_change="on", change_note="Bổ sung phụ lục.")
    edit(client, moderator, page, action="action-publish", significant_change="on", change_note=NOTE)
    edit(client, moderator, page, action="action-publish")  # a small correction: no note
    client.logout()

    text = " ".join(public_text(client, agency, page).split())
    assert text.index("Bổ sung phụ lục.") < text.index(NOTE)
    assert ChangeNote.objects.filter(published_at__isnull=False).count() == 2


def test_unticking_drops_the_waiting_note(client, agency, page, editor):
    edit(client, editor, page, action="action-save", significant_change="on", change_note=NOTE)
    edit(client, editor, page, action="action-save")

    assert not ChangeNote.objects.exists()


def test_every_page_model_asks_for_the_note(agency):
    for model in get_page_models():
        if model is Page:
            continue
        fields = model.get_edit_handler().get_form_class().base_fields
        assert {"significant_change", "change_note"} <= set(fields), model
