"""Wagtail's sign-in and password-reset forms (the lockout said in words, resets throttled and queued), the
administrators' unlock form, and the form of the second step's code."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import auth
from wagtail.users.models import UserProfile

from groundwork import mail
from groundwork.abuse import rate_limited

from .lockout import ACCOUNT, ADDRESS, lockout_message

RESET_WINDOW = 3600  # PASSWORD_RESETS_PER_EMAIL and PASSWORD_RESETS_PER_ADDRESS are counted per hour


class LoginForm(auth.LoginForm):
    """Wagtail's login form (its `username` and `password` fields and template); a locked-out sign-in is told so
    instead of "wrong password", whatever the name typed."""

    def get_invalid_login_error(self):
        # Axes' backend refused the attempt, or this failure reached a limit (signin.lockout).
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class PasswordResetForm(auth.PasswordResetForm):
    """Wagtail's password-reset form: at most PASSWORD_RESETS_PER_EMAIL requests an hour for one e-mail address and
    PASSWORD_RESETS_PER_ADDRESS from one client address, and the e-mail goes through the mail queue, in the
    account's admin language. A throttled request gets the same "if an account exists…" page as any other."""

    def save(self, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        # Both counted on every request (no short-circuit): one is not spared by the other being over.
        limited = [
            rate_limited(request, "password-reset", settings.PASSWORD_RESETS_PER_ADDRESS, RESET_WINDOW),
            rate_limited(request, "password-reset-email", settings.PASSWORD_RESETS_PER_EMAIL, RESET_WINDOW, email),
        ]
        if any(limited):
            return
        super().save(request=request, **kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """Queue the reset e-mail (groundwork.mail), in the admin language the account chose, else Vietnamese; never the
        language of whoever asked. Django's template names are replaced by signin/mail/password_reset."""
        user = context["user"]
        language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
        context = {
            **context,
            "base_url": settings.WAGTAILADMIN_BASE_URL,
            "portal_name": settings.WAGTAIL_SITE_NAME,
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        with override(language):
            subject = gettext("Đặt lại mật khẩu – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
        mail.send_mail(to_email, subject, "signin/mail/password_reset", context, language=language)


class UnlockForm(forms.Form):
    """Which lockout to lift: an account's (by the name typed) or a client address's."""

    kind = forms.ChoiceField(choices=[(ACCOUNT, ACCOUNT), (ADDRESS, ADDRESS)])
    value = forms.CharField(max_length=255)


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
