"""The public form for following sites by e-mail, and the form of the management page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groundwork.abuse import HoneypotMixin
from groundwork.forms import DescribedFieldsMixin
from home.models import Agency
from vietnam.text import nfc, sort_key

from .models import Frequency
from .sources import source_choices


class ChoicesForm(DescribedFieldsMixin, forms.Form):
    """Sites, topics and frequency; the sites in Vietnamese dictionary order of their names in the served language."""

    agencies = forms.MultipleChoiceField(
        label=_("Cơ quan, đơn vị"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bản tin liệt kê những gì mới đăng trên trang của các cơ quan, đơn vị bạn chọn."),
        error_messages={"required": _("Hãy chọn ít nhất một cơ quan, đơn vị.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("Chủ đề"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một chủ đề.")},
    )
    frequency = forms.ChoiceField(
        label=_("Nhận bản tin"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        help_text=_("Không có gì mới thì không gửi thư."),
        error_messages={"required": _("Hãy chọn nhận bản tin hằng ngày hay hằng tuần.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies_by_id = {str(agency.pk): agency for agency in Agency.objects.all()}
        names = {pk: agency.local_name for pk, agency in self.agencies_by_id.items()}
        self.fields["agencies"].choices = sorted(names.items(), key=lambda choice: sort_key(choice[1]))
        self.fields["topics"].choices = source_choices()

    def clean_agencies(self) -> list[Agency]:
        return [self.agencies_by_id[pk] for pk in self.cleaned_data["agencies"]]


class FollowForm(HoneypotMixin, ChoicesForm):
    """The visitor's address and choices; the address first."""

    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        help_text=_(
            "Địa chỉ này chỉ dùng để gửi thư xác nhận và bản tin bạn chọn, không công khai, không dùng vào việc khác; "
            "bạn xóa nó bất cứ lúc nào bằng liên kết trong mỗi thư."
        ),
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ; ví dụ: ten@example.vn."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    field_order = ["email", "agencies", "topics", "frequency"]

    def clean_email(self) -> str:
        """NFC and lower case: one address, one subscription, however it is typed."""
        return nfc(self.cleaned_data["email"]).strip().lower()
