from wagtail import hooks

from . import consultation_admin, question_admin  # noqa: F401


@hooks.register("legal_document_petition_url")
def question_form_for_document(document, request=None) -> str | None:
    """The question form of the document's own site, with the document chosen (a petition about it, R8), or None
    when the site has no questions section."""
    from .models import QuestionIndexPage

    home_path = document.path[: document.steplen * (document.depth - 2)]
    section = QuestionIndexPage.objects.filter(path__startswith=home_path, depth=document.depth - 1).first()
    if section is None:
        return None
    return f"{section.get_url(request)}{section.reverse_subpage('ask')}?van-ban={document.pk}"
