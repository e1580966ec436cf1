"""The leaders' weekly work schedule (lịch công tác, Điều 8.2.c).

Each site's "Lịch công tác" section (under "Chỉ đạo, điều hành") holds one `WeekSchedulePage` per week, so a
week passes the site's BBT as a whole, keeps its revisions and is translated like any page. The section shows the
current week (province time) with previous / next links, a leader filter, a print view and ICS feeds.

A week published again marks what changed since its previous publication: an entry that differs from the one
published before (or was added) gets `changed_at` ("điều chỉnh", shown with the time) and a higher `sequence`
(the ICS SEQUENCE, so calendar programs update the event). The comparison runs in `WeekSchedulePage.save()`, on the
save that publishes, while the database still holds the previously published rows (drafts live in revisions).
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models.pages import SectionPage
from home.models.records import PublishedRecordMixin
from home.routing import LocalizedRoutesMixin, localized_path
from leadership.forms import WeekScheduleForm
from leadership.sync import SynchronizedFieldsMixin
from leadership.weeks import monday_of, week_slug, week_title

# What an entry is made of: a published entry whose values here change is marked "điều chỉnh".
COMPARED_FIELDS = ("date", "start_time", "end_time", "content", "place", "leader_id", "attendees", "preparer")


class ScheduleIndexPage(LocalizedRoutesMixin, SectionPage):
    """A site's "Lịch công tác" section: the week asked for (this week by default) with navigation, a leader
    filter, a print view (`in-lich/`, English `print/`) and an iCalendar feed (`ics/`)."""

    parent_page_types = ["home.IndexPage"]
    subpage_types = ["leadership.WeekSchedulePage"]
    max_count_per_parent = 1
    template = "leadership/schedule_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục lịch công tác")
        verbose_name_plural = _("chuyên mục lịch công tác")

    def route_url(self, name: str, request=None) -> str:
        """The URL of route `name` in this page's language (home.routing)."""
        return self.get_url(request) + self.reverse_subpage(name)

    def get_context(self, request, *args, **kwargs):
        from leadership.queries import schedule_view

        context = Page.get_context(self, request, *args, **kwargs)
        context["schedule"] = schedule_view(self, request)
        return context

    @path("", name="index")
    def index(self, request):
        return self.render(request)

    @localized_path("in-lich/", "print/", name="print")
    def print_view(self, request):
        """The week alone, without the site's frame, for printing ("In lịch")."""
        return self.render(request, template="leadership/schedule_print.html")

    # The same in both languages; Wagtail serves no path with a dot, so not `lich.ics`.
    @path("ics/", name="ics")
    def ics(self, request):
        """The site's schedule (or one leader's) as an iCalendar feed: see leadership.ics."""
        from leadership.ics import calendar_response

        return calendar_response(self, request)


class WeekSchedulePage(SynchronizedFieldsMixin, PublishedRecordMixin, Page):
    """One week of the site's work schedule: its entries, approved by the BBT as a whole.

    The title and slug follow the week ("Tuần 49 (30/11–06/12/2026)", "2026-w49"); one page per week in a section.
    """

    week_start = models.DateField(
        _("tuần"),
        db_index=True,
        help_text=_("Chọn một ngày bất kỳ trong tuần; lịch được lưu theo thứ Hai của tuần đó."),
    )
    note = models.TextField(
        _("ghi chú"),
        blank=True,
        help_text=_("Hiện trên đầu lịch tuần, ví dụ: lịch có thể thay đổi, đầu mối liên hệ."),
    )

    content_panels = [
        FieldPanel("week_start"),
        FieldPanel("note"),
        InlinePanel("entries", label=_("lịch làm việc"), min_num=1),
    ]
    promote_panels = [FieldPanel("search_description")]
    search_fields = [*Page.search_fields, index.FilterField("week_start")]
    override_translatable_fields = [SynchronizedField("week_start")]
    synchronized_fields = ["week_start"]
    base_form_class = WeekScheduleForm
    parent_page_types = ["leadership.ScheduleIndexPage"]
    subpage_types = []
    template = "leadership/week_schedule_page.html"

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    def derive_defaults(self):
        """The week starts on a Monday; title and slug follow it, the title in the page's language."""
        if self.week_start:
            self.week_start = monday_of(self.week_start)
            language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
            self.title = week_title(self.week_start, language)
            self.draft_title = self.title
            self.slug = week_slug(self.week_start)

    def full_clean(self, *args, **kwargs):
        self.derive_defaults()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Wagtail runs instead of full_clean when saving a draft.
        self.derive_defaults()
        super().minimal_clean()

    def clean(self):
        super().clean()
        # The parent is known once the page is in the tree, or when the admin form names it (WeekScheduleForm).
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        if parent is None or not self.week_start:
            return
        clash = WeekSchedulePage.objects.child_of(parent).filter(week_start=self.week_start).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"week_start": _("Tuần này đã có lịch công tác: hãy sửa lịch đã có.")})

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.pk:
            self.mark_changes()
        return super().save(*args, **kwargs)

    def mark_changes(self) -> None:
        """Before a full save (publication): mark the entries that differ from the published ones, or are new.

        The database holds the previously published entries until this save commits the new ones; marks already
        given are carried over from there (a revision may hold older ones).
        """
        was_published = (
            WeekSchedulePage.objects.filter(pk=self.pk, last_published_at__isnull=False).values("pk").exists()
        )
        entries = list(self.entries.all())
        if not was_published:
            for entry in entries:
                entry.changed_at, entry.sequence = None, 0
            self.entries = entries
            return
        published = {entry.translation_key: entry for entry in ScheduleEntry.objects.filter(page_id=self.pk)}
        now = timezone.now()
        for entry in entries:
            before = published.get(entry.translation_key)
            if before is not None and not before.differs_from(entry):
                entry.changed_at, entry.sequence = before.changed_at, before.sequence
            elif self.live:
                entry.changed_at = now
                entry.sequence = before.sequence + 1 if before is not None else 0
        self.entries = entries  # the relation hands out copies: give it back the marked rows

    def get_context(self, request, *args, **kwargs):
        from leadership.queries import week_page_view

        context = super().get_context(request, *args, **kwargs)
        context["schedule"] = week_page_view(self, request)
        return context


class ScheduleEntry(TranslatableMixin, Orderable):
    """One item of a week: when, what, where, which leader (none for a collective item), who attends, who prepares.

    Translatable: an English week's entries share their `translation_key` with the Vietnamese ones.
    """

    page = ParentalKey(WeekSchedulePage, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.TextField(_("nội dung"), max_length=2000)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    leader = models.ForeignKey(
        "leadership.LeaderPage",
        verbose_name=_("lãnh đạo chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedule_entries",
        help_text=_("Để trống với lịch chung của tập thể lãnh đạo."),
    )
    attendees = models.TextField(_("thành phần tham dự"), max_length=1000, blank=True)
    preparer = models.CharField(_("cơ quan chuẩn bị"), max_length=255, blank=True)
    changed_at = models.DateTimeField(_("điều chỉnh lúc"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(_("số lần điều chỉnh"), default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("content"),
        FieldPanel("place"),
        PageChooserPanel("leader", "leadership.LeaderPage"),
        FieldPanel("attendees"),
        FieldPanel("preparer"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lịch làm việc")
        verbose_name_plural = _("lịch làm việc")
        indexes = [
            models.Index(fields=["page", "date", "start_time"], name="leadership_entry_page_day"),
            models.Index(fields=["leader", "date"], name="leadership_entry_leader_day"),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} {self.content[:60]}"

    def clean(self):
        super().clean()
        if self.end_time is not None and self.start_time is not None and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    def differs_from(self, other: "ScheduleEntry") -> bool:
        """Whether `other` says something else than this entry (COMPARED_FIELDS)."""
        return any(getattr(self, name) != getattr(other, name) for name in COMPARED_FIELDS)

    @property
    def starts_at(self) -> datetime:
        """The start, aware, in the province's time zone."""
        return timezone.make_aware(datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime | None:
        return timezone.make_aware(datetime.combine(self.date, self.end_time)) if self.end_time else None
