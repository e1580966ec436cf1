"""The files of projects and notices (decisions, bidding documents, results), each with a title to show."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

from .pages import NoticePage, ProjectPage


class AttachedFile(TranslatableMixin, Orderable):
    """A file to download and its title; translatable, so the English page shows the same file under an English
    title. Abstract: each page type has its own table."""

    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống để dùng tên của tệp.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class ProjectFile(AttachedFile):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="files")

    class Meta(AttachedFile.Meta):
        abstract = False


class NoticeFile(AttachedFile):
    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="files")

    class Meta(AttachedFile.Meta):
        abstract = False
