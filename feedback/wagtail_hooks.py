"""Everything the feedback app adds to Wagtail's admin, registered here only (as Wagtail's contrib apps do).

The questions inbox with the units answering them, and the moderation of consultation comments. Views, forms,
filters and permission policies live in `feedback/admin/`; importing them registers nothing.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.permissions import CommentPermissionPolicy, QuestionPermissionPolicy
from .admin.views.consultations import ApproveBulkAction, CommentViewSet, RejectBulkAction
from .admin.views.questions import QuestionViewSet, UnitViewSet
from .models import ConsultationComment, Question

register_permission_policy(Question, QuestionPermissionPolicy(Question))
register_permission_policy(ConsultationComment, CommentPermissionPolicy(ConsultationComment))


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet("feedback_questions", url_prefix="hoi-dap")


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return UnitViewSet("feedback_units", url_prefix="don-vi-tra-loi")


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("consultation-comments")


hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)


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


@hooks.register("register_site_search_items")
def register_questions_for_site_search(register):
    """Published questions and answers in the site search (the `finder` package's registration API)."""
    from django.utils.translation import gettext_lazy

    from .questions import published_for_search, search_entries

    register(
        Question,
        kind="hoi-dap",
        label=gettext_lazy("Hỏi đáp"),
        items=published_for_search,
        describe=search_entries,
    )
