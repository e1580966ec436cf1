"""The rules of R10 (Điều 9.1), one row per category; names and limits are the administrators' to change later."""

from django.db import migrations

RULES = {
    "dissemination": (
        "Phổ biến, giáo dục pháp luật",
        "Legal dissemination and guidance",
        "Sau khi chính sách được ban hành",
        15,
    ),
    "legal-issuer": (
        "Văn bản quy phạm pháp luật, trên trang của cơ quan ban hành",
        "Legal documents, on the issuing authority's site",
        "Sau ngày ban hành",
        2,
    ),
    "legal-others": (
        "Văn bản quy phạm pháp luật, trên trang của cơ quan liên quan",
        "Legal documents, on the sites of the agencies concerned",
        "Sau ngày ban hành",
        10,
    ),
    "plans": (
        "Chiến lược, định hướng, quy hoạch, kế hoạch",
        "Strategies, orientations, master plans, plans",
        "Sau khi được phê duyệt",
        10,
    ),
    "procurement": (
        "Dự án, hạng mục đầu tư, đấu thầu, mua sắm công",
        "Projects, investment items, bidding and public procurement",
        "Sau khi được phê duyệt",
        10,
    ),
    "questions": ("Hỏi đáp, trả lời câu hỏi", "Questions and answers", "Sau ngày nhận câu hỏi", 15),
    "science": (
        "Chương trình, đề tài khoa học",
        "Science and technology programmes",
        "Sau khi được phê duyệt hoặc nghiệm thu",
        20,
    ),
    "statistics": ("Thông tin thống kê", "Statistics", "Sau khi có quyết định công bố", 10),
    "english": (
        "Thông tin bằng tiếng Anh",
        "Information in English",
        "Khi thông tin tiếng Việt thay đổi (0: cập nhật ngay)",
        0,
    ),
}


def add_rules(apps, schema_editor):
    """Create the rules that are missing (run again by the tests after a flush: idempotent)."""
    PostingRule = apps.get_model("home", "PostingRule")
    for order, (code, (name, name_en, trigger, limit)) in enumerate(RULES.items()):
        PostingRule.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "trigger": trigger, "limit": limit, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0007_posting_rules")]

    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
