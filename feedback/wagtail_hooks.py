"""Everything the feedback app adds to Wagtail's admin, registered here only (as Wagtail's contrib apps do).

The questions inbox with the units answering them, the moderation of consultation comments, the askers' ratings of
the answers (Reports menu) and their section of the periodic operations report (groundwork.reports). Views, forms,
filters and permission policies live in `feedback/admin/`; importing them registers nothing.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from groundwork.ratings import rating_report

from .admin.permissions import (
    CommentPermissionPolicy,
    QuestionPermissionPolicy,
    QuestionRatingPermissionPolicy,
    rating_agencies,
)
from .admin.views.consultations import ApproveBulkAction, CommentViewSet, RejectBulkAction
from .admin.views.questions import QuestionViewSet, UnitViewSet
from .admin.views.ratings import QuestionRatingViewSet
from .models import ConsultationComment, Question, QuestionRating

register_permission_policy(Question, QuestionPermissionPolicy(Question))
register_permission_policy(QuestionRating, QuestionRatingPermissionPolicy(QuestionRating))
register_permission_policy(ConsultationComment, CommentPermissionPolicy(ConsultationComment))


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet("feedback_questions", url_prefix="hoi-dap")


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return UnitViewSet("feedback_units", url_prefix="don-vi-tra-loi")


@hooks.register("register_admin_viewset")
def register_rating_viewset():
    return QuestionRatingViewSet("feedback_ratings", url_prefix="danh-gia-cau-tra-loi")


class RatingMenuItem(MenuItem):
    """Shown to those who may read some agency's ratings (rating_agencies)."""

    def is_shown(self, request):
        return rating_agencies(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_rating_menu_item():
    return RatingMenuItem(_("Đánh giá câu trả lời"), reverse("feedback_ratings:index"), icon_name="pick", order=730)


@hooks.register("register_report_sections")
def answer_rating_sections(period, agencies):
    """The operations report's table of askers' ratings of the published answers in `period`, per site of
    `agencies` (count, average, share satisfied), with a chart of the share satisfied. One query."""
    return [
        rating_report(
            QuestionRating.objects.all(),
            period,
            agencies,
            key="danh-gia-cau-tra-loi",
            title=_("Đánh giá của người dân về câu trả lời"),
        )
    ]


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
