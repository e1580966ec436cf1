"""The sections every site starts with (R1, R4), in menu order, with the pages under them.

`create_agency_site` makes what is missing, on a new site or an existing one (`--all` runs it for every site), and
puts each new page in its place among its siblings. Later capabilities add theirs here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A standard section: its page type, and its slug, title and one-line description in each language."""

    model: str
    slug: str
    title: str
    description: str
    slug_en: str
    title_en: str
    description_en: str
    # The pages under it, made with it (in this order).
    children: tuple["Section", ...] = ()
    # Made only on the provincial portal.
    portal_only: bool = False
    # Listed in the site's menu (top-level sections are).
    in_menu: bool = True

    def for_site(self, is_portal: bool) -> bool:
        """Whether a site of this kind has this section."""
        return is_portal or not self.portal_only


STANDARD_SECTIONS = [
    Section(
        "home.IndexPage",
        "gioi-thieu",
        "Giới thiệu",
        "Tổ chức bộ máy, lãnh đạo, điều kiện tự nhiên, lịch sử, văn hóa.",
        "introduction",
        "Introduction",
        "Organisation, leaders, geography, history and culture.",
        children=(
            Section(
                "leadership.LeaderIndexPage",
                "lanh-dao",
                "Lãnh đạo",
                "Lãnh đạo của cơ quan: tiểu sử tóm tắt, nhiệm vụ được phân công, lịch công tác.",
                "leaders",
                "Leaders",
                "The leaders: short biographies, duties and work schedules.",
            ),
        ),
    ),
    Section(
        "home.NewsIndexPage",
        "tin-tuc",
        "Tin tức",
        "Tin tức, sự kiện về hoạt động của cơ quan.",
        "news",
        "News",
        "News and events.",
    ),
    Section(
        "home.IndexPage",
        "chi-dao-dieu-hanh",
        "Chỉ đạo, điều hành",
        "Lịch công tác của lãnh đạo, văn bản chỉ đạo, điều hành, khen thưởng và xử lý vi phạm.",
        "direction-and-administration",
        "Direction and administration",
        "The leaders' work schedule, directives, commendations and sanctions.",
        children=(
            Section(
                "leadership.ScheduleIndexPage",
                "lich-cong-tac",
                "Lịch công tác",
                "Lịch công tác hằng tuần của lãnh đạo: xem theo tuần, theo từng lãnh đạo, in hoặc thêm vào lịch.",
                "work-schedule",
                "Work schedule",
                "The leaders' weekly work schedule: by week, by leader, to print or add to a calendar.",
            ),
        ),
    ),
    Section(
        "legal_documents.LegalDocumentIndexPage",
        "van-ban",
        "Văn bản",
        "Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành.",
        "legal-documents",
        "Legal documents",
        "Legal and administrative documents.",
    ),
    Section(
        "services.ProcedureIndexPage",
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Thủ tục hành chính, dịch vụ công trực tuyến: hồ sơ, thời hạn, phí, lệ phí, căn cứ pháp lý.",
        "administrative-procedures",
        "Administrative procedures",
        "Administrative procedures and online public services: dossier, time limit, fees, legal basis.",
    ),
    Section(
        "home.IndexPage",
        "quy-hoach-ke-hoach-du-an",
        "Quy hoạch, kế hoạch, dự án",
        "Chiến lược, quy hoạch, kế hoạch; dự án đầu tư, đấu thầu, mua sắm công; thống kê; khoa học, công nghệ.",
        "plans-and-projects",
        "Plans and projects",
        "Strategies and plans; investment projects, bidding and public procurement; statistics; science.",
    ),
    Section(
        "feedback.QuestionIndexPage",
        "hoi-dap",
        "Hỏi đáp",
        "Gửi câu hỏi và xem câu trả lời của cơ quan.",
        "questions-and-answers",
        "Questions and answers",
        "Ask a question and read the answers.",
    ),
    Section(
        "feedback.ConsultationIndexPage",
        "lay-y-kien",
        "Lấy ý kiến",
        "Dự thảo văn bản, chính sách đang lấy ý kiến nhân dân; báo cáo tiếp thu ý kiến.",
        "public-consultation",
        "Public consultation",
        "Drafts open for public comment, and how the comments were taken into account.",
    ),
    Section(
        "home.ContactPage",
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của cơ quan và cán bộ đầu mối.",
        "contacts",
        "Contacts",
        "Addresses, phone numbers and e-mails of the agency and its officials.",
    ),
    Section(
        "gazette.GazetteIndexPage",
        "cong-bao",
        "Công báo",
        "Công báo điện tử tỉnh Quảng Ngãi: các số công báo và văn bản đăng trong từng số.",
        "official-gazette",
        "Official Gazette",
        "The provincial Official Gazette: its issues and the documents each one carries.",
        portal_only=True,
    ),
]
