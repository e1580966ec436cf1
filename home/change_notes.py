"""Change notes ("Cập nhật", R13): a significant change to a published page carries a short public note.

Every project page's editor (`PublishedRecordMixin`) ends its content tab with "Thay đổi quan trọng" and the note,
shown once the page has been published and required when the box is ticked (`RecordPageForm`). The note is stored
with the revision saved from that form (`remember_note`, on the revision's post_save) and goes through moderation
with it: it becomes public when that revision, or a later one, is published (`publish_notes`, on `page_published`).
The page shows its public notes in order, each with its date (the `record_notices` tag).
"""

from contextvars import ContextVar

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_started
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page, Revision
from wagtail.signals import page_published

NOTE_MAX_LENGTH = 500
SIGNIFICANT = "significant_change"
NOTE = "change_note"
# The note each page editor's form saved in this request (or task), by the page's id as a revision names it.
_written: ContextVar[dict[str, str] | None] = ContextVar("change_notes_written", default=None)


def _page_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk


def _notes():
    return apps.get_model("home", "ChangeNote")


class RecordPageForm(WagtailAdminPageForm):
    """The page editor's form for every project page: its panels' fields and the change note."""

    significant_change = forms.BooleanField(
        label=_("Thay đổi quan trọng"),
        required=False,
        help_text=_("Đánh dấu khi nội dung đã đăng thay đổi đáng kể: người đọc sẽ thấy ghi chú cập nhật kèm ngày."),
    )
    change_note = forms.CharField(
        label=_("Ghi chú cập nhật"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Công khai trên trang khi bản sửa này được xuất bản, ví dụ: “Sửa thời hạn nộp hồ sơ”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if SIGNIFICANT in self.fields and self.instance.pk and not self.is_bound:
            # The note still waiting with an unpublished revision is shown again, to keep or change.
            pending = pending_note(self.instance)
            if pending is not None:
                self.initial[SIGNIFICANT] = True
                self.initial[NOTE] = pending.note

    def clean(self):
        cleaned = super().clean()
        note = (cleaned.get(NOTE) or "").strip()
        cleaned[NOTE] = note
        if cleaned.get(SIGNIFICANT) and not note:
            self.add_error(NOTE, _("Hãy viết ghi chú cập nhật cho người đọc (tối đa 500 ký tự)."))
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Read by remember_note() when the edit view saves the revision of this form, next in this request.
        note = self.cleaned_data[NOTE] if self.cleaned_data.get(SIGNIFICANT) else ""
        _written.set({**(_written.get() or {}), str(page.pk): note})
        return page


class ChangeNotePanel(MultiFieldPanel):
    """The two fields, shown only on a page that has been published (a new page has nothing to note)."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            instance = self.instance
            published = instance is not None and instance.pk and (instance.first_published_at or instance.live)
            return bool(published) and super().is_shown()


def record_edit_handler(model):
    """The editor of `model` as Wagtail builds it (content, promote and settings tabs), the change note last in
    the content tab."""
    note = ChangeNotePanel([FieldPanel(SIGNIFICANT), FieldPanel(NOTE)], heading=_("Cập nhật"))
    # The tabs keep Wagtail's own headings (its msgids, its catalogues), as its _get_page_edit_handler names them.
    tabs = [ObjectList([*model.content_panels, note], heading=_("Content"))]
    if model.promote_panels:
        tabs.append(ObjectList(model.promote_panels, heading=_("Promote")))
    if model.settings_panels:
        tabs.append(ObjectList(model.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs, base_form_class=model.base_form_class).bind_to_model(model)


def pending_note(page):
    """The note written for `page` and not yet public, if any."""
    return _notes().objects.filter(page_id=page.pk, published_at__isnull=True).order_by("-pk").first()


def remember_note(sender, instance, raw=False, **kwargs) -> None:
    """When a page's revision is saved (created, or overwritten by the editor's autosave) from the page editor's
    form: the page's unpublished note becomes the one written there, kept with this revision, or none if the box
    was left unticked (post_save of Revision)."""
    written = _written.get()
    page_id = str(instance.object_id)  # (an int until the revision is read back)
    if raw or not written or page_id not in written or instance.base_content_type_id != _page_type_id():
        return  # not saved from the page editor (code, the translation editor, a workflow action without changes)
    note = written.pop(page_id)
    ChangeNote = _notes()
    ChangeNote.objects.filter(page_id=int(page_id), published_at__isnull=True).delete()
    if note:
        ChangeNote.objects.create(page_id=int(page_id), revision=instance, note=note)


def publish_notes(page, revision) -> int:
    """Make public the notes of `revision` and of the page's earlier revisions (a later revision holds their
    changes); returns how many."""
    waiting = _notes().objects.filter(page_id=page.pk, published_at__isnull=True, revision_id__lte=revision.pk)
    return waiting.update(published_at=timezone.now())


def forget_written(**kwargs) -> None:
    """request_started: a note its form saved without a revision (a workflow action without changes) is not
    carried to a later request of the same thread."""
    _written.set(None)


def revision_published(sender, instance, revision=None, **kwargs) -> None:
    """page_published: the notes waiting with that revision become public."""
    if revision is not None:
        publish_notes(instance, revision)


def public_notes(page) -> list:
    """The page's public change notes, oldest first."""
    return list(_notes().objects.filter(page_id=page.pk, published_at__isnull=False).order_by("published_at", "pk"))


def connect() -> None:
    """Connect the receivers: the note saved with its revision, made public with it, forgotten between requests."""
    post_save.connect(remember_note, sender=Revision, dispatch_uid="home.change_notes.remember")
    page_published.connect(revision_published, dispatch_uid="home.change_notes.publish")
    request_started.connect(forget_written, dispatch_uid="home.change_notes.forget")
