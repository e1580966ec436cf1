"""Admin views of withdrawal (`home.withdrawal`): "Thu hồi" asks the reason and confirms; "Khôi phục" confirms.

Both are for who may publish the page (`RecordPermissionTester.can_withdraw`); anyone else gets 403. They are
reached from the page's "More" menu, the explorer's listing and the editor's action menu (home.wagtail_hooks).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .models.records import REASON_MAX_LENGTH
from .withdrawal import may_withdraw, restore, withdraw, withdrawal_of


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do thu hồi"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Công khai trên trang, ví dụ: “Văn bản đã được thay thế bởi Quyết định số …”. Tối đa 500 ký tự."),
        error_messages={
            "required": _("Hãy nêu lý do thu hồi: lý do được công khai trên trang."),
            "max_length": _("Lý do thu hồi dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason


class RecordActionView(WagtailAdminTemplateMixin, FormView):
    """The page, checked: its specific instance, and a 403 for who may not withdraw it."""

    template_name = "home/admin/withdrawal.html"
    header_icon = "warning"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not may_withdraw(self.page.permissions_for_user(request.user)):
            raise PermissionDenied
        self.withdrawal = withdrawal_of(self.page)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, withdrawal=self.withdrawal, **kwargs)

    def next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse("wagtailadmin_pages:edit", args=(self.page.pk,))


class WithdrawView(RecordActionView):
    """Withdraw a live page and its translations from every listing, with a public reason."""

    form_class = WithdrawForm
    page_title = _("Thu hồi trang")

    def form_valid(self, form):
        if self.withdrawal is None:
            withdraw(self.page, self.request.user, form.cleaned_data["reason"])
            messages.success(self.request, _("Đã thu hồi “%(title)s” khỏi mọi danh sách.") % {"title": self.page.title})
        return redirect(self.next_url())


class RestoreForm(forms.Form):
    """Nothing to fill: the button confirms."""


class RestoreView(RecordActionView):
    """Put a withdrawn page and its translations back in the listings."""

    form_class = RestoreForm
    page_title = _("Khôi phục trang")

    def form_valid(self, form):
        if self.withdrawal is not None:
            restore(self.page, self.request.user)
            messages.success(
                self.request, _("Đã khôi phục “%(title)s” vào các danh sách.") % {"title": self.page.title}
            )
        return redirect(self.next_url())
