"""The demo's legal-documents library (R5) and the portal's Official Gazette (R6): data and seeding.

Two kinds of documents, kept apart on purpose:

- REAL documents (`REAL_DOCUMENTS`): the documents of Quảng Ngãi's authorities listed in
  /work/shared/QUANG-NGAI-FACTS.md §4, with their real number, type, date and signer, plus the national
  documents that facts file names as their legal basis or as the basis of the 2025 reorganisation (§1, §4).
  Only their metadata is real. Their summaries and the short notes on their pages are written by us, and
  their PDF files are one-page summaries generated here, not the documents themselves.
- SYNTHETIC documents (`synthetic_documents()`): made up for the demo from templates, so that the library
  has about 200 documents to search, filter and page through. Their numbers, dates and subjects are
  plausible but invented; a number may even be that of a real document with another subject. Each one
  says on its page and in its file that it is a demo sample. Only the real documents above are real.

Everything here is deterministic (a seeded random generator, no set iteration), so every run of seed_demo
builds the same list, and a second run finds every document already there and creates nothing.
"""

import hashlib
import random
import textwrap
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from documents.importing import legal_documents_section
from documents.models import Authority, DocumentFile, DocumentRelation, DocumentType, LegalDocumentPage, LegalField
from documents.models.pages import number_key
from gazette.models import GazetteEntry, GazetteIndexPage, GazetteIssuePage, issue_title
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import fold_diacritics, slugify
from vietnam.workdays import add_working_days

from .content import COMMUNES_FORMER_KON_TUM, COMMUNES_FORMER_QUANG_NGAI, WARDS

PROVINCE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
Kind = DocumentRelation.Kind

# --- The lists (administrators edit them later in "Danh mục văn bản") -------------------------------------------

# (name, English name, abbreviation). Laws carry no type abbreviation in their number (72/2025/QH15), and an
# official letter (công văn) carries its unit's code instead (Nghị định 30/2020/NĐ-CP): "1234/STTTT-CNTT".
DOCUMENT_TYPES = [
    ("Luật", "Law", ""),
    ("Nghị quyết", "Resolution", "NQ"),
    ("Nghị định", "Decree", "NĐ"),
    ("Quyết định", "Decision", "QĐ"),
    ("Chỉ thị", "Directive", "CT"),
    ("Thông tư", "Circular", "TT"),
    ("Kế hoạch", "Plan", "KH"),
    ("Công văn", "Official letter", "CV"),
    ("Thông báo", "Notice", "TB"),
    ("Báo cáo", "Report", "BC"),
    ("Tờ trình", "Submission", "TTr"),
]

UBND = "UBND tỉnh Quảng Ngãi"
HDND = "HĐND tỉnh Quảng Ngãi"
STTTT = "Sở Thông tin và Truyền thông"
UBND_XA = "UBND xã Tư Nghĩa"
STP = "Sở Tư pháp"
STC = "Sở Tài chính"
SNV = "Sở Nội vụ"
SYT = "Sở Y tế"
SKHCN = "Sở Khoa học và Công nghệ"
SGDDT = "Sở Giáo dục và Đào tạo"
SNNMT = "Sở Nông nghiệp và Môi trường"
SXD = "Sở Xây dựng"
QUOC_HOI = "Quốc hội"
UBTVQH = "Ủy ban Thường vụ Quốc hội"
CHINH_PHU = "Chính phủ"

# (name, English name, code of the demo site it is linked to: "" the portal, None no site)
AUTHORITIES = [
    (UBND, "Quang Ngai Provincial People's Committee", ""),
    (HDND, "Quang Ngai Provincial People's Council", None),
    (STTTT, "Department of Information and Communications", "stttt"),
    (UBND_XA, "Tu Nghia Commune People's Committee", "tunghia"),
    (STP, "Department of Justice", None),
    (STC, "Department of Finance", None),
    (SNV, "Department of Home Affairs", None),
    (SYT, "Department of Health", None),
    (SKHCN, "Department of Science and Technology", None),
    (SGDDT, "Department of Education and Training", None),
    (SNNMT, "Department of Agriculture and Environment", None),
    (SXD, "Department of Construction", None),
    (QUOC_HOI, "National Assembly", None),
    (UBTVQH, "Standing Committee of the National Assembly", None),
    (CHINH_PHU, "Government", None),
]

HC = "Hành chính nhà nước"
CNTT = "Công nghệ thông tin"
KHDT = "Kế hoạch và đầu tư"
TC = "Tài chính"
GD = "Giáo dục"
YT = "Y tế"
DD = "Đất đai"
GT = "Giao thông"
VH = "Văn hóa"
NV = "Nội vụ"
TP = "Tư pháp"
XD = "Xây dựng"
NNMT = "Nông nghiệp và môi trường"
KHCN = "Khoa học và công nghệ"
BCVT = "Bưu chính, viễn thông"
BC = "Thông tin, báo chí"

LEGAL_FIELDS = [
    (HC, "State administration"),
    (CNTT, "Information technology"),
    (KHDT, "Planning and investment"),
    (TC, "Finance"),
    (GD, "Education"),
    (YT, "Health"),
    (DD, "Land"),
    (GT, "Transport"),
    (VH, "Culture"),
    (NV, "Home affairs"),
    (TP, "Justice"),
    (XD, "Construction"),
    (NNMT, "Agriculture and environment"),
    (KHCN, "Science and technology"),
    (BCVT, "Posts and telecommunications"),
    (BC, "Information and press"),
]


@dataclass(frozen=True)
class Doc:
    """One document to put in the library: its metadata, the sites it is posted on and its relations.

    `sites` are agency codes ("" is the portal); `relations` are (kind, number) pairs naming documents
    earlier in the list (a number shared by two authorities names the one of this document's authority).
    """

    number: str
    type: str
    authority: str
    issued_on: date
    summary: str
    fields: tuple = ()
    signer: str = ""
    signer_title: str = ""
    effective_from: date | None = None
    expires_on: date | None = None
    relations: tuple = ()
    sites: tuple = ("",)
    note: str = ""
    source: str = ""
    real: bool = False
    posted_after: int = 1  # working days between issue and posting (the late-documents report, R10)

    @property
    def key(self) -> tuple[str, str]:
        return self.authority, number_key(self.number)

    @property
    def title(self) -> str:
        return f"{self.type} {self.number}"

    @property
    def file_name(self) -> str:
        return f"{self.type} {self.number.replace('/', '-')}.pdf"


# --- Real documents (facts §4; the national ones from §1 and §4) -----------------------------------------------
# The facts file names the national documents without their dates (except 202/2025/QH15 and 1677/NQ-UBTVQH15):
# the dates, signers and effective dates of 43/2011/NĐ-CP, 42/2022/NĐ-CP and 72/2025/QH15 come from the public
# pages given as their source.

QD16_NOTE = (
    "Quyết định ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi, thay thế Quyết định "
    "số 206/2004/QĐ-UB ngày 21/9/2004 của UBND tỉnh. Tình trạng hiệu lực chưa được kiểm chứng: chưa thấy văn bản "
    "nào thay thế, sửa đổi hay bãi bỏ Quyết định này, dù Nghị định 43/2011/NĐ-CP mà nó căn cứ đã được thay thế "
    "bởi Nghị định 42/2022/NĐ-CP."
)

REAL_DOCUMENTS = [
    Doc(
        "206/2004/QĐ-UB",
        "Quyết định",
        UBND,
        date(2004, 9, 21),
        "Về Trang thông tin điện tử tỉnh Quảng Ngãi",
        (CNTT, HC),
        real=True,
        note="Văn bản này được thay thế bởi Quyết định số 16/2017/QĐ-UBND. Số và ngày ban hành lấy từ văn bản "
        "thay thế nó; trích yếu do bản trình diễn ghi lại, chưa đối chiếu bản gốc.",
    ),
    Doc(
        "43/2011/NĐ-CP",
        "Nghị định",
        CHINH_PHU,
        date(2011, 6, 13),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng "
        "thông tin điện tử của cơ quan nhà nước",
        (CNTT, HC),
        signer="Nguyễn Tấn Dũng",
        signer_title="Thủ tướng Chính phủ",
        real=True,
        posted_after=3,
        source="https://english.luatvietnam.vn/decree-no-43-2011-nd-cp-dated-june-13-2011-of-the-government-on-provision-"
        "of-online-information-and-public-services-on-websites-or-web-portals-of-st-62349-Doc1.html",
    ),
    Doc(
        "16/2017/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2017, 4, 19),
        "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
        (CNTT, HC),
        signer="Trần Ngọc Căng",
        signer_title="Chủ tịch UBND tỉnh",
        effective_from=date(2017, 4, 29),
        relations=((Kind.REPLACES, "206/2004/QĐ-UB"), (Kind.BASED_ON, "43/2011/NĐ-CP")),
        real=True,
        note=QD16_NOTE,
    ),
    Doc(
        "4074/KH-UBND",
        "Kế hoạch",
        UBND,
        date(2017, 7, 6),
        "Thực hiện Chỉ thị số 20/CT-TTg của Thủ tướng Chính phủ về chấn chỉnh công tác thanh tra, kiểm tra đối "
        "với doanh nghiệp",
        (HC, KHDT),
        signer="Trần Ngọc Căng",
        signer_title="Chủ tịch UBND tỉnh",
        real=True,
        source="https://phapluatcongdong.vn/van-ban/van-ban-khac-4074-kh-ubnd-ban-hanh-tinh-quang-ngai-nam-2017-p118660.htm",
    ),
    Doc(
        "5753/KH-UBND",
        "Kế hoạch",
        UBND,
        date(2017, 9, 19),
        "Triển khai Chương trình phổ biến, giáo dục pháp luật giai đoạn 2017-2021 trên địa bàn tỉnh Quảng Ngãi",
        (TP,),
        real=True,
        source="https://thuvienphapluat.vn/van-ban/Giao-duc/Ke-hoach-5753-KH-UBND-2017-Chuong-trinh-pho-bien-giao-duc-phap-luat-Quang-Ngai-367864.aspx",
    ),
    Doc(
        "2157/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2017, 11, 9),
        "Công bố danh mục thủ tục hành chính thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết qua dịch vụ bưu "
        "chính công ích trên địa bàn tỉnh Quảng Ngãi",
        (HC, BCVT),
        signer_title="Chủ tịch UBND tỉnh",
        effective_from=date(2017, 11, 9),
        # Posted on the department's site too: the public postal service is its field (R5: "where it fits").
        sites=("", "stttt"),
        real=True,
        source="https://hethongphapluat.vn/quyet-dinh-2157-qd-ubnd-nam-2017-ve-cong-bo-danh-muc-thu-tuc-hanh-chinh-"
        "thuc-hien-tiep-nhan-ho-so-tra-ket-qua-giai-quyet-qua-dich-vu-buu-chinh-cong-ich-do-tinh-quang-ngai-ban-hanh.html",
    ),
    Doc(
        "06/CT-UBND",
        "Chỉ thị",
        UBND,
        date(2020, 4, 24),
        "Về việc xây dựng Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025",
        (KHDT,),
        effective_from=date(2020, 4, 24),
        real=True,
        source="https://thuvienphapluat.vn/van-ban/Thuong-mai/Chi-thi-06-CT-UBND-2020-xay-dung-Ke-hoach-phat-trien-"
        "kinh-te-xa-hoi-tinh-Quang-Ngai-2020-2025-443064.aspx",
    ),
    Doc(
        "649/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2021, 7, 26),
        "Ban hành Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) giai đoạn 2021-2025",
        (KHDT, HC),
        effective_from=date(2021, 7, 26),
        real=True,
        note="Số, ngày và trích yếu theo Quyết định số 2074/QĐ-UBND, văn bản viện dẫn Quyết định này.",
    ),
    Doc(
        "768/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2021, 8, 26),
        "Ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Quảng Ngãi giai đoạn 2021-2025",
        (HC,),
        effective_from=date(2021, 8, 26),
        real=True,
        note="Số, ngày và trích yếu theo Quyết định số 2074/QĐ-UBND, văn bản viện dẫn Quyết định này.",
    ),
    Doc(
        "62/2021/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2021, 11, 8),
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Khoa học và Công nghệ tỉnh Quảng Ngãi",
        (NV, KHCN),
        real=True,
        source="https://thuviennhadat.vn/vbpl/quyet-dinh-62-2021-qd-ubnd-chuc-nang-nhiem-vu-quyen-han-so-khoa-hoc-tinh-"
        "quang-ngai-495297.html",
    ),
    Doc(
        "2074/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2021, 12, 20),
        "Ban hành Kế hoạch tuyên truyền cải cách hành chính tỉnh Quảng Ngãi giai đoạn 2022-2025",
        (HC,),
        signer_title="Chủ tịch UBND tỉnh",
        effective_from=date(2021, 12, 20),
        relations=((Kind.BASED_ON, "768/QĐ-UBND"), (Kind.BASED_ON, "649/QĐ-UBND")),
        real=True,
        source="https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-2074-QD-UBND-2021-tuyen-truyen-cai-"
        "cach-hanh-chinh-Quang-Ngai-giai-doan-2022-2025-511272.aspx",
    ),
    Doc(
        "42/2022/NĐ-CP",
        "Nghị định",
        CHINH_PHU,
        date(2022, 6, 24),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
        (CNTT, HC),
        signer="Vũ Đức Đam",
        signer_title="Phó Thủ tướng Chính phủ",
        effective_from=date(2022, 8, 15),
        relations=((Kind.REPLACES, "43/2011/NĐ-CP"),),
        real=True,
        posted_after=3,
        source="https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Nghi-dinh-42-2022-ND-CP-cung-cap-thong-tin-dich-"
        "vu-cong-truc-tuyen-tren-moi-truong-mang-518831.aspx",
    ),
    Doc(
        "23/2023/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2023, 6, 8),
        "Quy định về phân cấp quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia giai đoạn 2021-2025 "
        "trên địa bàn tỉnh Quảng Ngãi",
        (KHDT, TC),
        real=True,
        source="https://hethongphapluat.com/quyet-dinh-23-2023-qd-ubnd-quy-dinh-ve-phan-cap-quan-ly-to-chuc-thuc-hien-"
        "chuong-trinh-muc-tieu-quoc-gia-giai-doan-2021-2025-tren-dia-ban-tinh-quang-ngai.html",
    ),
    Doc(
        "23/KH-UBND",
        "Kế hoạch",
        UBND,
        date(2024, 1, 31),
        "Rà soát, đánh giá thủ tục hành chính năm 2024 trên địa bàn tỉnh Quảng Ngãi",
        (HC,),
        real=True,
        source="https://hethongphapluat.vn/ke-hoach-23-kh-ubnd-ra-soat-danh-gia-thu-tuc-hanh-chinh-nam-2024-tren-dia-"
        "ban-tinh-quang-ngai.html",
    ),
    Doc(
        "202/2025/QH15",
        "Nghị quyết",
        QUOC_HOI,
        date(2025, 6, 12),
        "Về việc sắp xếp đơn vị hành chính cấp tỉnh (hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi thành tỉnh Quảng Ngãi)",
        (NV, HC),
        real=True,
        posted_after=3,
        source="https://sotuphap.kontum.gov.vn/tin-tuc-hoat-dongthong-tin-tong-hop/Quoc-hoi-thong-qua-Nghi-quyet-ve-"
        "sap-xep-don-vi-hanh-chinh-cap-tinh-10349",
    ),
    Doc(
        "72/2025/QH15",
        "Luật",
        QUOC_HOI,
        date(2025, 6, 16),
        "Luật Tổ chức chính quyền địa phương",
        (NV, HC),
        effective_from=date(2025, 6, 16),
        real=True,
        posted_after=3,
        source="https://yentruong.thanhhoa.gov.vn/tuyen-truyen-pho-bien-phap-luat/bai-tuyen-truyen-luat-to-chuc-chinh-"
        "quyen-dia-phuong-nam-2025-610145",
    ),
    Doc(
        "1677/NQ-UBTVQH15",
        "Nghị quyết",
        UBTVQH,
        date(2025, 6, 16),
        "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi năm 2025",
        (NV, HC),
        signer="Trần Thanh Mẫn",
        signer_title="Chủ tịch Quốc hội",
        relations=((Kind.BASED_ON, "72/2025/QH15"),),
        real=True,
        posted_after=3,
        source="https://thuviennhadat.vn/van-ban-phap-luat-viet-nam/nghi-quyet-1677-nq-ubtvqh15-2025-sap-xep-cac-don-"
        "vi-hanh-chinh-cap-xa-quang-ngai-661113.html",
    ),
    Doc(
        "26/NQ-HĐND",
        "Nghị quyết",
        HDND,
        date(2025, 8, 22),
        "Về các chỉ tiêu chủ yếu phát triển kinh tế - xã hội năm 2025 của tỉnh Quảng Ngãi (24 chỉ tiêu)",
        (KHDT,),
        effective_from=date(2025, 8, 22),
        real=True,
        source="https://quangngai.gov.vn/en/news/provincial-chairman-pledges-breakthrough-governance-as-quang-ngai-"
        "enters-new-development-phase.html",
    ),
    Doc(
        "136/TTr-UBND",
        "Tờ trình",
        UBND,
        date(2025, 11, 27),
        "Dự thảo Nghị quyết của Hội đồng nhân dân tỉnh về Kế hoạch phát triển kinh tế - xã hội năm 2026",
        (KHDT,),
        real=True,
        note="Số, ngày và trích yếu theo Nghị quyết số 48/NQ-HĐND, văn bản viện dẫn Tờ trình này.",
    ),
    Doc(
        "137/TTr-UBND",
        "Tờ trình",
        UBND,
        date(2025, 11, 27),
        "Dự thảo Nghị quyết của Hội đồng nhân dân tỉnh về Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030",
        (KHDT,),
        real=True,
        note="Số, ngày và trích yếu theo Nghị quyết số 47/NQ-HĐND, văn bản viện dẫn Tờ trình này.",
    ),
    Doc(
        "152/BC-UBND",
        "Báo cáo",
        UBND,
        date(2025, 12, 3),
        "Tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025 và phương hướng, nhiệm vụ "
        "5 năm 2026-2030",
        (KHDT,),
        real=True,
        note="Số, ngày và trích yếu theo Nghị quyết số 47/NQ-HĐND, văn bản viện dẫn Báo cáo này.",
    ),
    Doc(
        "47/NQ-HĐND",
        "Nghị quyết",
        HDND,
        date(2025, 12, 10),
        "Về Kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030",
        (KHDT,),
        signer="Nguyễn Đức Tuy",
        signer_title="Chủ tịch HĐND tỉnh",
        effective_from=date(2025, 12, 10),
        relations=((Kind.BASED_ON, "137/TTr-UBND"), (Kind.BASED_ON, "152/BC-UBND")),
        real=True,
        source="https://nhansu.vn/van-ban-phap-luat/Nghi-quyet-47-NQ-HDND-2025-ke-hoach-phat-trien-kinh-te-xa-hoi-"
        "Quang-Ngai-689631.html",
    ),
    Doc(
        "48/NQ-HĐND",
        "Nghị quyết",
        HDND,
        date(2025, 12, 10),
        "Về Kế hoạch phát triển kinh tế - xã hội năm 2026",
        (KHDT,),
        signer="Nguyễn Đức Tuy",
        signer_title="Chủ tịch HĐND tỉnh",
        effective_from=date(2025, 12, 10),
        relations=((Kind.BASED_ON, "136/TTr-UBND"),),
        real=True,
        source="https://nhansu.vn/van-ban-phap-luat/Nghi-quyet-48-NQ-HDND-2025-ke-hoach-phat-trien-kinh-te-xa-hoi-"
        "Quang-Ngai-689633.html",
    ),
    Doc(
        "121/KH-UBND",
        "Kế hoạch",
        UBND,
        date(2025, 12, 31),
        "Chuyển đổi số tỉnh Quảng Ngãi năm 2026",
        (CNTT,),
        signer="Trần Phước Hiền",
        signer_title="Phó Chủ tịch UBND tỉnh",
        # Posted on the commune's site too: the plan sets its tasks for 2026.
        sites=("", "tunghia"),
        real=True,
        source="https://nhansu.vn/van-ban-phap-luat/Ke-hoach-121-KH-UBND-2025-chuyen-doi-so-Quang-Ngai-688617.html",
    ),
    Doc(
        "27/QĐ-UBND",
        "Quyết định",
        UBND,
        date(2026, 1, 9),
        "Bổ nhiệm ông Nguyễn Thanh Hoài giữ chức Giám đốc Trung tâm Phục vụ hành chính công tỉnh, thời hạn 5 năm",
        (NV,),
        effective_from=date(2026, 1, 9),
        real=True,
        source="https://quangngai.gov.vn/en/news/people-s-committee-news/appointment-of-director-of-qua-ng-nga-i-"
        "provincial-public-administrative-service-center.html",
    ),
]

# --- Synthetic documents -----------------------------------------------------------------------------------------
# These are SYNTHETIC demo documents, invented from the templates below: not real documents of any authority.
# Only REAL_DOCUMENTS above (facts §4, with the national documents of §1 and §4) are real.

# Two synthetic regulations carried by the gazette issues of 2025 and 2026, with the real documents of that time.
GAZETTE_2025_REGULATION = "Quy định phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách tỉnh Quảng Ngãi năm 2026"
GAZETTE_2026_REGULATION = (
    "Ban hành Quy định phân cấp quản lý tài sản công tại cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh "
    "Quảng Ngãi"
)
SYNTHETIC_NOTE = (
    "Văn bản mẫu do bản trình diễn tạo ra để minh họa thư viện văn bản: số ký hiệu, ngày tháng và trích yếu là "
    "giả định, không phải văn bản thật của cơ quan."
)
LAST_DAY = date(2026, 11, 20)  # the newest synthetic document (the facts file's newest item is from July 2026)
MERGED = date(2025, 3, 1)  # the departments merged (facts §2)
TWO_TIERS = date(2025, 7, 1)  # the new province and its communes took office (facts §1)

OLD_DISTRICTS = [
    "thành phố Quảng Ngãi",
    "huyện Bình Sơn",
    "huyện Sơn Tịnh",
    "huyện Tư Nghĩa",
    "huyện Nghĩa Hành",
    "huyện Mộ Đức",
    "thị xã Đức Phổ",
    "huyện Ba Tơ",
    "huyện Minh Long",
    "huyện Sơn Hà",
    "huyện Trà Bồng",
    "huyện Lý Sơn",
]
NEW_UNITS = (
    [f"phường {name}" for name, _code in WARDS]
    + [f"xã {name}" for name in COMMUNES_FORMER_QUANG_NGAI + COMMUNES_FORMER_KON_TUM]
    + ["đặc khu Lý Sơn"]
)
OLD_DEPARTMENTS = [
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Công Thương",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
]
NEW_DEPARTMENTS = [
    "Sở Nông nghiệp và Môi trường",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Nội vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Công Thương",
    "Sở Dân tộc và Tôn giáo",
    "Sở Tư pháp",
]
# Areas of administrative procedures: (area, department before the 2025 mergers, after, field).
PROCEDURE_AREAS = [
    ("hộ tịch", "Sở Tư pháp", "Sở Tư pháp", TP),
    ("chứng thực", "Sở Tư pháp", "Sở Tư pháp", TP),
    ("đất đai", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", DD),
    ("thành lập và phát triển doanh nghiệp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", KHDT),
    ("giáo dục và đào tạo", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", GD),
    ("khám bệnh, chữa bệnh", "Sở Y tế", "Sở Y tế", YT),
    ("xây dựng", "Sở Xây dựng", "Sở Xây dựng", XD),
    ("đường bộ", "Sở Giao thông vận tải", "Sở Xây dựng", GT),
    ("viễn thông và internet", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", BCVT),
    ("di sản văn hóa", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", VH),
    ("công chức, viên chức", "Sở Nội vụ", "Sở Nội vụ", NV),
    ("quản lý công sản", "Sở Tài chính", "Sở Tài chính", TC),
]
ROADS = ["ĐT.622B", "ĐT.623", "ĐT.624", "ĐT.625", "ĐT.626", "ĐT.627B", "ĐT.628"]
HOLIDAYS = [(1, 1), (4, 30), (5, 1), (9, 2)]  # fixed-date public holidays (no document is signed on them)

# Subjects by series. Each entry is (summary template, fields, the months it is issued in as "YYYY-MM").
# Placeholders: {y} the year of issue, {y1} the next, {y0} the previous, {m}, {q}, {place}, {dept}, {area}, {road},
# {road_place}, {units}.
# None of them may contain the syllable "hoạt": the demo search "quy che hoat dong" is meant to find the real
# 16/2017/QĐ-UBND first, on PostgreSQL and on SQLite (which matches words inside words).
UBND_DECISIONS = [
    ("Phê duyệt Kế hoạch cải cách hành chính nhà nước tỉnh Quảng Ngãi năm {y1}", (HC,), ["2019-12", "2022-12"]),
    (
        "Công bố danh mục thủ tục hành chính mới ban hành, được sửa đổi, bổ sung trong lĩnh vực {area} thuộc "
        "phạm vi chức năng quản lý của {dept}",
        (HC,),
        ["2019-05", "2023-09", "2025-08"],
    ),
    (
        "Phê duyệt quy trình nội bộ giải quyết thủ tục hành chính trong lĩnh vực {area} thuộc thẩm quyền giải "
        "quyết của {dept}",
        (HC,),
        ["2022-02", "2025-10"],
    ),
    (
        "Phê duyệt danh mục dịch vụ công trực tuyến toàn trình, dịch vụ công trực tuyến một phần năm {y}",
        (CNTT, HC),
        ["2024-02", "2026-02"],
    ),
    (
        "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {y1}",
        (KHDT, TC),
        ["2019-12", "2023-12"],
    ),
    (
        "Phê duyệt chủ trương đầu tư dự án nâng cấp, mở rộng tuyến {road} đoạn qua {road_place}",
        (KHDT, GT),
        ["2020-06", "2025-11"],
    ),
    (
        "Thu hồi đất để thực hiện dự án nâng cấp, mở rộng tuyến {road} đoạn qua {road_place}",
        (DD, GT),
        ["2021-09"],
    ),
    (
        "Phê duyệt giá đất cụ thể làm căn cứ tính tiền bồi thường khi Nhà nước thu hồi đất thực hiện dự án Khu dân "
        "cư {place}",
        (DD,),
        ["2026-05"],
    ),
    (
        "Phê duyệt Quy hoạch chi tiết xây dựng tỷ lệ 1/500 Khu dân cư trung tâm {place}",
        (XD, DD),
        ["2025-12"],
    ),
    ("Kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh Quảng Ngãi", (CNTT,), ["2025-08"]),
    ("Công nhận các trường học trên địa bàn {place} đạt chuẩn quốc gia", (GD,), ["2023-11"]),
    (
        "Giao chỉ tiêu tuyển sinh vào lớp 10 trung học phổ thông năm học {y}-{y1}",
        (GD,),
        ["2024-04"],
    ),
    ("Phê duyệt Kế hoạch tiêm chủng mở rộng năm {y}", (YT,), ["2026-01"]),
    (
        "Phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng thực hiện từ năm {y1}",
        (KHCN,),
        ["2025-10"],
    ),
    (
        "Giao biên chế công chức trong cơ quan, tổ chức hành chính nhà nước của tỉnh năm {y1}",
        (NV,),
        ["2025-12"],
    ),
    (
        "Công bố Chỉ số cải cách hành chính năm {y0} của các sở, ban, ngành và {units}",
        (HC,),
        ["2026-03"],
    ),
    (
        "Thành lập Tổ công tác triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện "
        "tử (Đề án 06) tỉnh Quảng Ngãi",
        (CNTT, HC),
        ["2022-02"],
    ),
    ("Phê duyệt Danh mục cơ sở dữ liệu dùng chung của tỉnh Quảng Ngãi", (CNTT,), ["2023-08"]),
    (
        "Xếp hạng di tích lịch sử - văn hóa cấp tỉnh đối với một số di tích trên địa bàn {place}",
        (VH,),
        ["2024-08"],
    ),
    (
        "Phân bổ kinh phí thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {y}",
        (TC,),
        ["2024-06"],
    ),
    ("Công bố công khai quyết toán ngân sách địa phương năm {y0}", (TC,), ["2026-01"]),
]
UBND_PLANS = [
    ("Triển khai công tác cải cách hành chính năm {y}", (HC,), ["2019-01", "2025-01"]),
    ("Thực hiện Chương trình chuyển đổi số tỉnh Quảng Ngãi năm {y}", (CNTT,), ["2024-01"]),
    ("Tuyên truyền cải cách hành chính năm {y}", (HC,), ["2023-01"]),
    ("Rà soát, đánh giá thủ tục hành chính năm {y} trên địa bàn tỉnh", (HC,), ["2022-01", "2026-01"]),
    ("Phổ biến, giáo dục pháp luật năm {y} trên địa bàn tỉnh", (TP,), ["2024-01"]),
    ("Tổ chức kỳ thi tốt nghiệp trung học phổ thông năm {y}", (GD,), ["2025-04"]),
    ("Bảo đảm trật tự, an toàn giao thông năm {y}", (GT,), ["2026-02"]),
    ("Nâng cao Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm {y}", (HC,), ["2023-05"]),
    ("Triển khai thi hành Luật Đất đai năm 2024 trên địa bàn tỉnh", (DD,), ["2024-03"]),
    ("Phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}", (NNMT,), ["2025-05"]),
    ("Sắp xếp đơn vị hành chính cấp xã, xây dựng mô hình chính quyền địa phương hai cấp", (NV, HC), ["2025-04"]),
]
UBND_DIRECTIVES = [
    ("Về tăng cường kỷ luật, kỷ cương hành chính trong cơ quan hành chính nhà nước", (HC, NV), ["2019-06", "2025-07"]),
    ("Về đẩy mạnh sử dụng văn bản điện tử, chữ ký số trong cơ quan nhà nước", (CNTT, HC), ["2021-06"]),
    ("Về đẩy mạnh thanh toán không dùng tiền mặt trong thu, chi dịch vụ công", (TC, CNTT), ["2023-04"]),
    ("Về tăng cường bảo đảm an toàn thông tin mạng trong cơ quan nhà nước", (CNTT,), ["2024-09"]),
    ("Về tăng cường công tác quản lý đất đai, trật tự xây dựng", (DD, XD), ["2022-10"]),
    ("Về tổ chức đón Tết Nguyên đán {y1} vui tươi, lành mạnh, an toàn, tiết kiệm", (VH,), ["2020-12", "2025-12"]),
]
UBND_LETTERS = [  # official letters: "{n}/UBND-<office>"
    ("Về việc đôn đốc giải ngân vốn đầu tư công năm {y}", (KHDT, TC), ["2024-09"], "KTTH"),
    ("Về việc triển khai Ngày Chuyển đổi số quốc gia năm {y}", (CNTT,), ["2025-09"], "KGVX"),
    ("Về việc tăng cường công tác phòng, chống dịch sốt xuất huyết", (YT,), ["2023-06"], "KGVX"),
    ("Về việc chuẩn bị nội dung kỳ họp Hội đồng nhân dân tỉnh", (HC,), ["2024-11"], "TH"),
    (
        "Về việc rà soát, báo cáo tình hình thực hiện thủ tục hành chính trên môi trường điện tử",
        (HC, CNTT),
        ["2026-08"],
        "NC",
    ),
    ("Về việc bảo đảm giao thông mùa mưa bão năm {y}", (GT,), ["2026-09"], "KTN"),
]
UBND_NOTICES = [
    (
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về tiến độ giải phóng mặt bằng tuyến {road}",
        (DD, GT),
        ["2024-07"],
    ),
    ("Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với {dept}", (HC,), ["2023-10", "2026-07"]),
    ("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác chuyển đổi số", (CNTT,), ["2022-08", "2025-11"]),
    ("Lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh tháng {m}/{y}", (HC,), ["2026-10"]),
]
UBND_REPORTS = [
    ("Tình hình kinh tế - xã hội quý {q} năm {y}", (KHDT,), ["2019-09", "2026-06"]),
    ("Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm {y}", (HC,), ["2024-06"]),
    ("Kết quả công tác phòng, chống tham nhũng năm {y}", (HC,), ["2025-12"]),
    ("Tình hình thực hiện dự toán ngân sách nhà nước năm {y}", (TC,), ["2023-11"]),
    ("Kết quả chuyển đổi số năm {y}, nhiệm vụ năm {y1}", (CNTT,), ["2024-12"]),
]
HDND_RESOLUTIONS = [  # individual resolutions: "{n}/NQ-HĐND"
    (
        "Thông qua danh mục công trình, dự án cần thu hồi đất năm {y1} trên địa bàn tỉnh",
        (DD,),
        ["2024-12"],
    ),
    ("Về phân bổ dự toán ngân sách tỉnh năm {y1}", (TC,), ["2023-12"]),
    ("Về kế hoạch đầu tư công năm {y1}", (KHDT,), ["2021-12", "2026-07"]),
    ("Phê chuẩn quyết toán ngân sách địa phương năm {y0}", (TC,), ["2022-07", "2026-07"]),
    ("Về chương trình giám sát của Hội đồng nhân dân tỉnh năm {y1}", (HC,), ["2020-07", "2025-07"]),
]
SECTOR_SERIES = [
    # (authority, type, number pattern, subjects)
    (
        STP,
        "Kế hoạch",
        "KH-STP",
        [
            ("Kiểm tra, rà soát văn bản quy phạm pháp luật năm {y}", (TP,), ["2024-02"]),
            ("Theo dõi tình hình thi hành pháp luật năm {y}", (TP,), ["2022-02"]),
        ],
    ),
    (
        STP,
        "Báo cáo",
        "BC-STP",
        [("Kết quả công tác tư pháp năm {y}, nhiệm vụ năm {y1}", (TP,), ["2021-12", "2025-12"])],
    ),
    (
        STC,
        "Công văn",
        "STC-QLNS",
        [
            ("Hướng dẫn xây dựng dự toán ngân sách nhà nước năm {y1}", (TC,), ["2023-07", "2026-07"]),
            ("Hướng dẫn lập kế hoạch đầu tư công năm {y1}", (KHDT, TC), ["2025-08"]),
        ],
    ),
    (
        STC,
        "Báo cáo",
        "BC-STC",
        [("Tình hình thu, chi ngân sách nhà nước 6 tháng đầu năm {y}", (TC,), ["2026-07"])],
    ),
    (
        SNV,
        "Kế hoạch",
        "KH-SNV",
        [("Tuyển dụng công chức năm {y}", (NV,), ["2022-05", "2026-05"])],
    ),
    (
        SNV,
        "Công văn",
        "SNV-CCHC",
        [("Hướng dẫn tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {y}", (NV, HC), ["2025-11"])],
    ),
    (
        SYT,
        "Kế hoạch",
        "KH-SYT",
        [
            ("Phòng, chống sốt xuất huyết năm {y}", (YT,), ["2024-03"]),
            ("Triển khai bệnh án điện tử tại các bệnh viện trên địa bàn tỉnh", (YT, CNTT), ["2024-06"]),
        ],
    ),
    (
        SYT,
        "Thông báo",
        "TB-SYT",
        [("Danh sách cơ sở khám bệnh, chữa bệnh bảo hiểm y tế ban đầu năm {y1}", (YT,), ["2025-11"])],
    ),
    (
        SKHCN,
        "Thông báo",
        "TB-SKHCN",
        [
            (
                "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh năm {y1}",
                (KHCN,),
                ["2024-09"],
            ),
        ],
    ),
    (
        SKHCN,
        "Kế hoạch",
        "KH-SKHCN",
        [
            ("Tổ chức Ngày hội đổi mới sáng tạo và chuyển đổi số tỉnh Quảng Ngãi năm {y}", (KHCN, CNTT), ["2025-09"]),
            ("Bảo đảm an toàn thông tin mạng trong cơ quan nhà nước năm {y}", (CNTT,), ["2026-02"]),
        ],
    ),
    (
        SGDDT,
        "Công văn",
        "SGDĐT-GDTrH",
        [
            (
                "Hướng dẫn thực hiện nhiệm vụ giáo dục trung học năm học {y}-{y1}",
                (GD,),
                ["2023-09", "2026-09"],
            )
        ],
    ),
    (
        SGDDT,
        "Kế hoạch",
        "KH-SGDĐT",
        [("Tuyển sinh vào lớp 10 trung học phổ thông năm học {y}-{y1}", (GD,), ["2025-03"])],
    ),
    (
        SNNMT,
        "Kế hoạch",
        "KH-SNNMT",
        [("Phòng, chống thiên tai mùa mưa bão năm {y}", (NNMT,), ["2025-08", "2026-08"])],
    ),
    (
        SXD,
        "Công văn",
        "SXD-QLXD",
        [("Hướng dẫn cấp giấy phép xây dựng sau khi sắp xếp đơn vị hành chính", (XD,), ["2025-07"])],
    ),
]
STTTT_SERIES = [
    (
        "Quyết định",
        "QĐ-STTTT",
        [
            (
                "Ban hành Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số của Sở Thông tin và Truyền thông "
                "năm {y}",
                (CNTT,),
                ["2021-01", "2023-01"],
            ),
            ("Kiện toàn Đội ứng cứu sự cố an toàn thông tin mạng tỉnh Quảng Ngãi", (CNTT,), ["2020-04"]),
        ],
    ),
    (
        "Kế hoạch",
        "KH-STTTT",
        [
            ("Tuyên truyền về chuyển đổi số năm {y}", (CNTT, BC), ["2021-02", "2023-03"]),
            ("Diễn tập ứng cứu sự cố an toàn thông tin mạng năm {y}", (CNTT,), ["2022-09", "2024-08"]),
            (
                "Tổ chức các sự kiện hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 năm {y}",
                (CNTT,),
                ["2023-09", "2024-09"],
            ),
            ("Phát triển hạ tầng viễn thông thụ động năm {y}", (BCVT,), ["2019-03", "2022-03"]),
        ],
    ),
    (
        "Báo cáo",
        "BC-STTTT",
        [
            (
                "Kết quả công tác thông tin và truyền thông năm {y}, phương hướng năm {y1}",
                (CNTT, BC),
                ["2022-12", "2024-12"],
            ),
            ("Tình hình cung cấp dịch vụ công trực tuyến quý {q} năm {y}", (CNTT, HC), ["2020-10", "2023-07"]),
        ],
    ),
    (
        "Thông báo",
        "TB-STTTT",
        [
            ("Tạm dừng Hệ thống thư điện tử công vụ tỉnh để bảo trì, nâng cấp", (CNTT,), ["2021-10"]),
            ("Kết quả kiểm tra công tác bảo đảm an toàn thông tin mạng năm {y}", (CNTT,), ["2024-11"]),
        ],
    ),
    (
        "Công văn",
        "STTTT-CNTT",
        [
            ("Về việc cảnh báo lỗ hổng bảo mật trên các hệ điều hành và trình duyệt", (CNTT,), ["2020-06", "2023-05"]),
            ("Về việc sử dụng chữ ký số chuyên dùng công vụ trên thiết bị di động", (CNTT,), ["2022-05"]),
            ("Về việc cập nhật thông tin lên Cổng thông tin điện tử tỉnh", (CNTT, BC), ["2019-05", "2024-04"]),
        ],
    ),
    (
        "Công văn",
        "STTTT-BCVT",
        [
            (
                "Về việc triển khai dịch vụ bưu chính công ích trong tiếp nhận hồ sơ, trả kết quả giải quyết thủ "
                "tục hành chính",
                (BCVT, HC),
                ["2019-08"],
            ),
        ],
    ),
    (
        "Công văn",
        "STTTT-TTBCXB",
        [("Về việc định hướng tuyên truyền kỷ niệm các ngày lễ lớn năm {y}", (BC,), ["2020-01", "2025-01"])],
    ),
]
TUNGHIA_SERIES = [
    (
        "Quyết định",
        "QĐ-UBND",
        [
            ("Thành lập Trung tâm Phục vụ hành chính công xã Tư Nghĩa", (HC,), ["2025-07"]),
            ("Ban hành Quy chế làm việc của Ủy ban nhân dân xã Tư Nghĩa", (HC, NV), ["2025-07"]),
            ("Kiện toàn Ban Chỉ đạo chuyển đổi số xã Tư Nghĩa", (CNTT,), ["2025-09"]),
            ("Thành lập Tổ công nghệ số cộng đồng các thôn, tổ dân phố", (CNTT,), ["2025-10"]),
            ("Giao dự toán thu, chi ngân sách xã năm {y1}", (TC,), ["2025-12"]),
            ("Phê duyệt danh sách hộ nghèo, hộ cận nghèo năm {y1} trên địa bàn xã", (NV,), ["2025-12"]),
        ],
    ),
    (
        "Kế hoạch",
        "KH-UBND",
        [
            ("Cải cách hành chính xã Tư Nghĩa năm {y}", (HC,), ["2026-01"]),
            ("Phòng, chống thiên tai mùa mưa bão năm {y}", (NNMT,), ["2025-09", "2026-08"]),
            ("Tổ chức Tết Nguyên đán Bính Ngọ năm 2026", (VH,), ["2026-01"]),
        ],
    ),
    (
        "Thông báo",
        "TB-UBND",
        [
            ("Lịch tiếp công dân của Chủ tịch UBND xã tháng {m}/{y}", (HC,), ["2025-08", "2026-10"]),
            ("Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng {m}/{y}", (HC,), ["2026-05"]),
        ],
    ),
    (
        "Báo cáo",
        "BC-UBND",
        [
            ("Tình hình kinh tế - xã hội 6 tháng cuối năm {y}", (KHDT,), ["2025-12"]),
            ("Kết quả giải quyết thủ tục hành chính quý {q} năm {y}", (HC,), ["2026-04", "2026-07"]),
        ],
    ),
    (
        "Công văn",
        "UBND-VP",
        [
            (
                "Về việc niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã",
                (HC,),
                ["2025-08"],
            )
        ],
    ),
]
# How many documents of a series an authority issues a day, for plausible numbers (see `numbering_start`).
DAILY_RATES = {
    "QĐ-UBND": 4.5,
    "KH-UBND": 0.7,
    "CT-UBND": 0.04,
    "TB-UBND": 1.5,
    "BC-UBND": 1.0,
    "UBND": 22.0,
    "NQ-HĐND": 0.3,
    "TTr-UBND": 0.9,
}


def numbering_start(issued_on: date) -> date:
    """Numbers restart each January, and restarted when the new province took office (27/QĐ-UBND of 9/1/2026,
    121/KH-UBND of 31/12/2025 and 26/NQ-HĐND of 22/8/2025 fit that)."""
    return TWO_TIERS if issued_on.year == TWO_TIERS.year and issued_on >= TWO_TIERS else date(issued_on.year, 1, 1)


class NumberBook:
    """Numbers already given, per authority (as the library compares them: `number_key`, year included or not)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.taken: dict[str, list[str]] = {}

    def add(self, authority: str, number: str) -> None:
        self.taken.setdefault(authority, []).append(number_key(number))

    def is_free(self, authority: str, number: str) -> bool:
        return number_key(number) not in self.taken.get(authority, [])

    def individual(self, authority: str, suffix: str, issued_on: date, rate: float) -> str:
        """ "{n}/{suffix}": n grows with the days since numbering last restarted, bumped until free."""
        days = (issued_on - numbering_start(issued_on)).days + 1
        n = max(1, round(days * rate * self.rng.uniform(0.85, 1.15)))
        return self._free(authority, lambda k: f"{k}/{suffix}", n)

    def normative(self, authority: str, suffix: str, issued_on: date, per_year: int) -> str:
        """ "{n}/{year}/{suffix}" for legal normative documents, whose numbers carry the year."""
        n = max(1, round(((issued_on - numbering_start(issued_on)).days + 1) * per_year / 365))
        return self._free(authority, lambda k: f"{k}/{issued_on.year}/{suffix}", n)

    def _free(self, authority: str, form, n: int) -> str:
        while not self.is_free(authority, form(n)):
            n += 1
        self.add(authority, form(n))
        return form(n)


class Generator:
    """Builds the synthetic documents from the series above; seeded, so every run builds the same list."""

    def __init__(self):
        self.rng = random.Random(20170419)  # noqa: S311 - demo data, not security
        self.numbers = NumberBook(self.rng)
        for doc in REAL_DOCUMENTS:
            self.numbers.add(doc.authority, doc.number)
        self.docs: list[Doc] = []
        self.count = 0

    def working_day(self, month: str) -> date:
        """A weekday of the month "YYYY-MM" (not after LAST_DAY)."""
        year, number = (int(part) for part in month.split("-"))
        while True:
            day = date(year, number, self.rng.randint(1, 28))
            if day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS and day <= LAST_DAY:
                return day

    def place(self, day: date) -> str:
        return self.rng.choice(NEW_UNITS if day >= TWO_TIERS else OLD_DISTRICTS)

    def road_place(self, day: date) -> str:
        """Where a provincial road (ĐT.62x, former Quảng Ngãi) passes: not the island, not the former Kon Tum."""
        if day >= TWO_TIERS:
            return "xã " + self.rng.choice([name for name in COMMUNES_FORMER_QUANG_NGAI if name != "Ba Xa"])
        return self.rng.choice([name for name in OLD_DISTRICTS if name != "huyện Lý Sơn"])

    def department(self, day: date) -> str:
        return self.rng.choice(NEW_DEPARTMENTS if day >= MERGED else OLD_DEPARTMENTS)

    def summary(self, template: str, day: date) -> tuple[str, tuple]:
        """The template filled for a document issued on `day`, and the extra field its procedure area brings."""
        area, old, new, area_field = self.rng.choice(PROCEDURE_AREAS)
        values = {
            "y": day.year,
            "y1": day.year + 1,
            "y0": day.year - 1,
            "m": day.month,
            # The quarter a report issued this month covers: the current one in its last month, else the last.
            "q": (day.month - 1) // 3 + 1 if day.month % 3 == 0 else (day.month - 2) // 3 + 1,
            "place": self.place(day),
            "dept": self.department(day),
            "area": area,
            "road": self.rng.choice(ROADS),
            "road_place": self.road_place(day),
            "units": "UBND các xã, phường, đặc khu" if day >= TWO_TIERS else "UBND các huyện, thị xã, thành phố",
        }
        if "{area}" in template:
            values["dept"] = new if day >= MERGED else old
        return template.format(**values), ((area_field,) if "{area}" in template else ())

    def add(self, doc: Doc) -> Doc:
        self.count += 1
        # Every 17th document went live late, so that the late-documents report (R10) has rows to show.
        if self.count % 17 == 0:
            doc = replace(doc, posted_after=4)
        self.docs.append(doc)
        return doc

    def series(self, authority: str, type_name: str, subjects, number, *, sites=("",), in_force_on_signing=False):
        for template, fields, months, *extra in subjects:
            for month in months:
                day = self.working_day(month)
                summary, area_field = self.summary(template, day)
                self.add(
                    Doc(
                        number(day, *extra),
                        type_name,
                        authority,
                        day,
                        summary,
                        tuple(dict.fromkeys(fields + area_field)),
                        effective_from=day if in_force_on_signing else None,
                        sites=sites,
                        note=SYNTHETIC_NOTE,
                    )
                )

    def individual(self, authority: str, suffix: str, rate: float):
        return lambda day, *extra: self.numbers.individual(authority, suffix, day, rate)

    def build(self) -> list[Doc]:
        book = self.numbers
        ubnd = {
            suffix: self.individual(UBND, suffix, DAILY_RATES[suffix])
            for suffix in ("QĐ-UBND", "KH-UBND", "TB-UBND", "BC-UBND")
        }
        self.series(UBND, "Quyết định", UBND_DECISIONS, ubnd["QĐ-UBND"], in_force_on_signing=True)
        self.series(UBND, "Kế hoạch", UBND_PLANS, ubnd["KH-UBND"])
        self.series(UBND, "Thông báo", UBND_NOTICES, ubnd["TB-UBND"])
        self.series(UBND, "Báo cáo", UBND_REPORTS, ubnd["BC-UBND"])
        self.series(
            UBND,
            "Chỉ thị",
            UBND_DIRECTIVES,
            lambda day: self.zero_padded(UBND, "CT-UBND", day),
            in_force_on_signing=True,
        )
        self.series(
            UBND,
            "Công văn",
            UBND_LETTERS,
            lambda day, office: book.individual(UBND, f"UBND-{office}", day, DAILY_RATES["UBND"]),
        )
        self.series(
            HDND,
            "Nghị quyết",
            HDND_RESOLUTIONS,
            self.individual(HDND, "NQ-HĐND", DAILY_RATES["NQ-HĐND"]),
            in_force_on_signing=True,
        )
        for authority, type_name, suffix, subjects in SECTOR_SERIES:
            self.series(authority, type_name, subjects, self.individual(authority, suffix, 0.8))
        for type_name, suffix, subjects in STTTT_SERIES:
            rate = 4.0 if type_name == "Công văn" else 0.6
            self.series(
                STTTT,
                type_name,
                subjects,
                self.individual(STTTT, suffix, rate),
                sites=("stttt",),
                in_force_on_signing=type_name == "Quyết định",
            )
        for type_name, suffix, subjects in TUNGHIA_SERIES:
            rate = 3.0 if type_name in ("Quyết định", "Công văn") else 0.4
            self.series(
                UBND_XA,
                type_name,
                subjects,
                self.individual(UBND_XA, suffix, rate),
                sites=("tunghia",),
                in_force_on_signing=type_name == "Quyết định",
            )
        self.normative_documents()
        self.related_documents()
        return self.docs

    def zero_padded(self, authority: str, suffix: str, day: date) -> str:
        n = max(1, round(day.timetuple().tm_yday * DAILY_RATES[suffix]))
        while not self.numbers.is_free(authority, f"{n:02d}/{suffix}") or n == 6:
            n += 1  # 06/CT-UBND is the real directive of 2020: no synthetic one shares its number
        self.numbers.add(authority, f"{n:02d}/{suffix}")
        return f"{n:02d}/{suffix}"

    def normative(self, authority: str, day: date, summary: str, fields: tuple, **extra) -> Doc:
        """A legal normative document (QPPL): numbered with its year, in force 10 days after signing."""
        suffix = "QĐ-UBND" if authority == UBND else "NQ-HĐND"
        number = self.numbers.normative(authority, suffix, day, 55 if authority == UBND else 30)
        type_name = "Quyết định" if authority == UBND else "Nghị quyết"
        effective = extra.pop("effective_from", None) or date.fromordinal(day.toordinal() + 10)
        return self.add(
            Doc(
                number,
                type_name,
                authority,
                day,
                summary,
                fields,
                effective_from=effective,
                note=SYNTHETIC_NOTE,
                **extra,
            )
        )

    def normative_documents(self) -> None:
        """Regulations of UBND and HĐND tỉnh, some later amended, replaced or repealed (validity shows it)."""
        land_prices = self.normative(
            UBND,
            self.working_day("2019-12"),
            "Ban hành Quy định bảng giá đất trên địa bàn tỉnh Quảng Ngãi giai đoạn 2020-2024",
            (DD,),
            expires_on=date(2024, 12, 31),
        )
        mail = self.normative(
            UBND,
            self.working_day("2019-10"),
            "Ban hành Quy chế quản lý, sử dụng hệ thống thư điện tử công vụ tỉnh Quảng Ngãi",
            (CNTT,),
        )
        signatures = self.normative(
            UBND,
            self.working_day("2020-05"),
            "Ban hành Quy định về quản lý, sử dụng chữ ký số, chứng thư số chuyên dùng công vụ trên địa bàn tỉnh "
            "Quảng Ngãi",
            (CNTT, HC),
        )
        network = self.normative(
            UBND,
            self.working_day("2020-09"),
            "Ban hành Quy chế bảo đảm an toàn thông tin mạng trong cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi",
            (CNTT,),
        )
        feedback = self.normative(
            UBND,
            self.working_day("2021-04"),
            "Ban hành Quy chế tiếp nhận, xử lý, trả lời phản ánh, kiến nghị của người dân, doanh nghiệp trên Hệ "
            "thống thông tin phản ánh, kiến nghị của tỉnh",
            (HC, CNTT),
        )
        land_quota = self.normative(
            UBND,
            self.working_day("2022-03"),
            "Ban hành Quy định hạn mức giao đất ở, hạn mức công nhận đất ở trên địa bàn tỉnh Quảng Ngãi",
            (DD,),
        )
        awards = self.normative(
            UBND,
            self.working_day("2022-08"),
            "Ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Quảng Ngãi",
            (NV,),
        )
        compensation = self.normative(
            UBND,
            self.working_day("2023-03"),
            "Quy định đơn giá bồi thường nhà, vật kiến trúc khi Nhà nước thu hồi đất trên địa bàn tỉnh Quảng Ngãi",
            (DD, XD),
        )
        procedures = self.normative(
            UBND,
            self.working_day("2023-10"),
            "Ban hành Quy định về quản lý, vận hành và khai thác Hệ thống thông tin giải quyết thủ tục hành chính "
            "tỉnh Quảng Ngãi",
            (CNTT, HC),
        )
        for month, dept in (("2021-06", "Sở Tư pháp"), ("2022-11", "Sở Y tế"), ("2025-03", "Sở Tài chính")):
            self.normative(
                UBND,
                self.working_day(month),
                f"Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {dept} tỉnh Quảng Ngãi",
                (NV,),
            )
        # Amendments (the amended document becomes "hết hiệu lực một phần"), replacements and a repeal.
        for target, month in ((signatures, "2022-07"), (feedback, "2023-06"), (land_quota, "2024-11")):
            self.normative(
                UBND,
                self.working_day(month),
                f"Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số {target.number} ngày "
                f"{target.issued_on:%d/%m/%Y} của UBND tỉnh Quảng Ngãi",
                target.fields,
                relations=((Kind.AMENDS, target.number),),
            )
        self.normative(
            UBND,
            self.working_day("2024-12"),
            "Ban hành Quy định bảng giá đất lần đầu áp dụng từ ngày 01/01/2025 trên địa bàn tỉnh Quảng Ngãi",
            (DD,),
            relations=((Kind.REPLACES, land_prices.number),),
            effective_from=date(2025, 1, 1),
        )
        self.normative(
            UBND,
            self.working_day("2024-05"),
            "Ban hành Quy chế quản lý, sử dụng hệ thống thư điện tử công vụ và Hệ thống quản lý văn bản, điều hành "
            "tỉnh Quảng Ngãi",
            (CNTT, HC),
            relations=((Kind.REPLACES, mail.number),),
        )
        self.normative(
            UBND,
            self.working_day("2025-09"),
            f"Bãi bỏ Quyết định số {awards.number} ngày {awards.issued_on:%d/%m/%Y} của UBND tỉnh Quảng Ngãi ban "
            "hành Quy định về công tác thi đua, khen thưởng",
            (NV,),
            relations=((Kind.REPEALS, awards.number),),
        )
        self.normative(
            UBND,
            self.working_day("2025-10"),
            f"Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số {compensation.number} ngày "
            f"{compensation.issued_on:%d/%m/%Y} sau khi sắp xếp đơn vị hành chính",
            (DD, XD),
            relations=((Kind.AMENDS, compensation.number), (Kind.BASED_ON, "202/2025/QH15")),
        )
        self.normative(
            UBND,
            self.working_day("2026-06"),
            "Ban hành Quy chế phối hợp tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính "
            "công tỉnh và các xã, phường, đặc khu",
            (HC,),
            relations=((Kind.BASED_ON, procedures.number),),
        )
        self.normative(
            UBND,
            self.working_day("2026-09"),
            "Ban hành Quy chế bảo đảm an toàn thông tin mạng trong cơ quan nhà nước trên địa bàn tỉnh Quảng Ngãi "
            "sau khi sắp xếp đơn vị hành chính",
            (CNTT,),
            relations=((Kind.REPLACES, network.number),),
        )
        # Signed after LAST_DAY's neighbours, in force from next month: "chưa có hiệu lực" until then.
        self.normative(
            UBND,
            date(2026, 11, 18),
            "Ban hành Quy định về quản lý, kết nối và chia sẻ dữ liệu số của các cơ quan nhà nước tỉnh Quảng Ngãi",
            (CNTT,),
            effective_from=date(2027, 1, 1),
        )
        # HĐND's regulations, passed at its July and December sessions.
        fees = None
        for month, summary, fields in (
            (
                "2019-07",
                "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp giấy phép xây dựng",
                (XD, TC),
            ),
            ("2020-12", "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp giai đoạn 2021-2025", (NNMT,)),
            ("2021-12", "Quy định mức hỗ trợ học phí cho trẻ em mầm non và học sinh phổ thông ngoài công lập", (GD,)),
            ("2023-07", "Quy định chính sách thu hút, đãi ngộ nguồn nhân lực y tế giai đoạn 2023-2027", (YT,)),
            ("2024-07", "Quy định nội dung, mức chi thực hiện các chương trình mục tiêu quốc gia", (TC,)),
        ):
            doc = self.normative(HDND, self.working_day(month), summary, fields)
            fees = fees or doc
        self.normative(
            HDND,
            self.working_day("2025-07"),
            f"Sửa đổi, bổ sung một số điều của Nghị quyết số {fees.number} ngày {fees.issued_on:%d/%m/%Y} của Hội "
            "đồng nhân dân tỉnh về lệ phí cấp giấy phép xây dựng",
            (XD, TC),
            relations=((Kind.AMENDS, fees.number),),
        )

    def related_documents(self) -> None:
        """Documents linked to the real ones, and the ones the gazette issues carry."""
        # Two regulations of April 2017, carried with 16/2017/QĐ-UBND by the gazette's "số 15 năm 2017".
        for day, number, summary, fields in (
            (
                date(2017, 4, 12),
                "15/2017/QĐ-UBND",
                "Ban hành Quy định về quản lý, sử dụng hệ thống thư điện tử công vụ tỉnh Quảng Ngãi",
                (CNTT,),
            ),
            (
                date(2017, 4, 24),
                "18/2017/QĐ-UBND",
                "Ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Quảng Ngãi",
                (NV,),
            ),
        ):
            self.numbers.add(UBND, number)
            self.add(
                Doc(
                    number,
                    "Quyết định",
                    UBND,
                    day,
                    summary,
                    fields,
                    effective_from=date.fromordinal(day.toordinal() + 10),
                    note=SYNTHETIC_NOTE,
                )
            )
        # A regulation passed with 47/48/NQ-HĐND and one signed in January 2026: gazette issues of 2025 and 2026.
        self.normative(HDND, date(2025, 12, 10), GAZETTE_2025_REGULATION, (TC,), effective_from=date(2026, 1, 1))
        self.normative(UBND, date(2026, 1, 14), GAZETTE_2026_REGULATION, (TC,))
        # Plans and letters that cite real documents as their basis ("căn cứ").
        for month, summary, target, fields in (
            ("2022-01", "Tuyên truyền cải cách hành chính năm 2022", "2074/QĐ-UBND", (HC,)),
            ("2025-02", "Tuyên truyền cải cách hành chính năm 2025", "2074/QĐ-UBND", (HC,)),
        ):
            day = self.working_day(month)
            self.add(
                Doc(
                    self.numbers.individual(UBND, "KH-UBND", day, DAILY_RATES["KH-UBND"]),
                    "Kế hoạch",
                    UBND,
                    day,
                    summary,
                    fields,
                    relations=((Kind.BASED_ON, target),),
                    note=SYNTHETIC_NOTE,
                )
            )
        day = self.working_day("2017-12")
        self.add(
            Doc(
                self.numbers.individual(STTTT, "STTTT-BCVT", day, 4.0),
                "Công văn",
                STTTT,
                day,
                "Về việc hướng dẫn triển khai Quyết định số 2157/QĐ-UBND về tiếp nhận hồ sơ, trả kết quả giải quyết "
                "thủ tục hành chính qua dịch vụ bưu chính công ích",
                (BCVT, HC),
                relations=((Kind.GUIDES, "2157/QĐ-UBND"),),
                sites=("stttt",),
                note=SYNTHETIC_NOTE,
            )
        )
        day = self.working_day("2026-02")
        self.add(
            Doc(
                self.numbers.individual(UBND_XA, "KH-UBND", day, 0.4),
                "Kế hoạch",
                UBND_XA,
                day,
                "Triển khai Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026 trên địa bàn xã Tư Nghĩa",
                (CNTT,),
                relations=((Kind.BASED_ON, "121/KH-UBND"),),
                sites=("tunghia",),
                note=SYNTHETIC_NOTE,
            )
        )
        # The provincial committee's submissions to HĐND and the resolutions passed on them.
        for month in ("2020-11", "2023-11"):
            day = self.working_day(month)
            submission = self.add(
                Doc(
                    self.numbers.individual(UBND, "TTr-UBND", day, DAILY_RATES["TTr-UBND"]),
                    "Tờ trình",
                    UBND,
                    day,
                    f"Dự thảo Nghị quyết về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa "
                    f"phương năm {day.year + 1}",
                    (TC,),
                    note=SYNTHETIC_NOTE,
                )
            )
            session = self.working_day(f"{day.year}-12")
            self.add(
                Doc(
                    self.numbers.individual(HDND, "NQ-HĐND", session, DAILY_RATES["NQ-HĐND"]),
                    "Nghị quyết",
                    HDND,
                    session,
                    f"Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm {day.year + 1}",
                    (TC,),
                    effective_from=session,
                    relations=((Kind.BASED_ON, submission.number),),
                    note=SYNTHETIC_NOTE,
                )
            )


def all_documents() -> list[Doc]:
    """Every document of the demo library, oldest first, so each comes after the documents it relates to."""
    docs = REAL_DOCUMENTS + Generator().build()
    order = sorted(range(len(docs)), key=lambda index: (docs[index].issued_on, index))
    return [docs[index] for index in order]


# --- Gazette issues -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """A gazette issue: its number, date and the documents it carries as (number, first page, last page)."""

    number: str
    issued_on: date
    entries: list = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.issued_on.year

    @property
    def title(self) -> str:
        return issue_title(self.number, self.year)


def gazette_issues(docs: list[Doc]) -> list[Issue]:
    """Three issues on the portal, each carrying real documents of its time and a synthetic regulation."""

    def synthetic(summary: str) -> str:
        return next(doc.number for doc in docs if doc.summary == summary)

    return [
        Issue(
            "15",
            date(2017, 5, 2),
            [("15/2017/QĐ-UBND", 3, 10), ("16/2017/QĐ-UBND", 11, 22), ("18/2017/QĐ-UBND", 23, 34)],
        ),
        Issue(
            "68",
            date(2025, 12, 22),
            [("47/NQ-HĐND", 3, 18), ("48/NQ-HĐND", 19, 30), (synthetic(GAZETTE_2025_REGULATION), 31, 44)],
        ),
        Issue(
            "5",
            date(2026, 1, 23),
            [("121/KH-UBND", 3, 16), ("27/QĐ-UBND", 17, 18), (synthetic(GAZETTE_2026_REGULATION), 19, 30)],
        ),
    ]


GAZETTE_INTRO = (
    "<p>Số công báo trình diễn: danh mục văn bản trong số do bản trình diễn dựng lại; tệp toàn văn là bản tóm tắt "
    "danh mục, không phải số công báo thật.</p>"
)

# --- Files --------------------------------------------------------------------------------------------------------

ASCII_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})


def ascii_text(text: str) -> str:
    """What Helvetica can show: the text without diacritics, typographic punctuation made ASCII."""
    return fold_diacritics(text).translate(ASCII_PUNCTUATION).encode("ascii", "ignore").decode()


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page A4 PDF showing `lines` (ASCII) in Helvetica: the demo's files, and the tests'."""

    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " ".join(f"({escape(line)}) Tj T*" for line in lines[:52])
    stream = f"BT /F1 11 Tf 14 TL 56 790 Td {shown} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def wrapped(text: str, width: int = 88) -> list[str]:
    return textwrap.wrap(ascii_text(text), width) or [""]


def document_pdf(doc: Doc) -> bytes:
    """The document's one-page file: heading, number and date, the summary, and what the file is."""
    place = "Ha Noi" if doc.authority in (QUOC_HOI, UBTVQH, CHINH_PHU) else "Quang Ngai"
    lines = [
        ascii_text(doc.authority).upper(),
        "CONG HOA XA HOI CHU NGHIA VIET NAM - Doc lap - Tu do - Hanh phuc",
        "",
        f"So: {ascii_text(doc.number)}    {place}, ngay {doc.issued_on:%d} thang {doc.issued_on:%m} nam "
        f"{doc.issued_on:%Y}",
        "",
        ascii_text(doc.type).upper(),
        *wrapped(doc.summary),
        "",
    ]
    if doc.signer:
        lines += wrapped(f"Nguoi ky: {doc.signer}" + (f", {doc.signer_title}" if doc.signer_title else ""))
    if doc.real:
        lines += ["", *wrapped("Tep tom tat cua ban trinh dien: thong tin van ban, khong phai toan van.")]
    else:
        lines += ["", *wrapped("VAN BAN MAU CUA BAN TRINH DIEN - khong phai van ban that.")]
    return pdf_bytes(lines)


def issue_pdf(issue: Issue, pages: dict[str, LegalDocumentPage]) -> bytes:
    """The whole issue's file: its masthead and table of contents."""
    lines = [
        "CONG BAO TINH QUANG NGAI",
        f"So {issue.number} - Nam {issue.year} - Phat hanh ngay {issue.issued_on:%d/%m/%Y}",
        "",
        "MUC LUC",
    ]
    for number, first, last in issue.entries:
        page = pages.get(number)
        if page is not None:
            lines += wrapped(
                f"{page.document_type.name} so {number} ngay {page.issued_on:%d/%m/%Y} cua {page.authority.name}: "
                f"{page.summary} (trang {first}-{last})"
            )
    lines += ["", *wrapped("So cong bao trinh dien: danh muc dung lai, khong phai so cong bao that.")]
    return pdf_bytes(lines)


def store_file(name: str, data: bytes, agency: Agency):
    """A Wagtail document in the agency's collection, titled with its readable file name."""
    Document = get_document_model()
    document = Document(
        title=name,
        collection=agency.collection,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's file_hash, not security
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


# --- Seeding ------------------------------------------------------------------------------------------------------


def ensure_lists(agencies: dict[str, Agency], result: Onboarding) -> dict:
    """The three lists, each item created if its name is missing (an edited item is left as it is)."""
    lists = {}
    specs = {
        "types": (DocumentType, [(name, {"name_en": en, "abbreviation": abbr}) for name, en, abbr in DOCUMENT_TYPES]),
        "authorities": (
            Authority,
            [
                (name, {"name_en": en, "agency": agencies.get(code) if code is not None else None})
                for name, en, code in AUTHORITIES
            ],
        ),
        "fields": (LegalField, [(name, {"name_en": en}) for name, en in LEGAL_FIELDS]),
    }
    labels = {"types": "hình thức văn bản", "authorities": "cơ quan ban hành", "fields": "lĩnh vực"}
    for key, (model, items) in specs.items():
        existing = {item.name: item for item in model.objects.filter(name__in=[name for name, _values in items])}
        created = 0
        for order, (name, values) in enumerate(items, start=1):
            if name not in existing:
                existing[name] = model.objects.create(name=name, sort_order=order * 10, **values)
                created += 1
        lists[key] = existing
        if created:
            result.note(True, f"danh mục {labels[key]} ({created} mục)")
        if created < len(items):
            result.note(False, f"danh mục {labels[key]} ({len(items) - created} mục)")
    return lists


def posting_time(doc: Doc, issuer_site: bool) -> datetime:
    """When the document went live: a working day or so after it was issued (10 days' limit on other sites)."""
    days = doc.posted_after if issuer_site or doc.posted_after > 1 else 3
    return datetime.combine(add_working_days(doc.issued_on, days), time(9, 30), tzinfo=PROVINCE_TIME)


class LibrarySeeder:
    """Puts the documents on their sites and the issues in the portal's gazette, skipping what is there."""

    def __init__(self, agencies: dict[str, Agency], result: Onboarding):
        self.agencies = agencies
        self.result = result
        self.lists = ensure_lists(agencies, result)
        self.sections = {code: legal_documents_section(agency) for code, agency in agencies.items()}
        # (site code, authority, number key) → page id, for the documents already in each section.
        self.pages: dict[tuple[str, str, str], int] = {}
        authority_names = {item.pk: name for name, item in self.lists["authorities"].items()}
        for code, section in self.sections.items():
            rows = LegalDocumentPage.objects.child_of(section).values_list("authority_id", "number_key", "pk")
            for authority_id, key, pk in rows:
                if authority_id in authority_names:
                    self.pages[(code, authority_names[authority_id], key)] = pk
        self.slugs = {
            code: set(section.get_children().values_list("slug", flat=True)) for code, section in self.sections.items()
        }

    def seed(self) -> None:
        docs = all_documents()
        created = dict.fromkeys(self.agencies, 0)
        existing = dict.fromkeys(self.agencies, 0)
        by_number: dict[str, list[Doc]] = {}
        for doc in docs:
            by_number.setdefault(number_key(doc.number), []).append(doc)
            for code in doc.sites:
                if (code, *doc.key) in self.pages:
                    existing[code] += 1
                else:
                    self.create(doc, code, self.targets(doc, code, by_number))
                    created[code] += 1
        for code, agency in self.agencies.items():
            if created[code]:
                self.result.note(True, f"văn bản trên trang {agency.name} ({created[code]}, mỗi văn bản một tệp PDF)")
            if existing[code]:
                self.result.note(False, f"văn bản trên trang {agency.name} ({existing[code]})")
        self.seed_gazette(docs)

    def targets(self, doc: Doc, code: str, by_number: dict[str, list[Doc]]) -> list[tuple[str, int]]:
        """The (kind, page id) of each relation, to the copy on the same site if there is one, else the portal's."""
        relations = []
        for kind, number in doc.relations:
            candidates = by_number.get(number_key(number), [])
            if len(candidates) > 1:
                candidates = [other for other in candidates if other.authority == doc.authority]
            if len(candidates) != 1:
                raise ValueError(f"{doc.number}: relation to {number} names {len(candidates)} documents")
            target = candidates[0]
            page_id = self.pages.get((code, *target.key)) or self.pages.get(("", *target.key))
            if page_id is None:
                page_id = next((pk for (_site, *key), pk in self.pages.items() if tuple(key) == target.key), None)
            if page_id is not None:  # a document someone deleted is not recreated as a relation target
                relations.append((kind, page_id))
        return relations

    def create(self, doc: Doc, code: str, relations: list[tuple[str, int]]) -> LegalDocumentPage:
        agency = self.agencies[code]
        section = self.sections[code]
        slug = base = slugify(doc.number)
        suffix = 1
        while slug in self.slugs[code]:
            suffix += 1
            slug = f"{base}-{suffix}"
        self.slugs[code].add(slug)
        page = LegalDocumentPage(
            title=doc.title,
            slug=slug,
            locale=section.locale,
            number=doc.number,
            document_type=self.lists["types"][doc.type],
            authority=self.lists["authorities"][doc.authority],
            signer=doc.signer,
            signer_title=doc.signer_title,
            issued_on=doc.issued_on,
            effective_from=doc.effective_from,
            expires_on=doc.expires_on,
            summary=doc.summary,
            body=self.body(doc),
        )
        page.legal_fields = [self.lists["fields"][name] for name in doc.fields]
        page.files = [DocumentFile(document=store_file(doc.file_name, document_pdf(doc), agency))]
        page.relations = [DocumentRelation(kind=kind, target_id=target) for kind, target in relations]
        section.add_child(instance=page)
        page.save_revision().publish()
        issuer_site = page.authority.agency_id == agency.pk
        posted = posting_time(doc, issuer_site)
        Page.objects.filter(pk=page.pk).update(first_published_at=posted, last_published_at=posted)
        self.pages[(code, *doc.key)] = page.pk
        return page

    @staticmethod
    def body(doc: Doc) -> str:
        paragraphs = [doc.note] if doc.note else []
        if doc.real:
            paragraphs.append(
                "Trang này ghi thông tin của văn bản (số ký hiệu, ngày ban hành, trích yếu, người ký); trích yếu do "
                "bản trình diễn biên soạn, không phải toàn văn. Tệp đính kèm là bản tóm tắt."
            )
        html = "".join(f"<p>{text}</p>" for text in paragraphs)
        if doc.source:
            html += f'<p>Nguồn: <a href="{doc.source}">{doc.source.split("/")[2]}</a></p>'
        return html

    def seed_gazette(self, docs: list[Doc]) -> None:
        portal = self.agencies[""]
        index = GazetteIndexPage.objects.child_of(portal.site.root_page).first()
        if index is None:
            return
        present = {
            (year, number.lower())
            for year, number in GazetteIssuePage.objects.child_of(index).values_list("year", "number")
        }
        # Document numbers are unique among the portal's documents (other authorities' series differ).
        wanted = {doc.number: self.pages.get(("", *doc.key)) for doc in docs if "" in doc.sites}
        for issue in gazette_issues(docs):
            if (issue.year, issue.number.lower()) in present:
                self.result.note(False, f"“{issue.title}”")
                continue
            ids = [wanted.get(number) for number, _first, _last in issue.entries]
            pages = {
                page.number: page
                for page in LegalDocumentPage.objects.filter(pk__in=[pk for pk in ids if pk]).select_related(
                    "document_type", "authority"
                )
            }
            file = store_file(f"{issue.title}.pdf", issue_pdf(issue, pages), portal)
            page = GazetteIssuePage(
                title=issue.title,
                slug=slugify(f"so {issue.number} nam {issue.year}"),
                locale=index.locale,
                number=issue.number,
                year=issue.year,
                issued_on=issue.issued_on,
                file=file,
                intro=GAZETTE_INTRO,
            )
            page.entries = [
                GazetteEntry(document=pages[number], page_from=first, page_to=last)
                for number, first, last in issue.entries
                if number in pages
            ]
            index.add_child(instance=page)
            page.save_revision().publish()
            posted = datetime.combine(issue.issued_on, time(15, 0), tzinfo=PROVINCE_TIME)
            Page.objects.filter(pk=page.pk).update(first_published_at=posted, last_published_at=posted)
            self.result.note(True, f"“{issue.title}” ({len(page.entries.all())} văn bản)")


def seed_documents(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The lists, every document on its sites with its file and relations, and the gazette's three issues."""
    LibrarySeeder(agencies, result).seed()
