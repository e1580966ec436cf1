"""The dashboard panel of posting deadlines (R10) for each BBT: overdue now, due this week, late last month.

Counts come first (per category and per site), then the first items of each block, each linking to its edit view,
and a link to the full listing ("Thời hạn đăng tin" in the Reports menu). Every site other than the portal is shown
as one of its sub-sites (Decree 224/2026: the portal lists and monitors them).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from vietnam.text import sort_key

from .states import OVERDUE, Block, due_this_week, last_month, late_last_month, overdue_now, rule_names, site_role

ITEMS_PER_BLOCK = 8


@dataclass
class PanelBlock:
    """One block as the panel shows it."""

    key: str
    title: str
    total: int
    lines: list[tuple[str, str, str, int, str]]  # site, portal or sub-site, category, count, its listing
    items: list
    more: int
    listing_url: str


def panel_block(key: str, title, block: Block, names: dict[str, str], agencies: dict, query: dict) -> PanelBlock:
    """The counts of `block` per site and category (sites in Vietnamese order), and its first items by due date."""
    listing = reverse("oversight_deadlines")
    lines = sorted(
        (
            (
                agencies[agency_id].name,
                site_role(agencies[agency_id]),
                names.get(code, code),
                n,
                f"{listing}?{urlencode({**query, 'trang': agency_id, 'loai': code})}",
            )
            for (agency_id, code), n in block.counts.items()
        ),
        key=lambda line: (sort_key(line[0]), line[2]),
    )
    items = sorted(block.items, key=lambda item: (item.due, item.title))[:ITEMS_PER_BLOCK]
    return PanelBlock(
        key,
        str(title),
        block.total,
        lines,
        items,
        block.total - len(items),
        f"{listing}?{urlencode(query)}",
    )


class DeadlinesPanel(Component):
    """Wagtail's home page panel; shown only to users who watch some site (oversight.access)."""

    name = "oversight_deadlines"
    order = 90
    template_name = "oversight/panel.html"

    def __init__(self, agencies):
        self.agencies = agencies

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        by_id = {agency.pk: agency for agency in self.agencies}
        names = rule_names()
        month = last_month(today)
        period = {"tu": f"{month.start:%d/%m/%Y}", "den": f"{month.end:%d/%m/%Y}"}
        blocks = [
            panel_block(
                OVERDUE,
                _("Quá hạn, chưa đăng"),
                overdue_now(self.agencies, ITEMS_PER_BLOCK, today),
                names,
                by_id,
                {"tinh-trang": OVERDUE},
            ),
            panel_block(
                "trong-tuan",
                _("Đến hạn trong tuần này"),
                due_this_week(self.agencies, ITEMS_PER_BLOCK, today),
                names,
                by_id,
                {"tinh-trang": "trong-tuan"},
            ),
            panel_block(
                "thang-truoc",
                _("Đăng chậm trong tháng %(month)s") % {"month": month.label},
                late_last_month(self.agencies, ITEMS_PER_BLOCK, today),
                names,
                by_id,
                {"tinh-trang": "tre-han", **period},
            ),
        ]
        return {"blocks": blocks, "names": names, "today": today}
