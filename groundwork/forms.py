"""What every public form shares."""

import hmac
import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# A Vietnamese or international number, spaces, dots and dashes allowed: "0905 123 456", "+84 905 123 456".
PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")


class PhoneField(forms.RegexField):
    """A phone number, with an error message that shows what is expected."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("error_messages", {"invalid": _("Số điện thoại không hợp lệ; ví dụ: 0905 123 456.")})
        super().__init__(PHONE, **kwargs)


# The dates a citizen may give: 31/12/9999 or 01/01/0001 is a slip of the keyboard (and breaks what computes with it).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


class SensibleDateField(forms.DateField):
    """A date typed as dd/mm/yyyy (or yyyy-mm-dd, as a date picker sends it) between EARLIEST_DATE and
    LATEST_DATE; with `past=True` (a birth date) not after today."""

    def __init__(self, *, past: bool = False, **kwargs):
        kwargs.setdefault("input_formats", ["%d/%m/%Y", "%Y-%m-%d"])
        kwargs.setdefault("widget", forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}))
        super().__init__(**kwargs)
        self.past = past

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if self.past and not EARLIEST_DATE <= value <= timezone.localdate():
            raise ValidationError(
                gettext("Ngày phải trong khoảng từ %(earliest)s đến hôm nay (%(today)s).")
                % {"earliest": f"{EARLIEST_DATE:%d/%m/%Y}", "today": f"{timezone.localdate():%d/%m/%Y}"},
                code="out_of_range",
            )
        if not EARLIEST_DATE <= value <= LATEST_DATE:
            raise ValidationError(
                gettext("Ngày phải trong khoảng từ %(earliest)s đến %(latest)s.")
                % {"earliest": f"{EARLIEST_DATE:%d/%m/%Y}", "latest": f"{LATEST_DATE:%d/%m/%Y}"},
                code="out_of_range",
            )


def normalise_phone(value: str) -> str:
    """Digits only, with a leading 0 for +84 ("+84 905 123 456" → "0905123456"), to compare numbers."""
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+84") or (digits.startswith("84") and len(digits) == 11):
        digits = "0" + digits[2:]
    return digits


def matches_contact(given: str, email: str, phone: str) -> bool:
    """Whether `given` is the email (any case) or the phone (any formatting) a citizen gave with a submission:
    what, with its code, opens a question's status page, or has a dossier's security code sent again. Compared in
    constant time."""
    given = given.strip()
    if "@" in given:
        email = email.strip().lower()
        return bool(email) and hmac.compare_digest(given.lower().encode(), email.encode())
    given_phone = normalise_phone(given)
    return bool(given_phone and phone) and hmac.compare_digest(given_phone.encode(), normalise_phone(phone).encode())


class DescribedFieldsMixin:
    """Ties each field's hint and errors to its input with aria-describedby (WCAG 1.3.1, 3.3.1), by the ids
    components/form_field.html gives them.

    And since a browser never shows a chosen file again, a form sent back with errors asks for each file it was
    sent again, at the file's field (and so in the error summary): otherwise the file silently disappears. A file
    with an error of its own (its type, its size) shows that error instead.
    """

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            self.ask_for_files_again()
        for name, field in self.fields.items():
            described_by = []
            if field.help_text:
                described_by.append(f"{self[name].auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{self[name].auto_id}_errors")
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def ask_for_files_again(self) -> None:
        for name, field in self.fields.items():
            chosen = [upload.name for upload in self.files.getlist(self.add_prefix(name))]
            if isinstance(field, forms.FileField) and chosen and name not in self.errors:
                self.add_error(
                    name,
                    gettext("Vui lòng chọn lại tệp %(names)s: khi biểu mẫu có lỗi, tệp đã chọn không được giữ lại.")
                    % {"names": ", ".join(f"“{chosen_name}”" for chosen_name in chosen)},
                )
