from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """One code: six digits from the authenticator app, or (at sign-in) a recovery code."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def __init__(self, *args, recovery_allowed=True, **kwargs):
        super().__init__(*args, **kwargs)
        if recovery_allowed:
            self.fields["code"].help_text = _("Mã 6 chữ số trong ứng dụng xác thực, hoặc một mã dự phòng.")
        else:
            self.fields["code"].help_text = _("Mã 6 chữ số mà ứng dụng xác thực hiện ra sau khi quét mã QR.")
            self.fields["code"].widget.attrs["inputmode"] = "numeric"
