"""Commendations and sanctions (khen thưởng, xử lý vi phạm; Điều 8.2.c): a dated listing kept current (Điều 9.1.a),
with no posting limit of its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .base import Download, PublicationIndexPage, PublicationPage, decision


class CommendationKind(models.TextChoices):
    COMMENDATION = "khen-thuong", _("Khen thưởng")
    SANCTION = "xu-ly-vi-pham", _("Xử lý vi phạm")


class CommendationPage(PublicationPage):
    """A decision commending or sanctioning an organisation or person, as published: who, by which decision, what,
    and the decision's file."""

    DATE_FIELD = "decided_on"
    FILTERS = ("kind",)
    LIST_RELATED = ("file",)

    kind = models.CharField(_("loại"), max_length=20, choices=CommendationKind.choices)
    subject = models.CharField(
        _("tổ chức, cá nhân"),
        max_length=500,
        help_text=_("Tên tổ chức, doanh nghiệp hoặc cá nhân như trong quyết định được công bố."),
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100, help_text=_("Ví dụ: 1234/QĐ-UBND"))
    decided_on = models.DateField(_("ngày quyết định"), db_index=True)
    issuing_body = models.CharField(_("cơ quan quyết định"), max_length=255, blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decided_on")]),
                FieldPanel("issuing_body"),
                FieldPanel("file"),
            ],
            heading=_("Thông tin quyết định"),
        ),
        FieldPanel("summary"),
    ]
    search_fields = [
        *PublicationPage.search_fields,
        index.SearchField("subject"),
        index.SearchField("decision_number"),
    ]
    parent_page_types = ["publications.CommendationIndexPage"]

    class Meta:
        verbose_name = _("khen thưởng, xử lý vi phạm")
        verbose_name_plural = _("khen thưởng, xử lý vi phạm")
        indexes = [models.Index(fields=["kind", "decided_on"], name="publications_commendation_kind")]

    def facts(self):
        return [
            (_("Loại"), self.get_kind_display()),
            (_("Tổ chức, cá nhân"), self.subject),
            (_("Quyết định"), decision(self.decision_number, self.decided_on)),
            (_("Cơ quan quyết định"), self.issuing_body),
        ]

    def listed_files(self):
        return [Download(self.file.title, self.file)] if self.file_id else []


class CommendationIndexPage(PublicationIndexPage):
    """A site's commendations and sanctions (/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/)."""

    subpage_types = ["publications.CommendationPage"]
    item_model = CommendationPage

    class Meta:
        verbose_name = _("chuyên mục khen thưởng, xử lý vi phạm")
        verbose_name_plural = _("chuyên mục khen thưởng, xử lý vi phạm")
