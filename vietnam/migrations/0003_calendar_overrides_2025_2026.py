"""The government's 2025 and 2026 decisions on days off and make-up days that `holidays` 0.109 lacks.

Every decision for state agencies in those years, and where the calendar gets it from:

2025, Thông báo số 6150/TB-BLĐTBXH ngày 03/12/2024 của Bộ Lao động - Thương binh và Xã hội, after
Công văn số 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ:
- Tết Ất Tỵ 25/01–02/02/2025, the weekdays being 27–31/01: in `holidays`.
- 30/4–1/5: Friday 02/05/2025 off, worked on Saturday 26/04/2025: in `holidays` (the Saturday
  in its `weekend_workdays`).
- Quốc khánh 30/08–02/09/2025, the weekdays being 01–02/09: in `holidays`.

2026, Thông báo số 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ, after Công văn số 9859/VPCP-KGVX
ngày 13/10/2025 của Văn phòng Chính phủ:
- Tết Bính Ngọ 14/02–22/02/2026, the weekdays being 16–20/02: in `holidays`.
- Quốc khánh 29/08–02/09/2026: Monday 31/08/2026 off, worked on Saturday 22/08/2026: in
  `holidays` (the Saturday in its `weekend_workdays`).

2026, Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Phó Thủ tướng Phạm Thị
Thanh Trà agreeing to Bộ Nội vụ's proposal): Tết Dương lịch 01–04/01/2026, Friday 02/01/2026 off,
worked on Saturday 10/01/2026. Not in `holidays`: shipped here.
"""

from django.core.cache import cache
from django.db import migrations

DECISION_2026_NEW_YEAR = "Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
SOURCE_2026_NEW_YEAR = "https://vietnamnews.vn/society/1732658/government-approves-four-day-new-year-holiday.html"

ROWS = [
    {
        "date": "2026-01-02",
        "kind": "day_off",
        "name": "Nghỉ Tết Dương lịch 2026 (hoán đổi, làm bù thứ Bảy 10/01/2026)",
        "decision": DECISION_2026_NEW_YEAR,
        "source_url": SOURCE_2026_NEW_YEAR,
    },
    {
        "date": "2026-01-10",
        "kind": "working_day",
        "name": "Làm bù cho ngày nghỉ Tết Dương lịch thứ Sáu 02/01/2026",
        "decision": DECISION_2026_NEW_YEAR,
        "source_url": SOURCE_2026_NEW_YEAR,
    },
]


def forget_cached(years):
    # Historical models send no signal `vietnam.models` listens to; the key is vietnam.workdays.CACHE_KEY.
    cache.delete_many([f"vietnam:calendar-overrides:{year}" for year in years])


def add_decisions(apps, schema_editor):
    CalendarOverride = apps.get_model("vietnam", "CalendarOverride")
    # A row an administrator entered first for the same date is kept.
    CalendarOverride.objects.bulk_create([CalendarOverride(**row) for row in ROWS], ignore_conflicts=True)
    forget_cached({2026})


def remove_decisions(apps, schema_editor):
    CalendarOverride = apps.get_model("vietnam", "CalendarOverride")
    for row in ROWS:
        CalendarOverride.objects.filter(date=row["date"], decision=row["decision"]).delete()
    forget_cached({2026})


class Migration(migrations.Migration):
    dependencies = [("vietnam", "0002_calendar_override")]
    operations = [migrations.RunPython(add_decisions, remove_decisions)]
