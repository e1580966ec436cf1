"""Dossiers submitted online (R7, Điều 11–13): what the applicant sent, its code, its handling.

A dossier is confidential (Điều 13): its files are kept in the private storage and its data shown only to
the applicant (with the code and a secret) and to the agency handling it.
"""

import hmac
import re
import secrets
from datetime import date

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundwork.storage import private_storage
from vietnam.workdays import deadline_state

# The security code: Crockford's base32 without 0 and 1 (it already has no I, L, O, U), so that nothing read from
# paper or heard on the phone is ambiguous. 30 symbols ** 10 ≈ 5.9e14 ≈ 2^49; with 5 wrong codes an hour locking a
# dossier code (services.tracking), a guesser needs about 10^13 years for even odds.
SECURITY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
SECURITY_CODE_LENGTH = 10
SECURITY_CODE = re.compile(f"[{SECURITY_CODE_ALPHABET}]{{{SECURITY_CODE_LENGTH}}}")


def new_security_code() -> str:
    """A fresh security code: SECURITY_CODE_LENGTH random symbols of SECURITY_CODE_ALPHABET, ungrouped."""
    return "".join(secrets.choice(SECURITY_CODE_ALPHABET) for _ in range(SECURITY_CODE_LENGTH))


# An open dossier due within this many working days is flagged in the officers' inbox.
DUE_SOON_WORKING_DAYS = 2


class Dossier(models.Model):
    """One application for a procedure, submitted online."""

    class Status(models.TextChoices):
        RECEIVED = "da-tiep-nhan", _("Đã tiếp nhận")
        PROCESSING = "dang-xu-ly", _("Đang xử lý")
        SUPPLEMENT = "yeu-cau-bo-sung", _("Yêu cầu bổ sung")
        RESULT_READY = "da-co-ket-qua", _("Đã có kết quả")
        RETURNED = "da-tra-ket-qua", _("Đã trả kết quả")
        REFUSED = "tu-choi", _("Từ chối")

    # Still with the agency (counted against the due date); the others are finished.
    OPEN = (Status.RECEIVED, Status.PROCESSING, Status.SUPPLEMENT)
    # Open with the clock running: awaiting a supplement stops it.
    RUNNING = (Status.RECEIVED, Status.PROCESSING)
    # Handed back or refused: the retention period runs from then.
    CLOSED = (Status.RETURNED, Status.REFUSED)

    wagtail_reference_index_ignore = True

    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True, editable=False)
    procedure = models.ForeignKey(
        "services.ProcedurePage", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="dossiers"
    )
    agency = models.ForeignKey(
        "home.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="dossiers"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    applicant = models.CharField(_("người nộp"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    language = models.CharField(max_length=5, default="vi", editable=False)
    # The answers to the procedure's form as [label, value] pairs in the form's order, as they were asked.
    answers = models.JSONField(_("nội dung tờ khai"), default=list, blank=True)
    # Given to the applicant on the receipt: with the code, it opens the dossier's status page.
    secret = models.CharField(max_length=32, editable=False, default="")
    # The token of the form it was sent with: the same form sent twice makes one dossier.
    form_token = models.CharField(max_length=32, unique=True, null=True, editable=False)
    submitted_at = models.DateTimeField(_("ngày nộp"), default=timezone.now, editable=False)
    due_on = models.DateField(_("hẹn trả kết quả"), editable=False)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the result was ready or the dossier refused (on time if on or before due_on), and when it was
    # handed back or refused (the retention period counts from then).
    finished_at = models.DateTimeField(_("ngày có kết quả"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("ngày kết thúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hồ sơ trực tuyến")
        verbose_name_plural = _("hồ sơ trực tuyến")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["agency", "status", "due_on"], name="services_dossier_inbox"),
            models.Index(fields=["procedure", "status"], name="services_dossier_procedure"),
            models.Index(fields=["closed_at"], name="services_dossier_closed"),
            # The statistics count dossiers by the year they came in and the year they were finished.
            models.Index(fields=["agency", "submitted_at"], name="services_dossier_submitted"),
            models.Index(fields=["agency", "finished_at"], name="services_dossier_finished"),
        ]

    def __str__(self):
        return self.code

    def save(self, *args, **kwargs):
        if not self.secret:
            self.secret = new_security_code()
        super().save(*args, **kwargs)

    @property
    def security_code(self) -> str:
        """The security code as shown to people: a new one in groups of four ("7KQ4-M9XT-2R"); an old one (24
        case-sensitive characters of token_urlsafe, given before issue 12) as it is."""
        if SECURITY_CODE.fullmatch(self.secret):
            return "-".join(self.secret[start : start + 4] for start in range(0, len(self.secret), 4))
        return self.secret

    def security_code_matches(self, given: str) -> bool:
        """Whether `given` is this dossier's security code. A new one is read as people write it: any case, with
        spaces or hyphens anywhere. An old one is compared exactly (but for surrounding spaces), as it always was:
        its alphabet has both cases and hyphens, so folding them would weaken it, and nothing else needs changing."""
        if not self.secret:
            return False
        if SECURITY_CODE.fullmatch(self.secret):
            given = re.sub(r"[\s-]", "", given).upper()
        else:
            given = given.strip()
        return hmac.compare_digest(given.encode(), self.secret.encode())

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def deadline_state(self, today: date | None = None) -> str:
        """ "qua-han", "sap-den-han" or "" (see vietnam.workdays.deadline_state); always "" for a dossier that is
        finished or awaiting a supplement (its clock is stopped until the applicant sends it)."""
        if self.status not in self.RUNNING:
            return ""
        return deadline_state(self.due_on, DUE_SOON_WORKING_DAYS, today)

    @property
    def on_time(self) -> bool | None:
        """Whether the result came by the due date (None while the dossier is still open)."""
        if self.finished_at is None:
            return None
        return timezone.localdate(self.finished_at) <= self.due_on


class DossierFile(models.Model):
    """A file attached to a dossier: stored privately, served only through a permission check."""

    wagtail_reference_index_ignore = True

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    # Set for a file sent later, in answer to a request for a supplement (the event of its arrival).
    event = models.ForeignKey(
        "services.DossierEvent", on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    component = models.ForeignKey(
        "services.DossierComponent", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("thành phần hồ sơ"), max_length=500)
    file = models.FileField(_("tệp"), storage=private_storage, upload_to="ho-so/%Y/%m/", max_length=255)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"))

    class Meta:
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")

    def __str__(self):
        return self.name


class DossierEvent(models.Model):
    """One step of a dossier's handling: when, by whom, and what (e.g. what is missing).

    The applicant's status page shows every step but the internal notes, with its date and officer.
    """

    class Action(models.TextChoices):
        RECEIVED = "tiep-nhan", _("Tiếp nhận hồ sơ")
        ASSIGNED = "phan-cong", _("Phân công cán bộ xử lý")
        PROCESSING = "xu-ly", _("Chuyển xử lý")
        SUPPLEMENT_REQUESTED = "yeu-cau-bo-sung", _("Yêu cầu bổ sung hồ sơ")
        SUPPLEMENTED = "da-bo-sung", _("Người nộp đã bổ sung hồ sơ")
        RESULT_READY = "co-ket-qua", _("Đã có kết quả")
        RETURNED = "tra-ket-qua", _("Trả kết quả")
        REFUSED = "tu-choi", _("Từ chối giải quyết")
        NOTE = "ghi-chu", _("Ghi chú nội bộ")

    # Not shown to the applicant.
    INTERNAL = (Action.NOTE,)

    wagtail_reference_index_ignore = True

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("bước"), max_length=20, choices=Action.choices, default=Action.RECEIVED)
    # The dossier's status after this step.
    status = models.CharField(_("trạng thái"), max_length=20, choices=Dossier.Status.choices)
    at = models.DateTimeField(_("lúc"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("bước xử lý hồ sơ")
        verbose_name_plural = _("bước xử lý hồ sơ")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.dossier.code}: {self.get_action_display()}"

    @property
    def is_internal(self) -> bool:
        return self.action in self.INTERNAL


class DossierAccess(models.Model):
    """The access log of dossiers (Điều 13): who opened which dossier or file, and when.

    It keeps the dossier's code, so the log outlives the dossier: a purge is recorded here too.
    """

    class Action(models.TextChoices):
        VIEW = "xem", _("Xem hồ sơ")
        FILE = "tai-tep", _("Tải tệp")
        STATUS = "tra-cuu", _("Người nộp tra cứu")
        FAILED = "sai-ma", _("Tra cứu sai mã bảo mật")
        RECOVER = "lay-lai-ma", _("Yêu cầu gửi lại mã bảo mật")
        EXPORT = "xuat", _("Xuất danh sách")
        PURGE = "xoa", _("Xoá khi hết thời hạn lưu trữ")

    wagtail_reference_index_ignore = True

    code = models.CharField(_("mã hồ sơ"), max_length=40, db_index=True)
    dossier = models.ForeignKey(Dossier, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    agency = models.ForeignKey("home.Agency", verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người truy cập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("lúc"), default=timezone.now, db_index=True)
    action = models.CharField(_("việc"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhật ký truy cập hồ sơ")
        verbose_name_plural = _("nhật ký truy cập hồ sơ")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.code} {self.get_action_display()}"


class DossierCounter(models.Model):
    """The last dossier number given by one agency on one day (the NNNN of <code>-YYMMDD-NNNN)."""

    agency = models.ForeignKey("home.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="services_counter_agency_day")]

    def __str__(self):
        return f"{self.agency_id} {self.day}: {self.last}"


def next_code(agency, day: date) -> str:
    """The next dossier code of `agency` for `day`: one statement, so two submissions never share a number."""
    table = DossierCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (agency_id, day, last) VALUES (%s, %s, 1) "  # noqa: S608 - the model's own table
            f"ON CONFLICT (agency_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [agency.pk, day],
        )
        number = cursor.fetchone()[0]
    prefix = (agency.code or "qngai").upper()
    return f"{prefix}-{day:%y%m%d}-{number:04d}"
