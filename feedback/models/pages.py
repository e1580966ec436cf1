"""Questions and answers (R9), consultations (R8). The Q&A section page; the inbox comes with its issue."""

from django.utils.translation import gettext_lazy as _

from home.models.pages import SectionPage


class QuestionIndexPage(SectionPage):
    """A site's questions-and-answers section (/hoi-dap/): how to ask, and the published answers."""

    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1
    template = "feedback/question_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục hỏi đáp")
        verbose_name_plural = _("chuyên mục hỏi đáp")
