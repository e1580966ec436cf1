"""The sections every site starts with (R1, R4). Later capabilities add theirs here."""

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


STANDARD_SECTIONS = [
    Section(
        "home.IndexPage",
        "gioi-thieu",
        "Giới thiệu",
        "Tổ chức bộ máy, lãnh đạo, điều kiện tự nhiên, lịch sử, văn hóa.",
        "introduction",
        "Introduction",
        "Organisation, leaders, geography, history and culture.",
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
]

# Sections only the provincial portal has.
PORTAL_SECTIONS = [
    Section(
        "gazette.GazetteIndexPage",
        "cong-bao",
        "Công báo",
        "Công báo điện tử tỉnh Quảng Ngãi: các số công báo và văn bản đăng trong từng số.",
        "official-gazette",
        "Official Gazette",
        "The provincial Official Gazette: its issues and the documents each one carries.",
    ),
]
