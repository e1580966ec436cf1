"""The demo's texts: three sites (the portal, the regulation's example agency, one commune) in Vietnamese and English.

Every fact comes from /work/shared/QUANG-NGAI-FACTS.md (the 2025 reorganisation, leaders as of January 2026, real
documents). That file has no phone numbers, street addresses, licences, personal e-mail addresses or commune
officials, so those values here are illustrative and say so where they are defined. Phone and fax numbers use the
real area code 0255 with a subscriber part starting with 0, which no Vietnamese line can have, so nobody's real
number is published by the demo.
"""

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from vietnam.text import fold_diacritics

# settings.TIME_ZONE; article dates are the province's local time.
PROVINCE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")

ADMIN_PASSWORD = "admin-quangngai-2026"  # noqa: S105 - published demo password, printed by seed_demo
DEMO_PASSWORD = "demo-quangngai-2026"  # noqa: S105 - published demo password, printed by seed_demo


@dataclass(frozen=True)
class English:
    """The English version of a page: its slug and the fields whose text differs from the Vietnamese."""

    slug: str
    fields: dict


@dataclass(frozen=True)
class Entry:
    """A page to create under a section: an introduction page (StandardPage) or an article (NewsPage)."""

    title: str
    fields: dict
    english: English | None = None


@dataclass(frozen=True)
class Person:
    """An official's published contact (R4 k), in both languages."""

    name: str
    position: str
    unit: str
    name_en: str
    position_en: str
    unit_en: str
    phone: str = ""
    email: str = ""

    def fields(self, english: bool = False) -> dict:
        """The OfficialContact fields in one language."""
        if english:
            return {"name": self.name_en, "position": self.position_en, "unit": self.unit_en, **self._shared()}
        return {"name": self.name, "position": self.position, "unit": self.unit, **self._shared()}

    def _shared(self) -> dict:
        return {"phone": self.phone, "fax": "", "email": self.email}


@dataclass(frozen=True)
class DemoUser:
    """A demo account in one of its site's groups: "editors", "moderators" or "officers" (the one-stop desk that
    handles the dossiers submitted online)."""

    username: str
    first_name: str
    last_name: str
    group: str

    @property
    def email(self) -> str:
        return f"{self.username}@quangngai.gov.vn"


@dataclass(frozen=True)
class DemoSite:
    """Everything seed_demo puts on one site."""

    name: str
    kind: str
    name_en: str
    contact_settings: dict
    intro: str
    intro_en: str
    section_intros: dict
    about: list
    news: list
    contact_intro: tuple
    contacts: list
    users: list = field(default_factory=list)
    draft: Entry | None = None


def at(year: int, month: int, day: int, hour: int = 8, minute: int = 0) -> datetime:
    """An aware datetime in the province's time zone."""
    return datetime(year, month, day, hour, minute, tzinfo=PROVINCE_TIME)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str) -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ascii_names(names: list[str]) -> list[str]:
    """Place names as English pages write them, without diacritics ("Đăk Tô" -> "Dak To")."""
    return [fold_diacritics(name) for name in names]


# --- Sources (all listed in the facts file) -------------------------------------------------------------------

NQ202_URL = (
    "https://sotuphap.kontum.gov.vn/tin-tuc-hoat-dongthong-tin-tong-hop/"
    "Quoc-hoi-thong-qua-Nghi-quyet-ve-sap-xep-don-vi-hanh-chinh-cap-tinh-10349"
)
NQ1677_URL = (
    "https://thuviennhadat.vn/van-ban-phap-luat-viet-nam/"
    "nghi-quyet-1677-nq-ubtvqh15-2025-sap-xep-cac-don-vi-hanh-chinh-cap-xa-quang-ngai-661113.html"
)
DISTRICTS_END_URL = (
    "https://kinhtedothi.vn/ly-son-thanh-dac-khu-ky-vong-buoc-ngoat-phat-trien-cho-dao-tien-tieu.752636.html"
)
CENTRES_URL = "https://news.laodong.vn/cong-nghe/100-thu-tuc-hanh-chinh-quang-ngai-da-ket-noi-co-so-du-lieu-quoc-gia-ve-dan-cu-1576344.ldo"
QD27_URL = (
    "https://quangngai.gov.vn/en/news/people-s-committee-news/"
    "appointment-of-director-of-qua-ng-nga-i-provincial-public-administrative-service-center.html"
)
KH121_URL = "https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025-chuyen-doi-so-Quang-Ngai-688617.html"
NQ48_URL = (
    "https://nhansu.vn/van-ban-phap-luat/"
    "Nghi-quyet-48-NQ-HDND-2025-ke-hoach-phat-trien-kinh-te-xa-hoi-Quang-Ngai-689633.html"
)
MERGER_URL = "https://nhandan.vn/ocop/sau-sap-xep-hop-nhat-tinh-quang-ngai-co-14-so-nganh-post860418.html"
AGENCIES_URL = "https://dantri.com.vn/noi-vu/nhung-xa-phuong-co-4-pho-chu-tich-o-quang-ngai-20260112064450979.htm"

REGULATION = "Quy chế hoạt động của Cổng thông tin điện tử tỉnh (Quyết định 16/2017/QĐ-UBND)"
REGULATION_EN = "Regulation on the operation of the Provincial Web Portal (Decision 16/2017/QD-UBND)"

# --- The 96 commune-level units (facts §1a, Cục Thống kê list) -------------------------------------------------

WARDS = [
    ("Trương Quang Trọng", "21172"),
    ("Cẩm Thành", "21025"),
    ("Nghĩa Lộ", "21028"),
    ("Trà Câu", "21451"),
    ("Đức Phổ", "21439"),
    ("Sa Huỳnh", "21478"),
    ("Kon Tum", "23293"),
    ("Đăk Cấm", "23284"),
    ("Đăk Bla", "23302"),
]
COMMUNES_FORMER_QUANG_NGAI = (
    "Tịnh Khê, An Phú, Nguyễn Nghiêm, Khánh Cường, Bình Minh, Bình Chương, Bình Sơn, Vạn Tường, Đông Sơn, "
    "Trường Giang, Ba Gia, Sơn Tịnh, Thọ Phong, Tư Nghĩa, Vệ Giang, Nghĩa Giang, Trà Giang, Nghĩa Hành, Đình Cương, "
    "Thiện Tín, Phước Giang, Long Phụng, Mỏ Cày, Mộ Đức, Lân Phong, Trà Bồng, Đông Trà Bồng, Tây Trà, Thanh Bồng, "
    "Cà Đam, Tây Trà Bồng, Sơn Hạ, Sơn Linh, Sơn Hà, Sơn Thủy, Sơn Kỳ, Sơn Tây, Sơn Tây Thượng, Sơn Tây Hạ, "
    "Minh Long, Sơn Mai, Ba Vì, Ba Tô, Ba Dinh, Ba Tơ, Ba Vinh, Ba Động, Đặng Thùy Trâm, Ba Xa"
).split(", ")
COMMUNES_FORMER_KON_TUM = (
    "Ngọk Bay, Ia Chim, Đăk Rơ Wa, Đăk Pxi, Đăk Mar, Đăk Ui, Ngọk Réo, Đăk Hà, Ngọk Tụ, Đăk Tô, Kon Đào, Đăk Sao, "
    "Đăk Tờ Kan, Tu Mơ Rông, Măng Ri, Bờ Y, Sa Loong, Dục Nông, Xốp, Ngọc Linh, Đăk Plô, Đăk Pék, Đăk Môn, "
    "Sa Thầy, Sa Bình, Ya Ly, Ia Tơi, Đăk Kôi, Kon Braih, Đăk Rve, Măng Đen, Măng Bút, Kon Plông, Đăk Long, "
    "Rờ Kơi, Mô Rai, Ia Đal"
).split(", ")
UNCHANGED_COMMUNES = ["Đăk Long", "Ba Xa", "Rờ Kơi", "Mô Rai", "Ia Đal"]

SPECIALIST_AGENCIES = [
    "Sở Nông nghiệp và Môi trường",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Nội vụ",
    "Văn phòng UBND tỉnh",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Thanh tra tỉnh",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Công Thương",
    "Sở Dân tộc và Tôn giáo",
    "Sở Tư pháp",
    "Sở Ngoại vụ",
]


def section_intros(site_vi: str, site_en: str) -> dict:
    """Intros of the sections that later features fill (documents, questions) and of the contacts page's section."""
    return {
        "van-ban": (
            f"<p>Văn bản quy phạm pháp luật và văn bản chỉ đạo, điều hành của {site_vi}: hình thức văn bản, "
            "cơ quan ban hành, số ký hiệu, ngày ban hành, ngày hiệu lực, trích yếu và tệp văn bản để tải về "
            "(điểm e khoản 2 Điều 8 Quy chế hoạt động của Cổng thông tin điện tử tỉnh).</p>",
            f"<p>Legal and administrative documents of the {site_en}: type, issuing authority, number, date of "
            "issue, effective date, summary and a file to download.</p>",
        ),
        "hoi-dap": (
            "<p>Tổ chức, cá nhân gửi câu hỏi về lĩnh vực thuộc phạm vi quản lý của cơ quan. Ban biên tập tiếp nhận, "
            "phân loại và chuyển đơn vị liên quan trả lời; chậm nhất 15 ngày làm việc kể từ khi tiếp nhận, cơ quan "
            "trả lời hoặc thông báo quá trình xử lý và thời hạn trả lời (điểm đ khoản 1 Điều 9 Quy chế).</p>",
            "<p>Ask a question about matters within this body's remit. The editorial board receives and sorts "
            "questions and forwards them to the unit in charge, which answers, or says how the question is being "
            "handled and when it will answer, within 15 working days.</p>",
        ),
    }


CONTACT_INTRO = (
    "<p>Thông tin liên hệ của cán bộ, công chức có thẩm quyền: họ tên, chức vụ, đơn vị công tác, điện thoại và thư "
    "điện tử công vụ (điểm k khoản 2 Điều 8 Quy chế). Trên trang trình diễn, số điện thoại và địa chỉ thư điện tử "
    "chỉ là minh họa.</p>",
    "<p>Contacts of the competent officials: name, position, unit, phone and official e-mail. On this demonstration "
    "site the phone numbers and e-mail addresses are illustrative.</p>",
)

# --- The portal -----------------------------------------------------------------------------------------------

PORTAL_AUTHOR = "Ban biên tập Cổng TTĐT tỉnh"
PORTAL_AUTHOR_EN = "Editorial Board of the Provincial Web Portal"

PORTAL_ABOUT = [
    Entry(
        "Tổng quan tỉnh Quảng Ngãi",
        {
            "lead": "Tỉnh Quảng Ngãi mới được thành lập trên cơ sở hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi theo "
            "Nghị quyết số 202/2025/QH15 của Quốc hội.",
            "body": [
                heading("Thành lập tỉnh Quảng Ngãi mới"),
                paragraph(
                    "<p>Ngày 12/6/2025, Quốc hội thông qua Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính "
                    "cấp tỉnh. Tỉnh Kon Tum và tỉnh Quảng Ngãi được hợp nhất thành tỉnh mới, giữ tên gọi "
                    "<b>tỉnh Quảng Ngãi</b>. Chính quyền địa phương của tỉnh mới chính thức hoạt động từ ngày "
                    "1/7/2025.</p>"
                ),
                heading("Diện tích, dân số"),
                paragraph(
                    "<p>Tỉnh có diện tích tự nhiên <b>14.832,55 km²</b> và quy mô dân số <b>2.161.755 người</b>.</p>"
                ),
                heading("Vị trí, địa giới"),
                paragraph(
                    "<p>Tỉnh Quảng Ngãi giáp tỉnh Gia Lai, thành phố Đà Nẵng, nước Cộng hòa Dân chủ Nhân dân Lào, "
                    "Vương quốc Campuchia và Biển Đông. Bờ biển dài khoảng 130 km; đường biên giới đất liền với Lào "
                    "và Campuchia dài khoảng 292 km.</p>"
                ),
                heading("Trung tâm chính trị – hành chính"),
                paragraph(
                    "<p>Trung tâm chính trị – hành chính của tỉnh đặt tại thành phố Quảng Ngãi trước đây, nay thuộc "
                    "phường Cẩm Thành.</p>"
                ),
                heading("Chính quyền địa phương hai cấp"),
                paragraph(
                    "<p>Từ ngày 1/7/2025, đơn vị hành chính cấp huyện kết thúc hoạt động. Chính quyền địa phương "
                    "được tổ chức ở hai cấp, cấp tỉnh và cấp xã, theo Luật Tổ chức chính quyền địa phương số "
                    "72/2025/QH15. Tỉnh có 96 đơn vị hành chính cấp xã.</p>"
                ),
            ],
            "author": PORTAL_AUTHOR,
            "source": "Nghị quyết số 202/2025/QH15; Sở Tư pháp tỉnh Kon Tum",
        },
        English(
            "overview",
            {
                "title": "Overview of Quang Ngai Province",
                "lead": "The new Quang Ngai Province was formed by merging Kon Tum and Quang Ngai provinces under "
                "National Assembly Resolution 202/2025/QH15.",
                "body": [
                    heading("A new province"),
                    paragraph(
                        "<p>On 12 June 2025 the National Assembly adopted Resolution 202/2025/QH15 on the "
                        "reorganization of provincial-level administrative units. Kon Tum and Quang Ngai provinces "
                        "were merged into a new province that keeps the name <b>Quang Ngai</b>. Its local government "
                        "took office on 1 July 2025.</p>"
                    ),
                    heading("Area and population"),
                    paragraph("<p>The province covers <b>14,832.55 km²</b> and has <b>2,161,755 inhabitants</b>.</p>"),
                    heading("Location and borders"),
                    paragraph(
                        "<p>Quang Ngai borders Gia Lai Province, Da Nang City, Laos, Cambodia and the East Sea. Its "
                        "coastline is about 130 km long; its land border with Laos and Cambodia about 292 km.</p>"
                    ),
                    heading("Political and administrative center"),
                    paragraph("<p>The provincial seat is in the former city of Quang Ngai, now Cam Thanh Ward.</p>"),
                    heading("Two-tier local government"),
                    paragraph(
                        "<p>Since 1 July 2025 there are no more districts: local government has two tiers, the "
                        "province and the communes, under Law 72/2025/QH15 on the Organization of Local Government. "
                        "The province has 96 commune-level units.</p>"
                    ),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Resolution 202/2025/QH15; Kon Tum Department of Justice",
            },
        ),
    ),
    Entry(
        "Đơn vị hành chính",
        {
            "lead": "Từ ngày 1/7/2025, tỉnh Quảng Ngãi có 96 đơn vị hành chính cấp xã: 86 xã, 9 phường và 1 đặc khu.",
            "body": [
                paragraph(
                    "<p>Nghị quyết số 1677/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội sắp xếp các đơn "
                    "vị hành chính cấp xã của tỉnh. Kết quả là <b>96 đơn vị: 86 xã, 9 phường và đặc khu Lý Sơn</b>. "
                    "Năm xã giữ nguyên, không sắp xếp: " + ", ".join(UNCHANGED_COMMUNES) + ". Mã số đơn vị hành chính "
                    "theo Công văn số 1027/CTK-CSCL ngày 25/6/2025 của Cục Thống kê.</p>"
                ),
                heading("9 phường"),
                paragraph(bullet_list([f"Phường {name} (mã {code})" for name, code in WARDS])),
                heading("Đặc khu"),
                paragraph(
                    "<p>Đặc khu Lý Sơn (mã 21548), trên cơ sở toàn bộ huyện Lý Sơn, trở thành đặc khu từ ngày "
                    "1/7/2025.</p>"
                ),
                heading("86 xã"),
                heading("49 xã trên địa bàn tỉnh Quảng Ngãi cũ", "h3"),
                paragraph("<p>" + ", ".join(COMMUNES_FORMER_QUANG_NGAI) + ".</p>"),
                heading("37 xã trên địa bàn tỉnh Kon Tum cũ", "h3"),
                paragraph("<p>" + ", ".join(COMMUNES_FORMER_KON_TUM) + ".</p>"),
            ],
            "author": PORTAL_AUTHOR,
            "source": "Nghị quyết số 1677/NQ-UBTVQH15; Cục Thống kê (Công văn số 1027/CTK-CSCL)",
        },
        English(
            "administrative-units",
            {
                "title": "Administrative units",
                "lead": "Since 1 July 2025 Quang Ngai Province has 96 commune-level units: 86 communes, 9 wards and "
                "1 special zone.",
                "body": [
                    paragraph(
                        "<p>Resolution 1677/NQ-UBTVQH15 of the National Assembly Standing Committee (16 June 2025) "
                        "reorganized the province's commune-level units into <b>96 units: 86 communes, 9 wards and "
                        "the Ly Son special zone</b>. Five communes were left unchanged: "
                        + ", ".join(ascii_names(UNCHANGED_COMMUNES))
                        + ". Codes are those of the General Statistics Office (Official Letter 1027/CTK-CSCL, "
                        "25 June 2025).</p>"
                    ),
                    heading("9 wards"),
                    paragraph(bullet_list([f"{fold_diacritics(name)} Ward (code {code})" for name, code in WARDS])),
                    heading("Special zone"),
                    paragraph("<p>Ly Son special zone (code 21548): the whole of the former Ly Son district.</p>"),
                    heading("86 communes"),
                    heading("49 communes in the former Quang Ngai Province", "h3"),
                    paragraph("<p>" + ", ".join(ascii_names(COMMUNES_FORMER_QUANG_NGAI)) + ".</p>"),
                    heading("37 communes in the former Kon Tum Province", "h3"),
                    paragraph("<p>" + ", ".join(ascii_names(COMMUNES_FORMER_KON_TUM)) + ".</p>"),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Resolution 1677/NQ-UBTVQH15; General Statistics Office",
            },
        ),
    ),
    Entry(
        "Lãnh đạo UBND tỉnh",
        {
            "lead": "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh và lĩnh vực được phân công "
            "(thông tin đến tháng 01/2026).",
            "body": [
                paragraph(
                    "<p><i>Danh sách theo thông tin công bố đến tháng 01/2026; lĩnh vực phụ trách theo phân công "
                    "ngày 9/10/2025. Nhiệm kỳ 2021–2026 của HĐND, UBND tỉnh kết thúc trong năm 2026; trang này sẽ "
                    "được cập nhật theo kết quả bầu nhiệm kỳ 2026–2031.</i></p>"
                ),
                heading("Chủ tịch UBND tỉnh Nguyễn Hoàng Giang"),
                paragraph(
                    "<p>Sinh năm 1971, quê Hải Phòng; tiến sĩ kinh tế; nguyên Thứ trưởng Bộ Khoa học và Công nghệ. "
                    "Được bầu giữ chức Chủ tịch UBND tỉnh lần đầu ngày 2/8/2024.</p>"
                    "<p>Lĩnh vực phụ trách: quy hoạch, ngân sách, tổ chức cán bộ, quốc phòng – an ninh, thanh tra, "
                    "cải cách hành chính, chuyển đổi số.</p>"
                ),
                heading("Phó Chủ tịch Thường trực UBND tỉnh Y Ngọc"),
                paragraph(
                    "<p>Lĩnh vực phụ trách: thống kê, đối ngoại, giáo dục, văn hóa – thể thao – du lịch, lao động, "
                    "báo chí.</p>"
                ),
                heading("Phó Chủ tịch UBND tỉnh Trần Phước Hiền"),
                paragraph(
                    "<p>Từ tháng 11/2025, lĩnh vực cụm công nghiệp được giao cho Phó Chủ tịch Trần Phước Hiền. "
                    "Phó Chủ tịch ký Kế hoạch số 121/KH-UBND ngày 31/12/2025 về chuyển đổi số tỉnh năm 2026.</p>"
                ),
                heading("Phó Chủ tịch UBND tỉnh Nguyễn Ngọc Sâm"),
                paragraph(
                    "<p>Lĩnh vực phụ trách: y tế, dân tộc và tôn giáo, tài chính, ngân hàng, thuế, hải quan, tài sản "
                    "công.</p>"
                ),
                heading("Phó Chủ tịch UBND tỉnh Nguyễn Công Hoàng"),
                paragraph("<p>Được bầu giữ chức Phó Chủ tịch UBND tỉnh ngày 24/9/2025.</p>"),
                heading("Phó Chủ tịch UBND tỉnh Đỗ Tâm Hiển"),
                paragraph("<p>Được bầu giữ chức Phó Chủ tịch UBND tỉnh ngày 24/9/2025.</p>"),
            ],
            "author": PORTAL_AUTHOR,
            "source": "Dân trí (9/10/2025); VietNamNet; Dân Việt (23/11/2025)",
        },
        English(
            "leadership",
            {
                "title": "Leaders of the Provincial People's Committee",
                "lead": "The Chairman and Vice-Chairs of the Provincial People's Committee and their portfolios "
                "(as of January 2026).",
                "body": [
                    paragraph(
                        "<p><i>Names as of January 2026; portfolios as assigned on 9 October 2025. The 2021–2026 "
                        "term of the Provincial People's Council and People's Committee ended in 2026; this page "
                        "will be updated after the 2026–2031 elections.</i></p>"
                    ),
                    heading("Chairman Nguyen Hoang Giang"),
                    paragraph(
                        "<p>Born in 1971 in Hai Phong; PhD in economics; former Deputy Minister of Science and "
                        "Technology. First elected Chairman on 2 August 2024.</p>"
                        "<p>Portfolio: planning, budget, personnel, defense and security, inspection, "
                        "administrative reform, digital transformation.</p>"
                    ),
                    heading("Standing Vice-Chair Y Ngoc"),
                    paragraph(
                        "<p>Portfolio: statistics, foreign affairs, education, culture, sports and tourism, labor, "
                        "the press.</p>"
                    ),
                    heading("Vice-Chair Tran Phuoc Hien"),
                    paragraph(
                        "<p>In charge of industrial clusters since November 2025. Signed Plan 121/KH-UBND of "
                        "31 December 2025 on the province's digital transformation in 2026.</p>"
                    ),
                    heading("Vice-Chair Nguyen Ngoc Sam"),
                    paragraph(
                        "<p>Portfolio: health, ethnic and religious affairs, finance, banking, tax, customs, public "
                        "assets.</p>"
                    ),
                    heading("Vice-Chair Nguyen Cong Hoang"),
                    paragraph("<p>Elected on 24 September 2025.</p>"),
                    heading("Vice-Chair Do Tam Hien"),
                    paragraph("<p>Elected on 24 September 2025.</p>"),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Dan Tri (9 October 2025); VietNamNet; Dan Viet (23 November 2025)",
            },
        ),
    ),
    Entry(
        "Lịch sử Cổng thông tin",
        {
            "lead": "Cổng thông tin điện tử tỉnh Quảng Ngãi khai trương ngày 14/9/2012, nâng cấp từ Trang thông tin "
            "điện tử của tỉnh.",
            "body": [
                heading("Khai trương"),
                paragraph(
                    "<p>Ngày 14/9/2012, Cổng thông tin điện tử tỉnh Quảng Ngãi chính thức khai trương trên cơ sở "
                    "nâng cấp Trang thông tin điện tử của tỉnh.</p>"
                ),
                heading("Quy chế hoạt động"),
                paragraph(
                    "<p>Ngày 19/4/2017, UBND tỉnh ban hành Quyết định số 16/2017/QĐ-UBND về Quy chế hoạt động của "
                    "Cổng thông tin điện tử tỉnh Quảng Ngãi, do Chủ tịch UBND tỉnh Trần Ngọc Căng ký, có hiệu lực "
                    "từ ngày 29/4/2017, thay thế Quyết định số 206/2004/QĐ-UB ngày 21/9/2004.</p>"
                    "<p>Quy chế quy định tên miền <b>quangngai.gov.vn</b> cho Cổng; tên miền cấp 4 "
                    "&lt;tên cơ quan&gt;.quangngai.gov.vn cho trang của các sở, ngành và địa phương; thông tin thể "
                    "hiện bằng hai ngôn ngữ tiếng Việt và tiếng Anh.</p>"
                ),
                quote(
                    "Thông tin đăng tải trên Cổng, Trang TTĐT là thông tin chính thức của cơ quan nhà nước trên môi "
                    "trường mạng.",
                    "Khoản 2 Điều 4, " + REGULATION,
                ),
                heading("Các thế hệ của Cổng"),
                paragraph(
                    bullet_list(
                        [
                            "Giai đoạn đầu: nền tảng ASP.NET, địa chỉ dạng /vi-VN/1/3034/…/tintuc/….aspx;",
                            "Khoảng 2021–2024: nền tảng Liferay, địa chỉ dạng /web/portal-qni/…; các trang thành "
                            "viên dạng /web/huyen-tunghia/…;",
                            "Từ năm 2025: địa chỉ ngắn gọn, kết thúc bằng .html.",
                        ]
                    )
                ),
            ],
            "author": PORTAL_AUTHOR,
            "source": "Báo điện tử Chính phủ; Quyết định số 16/2017/QĐ-UBND",
        },
        English(
            "portal-history",
            {
                "title": "History of the Portal",
                "lead": "The Quang Ngai Provincial Web Portal opened on 14 September 2012 as an upgrade of the "
                "provincial website.",
                "body": [
                    heading("Opening"),
                    paragraph(
                        "<p>The Provincial Web Portal opened on 14 September 2012, upgrading the province's former "
                        "website.</p>"
                    ),
                    heading("Operating regulation"),
                    paragraph(
                        "<p>On 19 April 2017 the Provincial People's Committee issued Decision 16/2017/QD-UBND on "
                        "the regulation on the operation of the Portal, signed by Chairman Tran Ngoc Cang. It took "
                        "effect on 29 April 2017 and replaced Decision 206/2004/QD-UB of 21 September 2004.</p>"
                        "<p>The regulation gives the Portal the domain <b>quangngai.gov.vn</b> and each department "
                        "and local government a fourth-level domain, &lt;name&gt;.quangngai.gov.vn, and requires "
                        "information in two languages, Vietnamese and English.</p>"
                    ),
                    quote(
                        "Information published on the Portal and the agencies' websites is the official information "
                        "of state agencies online.",
                        "Article 4.2, " + REGULATION_EN,
                    ),
                    heading("Generations of the Portal"),
                    paragraph(
                        bullet_list(
                            [
                                "First: ASP.NET, addresses like /vi-VN/1/3034/…/tintuc/….aspx;",
                                "About 2021–2024: Liferay, addresses like /web/portal-qni/…;",
                                "Since 2025: short addresses ending in .html.",
                            ]
                        )
                    ),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Government News; Decision 16/2017/QD-UBND",
            },
        ),
    ),
]

PORTAL_NEWS = [
    Entry(
        "Quốc hội thông qua Nghị quyết hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi",
        {
            "date": at(2025, 6, 12, 15),
            "lead": "Ngày 12/6/2025, Quốc hội thông qua Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính "
            "cấp tỉnh; tỉnh Kon Tum và tỉnh Quảng Ngãi hợp nhất thành tỉnh mới, giữ tên tỉnh Quảng Ngãi.",
            "body": [
                paragraph(
                    "<p>Theo Nghị quyết, tỉnh Quảng Ngãi mới có diện tích tự nhiên 14.832,55 km² và quy mô dân số "
                    "2.161.755 người; giáp tỉnh Gia Lai, thành phố Đà Nẵng, nước Lào, Campuchia và Biển Đông.</p>"
                ),
                paragraph("<p>Chính quyền địa phương của tỉnh mới bắt đầu hoạt động từ ngày 1/7/2025.</p>"),
            ],
            "author": PORTAL_AUTHOR + " (tổng hợp)",
            "source": "Sở Tư pháp tỉnh Kon Tum",
            "source_url": NQ202_URL,
        },
        English(
            "national-assembly-merges-kon-tum-and-quang-ngai",
            {
                "title": "National Assembly merges Kon Tum and Quang Ngai provinces",
                "lead": "On 12 June 2025 the National Assembly adopted Resolution 202/2025/QH15 on the "
                "reorganization of provincial-level units: Kon Tum and Quang Ngai merge into a new province that "
                "keeps the name Quang Ngai.",
                "body": [
                    paragraph(
                        "<p>The new province covers 14,832.55 km² and has 2,161,755 inhabitants. It borders Gia Lai "
                        "Province, Da Nang City, Laos, Cambodia and the East Sea.</p>"
                    ),
                    paragraph("<p>The new provincial government takes office on 1 July 2025.</p>"),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Kon Tum Department of Justice",
            },
        ),
    ),
    Entry(
        "Tỉnh Quảng Ngãi vận hành chính quyền địa phương hai cấp từ ngày 1/7/2025",
        {
            "date": at(2025, 7, 1, 8),
            "lead": "Cấp huyện kết thúc hoạt động; huyện Lý Sơn trở thành đặc khu Lý Sơn; 96 đơn vị hành chính "
            "cấp xã bắt đầu hoạt động.",
            "body": [
                paragraph(
                    "<p>Ngày 30/6/2025, các địa phương trong tỉnh tổ chức lễ công bố kết thúc hoạt động của đơn vị "
                    "hành chính cấp huyện. Từ ngày 1/7/2025, chính quyền địa phương được tổ chức ở hai cấp, cấp tỉnh "
                    "và cấp xã, theo Luật Tổ chức chính quyền địa phương số 72/2025/QH15.</p>"
                ),
                paragraph(
                    "<p>Theo Nghị quyết số 1677/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội, tỉnh có 96 "
                    "đơn vị hành chính cấp xã, gồm 86 xã, 9 phường và đặc khu Lý Sơn.</p>"
                ),
            ],
            "author": PORTAL_AUTHOR + " (tổng hợp)",
            "source": "Báo Kinh tế & Đô thị",
            "source_url": DISTRICTS_END_URL,
        },
        English(
            "two-tier-local-government-from-1-july-2025",
            {
                "title": "Quang Ngai runs a two-tier local government from 1 July 2025",
                "lead": "Districts cease to exist, Ly Son district becomes the Ly Son special zone and 96 "
                "commune-level units start work.",
                "body": [
                    paragraph(
                        "<p>On 30 June 2025 ceremonies across the province ended the district-level units. From "
                        "1 July 2025 local government has two tiers, the province and the communes, under Law "
                        "72/2025/QH15 on the Organization of Local Government.</p>"
                    ),
                    paragraph(
                        "<p>Under Resolution 1677/NQ-UBTVQH15 of 16 June 2025 the province has 96 commune-level "
                        "units: 86 communes, 9 wards and the Ly Son special zone.</p>"
                    ),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Kinh te & Do thi newspaper",
            },
        ),
    ),
    Entry(
        "96 Trung tâm Phục vụ hành chính công cấp xã đi vào hoạt động",
        {
            "date": at(2025, 7, 1, 10),
            "lead": "Cùng với chính quyền địa phương hai cấp, 96 Trung tâm Phục vụ hành chính công cấp xã tiếp "
            "nhận hồ sơ của người dân, doanh nghiệp từ ngày 1/7/2025.",
            "body": [
                paragraph(
                    "<p>Mỗi xã, phường và đặc khu của tỉnh có một Trung tâm Phục vụ hành chính công, nơi tổ chức, "
                    "cá nhân nộp hồ sơ và nhận kết quả giải quyết thủ tục hành chính.</p>"
                ),
                paragraph(
                    "<p>Hồ sơ cũng có thể nộp trực tuyến trên Cổng dịch vụ công của tỉnh tại địa chỉ "
                    "dichvucong.quangngai.gov.vn.</p>"
                ),
            ],
            "author": PORTAL_AUTHOR + " (tổng hợp)",
            "source": "Báo Lao Động",
            "source_url": CENTRES_URL,
        },
    ),
    Entry(
        "Bổ nhiệm Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
        {
            "date": at(2026, 1, 9, 16),
            "lead": "Ngày 9/1/2026, UBND tỉnh ban hành Quyết định số 27/QĐ-UBND bổ nhiệm ông Nguyễn Thanh Hoài giữ "
            "chức Giám đốc Trung tâm Phục vụ hành chính công tỉnh.",
            "body": [
                paragraph(
                    "<p>Thời hạn giữ chức vụ là 5 năm; ông Nguyễn Thanh Hoài nhận nhiệm vụ từ ngày 12/1/2026.</p>"
                ),
                paragraph("<p>Trung tâm Phục vụ hành chính công tỉnh là đơn vị trực thuộc UBND tỉnh.</p>"),
            ],
            "author": PORTAL_AUTHOR,
            "source": "Cổng TTĐT tỉnh Quảng Ngãi (bản tiếng Anh)",
            "source_url": QD27_URL,
        },
        English(
            "director-of-the-provincial-public-administrative-service-center-appointed",
            {
                "title": "Director of the Provincial Public Administrative Service Center appointed",
                "lead": "On 9 January 2026 the Provincial People's Committee issued Decision 27/QD-UBND appointing "
                "Mr Nguyen Thanh Hoai Director of the Provincial Public Administrative Service Center.",
                "body": [
                    paragraph("<p>The appointment is for five years; Mr Hoai took up the post on 12 January 2026.</p>"),
                    paragraph("<p>The center reports directly to the Provincial People's Committee.</p>"),
                ],
                "author": PORTAL_AUTHOR_EN,
                "source": "Quang Ngai Provincial Web Portal (English)",
            },
        ),
    ),
    Entry(
        "Ban hành Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026",
        {
            "date": at(2025, 12, 31, 17),
            "lead": "UBND tỉnh ban hành Kế hoạch số 121/KH-UBND ngày 31/12/2025 về chuyển đổi số tỉnh Quảng Ngãi "
            "năm 2026.",
            "body": [
                paragraph("<p>Kế hoạch do Phó Chủ tịch UBND tỉnh Trần Phước Hiền ký ban hành.</p>"),
                heading("Một số kết quả tỉnh đã công bố"),
                paragraph(
                    bullet_list(
                        [
                            "2.192 thủ tục hành chính đã được cấu hình trên hệ thống;",
                            "hơn 95% văn bản đi được ký số;",
                            "Cổng dữ liệu mở của tỉnh chia sẻ 256 bộ dữ liệu.",
                        ]
                    )
                ),
            ],
            "author": PORTAL_AUTHOR + " (tổng hợp)",
            "source": "nhansu.vn",
            "source_url": KH121_URL,
        },
    ),
    Entry(
        "HĐND tỉnh thông qua Kế hoạch phát triển kinh tế – xã hội năm 2026 và giai đoạn 2026–2030",
        {
            "date": at(2025, 12, 10, 17),
            "lead": "Ngày 10/12/2025, HĐND tỉnh ban hành Nghị quyết số 48/NQ-HĐND về Kế hoạch phát triển kinh tế "
            "– xã hội năm 2026 và Nghị quyết số 47/NQ-HĐND về Kế hoạch phát triển kinh tế – xã hội 5 năm "
            "2026–2030.",
            "body": [
                paragraph(
                    "<p>Hai nghị quyết do Chủ tịch HĐND tỉnh Nguyễn Đức Tuy ký, trên cơ sở Tờ trình số 136/TTr-UBND "
                    "và số 137/TTr-UBND ngày 27/11/2025 của UBND tỉnh và Báo cáo số 152/BC-UBND ngày 3/12/2025 về "
                    "tình hình thực hiện Kế hoạch 5 năm 2021–2025, phương hướng 2026–2030.</p>"
                ),
                paragraph(
                    "<p>Năm 2025, tỉnh thực hiện 24 chỉ tiêu chủ yếu phát triển kinh tế – xã hội theo Nghị quyết số "
                    "26/NQ-HĐND ngày 22/8/2025 của HĐND tỉnh.</p>"
                ),
            ],
            "author": PORTAL_AUTHOR + " (tổng hợp)",
            "source": "nhansu.vn",
            "source_url": NQ48_URL,
        },
    ),
]

PORTAL = DemoSite(
    name="Ủy ban nhân dân tỉnh Quảng Ngãi",
    kind="portal",
    name_en="Quang Ngai Provincial People's Committee",
    contact_settings={
        "owner": "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "owner_en": "Quang Ngai Provincial People's Committee",
        # The facts file places the seat in phường Cẩm Thành but gives no street address, so none is made up.
        "address": "Văn phòng UBND tỉnh, phường Cẩm Thành, tỉnh Quảng Ngãi",
        "address_en": "Office of the Provincial People's Committee, Cam Thanh Ward, Quang Ngai Province",
        # Illustrative: no phone, fax or e-mail of the portal is known (facts §3); see the module docstring.
        "phone": "0255 0000 100",
        "fax": "0255 0000 199",
        "email": "vpubnd@quangngai.gov.vn",
        # Điều 16.1: the Office of the Provincial People's Committee answers for the portal's content.
        "responsible": "Nguyễn Quốc Việt, Chánh Văn phòng UBND tỉnh",
        "responsible_en": "Nguyen Quoc Viet, Chief of the Office of the Provincial People's Committee",
        # Illustrative: no licence number is known.
        "licence": "Trang trình diễn: thông tin giấy phép là minh họa.",
        "licence_en": "Demonstration site: the licence details are illustrative.",
    },
    intro=(
        "<p>Cổng thông tin điện tử tỉnh Quảng Ngãi là điểm truy cập duy nhất của Ủy ban nhân dân tỉnh trên môi trường "
        "mạng. Từ ngày 1/7/2025, tỉnh Quảng Ngãi mới, hợp nhất từ tỉnh Kon Tum và tỉnh Quảng Ngãi theo Nghị quyết "
        "số 202/2025/QH15 của Quốc hội, có diện tích 14.832,55 km², dân số 2.161.755 người và 96 đơn vị hành chính "
        "cấp xã.</p>"
    ),
    intro_en=(
        "<p>The Quang Ngai Provincial Web Portal is the single online access point of the Provincial People's "
        "Committee. Since 1 July 2025 the new Quang Ngai Province, formed by merging Kon Tum and Quang Ngai provinces "
        "under National Assembly Resolution 202/2025/QH15, covers 14,832.55 km² and has 2,161,755 inhabitants in 96 "
        "commune-level units.</p>"
    ),
    section_intros={
        "gioi-thieu": (
            "<p>Thông tin giới thiệu về tỉnh Quảng Ngãi: điều kiện tự nhiên, đơn vị hành chính, lãnh đạo tỉnh và "
            "Cổng thông tin điện tử.</p>",
            "<p>About Quang Ngai Province: geography, administrative units, the provincial leaders and the Portal.</p>",
        ),
        **section_intros("UBND tỉnh", "Provincial People's Committee"),
    },
    about=PORTAL_ABOUT,
    news=PORTAL_NEWS,
    contact_intro=CONTACT_INTRO,
    # Names and positions from facts §3 (as of January 2026); phones and e-mails are illustrative.
    contacts=[
        Person(
            "Nguyễn Hoàng Giang",
            "Chủ tịch UBND tỉnh",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "Nguyen Hoang Giang",
            "Chairman of the Provincial People's Committee",
            "Quang Ngai Provincial People's Committee",
            "0255 0000 101",
            "vpubnd@quangngai.gov.vn",
        ),
        Person(
            "Y Ngọc",
            "Phó Chủ tịch Thường trực UBND tỉnh",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
            "Y Ngoc",
            "Standing Vice-Chair of the Provincial People's Committee",
            "Quang Ngai Provincial People's Committee",
            "0255 0000 102",
            "vpubnd@quangngai.gov.vn",
        ),
        Person(
            "Nguyễn Quốc Việt",
            "Chánh Văn phòng UBND tỉnh",
            "Văn phòng UBND tỉnh",
            "Nguyen Quoc Viet",
            "Chief of the Office of the Provincial People's Committee",
            "Office of the Provincial People's Committee",
            "0255 0000 110",
            "vpubnd@quangngai.gov.vn",
        ),
        Person(
            "Nguyễn Thanh Hoài",
            "Giám đốc Trung tâm Phục vụ hành chính công tỉnh",
            "Trung tâm Phục vụ hành chính công tỉnh",
            "Nguyen Thanh Hoai",
            "Director of the Provincial Public Administrative Service Center",
            "Provincial Public Administrative Service Center",
            "0255 0000 120",
            "ttphvhcc@quangngai.gov.vn",
        ),
    ],
    # A fictional desk officer of the provincial centre, who handles the demo's work-permit dossiers.
    users=[DemoUser("motcua.tinh", "Khánh", "Đặng Quốc", "officers")],
)

# --- Sở Thông tin và Truyền thông: the regulation's own example (Điều 6), merged into Sở KH&CN in 2025 ---------

STTTT_AUTHOR = "Ban biên tập Trang TTĐT Sở Thông tin và Truyền thông"
STTTT_AUTHOR_EN = "Editorial Board, Department of Information and Communications website"

STTTT_ABOUT = [
    Entry(
        "Giới thiệu Sở Thông tin và Truyền thông",
        {
            "lead": "Năm 2025, Sở Thông tin và Truyền thông tỉnh Quảng Ngãi hợp nhất vào Sở Khoa học và Công nghệ. "
            "Trang này được giữ lại làm ví dụ của Quy chế hoạt động của Cổng thông tin điện tử tỉnh.",
            "body": [
                heading("Hợp nhất vào Sở Khoa học và Công nghệ"),
                paragraph(
                    "<p>Thực hiện sắp xếp tổ chức bộ máy, từ tháng 2/2025 Sở Thông tin và Truyền thông tỉnh Quảng "
                    "Ngãi <b>không còn là cơ quan riêng</b>: Sở hợp nhất vào Sở Khoa học và Công nghệ. Từ đó, lĩnh "
                    "vực thông tin và truyền thông do Sở Khoa học và Công nghệ đảm nhận.</p>"
                    "<p>Sở Khoa học và Công nghệ là một trong 14 cơ quan chuyên môn thuộc UBND tỉnh (tháng 01/2026). "
                    "Giám đốc Sở là ông Nguyễn Tấn Liêm.</p>"
                ),
                heading("Vì sao trang này vẫn còn"),
                paragraph(
                    "<p>Điều 6 Quy chế hoạt động của Cổng thông tin điện tử tỉnh lấy trang của Sở Thông tin và "
                    "Truyền thông làm ví dụ về tên miền cấp 4 của các cơ quan chuyên môn. Bản trình diễn giữ lại "
                    "trang này làm ví dụ đó; thông tin chính thức về lĩnh vực thông tin và truyền thông hiện do Sở "
                    "Khoa học và Công nghệ cung cấp.</p>"
                ),
                quote(
                    "Ví dụ: Trang TTĐT của Sở Thông tin và Truyền thông tên miền truy cập có ký hiệu là: "
                    "stttt.quangngai.gov.vn",
                    "Khoản 2 Điều 6, " + REGULATION,
                ),
                heading("Nhiệm vụ theo Quy chế trước khi hợp nhất"),
                paragraph(
                    "<p>Theo Điều 16 Quy chế, Sở Thông tin và Truyền thông thực hiện chức năng quản lý nhà nước đối "
                    "với hoạt động của Cổng, Trang thông tin điện tử của tỉnh.</p>"
                ),
            ],
            "author": STTTT_AUTHOR,
            "source": "Báo Nhân Dân; Báo Công đoàn Việt Nam; Quyết định số 16/2017/QĐ-UBND",
        },
        English(
            "about-the-department",
            {
                "title": "About the Department of Information and Communications",
                "lead": "In 2025 the Quang Ngai Department of Information and Communications was merged into the "
                "Department of Science and Technology. This site is kept as the example given by the regulation on "
                "the Provincial Web Portal.",
                "body": [
                    heading("Merged into the Department of Science and Technology"),
                    paragraph(
                        "<p>As part of the reorganization of the provincial administration, from February 2025 the "
                        "Department of Information and Communications <b>no longer exists as a separate body</b>: "
                        "it was merged into the Department of Science and Technology, which now covers information "
                        "and communications.</p>"
                        "<p>The Department of Science and Technology is one of the 14 specialist agencies of the "
                        "Provincial People's Committee (January 2026). Its director is Mr Nguyen Tan Liem.</p>"
                    ),
                    heading("Why this site is still here"),
                    paragraph(
                        "<p>Article 6 of the regulation on the Provincial Web Portal gives this department's site "
                        "as the example of an agency's fourth-level domain. The demonstration keeps the site as that "
                        "example; official information on information and communications now comes from the "
                        "Department of Science and Technology.</p>"
                    ),
                    quote(
                        "For example, the website of the Department of Information and Communications is reached at "
                        "stttt.quangngai.gov.vn",
                        "Article 6.2, " + REGULATION_EN,
                    ),
                ],
                "author": STTTT_AUTHOR_EN,
                "source": "Nhan Dan; Cong doan Viet Nam; Decision 16/2017/QD-UBND",
            },
        ),
    ),
]

STTTT_NEWS = [
    Entry(
        "Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ",
        {
            "date": at(2025, 3, 1, 8),
            "lead": "Thực hiện sắp xếp tổ chức bộ máy, từ tháng 2/2025 Sở Thông tin và Truyền thông tỉnh Quảng Ngãi "
            "hợp nhất vào Sở Khoa học và Công nghệ.",
            "body": [
                paragraph(
                    "<p>Cùng đợt sắp xếp các sở của tỉnh Quảng Ngãi (cũ):</p>"
                    + bullet_list(
                        [
                            "Sở Giao thông vận tải hợp nhất vào Sở Xây dựng;",
                            "Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính; Trung tâm Xúc tiến đầu tư chuyển về "
                            "Văn phòng UBND tỉnh;",
                            "Sở Lao động – Thương binh và Xã hội hợp nhất vào Sở Nội vụ;",
                            "Sở Nông nghiệp và Phát triển nông thôn và Sở Tài nguyên và Môi trường hợp nhất thành Sở "
                            "Nông nghiệp và Môi trường.",
                        ]
                    )
                ),
            ],
            "author": STTTT_AUTHOR + " (tổng hợp)",
            "source": "Báo Nhân Dân",
            "source_url": MERGER_URL,
        },
    ),
    Entry(
        "Tỉnh Quảng Ngãi có 14 cơ quan chuyên môn thuộc UBND tỉnh",
        {
            "date": at(2026, 1, 12, 9),
            "lead": "Sau sắp xếp, UBND tỉnh có 14 cơ quan chuyên môn; lĩnh vực thông tin và truyền thông thuộc Sở "
            "Khoa học và Công nghệ.",
            "body": [
                paragraph("<p>Các cơ quan chuyên môn thuộc UBND tỉnh (tháng 01/2026):</p>"),
                paragraph(bullet_list(SPECIALIST_AGENCIES)),
            ],
            "author": STTTT_AUTHOR + " (tổng hợp)",
            "source": "Báo Dân trí",
            "source_url": AGENCIES_URL,
        },
    ),
    Entry(
        "Chuyển đổi số tỉnh Quảng Ngãi qua các con số",
        {
            "date": at(2026, 1, 5, 8),
            "lead": "Kế hoạch số 121/KH-UBND ngày 31/12/2025 định hướng chuyển đổi số của tỉnh trong năm 2026.",
            "body": [
                paragraph(
                    bullet_list(
                        [
                            "<b>2.192</b> thủ tục hành chính đã được cấu hình trên hệ thống;",
                            "hơn <b>95%</b> văn bản đi được ký số;",
                            "Cổng dữ liệu mở chia sẻ <b>256</b> bộ dữ liệu.",
                        ]
                    )
                ),
                paragraph(
                    "<p>Kế hoạch chuyển đổi số năm 2026 do Phó Chủ tịch UBND tỉnh Trần Phước Hiền ký. Theo phân "
                    "công ngày 9/10/2025, Chủ tịch UBND tỉnh Nguyễn Hoàng Giang trực tiếp phụ trách lĩnh vực chuyển "
                    "đổi số.</p>"
                ),
            ],
            "author": STTTT_AUTHOR + " (tổng hợp)",
            "source": "nhansu.vn",
            "source_url": KH121_URL,
        },
    ),
    Entry(
        "Tên miền trang thông tin điện tử của các sở, ngành và địa phương",
        {
            "date": at(2025, 7, 15, 8),
            "lead": "Theo Quy chế hoạt động của Cổng thông tin điện tử tỉnh, trang của mỗi cơ quan, địa phương dùng "
            "tên miền cấp 4 dưới quangngai.gov.vn.",
            "body": [
                paragraph(
                    "<p>Trang của các cơ quan chuyên môn dùng tên viết tắt của cơ quan bằng tiếng Việt không dấu "
                    "hoặc tiếng Anh, ví dụ syt.quangngai.gov.vn (Sở Y tế), stc.quangngai.gov.vn (Sở Tài chính), "
                    "snv.quangngai.gov.vn (Sở Nội vụ).</p>"
                ),
                quote(
                    "Tên miền Trang TTĐT của UBND các huyện, thành phố có tên miền cấp 4 sử dụng tên đầy đủ của địa "
                    "phương bằng tiếng Việt không dấu.",
                    "Khoản 3 Điều 6, " + REGULATION,
                ),
                paragraph(
                    "<p>Các xã, phường sau sắp xếp tiếp tục dùng tên đầy đủ không dấu, như khanhcuong, bavi, "
                    "sontinh, mangden. Sở Ngoại vụ và Sở Nội vụ có cùng chữ viết tắt (snv), nên trang của Sở Ngoại "
                    "vụ cần một mã riêng.</p>"
                ),
            ],
            "author": STTTT_AUTHOR,
            "source": "Quyết định số 16/2017/QĐ-UBND",
        },
    ),
]

STTTT_DRAFT = Entry(
    "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công của tỉnh",
    {
        "date": at(2026, 1, 20, 8),
        "lead": "Người dân, doanh nghiệp có thể nộp hồ sơ thủ tục hành chính trực tuyến tại "
        "dichvucong.quangngai.gov.vn, không phải đến Trung tâm Phục vụ hành chính công.",
        "body": [
            paragraph(
                "<p>Cổng dịch vụ công của tỉnh (dichvucong.quangngai.gov.vn) cho phép chọn thủ tục, điền tờ khai và "
                "nộp hồ sơ trực tuyến. Theo số liệu tỉnh đã công bố, 2.192 thủ tục hành chính đã được cấu hình trên "
                "hệ thống.</p>"
            ),
            paragraph(
                "<p>Người dân vẫn có thể nộp hồ sơ trực tiếp tại 96 Trung tâm Phục vụ hành chính công cấp xã, hoạt "
                "động từ ngày 1/7/2025.</p>"
            ),
        ],
        "source": STTTT_AUTHOR,
    },
)

STTTT = DemoSite(
    name="Sở Thông tin và Truyền thông",
    kind="agency",
    name_en="Department of Information and Communications",
    contact_settings={
        "owner": "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi (nay thuộc Sở Khoa học và Công nghệ)",
        "owner_en": "Quang Ngai Department of Information and Communications (now part of the Department of "
        "Science and Technology)",
        # Illustrative: the department's address, phone, fax and mailbox are not in the facts file.
        "address": "Sở Khoa học và Công nghệ, tỉnh Quảng Ngãi",
        "address_en": "Department of Science and Technology, Quang Ngai Province",
        "phone": "0255 0000 200",
        "fax": "0255 0000 299",
        "email": "stttt@quangngai.gov.vn",
        "responsible": "Nguyễn Tấn Liêm, Giám đốc Sở Khoa học và Công nghệ",
        "responsible_en": "Nguyen Tan Liem, Director of the Department of Science and Technology",
        "licence": "Trang trình diễn: thông tin giấy phép là minh họa.",
        "licence_en": "Demonstration site: the licence details are illustrative.",
    },
    intro=(
        "<p>Trang thông tin điện tử của Sở Thông tin và Truyền thông tỉnh Quảng Ngãi, ví dụ về tên miền cấp 4 tại "
        "Điều 6 Quy chế hoạt động của Cổng thông tin điện tử tỉnh. <b>Năm 2025, Sở đã hợp nhất vào Sở Khoa học và "
        "Công nghệ</b>; trang được giữ lại làm ví dụ của Quy chế.</p>"
    ),
    intro_en=(
        "<p>Website of the Quang Ngai Department of Information and Communications, the example of an agency's "
        "fourth-level domain in Article 6 of the regulation on the Provincial Web Portal. <b>In 2025 the department "
        "was merged into the Department of Science and Technology</b>; the site is kept as the regulation's "
        "example.</p>"
    ),
    section_intros=section_intros("Sở Thông tin và Truyền thông", "Department of Information and Communications"),
    about=STTTT_ABOUT,
    news=STTTT_NEWS,
    contact_intro=CONTACT_INTRO,
    contacts=[
        Person(
            "Nguyễn Tấn Liêm",
            "Giám đốc Sở Khoa học và Công nghệ",
            "Sở Khoa học và Công nghệ (tiếp nhận chức năng của Sở Thông tin và Truyền thông)",
            "Nguyen Tan Liem",
            "Director of the Department of Science and Technology",
            "Department of Science and Technology (successor of the Department of Information and Communications)",
            "0255 0000 201",
            "skhcn@quangngai.gov.vn",
        ),
        Person(
            "Ban biên tập Trang thông tin điện tử",
            "Đầu mối tiếp nhận thông tin",
            "Sở Thông tin và Truyền thông (nay thuộc Sở Khoa học và Công nghệ)",
            "Website editorial board",
            "Contact point for information",
            "Department of Information and Communications (now part of the Department of Science and Technology)",
            "0255 0000 210",
            "stttt@quangngai.gov.vn",
        ),
    ],
    # Fictional demo accounts, not officials.
    users=[
        DemoUser("bientap.stttt", "Hạnh", "Trần Thị", "editors"),
        DemoUser("bbt.stttt", "Bình", "Lê Văn", "moderators"),
    ],
    draft=STTTT_DRAFT,
)

# --- Xã Tư Nghĩa: a commune formed on 1/7/2025 (facts §1b) -----------------------------------------------------

TUNGHIA_AUTHOR = "Ban biên tập Trang TTĐT xã Tư Nghĩa"
TUNGHIA_AUTHOR_EN = "Editorial Board, Tu Nghia Commune website"

TUNGHIA_ABOUT = [
    Entry(
        "Giới thiệu xã Tư Nghĩa",
        {
            "lead": "Xã Tư Nghĩa được thành lập từ ngày 1/7/2025 trên cơ sở thị trấn La Hà và các xã Nghĩa Trung, "
            "Nghĩa Thương, Nghĩa Hòa của huyện Tư Nghĩa (cũ).",
            "body": [
                heading("Quá trình thành lập"),
                paragraph(
                    "<p>Theo Nghị quyết số 1677/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về sắp xếp "
                    "các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi, xã Tư Nghĩa được thành lập trên cơ sở "
                    "<b>thị trấn La Hà</b> (huyện lỵ của huyện Tư Nghĩa trước đây) và các xã <b>Nghĩa Trung, Nghĩa "
                    "Thương, Nghĩa Hòa</b>.</p>"
                    "<p>Chính quyền xã hoạt động từ ngày 1/7/2025, cùng thời điểm cấp huyện kết thúc hoạt động và "
                    "tỉnh vận hành chính quyền địa phương hai cấp.</p>"
                ),
                heading("Địa bàn huyện Tư Nghĩa (cũ)"),
                paragraph(
                    "<p>Xã Tư Nghĩa là một trong 86 xã của tỉnh Quảng Ngãi. Trên địa bàn huyện Tư Nghĩa cũ còn có xã "
                    "Vệ Giang, thành lập từ thị trấn Sông Vệ và các xã Nghĩa Hiệp, Nghĩa Phương.</p>"
                ),
                heading("Trang thông tin điện tử"),
                paragraph(
                    "<p>Tên miền tunghia.quangngai.gov.vn trước đây là trang của huyện Tư Nghĩa. Theo Điều 6 Quy "
                    "chế, trang của địa phương dùng tên đầy đủ của địa phương bằng tiếng Việt không dấu.</p>"
                ),
            ],
            "author": TUNGHIA_AUTHOR,
            "source": "Nghị quyết số 1677/NQ-UBTVQH15",
        },
        English(
            "about-tu-nghia-commune",
            {
                "title": "About Tu Nghia Commune",
                "lead": "Tu Nghia Commune was formed on 1 July 2025 from La Ha township and the communes of Nghia "
                "Trung, Nghia Thuong and Nghia Hoa of the former Tu Nghia district.",
                "body": [
                    heading("How the commune was formed"),
                    paragraph(
                        "<p>Under Resolution 1677/NQ-UBTVQH15 of the National Assembly Standing Committee "
                        "(16 June 2025) on the reorganization of Quang Ngai's commune-level units, Tu Nghia Commune "
                        "was formed from <b>La Ha township</b> (the former seat of Tu Nghia district) and the "
                        "communes of <b>Nghia Trung, Nghia Thuong and Nghia Hoa</b>.</p>"
                        "<p>The commune government took office on 1 July 2025, when districts ceased to exist and "
                        "the province moved to a two-tier local government.</p>"
                    ),
                    heading("The former Tu Nghia district"),
                    paragraph(
                        "<p>Tu Nghia is one of the province's 86 communes. The former district also gave rise to Ve "
                        "Giang Commune, formed from Song Ve township and the communes of Nghia Hiep and Nghia "
                        "Phuong.</p>"
                    ),
                ],
                "author": TUNGHIA_AUTHOR_EN,
                "source": "Resolution 1677/NQ-UBTVQH15",
            },
        ),
    ),
]

TUNGHIA_NEWS = [
    Entry(
        "Xã Tư Nghĩa chính thức hoạt động từ ngày 1/7/2025",
        {
            "date": at(2025, 7, 1, 7, 30),
            "lead": "Xã Tư Nghĩa, thành lập trên cơ sở thị trấn La Hà và các xã Nghĩa Trung, Nghĩa Thương, Nghĩa "
            "Hòa, chính thức hoạt động từ ngày 1/7/2025.",
            "body": [
                paragraph(
                    "<p>Xã được thành lập theo Nghị quyết số 1677/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ "
                    "Quốc hội về sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi. Sau sắp xếp, tỉnh có 96 "
                    "đơn vị hành chính cấp xã.</p>"
                ),
                paragraph(
                    "<p>Từ ngày 1/7/2025, chính quyền địa phương được tổ chức ở hai cấp, cấp tỉnh và cấp xã, theo "
                    "Luật Tổ chức chính quyền địa phương số 72/2025/QH15.</p>"
                ),
            ],
            "author": TUNGHIA_AUTHOR,
            "source": "thuviennhadat.vn (Nghị quyết số 1677/NQ-UBTVQH15)",
            "source_url": NQ1677_URL,
        },
    ),
    Entry(
        "Kết thúc hoạt động của huyện Tư Nghĩa",
        {
            "date": at(2025, 6, 30, 16),
            "lead": "Ngày 30/6/2025, các địa phương trong tỉnh tổ chức lễ công bố kết thúc hoạt động của đơn vị "
            "hành chính cấp huyện; từ ngày 1/7/2025, huyện Tư Nghĩa không còn là đơn vị hành chính.",
            "body": [
                paragraph(
                    "<p>Địa bàn huyện Tư Nghĩa (cũ) được sắp xếp vào các xã mới, trong đó có xã Tư Nghĩa (thị trấn "
                    "La Hà và các xã Nghĩa Trung, Nghĩa Thương, Nghĩa Hòa) và xã Vệ Giang (thị trấn Sông Vệ và các xã "
                    "Nghĩa Hiệp, Nghĩa Phương).</p>"
                ),
            ],
            "author": TUNGHIA_AUTHOR + " (tổng hợp)",
            "source": "Báo Kinh tế & Đô thị",
            "source_url": DISTRICTS_END_URL,
        },
    ),
    Entry(
        "Trung tâm Phục vụ hành chính công xã Tư Nghĩa tiếp nhận hồ sơ từ ngày 1/7/2025",
        {
            "date": at(2025, 7, 1, 9),
            "lead": "Trung tâm là một trong 96 Trung tâm Phục vụ hành chính công cấp xã của tỉnh, hoạt động từ ngày "
            "1/7/2025.",
            "body": [
                paragraph(
                    "<p>Người dân, doanh nghiệp nộp hồ sơ và nhận kết quả giải quyết thủ tục hành chính tại Trung "
                    "tâm Phục vụ hành chính công xã, hoặc nộp trực tuyến trên Cổng dịch vụ công của tỉnh "
                    "(dichvucong.quangngai.gov.vn).</p>"
                ),
            ],
            "author": TUNGHIA_AUTHOR + " (tổng hợp)",
            "source": "Báo Lao Động",
            "source_url": CENTRES_URL,
        },
    ),
    Entry(
        "HĐND tỉnh thông qua Kế hoạch phát triển kinh tế – xã hội năm 2026",
        {
            "date": at(2025, 12, 11, 8),
            "lead": "Nghị quyết số 48/NQ-HĐND ngày 10/12/2025 của HĐND tỉnh về Kế hoạch phát triển kinh tế – xã hội "
            "năm 2026 là căn cứ để các xã xây dựng kế hoạch của địa phương.",
            "body": [
                paragraph(
                    "<p>Cùng ngày, HĐND tỉnh ban hành Nghị quyết số 47/NQ-HĐND về Kế hoạch phát triển kinh tế – xã "
                    "hội 5 năm 2026–2030. Hai nghị quyết do Chủ tịch HĐND tỉnh Nguyễn Đức Tuy ký.</p>"
                ),
            ],
            "author": TUNGHIA_AUTHOR + " (tổng hợp)",
            "source": "nhansu.vn",
            "source_url": NQ48_URL,
        },
    ),
]

TUNGHIA = DemoSite(
    name="Xã Tư Nghĩa",
    kind="local",
    name_en="Tu Nghia Commune",
    contact_settings={
        "owner": "Ủy ban nhân dân xã Tư Nghĩa",
        "owner_en": "Tu Nghia Commune People's Committee",
        # Illustrative: the commune's street address, numbers and mailbox are not in the facts file.
        "address": "Trụ sở UBND xã Tư Nghĩa, tỉnh Quảng Ngãi",
        "address_en": "Tu Nghia Commune People's Committee, Quang Ngai Province",
        "phone": "0255 0000 300",
        "fax": "0255 0000 399",
        "email": "tunghia@quangngai.gov.vn",
        # No commune official is named in the facts file: the position alone, not an invented name.
        "responsible": "Chủ tịch UBND xã Tư Nghĩa",
        "responsible_en": "Chairperson of the Tu Nghia Commune People's Committee",
        "licence": "Trang trình diễn: thông tin giấy phép là minh họa.",
        "licence_en": "Demonstration site: the licence details are illustrative.",
    },
    intro=(
        "<p>Trang thông tin điện tử của Ủy ban nhân dân xã Tư Nghĩa. Xã được thành lập từ ngày 1/7/2025 trên cơ sở "
        "thị trấn La Hà và các xã Nghĩa Trung, Nghĩa Thương, Nghĩa Hòa của huyện Tư Nghĩa (cũ), theo Nghị quyết số "
        "1677/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội.</p>"
    ),
    intro_en=(
        "<p>Website of the Tu Nghia Commune People's Committee. The commune was formed on 1 July 2025 from La Ha "
        "township and the communes of Nghia Trung, Nghia Thuong and Nghia Hoa of the former Tu Nghia district, under "
        "Resolution 1677/NQ-UBTVQH15 of the National Assembly Standing Committee.</p>"
    ),
    section_intros=section_intros("UBND xã Tư Nghĩa", "Tu Nghia Commune People's Committee"),
    about=TUNGHIA_ABOUT,
    news=TUNGHIA_NEWS,
    contact_intro=CONTACT_INTRO,
    # The facts file names no commune official, so the chairperson's name is shown as "being updated".
    contacts=[
        Person(
            "Đang cập nhật",
            "Chủ tịch UBND xã",
            "Ủy ban nhân dân xã Tư Nghĩa",
            "To be announced",
            "Chairperson of the Commune People's Committee",
            "Tu Nghia Commune People's Committee",
            "0255 0000 301",
            "tunghia@quangngai.gov.vn",
        ),
        Person(
            "Bộ phận tiếp nhận và trả kết quả",
            "Đầu mối tiếp nhận hồ sơ thủ tục hành chính",
            "Trung tâm Phục vụ hành chính công xã Tư Nghĩa",
            "Reception and results desk",
            "Contact point for administrative procedures",
            "Tu Nghia Commune Public Administrative Service Center",
            "0255 0000 310",
            "tunghia@quangngai.gov.vn",
        ),
    ],
    users=[
        DemoUser("bientap.tunghia", "Hoa", "Phạm Thị", "editors"),
        DemoUser("bbt.tunghia", "Dũng", "Võ Văn", "moderators"),
        DemoUser("motcua.tunghia", "Thảo", "Huỳnh Thị", "officers"),
    ],
)

SITES = [PORTAL, STTTT, TUNGHIA]
