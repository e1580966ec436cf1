"""The posting limits of R10 as the code reads them: `posting_limit(code)`, from the `PostingRule` table.

The table is read once and kept in Django's cache (shared by every worker when Redis is configured); saving a rule
drops it. `RULES` is what the data migration creates and what a code falls back to if its row is missing (a
database emptied by a test, a code read before its migration ran), so a deadline is never computed without a limit.
"""

from django.core.cache import cache

from .models.posting import CACHE_KEY, PostingRule

CACHE_TIMEOUT = 60 * 60

# code: (name, English name, trigger, limit in working days). The order is the table's.
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


def posting_limits() -> dict[str, int]:
    """{code: limit in working days} of every rule, from the cache when it has them."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = {code: rule[3] for code, rule in RULES.items()}
        found.update(PostingRule.objects.values_list("code", "limit"))
        cache.set(CACHE_KEY, found, CACHE_TIMEOUT)
    return found


def posting_limit(code: str) -> int:
    """The limit, in working days, of the rule `code` (a key of RULES). Raises KeyError for an unknown code."""
    return posting_limits()[code]


class PostingLimit:
    """A class attribute whose value is the limit of its class's `POSTING_CATEGORY`, read from the table:
    `POSTING_LIMIT = PostingLimit()` reads the same on the class and on its instances."""

    def __get__(self, instance, owner) -> int:
        return posting_limit(owner.POSTING_CATEGORY)
