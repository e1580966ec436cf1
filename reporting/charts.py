"""Server-rendered SVG bar charts of the report's tables (no script): one horizontal bar per label, the label above
its bar and the value after it, so long site names stay readable on a phone. The `<svg>` is an image with a title
and an aria-label; the table beside it holds the same numbers for screen readers."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from groundwork.reports import Chart

WIDTH = 640
ROW = 44  # a label line and a bar
BAR = 18
LABEL_SIZE = 14
BAR_COLOUR = "#1d5a8a"  # 7.5:1 on white; the text is #1a1a1a
TEXT_COLOUR = "#1a1a1a"
VALUE_ROOM = 90  # the value written after the longest bar


def chart_value(value: float, unit: str = "") -> str:
    """A value as written on a chart: 1.234 or 85,7 (Vietnamese separators), then the unit."""
    if value == int(value):
        text = f"{int(value):,}".replace(",", ".")
    else:
        text = f"{value:.1f}".replace(".", ",")
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def chart_svg(chart: Chart, chart_id: str) -> SafeString:
    """The chart as an inline `<svg>`: role="img", titled, and labelled by its title."""
    values = [value or 0 for value in chart.values]
    largest = max(values, default=0) or 1
    height = ROW * max(len(values), 1) + 8
    room = WIDTH - VALUE_ROOM
    bars = format_html_join(
        "",
        '<text x="0" y="{}" font-size="{}" fill="{}">{}</text>'
        '<rect x="0" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
        (
            (
                index * ROW + LABEL_SIZE,
                LABEL_SIZE,
                TEXT_COLOUR,
                label,
                index * ROW + LABEL_SIZE + 6,
                max(round(room * value / largest), 1),
                BAR,
                BAR_COLOUR,
                max(round(room * value / largest), 1) + 6,
                index * ROW + LABEL_SIZE + 6 + BAR - 4,
                LABEL_SIZE,
                TEXT_COLOUR,
                chart_value(value, chart.unit),
            )
            for index, (label, value) in enumerate(zip(chart.labels, values, strict=True))
        ),
    )
    summary = "; ".join(
        f"{label}: {chart_value(value, chart.unit)}" for label, value in zip(chart.labels, values, strict=True)
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {} {}" width="100%" '
        'aria-label="{}" font-family="sans-serif" class="report-chart" id="{}">'
        "<title>{}</title>{}</svg>",
        WIDTH,
        height,
        f"{chart.title}. {summary}",
        chart_id,
        chart.title,
        bars,
    )
