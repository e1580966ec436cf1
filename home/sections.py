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
    # The short labels of the menu (SectionPage.menu_title), so that it fits one row; blank: the title.
    menu_title: str = ""
    menu_title_en: str = ""

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
                "organisation.OrganisationPage",
                "co-cau-to-chuc",
                "Cơ cấu tổ chức",
                "Các phòng, ban, đơn vị trực thuộc: chức năng, nhiệm vụ, người đứng đầu, địa chỉ, điện thoại.",
                "organisation",
                "Organisation",
                "The units of the agency: functions and duties, heads, addresses, phone numbers.",
            ),
            Section(
                "leadership.LeaderIndexPage",
                "lanh-dao",
                "Lãnh đạo",
                "Lãnh đạo của cơ quan: tiểu sử tóm tắt, nhiệm vụ được phân công, lịch công tác.",
                "leaders",
                "Leaders",
                "The leaders: short biographies, duties and work schedules.",
            ),
            Section(
                "territory.HeritageIndexPage",
                "lich-su-van-hoa",
                "Lịch sử, văn hóa, di tích, danh thắng",
                "Lịch sử hình thành, văn hóa, di tích và danh lam thắng cảnh.",
                "history-and-culture",
                "History and culture",
                "History, culture, relics and scenic spots.",
            ),
            Section(
                "territory.AdministrativeMapPage",
                "ban-do-hanh-chinh",
                "Bản đồ hành chính",
                "96 xã, phường, đặc khu của tỉnh sau sắp xếp năm 2025: mã số, loại, đơn vị cũ hợp thành, trang "
                "thông tin điện tử.",
                "administrative-map",
                "Administrative map",
                "The province's 96 communes, wards and special zone since 2025: codes, kinds, former units, websites.",
                portal_only=True,
            ),
            Section(
                "operations.SubsiteIndexPage",
                "cong-thanh-phan",
                "Cổng thành phần",
                "Trang thông tin điện tử của các sở, ban, ngành và xã, phường: địa chỉ, ngày cập nhật, tình trạng.",
                "sub-sites",
                "Sub-sites",
                "The websites of the province's departments, communes and wards: addresses, last updates, status.",
                portal_only=True,
            ),
        ),
        menu_title="Giới thiệu",
        menu_title_en="About",
    ),
    Section(
        "home.NewsIndexPage",
        "tin-tuc",
        "Tin tức",
        "Tin tức, sự kiện về hoạt động của cơ quan.",
        "news",
        "News",
        "News and events.",
        menu_title="Tin tức",
        menu_title_en="News",
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
            Section(
                "legal_documents.DirectiveIndexPage",
                "van-ban-chi-dao-dieu-hanh",
                "Văn bản chỉ đạo, điều hành",
                "Chỉ thị, công văn chỉ đạo, thông báo kết luận của lãnh đạo cơ quan.",
                "directives",
                "Directives",
                "Directives, instructions and conclusions issued by the agency's leaders.",
            ),
            Section(
                "publications.CommendationIndexPage",
                "khen-thuong-xu-ly-vi-pham",
                "Khen thưởng, xử lý vi phạm",
                "Quyết định khen thưởng và xử lý vi phạm đối với tổ chức, cá nhân.",
                "commendations-and-sanctions",
                "Commendations and sanctions",
                "Decisions commending or sanctioning organisations and individuals.",
            ),
        ),
        menu_title="Chỉ đạo, điều hành",
        menu_title_en="Direction",
    ),
    Section(
        "legal_documents.LegalDocumentIndexPage",
        "van-ban",
        "Văn bản",
        "Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành.",
        "legal-documents",
        "Legal documents",
        "Legal and administrative documents.",
        children=(
            Section(
                "publications.GuidanceIndexPage",
                "pho-bien-giao-duc-phap-luat",
                "Phổ biến, giáo dục pháp luật",
                "Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách thuộc lĩnh vực của cơ quan.",
                "legal-dissemination",
                "Legal dissemination",
                "Explaining the laws, regimes and policies in the agency's remit, and how to apply them.",
            ),
        ),
        menu_title="Văn bản",
        menu_title_en="Documents",
    ),
    Section(
        "services.ProcedureIndexPage",
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính",
        "Thủ tục hành chính, dịch vụ công trực tuyến: hồ sơ, thời hạn, phí, lệ phí, căn cứ pháp lý.",
        "administrative-procedures",
        "Administrative procedures",
        "Administrative procedures and online public services: dossier, time limit, fees, legal basis.",
        menu_title="Thủ tục",
        menu_title_en="Procedures",
    ),
    Section(
        "home.IndexPage",
        "quy-hoach-ke-hoach-du-an",
        "Quy hoạch, kế hoạch, dự án",
        "Chiến lược, quy hoạch, kế hoạch; dự án đầu tư, đấu thầu, mua sắm công; thống kê; khoa học, công nghệ.",
        "plans-and-projects",
        "Plans and projects",
        "Strategies and plans; investment projects, bidding and public procurement; statistics; science.",
        children=(
            Section(
                "publications.PlanIndexPage",
                "chien-luoc-quy-hoach-ke-hoach",
                "Chiến lược, quy hoạch, kế hoạch",
                "Chiến lược, định hướng, quy hoạch, kế hoạch phát triển: thời kỳ, tình trạng, văn bản phê duyệt.",
                "strategies-and-plans",
                "Strategies and plans",
                "Strategies, master plans and development plans: period, status, approving decision.",
            ),
            Section(
                "procurement.ProcurementIndexPage",
                "du-an-dau-thau",
                "Dự án, đấu thầu, mua sắm công",
                "Dự án đầu tư; kế hoạch, thông báo mời thầu, kết quả lựa chọn nhà thầu; mua sắm công.",
                "projects-and-procurement",
                "Projects and procurement",
                "Investment projects; contractor selection plans, invitations to bid, award results, public purchases.",
            ),
            Section(
                "publications.StatisticsIndexPage",
                "thong-ke",
                "Thống kê",
                "Thông tin, báo cáo thống kê đã được quyết định công bố.",
                "statistics",
                "Statistics",
                "Statistics reports published by the agency.",
            ),
            Section(
                "publications.ScienceIndexPage",
                "khoa-hoc-cong-nghe",
                "Khoa học, công nghệ",
                "Chương trình, đề tài, dự án khoa học và công nghệ: phê duyệt, thực hiện, nghiệm thu.",
                "science-and-technology",
                "Science and technology",
                "Science and technology programmes and topics: approval, progress, acceptance.",
            ),
        ),
        menu_title="Quy hoạch, dự án",
        menu_title_en="Plans & projects",
    ),
    Section(
        "feedback.QuestionIndexPage",
        "hoi-dap",
        "Hỏi đáp",
        "Gửi câu hỏi và xem câu trả lời của cơ quan.",
        "questions-and-answers",
        "Questions and answers",
        "Ask a question and read the answers.",
        menu_title="Hỏi đáp",
        menu_title_en="Q&A",
    ),
    Section(
        "feedback.ConsultationIndexPage",
        "lay-y-kien",
        "Lấy ý kiến",
        "Dự thảo văn bản, chính sách đang lấy ý kiến nhân dân; báo cáo tiếp thu ý kiến.",
        "public-consultation",
        "Public consultation",
        "Drafts open for public comment, and how the comments were taken into account.",
        menu_title="Lấy ý kiến",
        menu_title_en="Consultation",
    ),
    Section(
        "home.ContactPage",
        "lien-he",
        "Liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của cơ quan và cán bộ đầu mối.",
        "contacts",
        "Contacts",
        "Addresses, phone numbers and e-mails of the agency and its officials.",
        menu_title="Liên hệ",
        menu_title_en="Contacts",
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
        menu_title="Công báo",
        menu_title_en="Gazette",
    ),
    Section(
        "following.FollowPage",
        "theo-doi",
        "Nhận tin qua thư điện tử",
        "Nhận bản tin hằng ngày hoặc hằng tuần về những gì mới đăng trên các trang bạn chọn, không cần tài khoản.",
        "follow",
        "Follow by e-mail",
        "A daily or weekly e-mail of what is new on the sites you choose, without an account.",
        in_menu=False,
    ),
]
