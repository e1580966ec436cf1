"""The demo's posting deadlines (R10): on Sở Thông tin và Truyền thông's site, a plan approved long ago that is still
a draft (overdue: it heads the BBT's dashboard) and one published after its deadline (late). Illustrative, and
marked so; a plan whose slug is already in the section is left as it is."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import Agency
from home.onboarding import Onboarding
from publications.models import PlanPage
from vietnam.workdays import add_working_days

from .publications import section_for

# (slug, title, days since approval, working days after the deadline it went live; None: still a draft)
DEADLINE_PLANS = [
    ("ke-hoach-minh-hoa-qua-han", "Kế hoạch ứng dụng trí tuệ nhân tạo năm 2026 (minh họa: quá hạn đăng)", 60, None),
    ("ke-hoach-minh-hoa-dang-cham", "Kế hoạch bảo đảm an toàn thông tin năm 2026 (minh họa: đăng chậm)", 45, 3),
]


def seed_deadlines(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The overdue and late plans on stttt's site (keyed by agency code, as seed_library's)."""
    agency = agencies.get("stttt")
    index = agency and section_for(agency, PlanPage)
    if index is None:
        return
    today = timezone.localdate()
    for slug, title, age, late_by in DEADLINE_PLANS:
        if index.get_children().filter(slug=slug).exists():
            result.note(False, f"kế hoạch minh họa thời hạn đăng: {title}")
            continue
        approved = today - timedelta(days=age)
        plan = PlanPage(
            title=title,
            slug=slug,
            locale=index.locale,
            live=False,
            kind="ke-hoach",
            period_start=today.year,
            period_end=today.year,
            status="da-phe-duyet",
            decision_number="99/KH-STTTT",
            trigger_date=approved,
            issuing_body="Sở Thông tin và Truyền thông",
            summary="Kế hoạch minh họa cho việc theo dõi thời hạn đăng tin (Điều 9.1); không phải văn bản thật.",
        )
        index.add_child(instance=plan)
        revision = plan.save_revision()
        if late_by is not None:
            revision.publish()
            went_live = add_working_days(approved, PlanPage.POSTING_LIMIT + late_by)
            moment = datetime.combine(went_live, time(9), tzinfo=timezone.get_default_timezone())
            Page.objects.filter(pk=plan.pk).update(first_published_at=moment, last_published_at=moment)
        result.note(True, f"kế hoạch minh họa thời hạn đăng: {title}")
