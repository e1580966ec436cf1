"""The admin form of a gazette issue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.change_notes import RecordPageForm


class GazetteIssueForm(RecordPageForm):
    """An issue's editor: title and slug may be left blank (the model derives them from number and year),
    and a document may appear only once in an issue."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, example in (("title", "Công báo số 15 năm 2025"), ("slug", "so-15-nam-2025")):
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = _("Để trống để tự đặt theo số và năm, ví dụ: %s") % example
        if self.parent_page is not None and not self.instance.path:
            # A new page has no parent yet; naming it lets the model's clean check the number against its siblings.
            self.instance._cached_parent_obj = self.parent_page

    def clean(self):
        cleaned_data = super().clean()
        entries = self.formsets.get("entries")
        if entries is not None:
            seen = set()
            for form in entries.forms:
                document = form.cleaned_data.get("document") if hasattr(form, "cleaned_data") else None
                if document is None or form.cleaned_data.get("DELETE"):
                    continue
                if document.pk in seen:
                    form.add_error("document", forms.ValidationError(_("Văn bản này đã có trong số công báo.")))
                seen.add(document.pk)
        return cleaned_data
