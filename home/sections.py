"""The sections every site starts with (R1, R4). Later capabilities add theirs here."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A standard section: its page type and its slug and title in each language."""

    model: str
    slug: str
    title: str
    slug_en: str
    title_en: str


STANDARD_SECTIONS = [
    Section("home.IndexPage", "gioi-thieu", "Giới thiệu", "introduction", "Introduction"),
    Section("home.NewsIndexPage", "tin-tuc", "Tin tức", "news", "News"),
    Section("legal_documents.LegalDocumentIndexPage", "van-ban", "Văn bản", "legal-documents", "Legal documents"),
    Section("feedback.QuestionIndexPage", "hoi-dap", "Hỏi đáp", "questions-and-answers", "Questions and answers"),
    Section("home.ContactPage", "lien-he", "Liên hệ", "contacts", "Contacts"),
]
