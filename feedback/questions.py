"""The public side of questions and answers (R9): asking, following a question by its code, rating its published
answer (Decree 224/2026), reading answers."""

import time
from types import SimpleNamespace

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from documents.models import LegalDocumentPage, LegalField
from groundwork.abuse import HoneypotMixin
from groundwork.forms import PHONE, DescribedFieldsMixin, matches_contact
from groundwork.ratings import RatingPanel, is_rating_post, rating_panel
from groundwork.uploads import upload_problem
from vietnam.text import search_words

from .models import Question, QuestionRating
from .models.questions import MAX_ATTACHMENT_SIZE

PAGE_SIZE = 20
# What an attachment may be, by extension: checked by content too (groundwork.uploads).
ATTACHMENT_TYPES = {"pdf", "jpg", "jpeg", "png"}


class QuestionForm(DescribedFieldsMixin, HoneypotMixin, forms.ModelForm):
    """A citizen's question or petition: validated on the server, in the visitor's language."""

    class Meta:
        model = Question
        fields = ["kind", "name", "email", "phone", "publish_name", "legal_field", "title", "body", "attachment"]
        widgets = {
            "kind": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 8}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {
            "email": _("Để nhận mã tra cứu và câu trả lời qua thư. Không công khai."),
            "phone": _("Không công khai."),
            "attachment": _("Không bắt buộc: tệp PDF hoặc ảnh JPG, PNG, tối đa 10 MB."),
            "publish_name": _("Khi công khai câu trả lời, họ tên của bạn được hiển thị; nếu không, chỉ hiện câu hỏi."),
        }

    def __init__(self, *args, document: LegalDocumentPage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.fields["legal_field"].queryset = LegalField.objects.all()
        self.fields["legal_field"].label_from_instance = lambda item: item.local_name
        self.fields["kind"].initial = Question.Kind.PETITION if document else Question.Kind.QUESTION

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Số điện thoại không hợp lệ; ví dụ: 0905 123 456."))
        return phone

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        problem = upload_problem(upload, ATTACHMENT_TYPES, MAX_ATTACHMENT_SIZE)
        if problem:
            raise ValidationError(problem)
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("email") and not cleaned_data.get("phone") and not self.errors.get("phone"):
            raise ValidationError(_("Hãy cho biết thư điện tử hoặc số điện thoại để cơ quan trả lời bạn."))
        return cleaned_data

    def build(self, agency) -> Question:
        """The question as sent to `agency`'s site, not saved yet (handling.receive saves it)."""
        question = super().save(commit=False)
        question.agency = agency
        question.language = get_language() or "vi"
        if question.kind == Question.Kind.PETITION:
            question.document = self.document
        return question


class LookupForm(DescribedFieldsMixin, forms.Form):
    """Following a question: its code and the email or phone given with it."""

    code = forms.CharField(label=_("Mã tra cứu"), max_length=20)
    contact = forms.CharField(label=_("Thư điện tử hoặc số điện thoại đã khai"), max_length=254)

    def find(self, agency) -> Question | None:
        """The question, if the code exists on this site and the contact matches it; None otherwise."""
        code = self.cleaned_data["code"].strip().upper()
        contact = self.cleaned_data["contact"].strip()
        question = Question.objects.filter(agency=agency, code=code).first()
        return question if question is not None and matches_contact(contact, question.email, question.phone) else None


def remember_found(request, question: Question) -> None:
    """Keep the question found with its code and contact open to this session for a while (to rate its answer)."""
    from .models.pages import FOUND_SESSION_KEY

    request.session.cycle_key()  # a new session key: the access must not pass to a planted cookie
    request.session[FOUND_SESSION_KEY] = [question.pk, int(time.time())]


def found_question(request, agency) -> Question | None:
    """The question this session found on `agency`'s site in the last FOUND_SECONDS, if any."""
    from .models.pages import FOUND_SECONDS, FOUND_SESSION_KEY

    found = request.session.get(FOUND_SESSION_KEY)
    if not (isinstance(found, list) and len(found) == 2 and found[1] >= time.time() - FOUND_SECONDS):
        return None
    return Question.objects.filter(agency=agency, pk=found[0]).select_related("rating").first()


def rating_of(request, question: Question) -> RatingPanel | None:
    """The rating part of a question's lookup (groundwork.ratings): offered once its answer is published, a rating
    posted to it saved once per code; None (nothing shown) before, and a rating posted then refused."""
    if question.status != Question.Status.PUBLISHED:
        if is_rating_post(request):
            refused = gettext("Câu hỏi chỉ được đánh giá khi câu trả lời đã được công khai.")
            return RatingPanel(None, refused=refused, status=409)
        return None
    return rating_panel(
        request,
        QuestionRating,
        getattr(question, "rating", None),
        of_answer=True,
        code=question.code,
        question_id=question.pk,
        agency_id=question.agency_id,
    )


def published_questions(agency, *, portal_wide: bool, query: str = "", legal_field: LegalField | None = None):
    """Published questions of `agency` (on the portal: every site's), newest first, optionally searched.

    Returns a queryset, or with words in `query` the search backend's results (Question.folded_text has every
    word, diacritics ignored) in the same order; both are paged by the database.
    """
    questions = Question.objects.filter(status=Question.Status.PUBLISHED)
    if not portal_wide:
        questions = questions.filter(agency=agency)
    if legal_field is not None:
        questions = questions.filter(legal_field=legal_field)
    questions = questions.select_related("agency", "legal_field").order_by("-published_at", "-id")
    words = search_words(query)
    if words:
        return get_search_backend().search(" ".join(words), questions, operator="and", order_by_relevance=False)
    return questions


def field_filter(value: str) -> LegalField | None:
    return LegalField.objects.filter(slug=value).first() if value else None


def document_for_petition(value: str) -> LegalDocumentPage | None:
    """The live document a petition is about, from the ?van-ban=<id> of a document page's link."""
    if not value.isdigit():
        return None
    return LegalDocumentPage.objects.live().public().filter(pk=int(value)).first()


def search_entries(question: Question) -> list[SimpleNamespace]:
    """What the site search (finder) shows of a published question: one entry on its site, in Vietnamese (the
    language of the answer), and in English too when it was asked from the English pages; none if unpublished.

    Shaped as finder.sources.ItemEntry (feedback does not import finder; see the `finder` package)."""
    from .models import QuestionIndexPage

    if question.status != Question.Status.PUBLISHED:
        return []
    home = question.agency.site.root_page
    languages = ["vi", "en"] if question.language == "en" else ["vi"]
    sections = QuestionIndexPage.objects.live().filter(
        translation_key__in=QuestionIndexPage.objects.child_of(home).values("translation_key"),
        locale__language_code__in=languages,
    )
    entries = []
    for section in sections.select_related("locale"):
        parts = section.get_url_parts()
        if parts is None:
            continue
        entries.append(
            SimpleNamespace(
                site=question.agency.site,
                language=section.locale.language_code,
                title=question.title,
                url_path=parts[2] + section.reverse_subpage("answer", args=(question.pk,)).lstrip("/"),
                date=question.published_at or question.received_at,
                summary=Truncator(question.body).words(40),
                text=f"{question.body} {question.answer}",
            )
        )
    return entries


def published_for_search():
    """Every published question with what search_entries() reads (for rebuilding the site search)."""
    return Question.objects.filter(status=Question.Status.PUBLISHED).select_related("agency__site__root_page")
