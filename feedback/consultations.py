"""Public consultation (R8, Điều 8.2.i): the comment form, the queries behind the section and the page, and
receiving a comment.

A comment belongs to the page it was sent on; the Vietnamese page and its English translation are one
consultation, so listings and counts gather the comments of every translation (same `translation_key`).
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Case, Count, DateTimeField, F, IntegerField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from groundwork.abuse import HoneypotMixin, rate_limited
from groundwork.forms import DescribedFieldsMixin
from groundwork.paging import paginate
from home.models import Agency
from home.models.records import not_withdrawn

from .models import ConsultationComment, ConsultationPage

# A person may send this many comments from one address in this many seconds (all consultations together).
RATE_LIMIT = 5
RATE_WINDOW = 10 * 60
COMMENTS_PER_PAGE = 20
# The Django messages tag of the thank-you, so the page shows only its own message.
THANKS_TAG = "consultation-thanks"

State = ConsultationPage.State
Status = ConsultationComment.Status


class CommentForm(DescribedFieldsMixin, HoneypotMixin, forms.ModelForm):
    """A comment on a draft: who sends it (the e-mail is never published), which article, what they say."""

    class Meta:
        model = ConsultationComment
        fields = ["name", "organisation", "email", "article", "body"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "body": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "email": _("Để cơ quan liên hệ khi cần; không công khai."),
            "article": _("Ví dụ: Điều 5, khoản 2."),
            "body": _("Tối đa 10.000 ký tự. Ý kiến được công khai sau khi Ban biên tập duyệt."),
        }


# --- Queries --------------------------------------------------------------------------------------------------------


def _approved_count() -> Subquery:
    """The number of approved comments on a consultation in every language, for an annotation (one query)."""
    counts = (
        ConsultationComment.objects.filter(page__translation_key=OuterRef("translation_key"), status=Status.APPROVED)
        .order_by()
        .values("page__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def consultation_listing(index, now=None) -> QuerySet:
    """The live consultations of a section: open ones first (nearest deadline first), then upcoming ones
    (soonest first), then closed ones (latest first); each with `approved_count`."""
    now = now or timezone.now()
    upcoming, is_open = Q(opens_at__gt=now), Q(closes_at__gt=now)
    return (
        not_withdrawn(ConsultationPage.objects.child_of(index).live())
        .annotate(
            state_rank=Case(When(upcoming, then=1), When(is_open, then=0), default=2, output_field=IntegerField()),
            next_date=Case(
                When(upcoming, then=F("opens_at")), When(is_open, then=F("closes_at")), output_field=DateTimeField()
            ),
            approved_count=_approved_count(),
        )
        .order_by("state_rank", F("next_date").asc(nulls_last=True), "-closes_at", "-pk")
    )


def approved_comments(page: ConsultationPage) -> QuerySet:
    """The published comments of a consultation (in every language), oldest first."""
    return ConsultationComment.objects.filter(
        page__translation_key=page.translation_key, status=Status.APPROVED
    ).order_by("created_at", "pk")


def moderated_consultations(user) -> QuerySet:
    """The consultations whose comments `user` moderates: all for a superuser; otherwise those on the sites whose
    editorial board (the agency's moderators group) the user is in, in every language of those sites."""
    pages = ConsultationPage.objects.all()
    if not user.is_active:
        return pages.none()
    if user.is_superuser:
        return pages
    paths = _moderated_root_paths(user)
    if not paths:
        return pages.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return pages.filter(condition)


def _moderated_root_paths(user) -> tuple[str, ...]:
    """The tree paths of the home pages (every language) of the sites `user` is on the editorial board of."""
    cached = getattr(user, "_consultation_root_paths", None)
    if cached is None:
        keys = Agency.objects.filter(moderators__user=user).values("site__root_page__translation_key")
        cached = tuple(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))
        user._consultation_root_paths = cached
    return cached


def is_moderator(user) -> bool:
    """Whether `user` moderates the comments of some site (a superuser, or on some site's editorial board)."""
    return user.is_active and (user.is_superuser or bool(_moderated_root_paths(user)))


def moderated_comments(user) -> QuerySet:
    """The comments `user` may read and moderate (see `moderated_consultations`)."""
    return ConsultationComment.objects.filter(page__in=moderated_consultations(user))


def moderate(comments: QuerySet, status: str, user) -> int:
    """Give `comments` the moderation `status`, recording who and when; returns how many changed."""
    return comments.exclude(status=status).update(status=status, moderated_at=timezone.now(), moderated_by=user)


# --- The page --------------------------------------------------------------------------------------------------------


def page_context(page: ConsultationPage, request, form=None, refused=None) -> dict:
    """What the consultation page shows: its state, the published comments (paginated), the form while open,
    the thank-you after a comment, and why a comment was refused (with the text the visitor typed)."""
    state = page.state()
    thanks = [message for message in messages.get_messages(request) if THANKS_TAG in message.tags]
    if form is None and state == State.OPEN:
        form = CommentForm()
    return {
        "state": state,
        "is_open": state == State.OPEN,
        "is_upcoming": state == State.UPCOMING,
        "is_closed": state == State.CLOSED,
        "comments": paginate(request, approved_comments(page), COMMENTS_PER_PAGE),
        "form": form if state == State.OPEN else None,
        "thanks": thanks,
        "refused": refused,
    }


def receive_comment(page: ConsultationPage, request) -> dict:
    """Handle a POSTed comment. Returns {"redirect": response} once saved, else the context to render the page
    again with {"form", "refused", "status"}: the form's errors, or why it was refused (closed, too many)."""
    state = page.state()
    if state != State.OPEN:
        # Checked on the server at the moment of sending: the form closes by itself at the deadline.
        reason = _("Đã hết thời hạn góp ý.") if state == State.CLOSED else _("Chưa đến thời gian lấy ý kiến.")
        return {"refused": {"reason": reason, "text": request.POST.get("body", "")}, "status": 403}
    form = CommentForm(request.POST)
    if not form.is_valid():
        return {"form": form, "status": 200}
    if rate_limited(request, "consultation-comment", RATE_LIMIT, RATE_WINDOW):
        form.add_error(None, _("Quý vị đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
        return {"form": form, "status": 429}
    comment = form.save(commit=False)
    comment.page = page
    with transaction.atomic():
        comment.save()
    messages.success(
        request,
        _("Cảm ơn quý vị đã góp ý. Ý kiến sẽ được công khai tại đây sau khi Ban biên tập duyệt."),
        extra_tags=THANKS_TAG,
    )
    return {"redirect": redirect(f"{page.get_url(request)}#gop-y")}
