"""The questions-and-answers section of each site (/hoi-dap/): asking, following, reading the answers."""

import time

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import path
from wagtail.models import Site

from home.models.pages import SectionPage
from home.routing import LocalizedRoutesMixin, localized_path

# Public form limits per visitor (IP address): questions sent, and lookups of a code (which guessing needs).
ASK_LIMIT = (5, 3600)
LOOKUP_LIMIT = (20, 600)
RECEIPT_SESSION_KEY = "feedback:receipt"
# A receipt not shown within this many seconds of the question is not shown any more (a shared computer).
RECEIPT_SECONDS = 15 * 60
# The question this session last found with its code and contact, as [id, when]: its rating form posts back to the
# lookup without the contact again, for a while (a shared computer must not keep it open for the next visitor).
FOUND_SESSION_KEY = "feedback:found"
FOUND_SECONDS = 2 * 3600


class QuestionIndexPage(LocalizedRoutesMixin, SectionPage):
    """A site's questions-and-answers section (/hoi-dap/).

    /hoi-dap/ lists the published answers (on the portal: every site's), searchable without diacritics and
    by field; /hoi-dap/gui-cau-hoi/ takes a question or a petition; /hoi-dap/tra-cuu/ shows one to whoever has
    its code and the email or phone given with it, and once its answer is published, the form to rate it (posted
    back there, in the session that found it; Decree 224/2026, groundwork.ratings); /hoi-dap/<id>/ is one
    published answer.
    """

    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1
    template = "feedback/question_index_page.html"

    class Meta:
        verbose_name = gettext_lazy("chuyên mục hỏi đáp")
        verbose_name_plural = gettext_lazy("chuyên mục hỏi đáp")

    def agency(self, request):
        site = Site.find_for_request(request)
        agency = getattr(site, "agency", None)
        if agency is None:
            raise Http404
        return agency

    @path("")
    def answers(self, request):
        from feedback.questions import PAGE_SIZE, field_filter, published_questions
        from groundwork.paging import paginate

        agency = self.agency(request)
        query = request.GET.get("q", "").strip()[:200]
        legal_field = field_filter(request.GET.get("linh-vuc", ""))
        questions = published_questions(agency, portal_wide=agency.is_portal, query=query, legal_field=legal_field)
        context = self.get_context(request)
        context.update(
            questions=paginate(request, questions, PAGE_SIZE),
            query=query,
            legal_field=legal_field,
            legal_fields=_used_fields(),
            portal_wide=agency.is_portal,
        )
        return TemplateResponse(request, self.template, context)

    @localized_path("gui-cau-hoi/", "ask/", name="ask")
    def ask(self, request):
        from feedback.handling import receive
        from feedback.questions import QuestionForm, document_for_petition
        from groundwork.abuse import rate_limited

        request.sensitive_post_parameters = "__ALL__"  # an error report never carries a citizen's data
        agency = self.agency(request)
        document = document_for_petition(request.GET.get("van-ban", "") or request.POST.get("van-ban", ""))
        form = QuestionForm(request.POST or None, request.FILES or None, document=document)
        if request.method == "POST" and form.is_valid():
            if rate_limited(request, "ask", *ASK_LIMIT):
                form.add_error(None, _("Bạn đã gửi nhiều câu hỏi trong thời gian ngắn; hãy thử lại sau."))
            else:
                question = receive(form.build(agency))
                request.session[RECEIPT_SESSION_KEY] = {"page": self.pk, "code": question.code, "at": int(time.time())}
                return redirect(self.get_url(request) + self.reverse_subpage("receipt"))
        context = self.get_context(request)
        context.update(form=form, document=document)
        return TemplateResponse(request, "feedback/question_ask.html", context, status=400 if form.errors else 200)

    @localized_path("da-gui/", "sent/", name="receipt")
    def receipt(self, request):
        """The code of the question just sent in this session to this section, shown once (then forgotten), never
        cached; otherwise where to find it."""
        pending = request.session.get(RECEIPT_SESSION_KEY)
        context = self.get_context(request)
        if isinstance(pending, dict) and pending.get("page") == self.pk:
            del request.session[RECEIPT_SESSION_KEY]
            if pending["at"] >= time.time() - RECEIPT_SECONDS:
                context["code"] = pending["code"]
        response = TemplateResponse(request, "feedback/question_receipt.html", context)
        add_never_cache_headers(response)
        return response

    @localized_path("tra-cuu/", "track/", name="lookup")
    def lookup(self, request):
        from feedback.questions import LookupForm, found_question, rating_of, remember_found
        from groundwork.abuse import rate_limited
        from groundwork.ratings import is_rating_post

        request.sensitive_post_parameters = "__ALL__"  # an error report never carries a citizen's data
        agency = self.agency(request)
        question, status, refused = None, 200, ""
        if is_rating_post(request):
            form = LookupForm()
            question = found_question(request, agency)
            if question is None:
                refused = _("Hãy tra cứu lại câu hỏi bằng mã và thông tin liên hệ trước khi đánh giá.")
                status = 400
        else:
            form = LookupForm(request.POST or None)
            if request.method == "POST" and form.is_valid():
                if rate_limited(request, "lookup", *LOOKUP_LIMIT):
                    form.add_error(None, _("Bạn đã tra cứu nhiều lần trong thời gian ngắn; hãy thử lại sau."))
                else:
                    question = form.find(agency)
                    if question is None:
                        # The same answer whether the code exists or not.
                        form.add_error(None, _("Không tìm thấy câu hỏi với mã và thông tin liên hệ này."))
                    else:
                        remember_found(request, question)
        context = self.get_context(request)
        context.update(form=form, question=question, refused=refused)
        if question is not None:
            context["events"] = question.events.exclude(action="ghi-chu").select_related("actor")
            context["rating"] = rating_of(request, question)
            if context["rating"] is not None:
                status = context["rating"].status
        response = TemplateResponse(request, "feedback/question_lookup.html", context, status=status)
        add_never_cache_headers(response)
        return response

    @path("<int:pk>/", name="answer")
    def answer(self, request, pk):
        from feedback.models import Question

        agency = self.agency(request)
        questions = Question.objects.filter(status=Question.Status.PUBLISHED).select_related("agency", "legal_field")
        if not agency.is_portal:
            questions = questions.filter(agency=agency)
        question = questions.filter(pk=pk).first()
        if question is None:
            raise Http404
        context = self.get_context(request)
        context["question"] = question
        return TemplateResponse(request, "feedback/question_answer.html", context)


def _used_fields():
    from documents.models import LegalField

    return LegalField.objects.filter(pk__in=_published_field_ids()).order_by("sort_order", "name")


def _published_field_ids():
    from feedback.models import Question

    return Question.objects.filter(status=Question.Status.PUBLISHED, legal_field__isnull=False).values("legal_field_id")
