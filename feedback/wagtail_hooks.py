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
