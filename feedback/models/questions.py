"""Questions and answers (R9, Điều 8.2.n, 9.1.đ) and petitions on administrative regulations (R8).

A citizen's question is received by one site (its agency), classified and forwarded by that site's
editorial board (BBT) to one of the agency's units, answered by the unit's staff within 15 working days
(or the asker is told how it is going), then published. Every step is a QuestionEvent: who, when, what.
"""

import secrets
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch.tasks import insert_or_update_object_task
from wagtail.search import index

from groundwork.storage import private_storage
from home.posting import posting_limit
from vietnam.text import search_words
from vietnam.workdays import add_working_days, deadline_state

# The rule of the legal time limit to answer (Điều 9.1.đ, home.PostingRule), and how many working days before it
# the inbox warns.
POSTING_CATEGORY = "questions"
DUE_SOON_WORKING_DAYS = 3
MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
# Receipt codes: no 0/O/1/I, so they can be read out on the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


class Unit(models.Model):
    """A unit that answers questions for one agency's site: a department of the agency or, on the portal,
    an agency of the province. Its staff are the members of its own group, created with it."""

    agency = models.ForeignKey("home.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="units")
    name = models.CharField(_("tên đơn vị"), max_length=255)
    email = models.EmailField(_("thư điện tử nhận thông báo"), blank=True)
    staff = models.OneToOneField(
        Group, verbose_name=_("nhóm cán bộ"), on_delete=models.PROTECT, related_name="feedback_unit", editable=False
    )

    class Meta:
        verbose_name = _("đơn vị trả lời")
        verbose_name_plural = _("đơn vị trả lời")
        ordering = ["agency", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="feedback_unit_unique_name")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.staff_id:
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            # The unit's staff sign in to the admin, where they see only what was forwarded to their unit.
            self.staff = Group.objects.create(name=f"{self.agency.label} – Đơn vị: {self.name}"[:150])
            self.staff.permissions.add(
                Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
            )
            super().save(*args, **kwargs)


def new_code(prefix: str) -> str:
    """A receipt code such as HD-K7QZ-3M9P: unguessable (40 bits), short enough to read out."""
    random_part = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{prefix}-{random_part[:4]}-{random_part[4:]}"


class Question(index.Indexed, models.Model):
    """A question (or a petition on an administrative regulation) sent to one site."""

    wagtail_reference_index_ignore = True  # nothing links to a question: no index task on every submission

    class Kind(models.TextChoices):
        QUESTION = "hoi-dap", _("Câu hỏi")
        PETITION = "kien-nghi", _("Phản ánh, kiến nghị về quy định hành chính")

    class Status(models.TextChoices):
        RECEIVED = "moi", _("Mới tiếp nhận")
        CLASSIFIED = "da-phan-loai", _("Đã phân loại")
        FORWARDED = "da-chuyen", _("Đã chuyển đơn vị")
        ANSWERED = "da-tra-loi", _("Đã trả lời")
        PUBLISHED = "da-cong-khai", _("Đã công khai")
        OUT_OF_SCOPE = "ngoai-tham-quyen", _("Không thuộc thẩm quyền")

    OPEN = [Status.RECEIVED, Status.CLASSIFIED, Status.FORWARDED]
    CODE_PREFIX = {Kind.QUESTION: "HD", Kind.PETITION: "KN"}

    agency = models.ForeignKey(
        "home.Agency", verbose_name=_("cơ quan nhận"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.QUESTION)
    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    # The asker: never shown publicly except the name, and that only with consent.
    name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    publish_name = models.BooleanField(_("đồng ý công khai họ tên"), default=False)
    language = models.CharField(max_length=5, default="vi", editable=False)
    legal_field = models.ForeignKey(
        "legal_documents.LegalField",
        verbose_name=_("lĩnh vực"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        "legal_documents.LegalDocumentPage",
        verbose_name=_("văn bản liên quan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Với phản ánh, kiến nghị: văn bản quy định hành chính được phản ánh."),
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), max_length=5000)
    attachment = models.FileField(
        _("tệp đính kèm"), storage=private_storage, upload_to="hoi-dap/%Y/%m/", blank=True, max_length=255
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị trả lời"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    received_at = models.DateTimeField(_("ngày nhận"), default=timezone.now, editable=False)
    due_on = models.DateField(_("hạn trả lời"), editable=False)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True, editable=False)
    out_of_scope_reason = models.TextField(_("lý do không thuộc thẩm quyền"), blank=True)

    # The public search matches folded_text() in Wagtail's search backend; see get_indexed_objects.
    search_fields = [
        index.SearchField("folded_text"),
        index.FilterField("status"),
        index.FilterField("agency"),
        index.FilterField("legal_field"),
        index.FilterField("published_at"),
        index.FilterField("id"),
    ]
    search_auto_update = False  # indexed once published (index_published below), not at every step of handling

    class Meta:
        verbose_name = _("câu hỏi, kiến nghị")
        verbose_name_plural = _("câu hỏi, kiến nghị")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["agency", "status", "due_on"], name="feedback_q_inbox"),
            models.Index(fields=["unit", "status", "due_on"], name="feedback_q_unit"),
            models.Index(fields=["status", "-published_at"], name="feedback_q_published"),
            # The operations report's counts of a period (reporting).
            models.Index(fields=["agency", "received_at"], name="feedback_q_received"),
            models.Index(fields=["agency", "answered_at"], name="feedback_q_answered"),
        ]

    def __str__(self):
        return f"{self.code}: {self.title}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code(self.CODE_PREFIX[self.kind])
        if not self.due_on:
            self.due_on = due_date(timezone.localtime(self.received_at).date())
        super().save(*args, **kwargs)

    @classmethod
    def get_indexed_objects(cls):
        """Only published questions are indexed: the others are not searched, and their text (a citizen's
        question before the BBT has read it) stays out of the search backend, which may be a service of its own."""
        return cls.objects.filter(status=cls.Status.PUBLISHED)

    def folded_text(self) -> str:
        """The title, question and answer without diacritics, in lower case, as words: what the search indexes."""
        return " ".join(search_words(f"{self.title} {self.body} {self.answer}"))

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def deadline_state(self, today: date | None = None) -> str:
        """ "qua-han", "sap-den-han" or "" (see vietnam.workdays.deadline_state); "" once answered or closed."""
        return deadline_state(self.due_on, DUE_SOON_WORKING_DAYS, today) if self.is_open else ""

    @property
    def public_name(self) -> str:
        return self.name if self.publish_name else ""


@receiver(post_save, sender=Question)
def index_published(sender, instance, raw=False, **kwargs):
    """Queue the search index update of a published question (in the saving transaction, like Wagtail's own)."""
    if not raw and instance.status == Question.Status.PUBLISHED:
        insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


@receiver(post_delete, sender=Question)
def unindex_deleted(sender, instance, **kwargs):
    """Remove a deleted question from the search index (a no-op for one that was never published)."""
    index.remove_object(instance)


def due_date(received_on: date) -> date:
    """The day an answer is due: the rule's working days (15) after the day of receipt (R10)."""
    return add_working_days(received_on, posting_limit(POSTING_CATEGORY))


class QuestionEvent(models.Model):
    """One step of a question's handling, or an internal note: who did what, and when."""

    wagtail_reference_index_ignore = True

    class Action(models.TextChoices):
        RECEIVED = "tiep-nhan", _("Tiếp nhận")
        CLASSIFIED = "phan-loai", _("Phân loại")
        FORWARDED = "chuyen", _("Chuyển đơn vị")
        ANSWERED = "tra-loi", _("Trả lời")
        PUBLISHED = "cong-khai", _("Công khai")
        OUT_OF_SCOPE = "ngoai-tham-quyen", _("Không thuộc thẩm quyền")
        PROGRESS = "thong-bao-tien-do", _("Thông báo tiến độ")
        NOTE = "ghi-chu", _("Ghi chú nội bộ")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("việc"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("nội dung"), blank=True)
    # For a progress notice: when the answer is expected.
    expected_on = models.DateField(_("dự kiến trả lời"), null=True, blank=True)

    class Meta:
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.question.code}: {self.get_action_display()}"
