"""Page-editor POSTs that lack what the editor's own form always sends: a bad request (400), not a server error.

Wagtail reads a StreamField's `<name>-count` and each block's `-type` with `data[key]` and a rich text field with
`json.loads`: a POST without them (a script, a truncated request) raised KeyError or ValueError, a 500. An InlinePanel
without its management form was answered with the editor and an error no field shows. Reading every field of the page
type's own form first, in the editor's before-create and before-edit hooks, covers every page type and nested block.
"""

from django.core.exceptions import BadRequest
from django.forms import Form

# Wagtail drops the comments formset itself when its management form is missing (WagtailAdminPageForm.is_valid).
OPTIONAL_FORMSETS = {"comments"}


def check_page_form_data(request, page, parent_page) -> None:
    """Raise BadRequest if `request`'s POST cannot be read by the editor's form of `page` (unsaved when new).

    Nothing is saved or changed: the form is built from the data only to read it, as Wagtail will right after.
    """
    if request.method != "POST":
        return
    form_class = page.get_edit_handler().get_form_class()
    _read_all(form_class(request.POST, request.FILES, instance=page, parent_page=parent_page, for_user=request.user))


def _read_all(form: Form) -> None:
    try:
        for bound_field in form:
            bound_field.data  # noqa: B018 - reading the field's data from the POST is the check
    except (KeyError, ValueError) as error:
        raise BadRequest("The page editor's form data is incomplete") from error
    for name, formset in getattr(form, "formsets", {}).items():
        if name in OPTIONAL_FORMSETS:
            continue
        if not formset.management_form.is_valid():
            raise BadRequest("The page editor's form data lacks a management form")
        for child in formset.forms:
            _read_all(child)
