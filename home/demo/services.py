"""The demo's administrative procedures (R7): 30 procedures on the three sites, the sectors they are filed under,
and the English versions of those foreigners use (R2).

The procedures are real kinds of procedure, carried out by the bodies that carry them out since the two-tier local
government of 1 July 2025 (facts §1, §2): the commune's People's Committee for civil status, certification,
household businesses, social assistance, land and houses; the provincial departments for the rest. The press,
publishing, broadcasting and electronic information procedures once handled by Sở Thông tin và Truyền thông are
shown with Sở Văn hóa, Thể thao và Du lịch, the postal ones with Sở Khoa học và Công nghệ, which took them over in
2025. The laws and decrees cited are real national documents, listed by number and name only.

Everything else is written for the demo, and every page says so: the codes follow the national format (H48 is
Quảng Ngãi's suffix) but are not checked against the national database, and the steps, time limits, fees and dossiers
are summaries that may differ from the published procedure. No document of the demo library is the legal basis of
these procedures, so `legal_basis` is left empty and the laws are in `legal_basis_text`.

Seeding is idempotent: a sector whose name exists, a procedure whose slug is in its section and an English version
that exists are left as they are. The three procedures of ONLINE_FORMS take dossiers online; DOSSIERS are the demo's,
one or more in every state of their handling, and a dossier already stored (found by its form token) is left as it is.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from home.models import Agency
from home.onboarding import Onboarding
from services import handling
from services.models import (
    Channel,
    Dossier,
    DossierComponent,
    DossierEvent,
    DossierFile,
    GovernmentLevel,
    OnlineService,
    ProcedureFormField,
    ProcedureIndexPage,
    ProcedurePage,
    Sector,
)
from services.submission import DossierForm, save_dossier
from vietnam.text import slugify
from vietnam.workdays import add_working_days, is_working_day, working_days_between

from .content import PROVINCE_TIME, SITES, English, Entry, heading, paragraph
from .documents import pdf_bytes, wrapped

DEMO_NOTE = (
    "<p><i>Bản trình diễn: nội dung thủ tục do bản trình diễn biên soạn để minh họa; mã thủ tục, thời hạn, phí, lệ "
    "phí và thành phần hồ sơ có thể khác thủ tục được công bố trên Cơ sở dữ liệu quốc gia về thủ tục hành chính."
    "</i></p>"
)
DEMO_NOTE_EN = (
    "<p><i>Demo: this procedure was written for the demo; its code, time limits, fees and dossier may differ from "
    "the procedure published in the National Database on Administrative Procedures.</i></p>"
)

IN_PERSON = Channel.Kind.IN_PERSON
ONLINE = Channel.Kind.ONLINE
POST = Channel.Kind.POST
FULL = OnlineService.FULL
PARTIAL = OnlineService.PARTIAL
NONE = OnlineService.NONE
SUBMIT = DossierComponent.Requirement.SUBMIT
SHOW = DossierComponent.Requirement.SHOW

# The level of service of the 2017 rules that each kind of online service corresponds to.
DEFAULT_LEVEL = {FULL: 4, PARTIAL: 3, NONE: 2}

# --- The sectors (lĩnh vực), as the national database names them; administrators edit them later -----------------

HO_TICH = "Hộ tịch"
CHUNG_THUC = "Chứng thực"
NUOI_CON_NUOI = "Nuôi con nuôi"
HO_KINH_DOANH = "Thành lập và hoạt động của hộ kinh doanh"
BAO_TRO_XA_HOI = "Bảo trợ xã hội"
DAT_DAI = "Đất đai"
XAY_DUNG = "Xây dựng"
BAO_CHI = "Báo chí"
XUAT_BAN = "Xuất bản, In và Phát hành"
PHAT_THANH = "Phát thanh, truyền hình và thông tin điện tử"
BUU_CHINH = "Bưu chính"
VIEC_LAM = "Việc làm"
DAU_TU = "Đầu tư tại Việt Nam"
DOANH_NGHIEP = "Thành lập và hoạt động doanh nghiệp"
KHAM_CHUA_BENH = "Khám bệnh, chữa bệnh"
LU_HANH = "Lữ hành"
GIAO_DUC = "Giáo dục và Đào tạo"

SECTORS = [
    (HO_TICH, "Civil status"),
    (CHUNG_THUC, "Certification"),
    (NUOI_CON_NUOI, "Adoption"),
    (HO_KINH_DOANH, "Household businesses"),
    (BAO_TRO_XA_HOI, "Social assistance"),
    (DAT_DAI, "Land"),
    (XAY_DUNG, "Construction"),
    (DOANH_NGHIEP, "Business registration"),
    (DAU_TU, "Investment in Viet Nam"),
    (VIEC_LAM, "Employment"),
    (KHAM_CHUA_BENH, "Medical practice"),
    (GIAO_DUC, "Education and training"),
    (LU_HANH, "Travel services"),
    (BAO_CHI, "Press"),
    (XUAT_BAN, "Publishing, printing and distribution"),
    (PHAT_THANH, "Broadcasting and electronic information"),
    (BUU_CHINH, "Postal services"),
]

# --- The shapes of the data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Way:
    """One channel: how the dossier is sent, its time limit in working days, its fee and a note."""

    kind: str
    working_days: int
    fee: str = "Không"
    notes: str = ""


@dataclass(frozen=True)
class Paper:
    """One dossier component: submitted (`SUBMIT`) or shown (`SHOW`), and how many copies."""

    name: str
    requirement: str = SUBMIT
    copies: int = 1


@dataclass(frozen=True)
class EnglishProcedure:
    """The English version: the page's texts, then the channels' (fee, notes) and the papers' names, in order, and
    its online form's questions (label, choices) in order, if it has one."""

    slug: str
    fields: dict
    channels: list[tuple[str, str]]
    components: list[str]
    questions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Procedure:
    """One procedure to publish on the site of agency `site` ("" the portal, "stttt", "tunghia")."""

    site: str
    slug: str
    title: str
    code: str
    sector: str
    level: str
    implementing_agency: str
    applicants: str
    steps: str
    result: str
    channels: list[Way]
    components: list[Paper]
    online_service: str
    competent_agency: str = ""
    conditions: str = ""
    legal_basis: tuple[str, ...] = ()
    responsible_units: str = ""
    partial_reason: str = ""
    service_level: int | None = -1  # -1: the level that goes with `online_service`
    english: EnglishProcedure | None = None

    def page_fields(self) -> dict:
        """The ProcedurePage fields, its channels and components (new objects on every call)."""
        return {
            "code": self.code,
            "government_level": self.level,
            "implementing_agency": self.implementing_agency,
            "competent_agency": self.competent_agency,
            "applicants": self.applicants,
            "steps": self.steps + DEMO_NOTE,
            "conditions": self.conditions,
            "result": self.result,
            "legal_basis_text": "\n".join(self.legal_basis),
            "responsible_units": self.responsible_units,
            "service_level": DEFAULT_LEVEL[self.online_service] if self.service_level == -1 else self.service_level,
            "online_service": self.online_service,
            "partial_reason": self.partial_reason,
            "used_by_foreigners": self.english is not None,
            "channels": [
                Channel(kind=way.kind, working_days=way.working_days, fee=way.fee, notes=way.notes)
                for way in self.channels
            ],
            "components": [
                DossierComponent(name=paper.name, requirement=paper.requirement, copies=paper.copies)
                for paper in self.components
            ],
        }

    def english_version(self) -> English:
        """The English slug and fields for seed.ensure_english, channels and components included."""
        version = self.english
        if len(version.channels) != len(self.channels) or len(version.components) != len(self.components):
            raise ValueError(f"{self.slug}: the English version does not list every channel and paper")
        fields = {**version.fields, "steps": version.fields["steps"] + DEMO_NOTE_EN}
        if "legal_basis" in fields:
            fields["legal_basis_text"] = "\n".join(fields.pop("legal_basis"))
        fields["channels"] = [
            Channel(kind=way.kind, working_days=way.working_days, fee=fee, notes=notes)
            for way, (fee, notes) in zip(self.channels, version.channels, strict=True)
        ]
        fields["components"] = [
            DossierComponent(name=name, requirement=paper.requirement, copies=paper.copies)
            for paper, name in zip(self.components, version.components, strict=True)
        ]
        if version.questions:
            asked = ONLINE_FORMS[self.title][0]
            fields["form_fields"] = [
                ProcedureFormField(label=label, kind=kind, choices=choices, required=True)
                for (label, choices), (_label, kind, _choices) in zip(version.questions, asked, strict=True)
            ]
        return English(version.slug, fields)


def steps(*items: str, before: str = "") -> str:
    """The steps as a numbered list, after an optional paragraph."""
    intro = f"<p>{before}</p>" if before else ""
    return intro + "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def bullets(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# --- Agencies and laws named more than once -----------------------------------------------------------------------

UBND_XA = "Ủy ban nhân dân xã Tư Nghĩa"
CHU_TICH_XA = "Chủ tịch Ủy ban nhân dân xã Tư Nghĩa"
TTPV_XA = "Trung tâm Phục vụ hành chính công xã Tư Nghĩa"
TTPV_TINH = "Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi"
HO_TICH_XA = "Ủy ban nhân dân xã Tư Nghĩa (công chức làm công tác tư pháp - hộ tịch)"
KINH_TE_XA = "Phòng Kinh tế, Ủy ban nhân dân xã Tư Nghĩa"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi"
SO_KHCN = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi"
SO_NOI_VU = "Sở Nội vụ tỉnh Quảng Ngãi"
SO_TAI_CHINH = "Sở Tài chính tỉnh Quảng Ngãi"
UBND_TINH = "Ủy ban nhân dân tỉnh Quảng Ngãi"

RECEIVED_XA = f"{TTPV_XA} (tiếp nhận hồ sơ, trả kết quả)"
RECEIVED_TINH = f"{TTPV_TINH} (tiếp nhận hồ sơ, trả kết quả)"
FROM_STTTT = (
    "Từ năm 2025, lĩnh vực này do Sở Văn hóa, Thể thao và Du lịch quản lý, tiếp nhận từ Sở Thông tin và Truyền "
    "thông (nay đã hợp nhất vào Sở Khoa học và Công nghệ)."
)
FROM_STTTT_POST = (
    "Từ năm 2025, lĩnh vực bưu chính do Sở Khoa học và Công nghệ quản lý, sau khi Sở Thông tin và Truyền thông hợp "
    "nhất vào Sở Khoa học và Công nghệ."
)

LUAT_HO_TICH = "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"
ND_123 = (
    "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành "
    "Luật Hộ tịch"
)
ND_120 = (
    "Nghị định số 120/2025/NĐ-CP ngày 11/6/2025 của Chính phủ quy định về phân định thẩm quyền của chính quyền địa "
    "phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp"
)
LUAT_HNGD = "Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014"
ND_23 = (
    "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản "
    "chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
)
TT_226 = "Thông tư số 226/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, nộp phí chứng thực"
LUAT_DOANH_NGHIEP = "Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020"
ND_168 = "Nghị định số 168/2025/NĐ-CP của Chính phủ về đăng ký doanh nghiệp"
ND_20 = (
    "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng "
    "bảo trợ xã hội"
)
LUAT_XAY_DUNG = "Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14"
LUAT_BAO_CHI = "Luật Báo chí số 103/2016/QH13 ngày 05/4/2016"
LUAT_XUAT_BAN = "Luật Xuất bản số 19/2012/QH13 ngày 20/11/2012"
ND_195 = (
    "Nghị định số 195/2013/NĐ-CP ngày 21/11/2013 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành "
    "Luật Xuất bản"
)
LUAT_BUU_CHINH = "Luật Bưu chính số 49/2010/QH12 ngày 17/6/2010"
ND_47 = (
    "Nghị định số 47/2011/NĐ-CP ngày 17/6/2011 của Chính phủ quy định chi tiết thi hành một số nội dung của Luật "
    "Bưu chính"
)
BLLD = "Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019"
LUAT_DAU_TU = "Luật Đầu tư số 61/2020/QH14 ngày 17/6/2020"
ND_31 = (
    "Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều "
    "của Luật Đầu tư"
)

# English names of the same, for the English versions.
LAW_CIVIL_STATUS = "Law on Civil Status No. 60/2014/QH13 of 20 November 2014"
DECREE_123 = "Decree No. 123/2015/NĐ-CP of 15 November 2015 detailing the Law on Civil Status"
DECREE_120 = (
    "Decree No. 120/2025/NĐ-CP of 11 June 2025 on the division of powers of two-tier local government in the areas "
    "managed by the Ministry of Justice"
)
LAW_MARRIAGE = "Law on Marriage and Family No. 52/2014/QH13 of 19 June 2014"
DECREE_23 = "Decree No. 23/2015/NĐ-CP of 16 February 2015 on copies from master registers and certification"
CIRCULAR_226 = "Circular No. 226/2016/TT-BTC of 11 November 2016 of the Ministry of Finance on certification fees"
LABOUR_CODE = "Labour Code No. 45/2019/QH14 of 20 November 2019"
LAW_INVESTMENT = "Law on Investment No. 61/2020/QH14 of 17 June 2020"
DECREE_31 = "Decree No. 31/2021/NĐ-CP of 26 March 2021 detailing the Law on Investment"

# --- Xã Tư Nghĩa: commune-level procedures --------------------------------------------------------------------------

COMMUNE = [
    Procedure(
        site="tunghia",
        slug="dang-ky-khai-sinh",
        title="Đăng ký khai sinh",
        code="1.001193.000.00.00.H48",
        sector=HO_TICH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants="Cha, mẹ, ông, bà hoặc người thân thích khác; cá nhân, tổ chức đang nuôi dưỡng trẻ em",
        steps=steps(
            "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia "
            "(có thể nộp liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 "
            "tuổi).",
            "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đủ thì hướng dẫn bổ sung một lần.",
            "Hồ sơ hợp lệ: ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử và lấy số định danh "
            "cá nhân cho trẻ.",
            "Chủ tịch UBND xã ký Giấy khai sinh; người đi đăng ký kiểm tra thông tin, ký vào Sổ và nhận kết quả.",
        ),
        conditions="<p>Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh.</p>",
        result="Giấy khai sinh (bản chính, bản điện tử); trẻ em được cấp số định danh cá nhân.",
        channels=[
            Way(IN_PERSON, 1, "Miễn lệ phí (đăng ký đúng hạn)", "Trả kết quả trong ngày nếu nhận hồ sơ trước 15 giờ"),
            Way(ONLINE, 1, "Miễn lệ phí (đăng ký đúng hạn)", "Giấy khai sinh điện tử gửi vào tài khoản của người nộp"),
        ],
        components=[
            Paper("Tờ khai đăng ký khai sinh (theo mẫu)"),
            Paper("Giấy chứng sinh (bản chính) hoặc giấy tờ thay Giấy chứng sinh"),
            Paper("Giấy tờ tùy thân của người đi đăng ký (thẻ căn cước, hộ chiếu…)", SHOW),
            Paper("Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn)", SHOW),
        ],
        online_service=FULL,
        legal_basis=(LUAT_HO_TICH, ND_123, ND_120),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-ket-hon",
        title="Đăng ký kết hôn",
        code="1.000894.000.00.00.H48",
        sector=HO_TICH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants="Nam, nữ là công dân Việt Nam cư trú ở trong nước có yêu cầu đăng ký kết hôn",
        steps=steps(
            "Hai bên nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến.",
            "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, điều kiện kết hôn; xác minh nếu cần.",
            "Hai bên có mặt, kiểm tra thông tin, ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn.",
            "Chủ tịch UBND xã trao Giấy chứng nhận kết hôn cho hai bên.",
        ),
        conditions=bullets(
            "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi trở lên; việc kết hôn do hai bên tự nguyện quyết định.",
            "Không bị mất năng lực hành vi dân sự.",
            "Không thuộc các trường hợp cấm kết hôn theo Luật Hôn nhân và gia đình.",
        ),
        result="Giấy chứng nhận kết hôn (mỗi bên 01 bản chính).",
        channels=[
            Way(IN_PERSON, 1, "Miễn lệ phí", "Trường hợp cần xác minh: không quá 05 ngày làm việc"),
            Way(ONLINE, 1, "Miễn lệ phí", "Nộp hồ sơ trực tuyến; hai bên đến Trung tâm ký và nhận Giấy chứng nhận"),
        ],
        components=[
            Paper("Tờ khai đăng ký kết hôn (theo mẫu; hai bên có thể khai chung một tờ khai)"),
            Paper("Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại xã không phải nơi thường trú)"),
            Paper("Giấy tờ tùy thân của hai bên", SHOW),
        ],
        online_service=PARTIAL,
        partial_reason="Hai bên nam, nữ phải có mặt để ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn.",
        legal_basis=(LUAT_HNGD, LUAT_HO_TICH, ND_123, ND_120),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-ket-hon-co-yeu-to-nuoc-ngoai",
        title="Đăng ký kết hôn có yếu tố nước ngoài",
        code="1.000684.000.00.00.H48",
        sector=HO_TICH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants=(
            "Công dân Việt Nam kết hôn với người nước ngoài; người nước ngoài cư trú tại Việt Nam kết hôn với nhau"
        ),
        steps=steps(
            "Một trong hai bên nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến.",
            "UBND xã nghiên cứu, thẩm tra hồ sơ và xác minh nếu cần.",
            "Hồ sơ hợp lệ, hai bên đủ điều kiện kết hôn: Chủ tịch UBND xã ký Giấy chứng nhận kết hôn.",
            "Hai bên cùng có mặt, ký vào Sổ đăng ký kết hôn và nhận Giấy chứng nhận kết hôn.",
            before="Từ ngày 01/7/2025, việc đăng ký kết hôn có yếu tố nước ngoài do UBND cấp xã thực hiện.",
        ),
        conditions=bullets(
            "Hai bên đáp ứng điều kiện kết hôn theo Luật Hôn nhân và gia đình của Việt Nam; người nước ngoài còn "
            "phải đáp ứng điều kiện kết hôn theo pháp luật của nước mà người đó là công dân.",
            "Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự (trừ trường hợp được miễn) và dịch "
            "sang tiếng Việt.",
        ),
        result="Giấy chứng nhận kết hôn (mỗi bên 01 bản chính).",
        channels=[
            Way(IN_PERSON, 10, "Lệ phí theo mức do HĐND tỉnh quy định", "Hai bên có mặt khi nhận Giấy chứng nhận"),
            Way(ONLINE, 10, "Lệ phí theo mức do HĐND tỉnh quy định", "Nộp lệ phí trực tuyến"),
        ],
        components=[
            Paper("Tờ khai đăng ký kết hôn (theo mẫu)"),
            Paper(
                "Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền của nước mà "
                "người đó là công dân cấp"
            ),
            Paper(
                "Giấy xác nhận của tổ chức y tế có thẩm quyền rằng người đó không mắc bệnh tâm thần hoặc bệnh khác "
                "mà không có khả năng nhận thức, làm chủ được hành vi của mình"
            ),
            Paper("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài", SHOW),
        ],
        online_service=PARTIAL,
        partial_reason="Hai bên phải cùng có mặt để ký vào Sổ đăng ký kết hôn và nhận Giấy chứng nhận kết hôn.",
        legal_basis=(LUAT_HNGD, LUAT_HO_TICH, ND_123, ND_120),
        responsible_units=RECEIVED_XA,
        english=EnglishProcedure(
            "marriage-registration-with-a-foreign-element",
            {
                "title": "Marriage registration involving a foreigner",
                "implementing_agency": "Tu Nghia Commune People's Committee (civil status officer)",
                "competent_agency": "Tu Nghia Commune People's Committee",
                "applicants": (
                    "Vietnamese citizens marrying a foreigner; foreigners residing in Viet Nam marrying each other"
                ),
                "steps": steps(
                    "One of the two submits the dossier at the commune's Public Administrative Service Center or "
                    "online.",
                    "The Commune People's Committee examines the dossier and makes enquiries if needed.",
                    "If the dossier is valid and both meet the conditions, the Chairperson signs the marriage "
                    "certificate.",
                    "Both come in person, sign the marriage register and receive the certificate.",
                    before="Since 1 July 2025 marriages involving a foreigner are registered by the commune-level "
                    "People's Committee.",
                ),
                "conditions": bullets(
                    "Both meet the conditions of Viet Nam's Law on Marriage and Family; the foreigner must also meet "
                    "those of the law of his or her country.",
                    "Documents issued abroad must be legalised (unless exempt) and translated into Vietnamese.",
                ),
                "result": "Marriage certificate (one original for each spouse).",
                "legal_basis": (LAW_MARRIAGE, LAW_CIVIL_STATUS, DECREE_123, DECREE_120),
                "responsible_units": "Tu Nghia Commune Public Administrative Service Center (dossiers and results)",
                "partial_reason": "Both must come in person to sign the marriage register and receive the certificate.",
            },
            [
                ("Fee set by the Provincial People's Council", "Both must be present to receive the certificate"),
                ("Fee set by the Provincial People's Council", "The fee is paid online"),
            ],
            [
                "Marriage registration form (official template)",
                "Proof of the foreigner's marital status, issued by the competent authority of his or her country",
                "A certificate from a competent medical institution that the person has no mental illness or other "
                "disease preventing him or her from understanding and controlling his or her acts",
                "The foreigner's passport or a document that replaces it",
            ],
        ),
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-khai-tu",
        title="Đăng ký khai tử",
        code="1.000656.000.00.00.H48",
        sector=HO_TICH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants=(
            "Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết; cơ quan, tổ chức, cá nhân liên quan"
        ),
        steps=steps(
            "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến.",
            "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; xác minh nếu việc chết có nghi vấn.",
            "Ghi vào Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử; Chủ tịch UBND xã cấp Trích lục khai "
            "tử.",
        ),
        conditions="<p>Người thân có trách nhiệm đăng ký khai tử trong thời hạn 15 ngày kể từ ngày người đó chết.</p>",
        result="Trích lục khai tử (bản chính, bản điện tử).",
        channels=[
            Way(IN_PERSON, 1, "Miễn lệ phí (đăng ký đúng hạn)", "Trường hợp cần xác minh: không quá 03 ngày làm việc"),
            Way(ONLINE, 1, "Miễn lệ phí (đăng ký đúng hạn)"),
        ],
        components=[
            Paper("Tờ khai đăng ký khai tử (theo mẫu)"),
            Paper("Giấy báo tử hoặc giấy tờ thay Giấy báo tử"),
            Paper("Giấy tờ tùy thân của người đi đăng ký", SHOW),
        ],
        online_service=FULL,
        legal_basis=(LUAT_HO_TICH, ND_123, ND_120),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="cap-giay-xac-nhan-tinh-trang-hon-nhan",
        title="Cấp Giấy xác nhận tình trạng hôn nhân",
        code="1.004873.000.00.00.H48",
        sector=HO_TICH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants="Công dân Việt Nam cư trú trên địa bàn xã có yêu cầu xác nhận tình trạng hôn nhân",
        steps=steps(
            "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến, ghi rõ mục đích sử dụng.",
            "Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân trong Cơ sở dữ liệu hộ tịch.",
            "Chủ tịch UBND xã ký Giấy xác nhận tình trạng hôn nhân.",
        ),
        result="Giấy xác nhận tình trạng hôn nhân, có giá trị 06 tháng kể từ ngày cấp.",
        channels=[
            Way(IN_PERSON, 3, "Lệ phí theo mức do HĐND tỉnh quy định"),
            Way(ONLINE, 3, "Lệ phí theo mức do HĐND tỉnh quy định", "Kết quả điện tử gửi vào tài khoản của người nộp"),
        ],
        components=[
            Paper("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)"),
            Paper(
                "Bản án, quyết định ly hôn có hiệu lực pháp luật hoặc trích lục khai tử của vợ, chồng (nếu đã từng "
                "kết hôn)",
                SHOW,
            ),
            Paper("Giấy tờ tùy thân của người yêu cầu", SHOW),
        ],
        online_service=FULL,
        legal_basis=(LUAT_HO_TICH, ND_123, ND_120),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="chung-thuc-ban-sao-tu-ban-chinh",
        title="Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc "
        "chứng nhận",
        code="2.000815.000.00.00.H48",
        sector=CHUNG_THUC,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=UBND_XA,
        competent_agency=UBND_XA,
        applicants="Cá nhân, tổ chức có yêu cầu chứng thực bản sao",
        steps=steps(
            "Người yêu cầu xuất trình bản chính và nộp bản sao (hoặc đề nghị chụp từ bản chính) tại Trung tâm Phục vụ "
            "hành chính công xã.",
            "Người thực hiện chứng thực đối chiếu bản sao với bản chính; nếu đúng thì ghi lời chứng, ký, đóng dấu.",
            "Trả bản sao đã chứng thực và bản chính cho người yêu cầu.",
        ),
        conditions=(
            "<p>Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, không còn sử dụng được, hoặc giấy tờ "
            "thuộc bí mật nhà nước.</p>"
        ),
        result="Bản sao được chứng thực từ bản chính.",
        channels=[
            Way(
                IN_PERSON,
                1,
                "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản",
                "Trả trong ngày; hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo",
            ),
        ],
        components=[
            Paper("Bản chính giấy tờ, văn bản", SHOW),
            Paper("Bản sao cần chứng thực (hoặc đề nghị chụp từ bản chính)"),
        ],
        online_service=NONE,
        legal_basis=(ND_23, TT_226, ND_120),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="chung-thuc-chu-ky",
        title="Chứng thực chữ ký trong các giấy tờ, văn bản",
        code="2.000884.000.00.00.H48",
        sector=CHUNG_THUC,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=UBND_XA,
        competent_agency=UBND_XA,
        applicants="Cá nhân (công dân Việt Nam, người nước ngoài) có yêu cầu chứng thực chữ ký",
        steps=steps(
            "Người yêu cầu nộp giấy tờ sẽ ký và xuất trình giấy tờ tùy thân tại Trung tâm Phục vụ hành chính công "
            "xã; có thể gửi trước hồ sơ trực tuyến để hẹn giờ.",
            "Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký trước mặt người thực hiện chứng thực.",
            "Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và trả kết quả.",
        ),
        conditions=(
            "<p>Người yêu cầu chứng thực phải minh mẫn, nhận thức và làm chủ được hành vi của mình; giấy tờ có nội "
            "dung không trái pháp luật, đạo đức xã hội. Giấy tờ bằng tiếng nước ngoài cần kèm bản dịch tiếng Việt.</p>"
        ),
        result="Giấy tờ, văn bản đã được chứng thực chữ ký.",
        channels=[
            Way(IN_PERSON, 1, "10.000 đồng/trường hợp", "Trả trong ngày; nhận sau 15 giờ trả ngày làm việc tiếp theo"),
            Way(ONLINE, 1, "10.000 đồng/trường hợp", "Gửi hồ sơ trực tuyến để hẹn giờ; đến Trung tâm để ký"),
        ],
        components=[
            Paper("Giấy tờ, văn bản mà người yêu cầu sẽ ký"),
            Paper("Giấy tờ tùy thân (thẻ căn cước, hộ chiếu) còn giá trị sử dụng", SHOW),
        ],
        online_service=PARTIAL,
        partial_reason="Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực.",
        legal_basis=(ND_23, TT_226, ND_120),
        responsible_units=RECEIVED_XA,
        english=EnglishProcedure(
            "certification-of-signatures",
            {
                "title": "Certification of signatures on papers and documents",
                "implementing_agency": "Tu Nghia Commune People's Committee",
                "competent_agency": "Tu Nghia Commune People's Committee",
                "applicants": "Individuals (Vietnamese citizens and foreigners) who need a signature certified",
                "steps": steps(
                    "Bring the document you will sign and your identity document to the commune's Public "
                    "Administrative Service Center; you may send the papers online first to book a time.",
                    "The certifying officer checks the papers; you sign in front of the officer.",
                    "The officer writes the certification, signs, stamps and returns the document.",
                ),
                "conditions": (
                    "<p>The signer must be of sound mind and in control of his or her acts; the document must not "
                    "be against the law or social morals. A document in a foreign language needs a Vietnamese "
                    "translation.</p>"
                ),
                "result": "The document with its signature certified.",
                "legal_basis": (DECREE_23, CIRCULAR_226, DECREE_120),
                "responsible_units": "Tu Nghia Commune Public Administrative Service Center (dossiers and results)",
                "partial_reason": "You must sign in front of the certifying officer.",
            },
            [
                ("VND 10,000 per case", "Same day; after 3 pm, the next working day"),
                ("VND 10,000 per case", "Send the papers online to book a time; come to the center to sign"),
            ],
            [
                "The document you will sign",
                "A valid identity document (ID card or passport)",
            ],
        ),
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-thanh-lap-ho-kinh-doanh",
        title="Đăng ký thành lập hộ kinh doanh",
        code="1.001612.000.00.00.H48",
        sector=HO_KINH_DOANH,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=f"{KINH_TE_XA} (cơ quan đăng ký kinh doanh cấp xã)",
        competent_agency=UBND_XA,
        applicants=(
            "Cá nhân, thành viên hộ gia đình là công dân Việt Nam có năng lực hành vi dân sự đầy đủ đăng ký hộ kinh "
            "doanh trên địa bàn xã"
        ),
        steps=steps(
            "Chủ hộ kinh doanh hoặc người được ủy quyền nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia (đăng "
            "nhập bằng tài khoản định danh điện tử VNeID), qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công "
            "xã.",
            "Cơ quan đăng ký kinh doanh cấp xã kiểm tra hồ sơ, tên hộ kinh doanh và ngành, nghề kinh doanh.",
            "Hồ sơ hợp lệ: cấp Giấy chứng nhận đăng ký hộ kinh doanh; hồ sơ chưa hợp lệ: thông báo bằng văn bản nội "
            "dung cần sửa đổi, bổ sung.",
            "Nhận kết quả trực tuyến, qua bưu chính hoặc tại Trung tâm.",
        ),
        conditions=bullets(
            "Ngành, nghề đăng ký kinh doanh không bị cấm đầu tư kinh doanh.",
            "Tên hộ kinh doanh không trùng với tên riêng của hộ kinh doanh đã đăng ký trong phạm vi xã.",
            "Hồ sơ hợp lệ và đã nộp đủ lệ phí đăng ký.",
        ),
        result="Giấy chứng nhận đăng ký hộ kinh doanh.",
        channels=[
            Way(ONLINE, 3, "Miễn lệ phí", "Kết quả điện tử gửi vào tài khoản; bản giấy nhận tại Trung tâm nếu cần"),
            Way(IN_PERSON, 3, "100.000 đồng/lần"),
            Way(POST, 3, "100.000 đồng/lần", "Cộng thời gian chuyển phát"),
        ],
        components=[
            Paper("Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)"),
            Paper("Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh"),
            Paper(
                "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên hộ "
                "gia đình cùng đăng ký hộ kinh doanh)"
            ),
            Paper(
                "Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu có)"
            ),
        ],
        online_service=FULL,
        legal_basis=(LUAT_DOANH_NGHIEP, ND_168),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="tro-cap-xa-hoi-hang-thang",
        title="Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng "
        "hằng tháng",
        code="1.001776.000.00.00.H48",
        sector=BAO_TRO_XA_HOI,
        level=GovernmentLevel.COMMUNE,
        implementing_agency="Phòng Văn hóa - Xã hội, Ủy ban nhân dân xã Tư Nghĩa",
        competent_agency=CHU_TICH_XA,
        applicants=(
            "Người cao tuổi, người khuyết tật, trẻ em không có nguồn nuôi dưỡng và các đối tượng bảo trợ xã hội khác "
            "(hoặc người giám hộ, người chăm sóc)"
        ),
        steps=steps(
            "Đối tượng hoặc người giám hộ nộp tờ khai tại Trung tâm Phục vụ hành chính công xã, trực tuyến hoặc qua "
            "bưu chính.",
            "Hội đồng xét duyệt trợ giúp xã hội của xã xét duyệt hồ sơ, xác minh hoàn cảnh tại nơi ở.",
            "Kết quả xét duyệt được niêm yết công khai tại trụ sở UBND xã trong 02 ngày làm việc.",
            "Chủ tịch UBND xã quyết định trợ cấp xã hội hằng tháng; trợ cấp được chi trả từ tháng quyết định có hiệu "
            "lực.",
        ),
        result="Quyết định hưởng (hoặc điều chỉnh, thôi hưởng) trợ cấp xã hội hằng tháng.",
        channels=[
            Way(IN_PERSON, 15, "Không"),
            Way(ONLINE, 15, "Không"),
            Way(POST, 15, "Không"),
        ],
        components=[
            Paper("Tờ khai đề nghị trợ giúp xã hội (theo mẫu của Nghị định số 20/2021/NĐ-CP)"),
            Paper("Bản sao giấy xác nhận khuyết tật (đối với người khuyết tật)"),
            Paper("Giấy tờ tùy thân của đối tượng hoặc người giám hộ", SHOW),
        ],
        online_service=PARTIAL,
        partial_reason=(
            "Hội đồng xét duyệt phải xác minh hoàn cảnh tại nơi ở của đối tượng và niêm yết công khai kết quả xét "
            "duyệt tại trụ sở UBND xã."
        ),
        legal_basis=(
            ND_20,
            "Luật Người cao tuổi số 39/2009/QH12 ngày 23/11/2009",
            "Luật Người khuyết tật số 51/2010/QH12 ngày 17/6/2010",
        ),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="ho-tro-chi-phi-mai-tang",
        title="Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        code="1.001758.000.00.00.H48",
        sector=BAO_TRO_XA_HOI,
        level=GovernmentLevel.COMMUNE,
        implementing_agency="Phòng Văn hóa - Xã hội, Ủy ban nhân dân xã Tư Nghĩa",
        competent_agency=CHU_TICH_XA,
        applicants="Cơ quan, tổ chức, doanh nghiệp, gia đình hoặc cá nhân đứng ra tổ chức mai táng cho người chết",
        steps=steps(
            "Nộp tờ khai và giấy tờ kèm theo trực tuyến hoặc tại Trung tâm Phục vụ hành chính công xã.",
            "Phòng Văn hóa - Xã hội kiểm tra hồ sơ, trình Chủ tịch UBND xã.",
            "Chủ tịch UBND xã quyết định hỗ trợ; tiền hỗ trợ được chuyển vào tài khoản của người đề nghị.",
        ),
        conditions="<p>Người chết thuộc đối tượng bảo trợ xã hội theo Nghị định số 20/2021/NĐ-CP.</p>",
        result="Quyết định hỗ trợ chi phí mai táng.",
        channels=[Way(ONLINE, 3, "Không"), Way(IN_PERSON, 3, "Không")],
        components=[
            Paper("Tờ khai đề nghị hỗ trợ chi phí mai táng (theo mẫu)"),
            Paper("Bản sao giấy báo tử hoặc trích lục khai tử"),
        ],
        online_service=FULL,
        legal_basis=(ND_20,),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-dat-dai-cap-giay-chung-nhan-lan-dau",
        title="Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài "
        "sản gắn liền với đất lần đầu",
        code="1.012788.000.00.00.H48",
        sector=DAT_DAI,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=f"{UBND_XA}; Chi nhánh Văn phòng đăng ký đất đai",
        competent_agency=UBND_XA,
        applicants="Hộ gia đình, cá nhân, cộng đồng dân cư đang sử dụng đất trên địa bàn xã",
        steps=steps(
            "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến.",
            "UBND xã kiểm tra hồ sơ, xác nhận hiện trạng, nguồn gốc sử dụng đất; niêm yết công khai kết quả kiểm tra.",
            "Chi nhánh Văn phòng đăng ký đất đai trích đo địa chính (nếu cần), cập nhật cơ sở dữ liệu đất đai, gửi "
            "thông tin để xác định nghĩa vụ tài chính.",
            "Người sử dụng đất nộp nghĩa vụ tài chính; UBND xã ký Giấy chứng nhận.",
            "Người sử dụng đất nộp bản gốc giấy tờ về quyền sử dụng đất và nhận Giấy chứng nhận tại Trung tâm.",
        ),
        result="Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất.",
        channels=[
            Way(
                IN_PERSON,
                20,
                "Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của HĐND tỉnh",
                "Không kể thời gian niêm yết công khai, trích đo và thực hiện nghĩa vụ tài chính",
            ),
            Way(
                ONLINE,
                20,
                "Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo Nghị quyết của HĐND tỉnh",
                "Nộp hồ sơ trực tuyến; nhận Giấy chứng nhận trực tiếp tại Trung tâm",
            ),
        ],
        components=[
            Paper("Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)"),
            Paper("Một trong các giấy tờ về quyền sử dụng đất (nếu có)"),
            Paper("Mảnh trích đo bản đồ địa chính thửa đất (nếu có)"),
            Paper("Chứng từ thực hiện nghĩa vụ tài chính, giấy tờ miễn, giảm nghĩa vụ tài chính (nếu có)"),
        ],
        online_service=PARTIAL,
        partial_reason=(
            "Kết quả phải nhận trực tiếp do người sử dụng đất cần ký nhận bản gốc Giấy chứng nhận và nộp lại bản gốc "
            "giấy tờ về quyền sử dụng đất."
        ),
        legal_basis=(
            "Luật Đất đai số 31/2024/QH15 ngày 18/01/2024",
            "Nghị định số 101/2024/NĐ-CP ngày 29/7/2024 của Chính phủ quy định về điều tra cơ bản đất đai; đăng ký, "
            "cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất "
            "đai",
        ),
        responsible_units=f"{RECEIVED_XA}; Phòng Kinh tế, UBND xã Tư Nghĩa",
    ),
    Procedure(
        site="tunghia",
        slug="cap-giay-phep-xay-dung-nha-o-rieng-le",
        title="Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        code="1.009994.000.00.00.H48",
        sector=XAY_DUNG,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=KINH_TE_XA,
        competent_agency=UBND_XA,
        applicants="Hộ gia đình, cá nhân là chủ đầu tư xây dựng nhà ở riêng lẻ trên địa bàn xã",
        steps=steps(
            "Chủ đầu tư nộp hồ sơ trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công xã.",
            "Phòng Kinh tế kiểm tra hồ sơ, kiểm tra thực địa; thông báo một lần nếu cần bổ sung hồ sơ.",
            "Chủ tịch UBND xã ký giấy phép xây dựng; giấy phép kèm bản vẽ được trả trực tuyến hoặc qua bưu chính.",
        ),
        conditions=(
            "<p>Phù hợp với quy hoạch chi tiết xây dựng (hoặc quy chế quản lý kiến trúc) được phê duyệt; bảo đảm an "
            "toàn cho công trình và công trình lân cận.</p>"
        ),
        result="Giấy phép xây dựng kèm theo bản vẽ thiết kế có xác nhận của cơ quan cấp phép.",
        channels=[
            Way(ONLINE, 15, "75.000 đồng/giấy phép"),
            Way(IN_PERSON, 15, "75.000 đồng/giấy phép"),
            Way(POST, 15, "75.000 đồng/giấy phép", "Cộng thời gian chuyển phát"),
        ],
        components=[
            Paper("Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)"),
            Paper("Bản sao giấy tờ chứng minh quyền sử dụng đất"),
            Paper("Bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng, móng, sơ đồ đấu nối hạ tầng", copies=2),
            Paper("Bản cam kết bảo đảm an toàn đối với công trình liền kề (nếu có)"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_XAY_DUNG,),
        responsible_units=RECEIVED_XA,
    ),
    Procedure(
        site="tunghia",
        slug="dang-ky-nuoi-con-nuoi-trong-nuoc",
        title="Đăng ký việc nuôi con nuôi trong nước",
        code="1.003005.000.00.00.H48",
        sector=NUOI_CON_NUOI,
        level=GovernmentLevel.COMMUNE,
        implementing_agency=HO_TICH_XA,
        competent_agency=UBND_XA,
        applicants="Công dân Việt Nam thường trú trong nước có nguyện vọng nhận con nuôi",
        steps=steps(
            "Người nhận con nuôi nộp hồ sơ của mình và hồ sơ của trẻ em tại Trung tâm Phục vụ hành chính công xã.",
            "UBND xã lấy ý kiến của cha, mẹ đẻ hoặc người giám hộ và của trẻ em từ đủ 09 tuổi trở lên; kiểm tra "
            "điều kiện nuôi con nuôi.",
            "Đủ điều kiện: UBND xã đăng ký việc nuôi con nuôi, tổ chức giao nhận con nuôi và ghi vào Sổ đăng ký nuôi "
            "con nuôi.",
        ),
        conditions=(
            "<p>Người nhận con nuôi có năng lực hành vi dân sự đầy đủ, hơn con nuôi từ 20 tuổi trở lên, có điều "
            "kiện về sức khỏe, kinh tế, chỗ ở bảo đảm việc chăm sóc, nuôi dưỡng, giáo dục con nuôi.</p>"
        ),
        result="Giấy chứng nhận nuôi con nuôi; biên bản giao nhận con nuôi.",
        channels=[
            Way(
                IN_PERSON,
                20,
                "400.000 đồng/trường hợp",
                "Việc giao nhận con nuôi được tổ chức tại trụ sở UBND xã; miễn, giảm lệ phí theo quy định",
            )
        ],
        components=[
            Paper("Đơn xin nhận con nuôi (theo mẫu)"),
            Paper("Phiếu lý lịch tư pháp của người nhận con nuôi"),
            Paper("Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi"),
            Paper("Giấy khám sức khỏe của người nhận con nuôi do cơ sở y tế cấp huyện trở lên cấp"),
            Paper("Giấy khai sinh và 02 ảnh của trẻ em được nhận làm con nuôi"),
        ],
        online_service=NONE,
        service_level=None,
        legal_basis=(
            "Luật Nuôi con nuôi số 52/2010/QH12 ngày 17/6/2010",
            "Nghị định số 19/2011/NĐ-CP ngày 21/3/2011 của Chính phủ quy định chi tiết thi hành một số điều của Luật "
            "Nuôi con nuôi",
            ND_120,
        ),
        responsible_units=RECEIVED_XA,
    ),
]

# --- Sở Thông tin và Truyền thông's site: the procedures its successors carry out --------------------------------

DEPARTMENT = [
    Procedure(
        site="stttt",
        slug="cap-giay-phep-xuat-ban-ban-tin",
        title="Cấp giấy phép xuất bản bản tin (trong nước)",
        code="1.003751.000.00.00.H48",
        sector=BAO_CHI,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Cơ quan, tổ chức của Việt Nam có tư cách pháp nhân, có trụ sở trên địa bàn tỉnh",
        steps=steps(
            "Nộp hồ sơ trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, tôn chỉ, mục đích và đối tượng phục vụ của bản tin.",
            "Cấp giấy phép; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            before=FROM_STTTT,
        ),
        conditions=(
            "<p>Có người chịu trách nhiệm xuất bản bản tin; tên bản tin, tôn chỉ, mục đích phù hợp với chức năng, "
            "nhiệm vụ của cơ quan, tổ chức; có địa chỉ và nguồn tài chính bảo đảm việc xuất bản.</p>"
        ),
        result="Giấy phép xuất bản bản tin.",
        channels=[
            Way(ONLINE, 10, "Không", "Giấy phép điện tử gửi vào tài khoản của tổ chức"),
            Way(IN_PERSON, 10, "Không"),
            Way(POST, 10, "Không"),
        ],
        components=[
            Paper("Tờ khai đề nghị cấp giấy phép xuất bản bản tin (theo mẫu)"),
            Paper("Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp của cơ quan, tổ chức"),
            Paper("Sơ yếu lý lịch của người chịu trách nhiệm xuất bản bản tin"),
            Paper("Mẫu trình bày tên gọi và trang bìa của bản tin"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_BAO_CHI,),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="cap-giay-phep-xuat-ban-tai-lieu-khong-kinh-doanh",
        title="Cấp giấy phép xuất bản tài liệu không kinh doanh",
        code="1.003719.000.00.00.H48",
        sector=XUAT_BAN,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Cơ quan, tổ chức, cá nhân trên địa bàn tỉnh xuất bản tài liệu không nhằm mục đích kinh doanh",
        steps=steps(
            "Nộp đơn và bản thảo tài liệu trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch đọc duyệt bản thảo.",
            "Cấp giấy phép và đóng dấu vào bản thảo; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            before=FROM_STTTT,
        ),
        result="Giấy phép xuất bản tài liệu không kinh doanh, kèm bản thảo đã đóng dấu.",
        channels=[
            Way(ONLINE, 10, "Không", "Nộp tệp điện tử bản thảo"),
            Way(IN_PERSON, 10, "Không"),
        ],
        components=[
            Paper("Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh (theo mẫu)"),
            Paper("Bản thảo tài liệu in hoặc tệp điện tử bản thảo", copies=2),
            Paper("Bản sao quyết định thành lập hoặc giấy phép hoạt động (đối với cơ quan, tổ chức)"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_XUAT_BAN, ND_195),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="cap-giay-phep-hoat-dong-in",
        title="Cấp giấy phép hoạt động in",
        code="1.003826.000.00.00.H48",
        sector=XUAT_BAN,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Cơ sở in trên địa bàn tỉnh thực hiện chế bản, in, gia công sau in các sản phẩm phải cấp phép",
        steps=steps(
            "Cơ sở in nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ và kiểm tra điều kiện thực tế tại cơ sở in.",
            "Cấp giấy phép hoạt động in; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            before=FROM_STTTT,
        ),
        conditions=(
            "<p>Có thiết bị in phù hợp, mặt bằng sản xuất hợp pháp, người đứng đầu có trình độ chuyên môn về in và "
            "đáp ứng điều kiện về an ninh, trật tự, bảo vệ môi trường.</p>"
        ),
        result="Giấy phép hoạt động in.",
        channels=[Way(ONLINE, 15, "Không"), Way(IN_PERSON, 15, "Không")],
        components=[
            Paper("Đơn đề nghị cấp giấy phép hoạt động in (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập cơ sở in"),
            Paper("Bản sao văn bằng chuyên môn về in của người đứng đầu cơ sở in"),
            Paper("Danh mục thiết bị in, kèm bản sao giấy tờ chứng minh quyền sở hữu thiết bị"),
            Paper("Giấy tờ chứng minh quyền sử dụng mặt bằng sản xuất"),
        ],
        online_service=PARTIAL,
        partial_reason="Cơ quan cấp phép phải kiểm tra thực tế thiết bị, mặt bằng sản xuất tại cơ sở in trước khi cấp.",
        legal_basis=(
            "Nghị định số 60/2014/NĐ-CP ngày 19/6/2014 của Chính phủ quy định về hoạt động in",
            "Nghị định số 25/2018/NĐ-CP ngày 28/02/2018 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số "
            "60/2014/NĐ-CP",
        ),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="xac-nhan-dang-ky-hoat-dong-phat-hanh-xuat-ban-pham",
        title="Cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm",
        code="1.003754.000.00.00.H48",
        sector=XUAT_BAN,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Cơ sở phát hành xuất bản phẩm là doanh nghiệp, đơn vị sự nghiệp có trụ sở trên địa bàn tỉnh",
        steps=steps(
            "Nộp hồ sơ trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch kiểm tra hồ sơ.",
            "Cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm.",
            before=FROM_STTTT,
        ),
        result="Giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm.",
        channels=[Way(ONLINE, 10, "Không"), Way(IN_PERSON, 10, "Không"), Way(POST, 10, "Không")],
        components=[
            Paper("Đơn đề nghị xác nhận đăng ký hoạt động phát hành xuất bản phẩm (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập"),
            Paper("Sơ yếu lý lịch và bản sao văn bằng của người đứng đầu cơ sở phát hành"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_XUAT_BAN, ND_195),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="dang-ky-thu-tin-hieu-truyen-hinh-nuoc-ngoai-tu-ve-tinh",
        title="Cấp giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh",
        code="1.004548.000.00.00.H48",
        sector=PHAT_THANH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants=(
            "Cơ quan, tổ chức, doanh nghiệp (khách sạn, văn phòng đại diện, cơ quan báo chí…) trên địa bàn tỉnh có "
            "nhu cầu thu chương trình truyền hình nước ngoài trực tiếp từ vệ tinh"
        ),
        steps=steps(
            "Nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch kiểm tra hồ sơ, đối tượng được thu và danh mục kênh đề nghị thu.",
            "Cấp giấy chứng nhận đăng ký.",
            before=FROM_STTTT,
        ),
        result="Giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh.",
        channels=[Way(ONLINE, 10, "Không"), Way(IN_PERSON, 10, "Không")],
        components=[
            Paper("Đơn đề nghị cấp giấy chứng nhận đăng ký (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập"),
            Paper("Danh mục kênh chương trình truyền hình nước ngoài đề nghị thu, mục đích và số điểm thu"),
        ],
        online_service=FULL,
        legal_basis=(
            "Nghị định số 06/2016/NĐ-CP ngày 18/01/2016 của Chính phủ về quản lý, cung cấp và sử dụng dịch vụ phát "
            "thanh, truyền hình",
        ),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="cap-giay-phep-trang-thong-tin-dien-tu-tong-hop",
        title="Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        code="1.004593.000.00.00.H48",
        sector=PHAT_THANH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Doanh nghiệp, tổ chức có trụ sở trên địa bàn tỉnh thiết lập trang thông tin điện tử tổng hợp",
        steps=steps(
            "Nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, nguồn tin và quy trình quản lý thông tin.",
            "Cấp giấy phép; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            before=FROM_STTTT,
        ),
        conditions=(
            "<p>Có tên miền hợp lệ; có nhân sự chịu trách nhiệm quản lý nội dung thông tin; có biện pháp bảo đảm "
            "an toàn thông tin và quy trình quản lý thông tin công cộng.</p>"
        ),
        result="Giấy phép thiết lập trang thông tin điện tử tổng hợp.",
        channels=[Way(ONLINE, 15, "Không"), Way(IN_PERSON, 15, "Không"), Way(POST, 15, "Không")],
        components=[
            Paper("Đơn đề nghị cấp giấy phép (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập"),
            Paper("Đề án hoạt động: nguồn tin, quy trình quản lý thông tin, phương án kỹ thuật, nhân sự"),
            Paper("Văn bản chấp thuận của các cơ quan cung cấp nguồn tin"),
        ],
        online_service=FULL,
        legal_basis=(
            "Luật Công nghệ thông tin số 67/2006/QH11 ngày 29/6/2006",
            "Nghị định số 147/2024/NĐ-CP ngày 09/11/2024 của Chính phủ về quản lý, cung cấp, sử dụng dịch vụ "
            "Internet và thông tin trên mạng",
        ),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="cap-giay-phep-buu-chinh",
        title="Cấp giấy phép bưu chính (phạm vi nội tỉnh)",
        code="1.003492.000.00.00.H48",
        sector=BUU_CHINH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_KHCN,
        competent_agency=SO_KHCN,
        applicants="Doanh nghiệp cung ứng dịch vụ thư có khối lượng đơn chiếc đến 02 kg trong phạm vi nội tỉnh",
        steps=steps(
            "Doanh nghiệp nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua bưu chính.",
            "Sở Khoa học và Công nghệ thẩm định hồ sơ, điều kiện tài chính và phương án kinh doanh.",
            "Cấp giấy phép bưu chính; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            before=FROM_STTTT_POST,
        ),
        conditions=(
            "<p>Có giấy chứng nhận đăng ký doanh nghiệp; đáp ứng điều kiện tài chính, nhân sự theo quy định; có "
            "phương án kinh doanh khả thi.</p>"
        ),
        result="Giấy phép bưu chính.",
        channels=[
            Way(IN_PERSON, 20, "Phí thẩm định điều kiện hoạt động bưu chính theo quy định của Bộ Tài chính"),
            Way(POST, 20, "Phí thẩm định điều kiện hoạt động bưu chính theo quy định của Bộ Tài chính"),
        ],
        components=[
            Paper("Đơn đề nghị cấp giấy phép bưu chính (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp"),
            Paper("Điều lệ tổ chức và hoạt động của doanh nghiệp"),
            Paper("Phương án kinh doanh"),
            Paper("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính; bảng giá cước dự kiến"),
        ],
        online_service=NONE,
        legal_basis=(LUAT_BUU_CHINH, ND_47),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="stttt",
        slug="xac-nhan-thong-bao-hoat-dong-buu-chinh",
        title="Cấp văn bản xác nhận thông báo hoạt động bưu chính",
        code="1.003500.000.00.00.H48",
        sector=BUU_CHINH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_KHCN,
        competent_agency=SO_KHCN,
        applicants=(
            "Doanh nghiệp cung ứng dịch vụ bưu chính không thuộc phạm vi cấp giấy phép; chi nhánh, văn phòng đại "
            "diện của doanh nghiệp bưu chính trên địa bàn tỉnh"
        ),
        steps=steps(
            "Nộp hồ sơ thông báo trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Khoa học và Công nghệ kiểm tra hồ sơ.",
            "Cấp văn bản xác nhận thông báo hoạt động bưu chính.",
            before=FROM_STTTT_POST,
        ),
        result="Văn bản xác nhận thông báo hoạt động bưu chính.",
        channels=[Way(ONLINE, 7, "Không"), Way(IN_PERSON, 7, "Không"), Way(POST, 7, "Không")],
        components=[
            Paper("Văn bản thông báo hoạt động bưu chính (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc giấy chứng nhận đăng ký hoạt động chi nhánh"),
            Paper("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_BUU_CHINH, ND_47),
        responsible_units=RECEIVED_TINH,
    ),
]

# --- The portal: provincial procedures of other departments ------------------------------------------------------

PROVINCE = [
    Procedure(
        site="",
        slug="cap-giay-phep-lao-dong-cho-nguoi-nuoc-ngoai",
        title="Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        code="2.000205.000.00.00.H48",
        sector=VIEC_LAM,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_NOI_VU,
        competent_agency=SO_NOI_VU,
        applicants="Người sử dụng lao động (doanh nghiệp, cơ quan, tổ chức) tuyển người lao động nước ngoài",
        steps=steps(
            "Người sử dụng lao động nộp hồ sơ trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công "
            "tỉnh, trước ngày người lao động nước ngoài dự kiến bắt đầu làm việc.",
            "Sở Nội vụ kiểm tra hồ sơ; hồ sơ chưa đủ thì thông báo bổ sung.",
            "Cấp giấy phép lao động; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
            "Khi nhận giấy phép, người sử dụng lao động nộp bản chính hoặc bản sao có chứng thực các giấy tờ đã tải "
            "lên để đối chiếu.",
            before="Sở Nội vụ thực hiện nhiệm vụ về lao động, việc làm từ năm 2025, sau khi Sở Lao động - Thương binh "
            "và Xã hội hợp nhất vào Sở Nội vụ.",
        ),
        conditions=bullets(
            "Người lao động nước ngoài đủ 18 tuổi trở lên, có năng lực hành vi dân sự đầy đủ.",
            "Có trình độ chuyên môn, kỹ thuật, tay nghề, kinh nghiệm làm việc và sức khỏe phù hợp với công việc.",
            "Không phải là người đang chấp hành hình phạt hoặc chưa được xóa án tích, đang bị truy cứu trách "
            "nhiệm hình sự theo pháp luật nước ngoài hoặc Việt Nam.",
        ),
        result="Giấy phép lao động (thời hạn tối đa 02 năm).",
        channels=[
            Way(ONLINE, 5, "600.000 đồng/giấy phép", "Mức lệ phí theo Nghị quyết của HĐND tỉnh"),
            Way(IN_PERSON, 5, "600.000 đồng/giấy phép"),
            Way(POST, 5, "600.000 đồng/giấy phép", "Cộng thời gian chuyển phát"),
        ],
        components=[
            Paper("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động (theo mẫu)"),
            Paper("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe có giá trị trong 12 tháng"),
            Paper("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người đang chấp hành hình phạt"),
            Paper("Văn bản, giấy tờ chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật"),
            Paper("Bản sao hộ chiếu còn giá trị và 02 ảnh màu 4 cm x 6 cm"),
        ],
        online_service=PARTIAL,
        partial_reason=(
            "Khi nhận giấy phép lao động, người sử dụng lao động phải nộp bản chính hoặc bản sao có chứng thực các "
            "giấy tờ đã nộp trực tuyến để đối chiếu."
        ),
        legal_basis=(BLLD,),
        responsible_units=RECEIVED_TINH,
        english=EnglishProcedure(
            "work-permit-for-foreign-workers",
            {
                "title": "Work permit for foreign workers in Viet Nam",
                "implementing_agency": "Quang Ngai Department of Home Affairs",
                "competent_agency": "Quang Ngai Department of Home Affairs",
                "applicants": "Employers (companies, agencies and organisations) recruiting foreign workers",
                "steps": steps(
                    "The employer applies online, by post or at the Provincial Public Administrative Service Center "
                    "before the day the foreign worker is to start work.",
                    "The Department of Home Affairs checks the dossier and asks for anything missing.",
                    "The Department issues the work permit, or explains in writing why it does not.",
                    "When collecting the permit, the employer hands in the originals or certified copies of the "
                    "documents uploaded, for checking.",
                    before="Labour and employment have been handled by the Department of Home Affairs since 2025, "
                    "when the Department of Labour, Invalids and Social Affairs was merged into it.",
                ),
                "conditions": bullets(
                    "The worker is 18 or over and has full legal capacity.",
                    "The worker has the qualifications, skills, experience and health the job requires.",
                    "The worker is not serving a sentence, has no unspent conviction and is not being prosecuted "
                    "under Vietnamese or foreign law.",
                ),
                "result": "Work permit (valid for up to 2 years).",
                "legal_basis": (LABOUR_CODE,),
                "responsible_units": "Quang Ngai Provincial Public Administrative Service Center (dossiers and "
                "results)",
                "partial_reason": "When collecting the permit, the employer must hand in the originals or certified "
                "copies of the documents submitted online, for checking.",
            },
            [
                ("VND 600,000 per permit", "Fee set by the Provincial People's Council"),
                ("VND 600,000 per permit", ""),
                ("VND 600,000 per permit", "Plus delivery time"),
            ],
            [
                "The employer's application for a work permit (official template)",
                "A health certificate issued within the last 12 months",
                "A criminal record certificate, or a document confirming the worker is not serving a sentence",
                "Proof that the worker is a manager, executive, expert or technical worker",
                "A copy of a valid passport and two 4 cm x 6 cm colour photos",
            ],
            (
                ("Worker's full name (as in the passport)", ""),
                ("Nationality", ""),
                ("Passport number", ""),
                ("Position", "Manager\nExecutive\nExpert\nTechnical worker"),
                ("Expected length of employment (months)", ""),
            ),
        ),
    ),
    Procedure(
        site="",
        slug="xac-nhan-nguoi-lao-dong-nuoc-ngoai-khong-thuoc-dien-cap-giay-phep-lao-dong",
        title="Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
        code="2.000192.000.00.00.H48",
        sector=VIEC_LAM,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_NOI_VU,
        competent_agency=SO_NOI_VU,
        applicants="Người sử dụng lao động có người lao động nước ngoài thuộc diện không phải cấp giấy phép lao động",
        steps=steps(
            "Người sử dụng lao động nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.",
            "Sở Nội vụ kiểm tra hồ sơ, đối chiếu trường hợp miễn giấy phép lao động.",
            "Cấp văn bản xác nhận điện tử, gửi vào tài khoản của người sử dụng lao động.",
        ),
        result="Văn bản xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động.",
        channels=[Way(ONLINE, 5, "Không"), Way(IN_PERSON, 5, "Không")],
        components=[
            Paper("Văn bản đề nghị xác nhận của người sử dụng lao động (theo mẫu)"),
            Paper("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe có giá trị trong 12 tháng"),
            Paper("Giấy tờ chứng minh người lao động nước ngoài thuộc trường hợp không phải cấp giấy phép lao động"),
            Paper("Bản sao hộ chiếu còn giá trị"),
        ],
        online_service=FULL,
        legal_basis=(BLLD,),
        responsible_units=RECEIVED_TINH,
        english=EnglishProcedure(
            "confirmation-of-work-permit-exemption",
            {
                "title": "Confirmation that a foreign worker is exempt from a work permit",
                "implementing_agency": "Quang Ngai Department of Home Affairs",
                "competent_agency": "Quang Ngai Department of Home Affairs",
                "applicants": "Employers of foreign workers who do not need a work permit",
                "steps": steps(
                    "The employer applies online on the National Public Service Portal.",
                    "The Department of Home Affairs checks the dossier against the cases of exemption.",
                    "The confirmation is issued electronically to the employer's account.",
                ),
                "result": "A confirmation that the foreign worker does not need a work permit.",
                "legal_basis": (LABOUR_CODE,),
                "responsible_units": "Quang Ngai Provincial Public Administrative Service Center (dossiers and "
                "results)",
            },
            [("Free", ""), ("Free", "")],
            [
                "The employer's request for confirmation (official template)",
                "A health certificate issued within the last 12 months",
                "Proof that the worker is in one of the cases exempt from a work permit",
                "A copy of a valid passport",
            ],
        ),
    ),
    Procedure(
        site="",
        slug="chap-thuan-chu-truong-dau-tu-cua-ubnd-tinh",
        title="Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh",
        code="1.009645.000.00.00.H48",
        sector=DAU_TU,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=f"{SO_TAI_CHINH} (dự án ngoài khu kinh tế, khu công nghiệp)",
        competent_agency=UBND_TINH,
        applicants="Nhà đầu tư trong nước và nước ngoài",
        steps=steps(
            "Nhà đầu tư nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua bưu chính.",
            "Sở Tài chính gửi hồ sơ lấy ý kiến thẩm định của các cơ quan liên quan và lập báo cáo thẩm định.",
            "Ủy ban nhân dân tỉnh xem xét, quyết định chấp thuận chủ trương đầu tư.",
            before="Dự án trong Khu kinh tế Dung Quất và các khu công nghiệp do Ban Quản lý Khu kinh tế Dung Quất và "
            "các Khu công nghiệp Quảng Ngãi tiếp nhận. Trung tâm Xúc tiến đầu tư (Văn phòng UBND tỉnh) hỗ trợ nhà "
            "đầu tư tìm hiểu thủ tục.",
        ),
        conditions=(
            "<p>Dự án thuộc thẩm quyền chấp thuận chủ trương đầu tư của UBND cấp tỉnh theo Luật Đầu tư; phù hợp "
            "với quy hoạch và có đề xuất nhu cầu sử dụng đất (nếu có).</p>"
        ),
        result="Quyết định chấp thuận chủ trương đầu tư (đồng thời chấp thuận nhà đầu tư, nếu có).",
        channels=[Way(IN_PERSON, 35, "Không"), Way(POST, 35, "Không")],
        components=[
            Paper("Văn bản đề nghị thực hiện dự án đầu tư (theo mẫu)"),
            Paper("Tài liệu về tư cách pháp lý của nhà đầu tư"),
            Paper("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
            Paper("Đề xuất dự án đầu tư"),
            Paper("Giấy tờ về quyền sử dụng địa điểm hoặc đề xuất nhu cầu sử dụng đất (nếu có)"),
        ],
        online_service=NONE,
        legal_basis=(LUAT_DAU_TU, ND_31),
        responsible_units=RECEIVED_TINH,
        english=EnglishProcedure(
            "investment-policy-approval",
            {
                "title": "Investment policy approval by the Provincial People's Committee",
                "implementing_agency": "Quang Ngai Department of Finance (projects outside the economic zone and "
                "industrial parks)",
                "competent_agency": "Quang Ngai Provincial People's Committee",
                "applicants": "Domestic and foreign investors",
                "steps": steps(
                    "The investor submits the dossier at the Provincial Public Administrative Service Center or by "
                    "post.",
                    "The Department of Finance consults the agencies concerned and prepares an appraisal report.",
                    "The Provincial People's Committee decides on the investment policy.",
                    before="Projects in the Dung Quat Economic Zone and the industrial parks go to the Management "
                    "Board of Dung Quat Economic Zone and Quang Ngai Industrial Parks (DEZA). The Investment "
                    "Promotion Center (Office of the Provincial People's Committee) helps investors through the "
                    "procedure.",
                ),
                "conditions": (
                    "<p>The project falls within the Provincial People's Committee's power of approval under the Law "
                    "on Investment, fits the plans in force and states its land needs, if any.</p>"
                ),
                "result": "A decision approving the investment policy (and the investor, where applicable).",
                "legal_basis": (LAW_INVESTMENT, DECREE_31),
                "responsible_units": "Quang Ngai Provincial Public Administrative Service Center (dossiers and "
                "results)",
            },
            [("Free", ""), ("Free", "")],
            [
                "Application to carry out an investment project (official template)",
                "Documents on the investor's legal status",
                "Proof of the investor's financial capacity",
                "The investment project proposal",
                "Documents on the right to use the site, or the proposed land use (if any)",
            ],
        ),
    ),
    Procedure(
        site="",
        slug="cap-giay-chung-nhan-dang-ky-dau-tu",
        title="Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
        code="1.009648.000.00.00.H48",
        sector=DAU_TU,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=f"{SO_TAI_CHINH} (dự án ngoài khu kinh tế, khu công nghiệp)",
        competent_agency=SO_TAI_CHINH,
        applicants="Nhà đầu tư nước ngoài; tổ chức kinh tế có vốn đầu tư nước ngoài thuộc diện phải đăng ký đầu tư",
        steps=steps(
            "Nhà đầu tư kê khai trực tuyến trên Hệ thống thông tin quốc gia về đầu tư và nộp hồ sơ.",
            "Sở Tài chính kiểm tra hồ sơ và điều kiện tiếp cận thị trường đối với nhà đầu tư nước ngoài.",
            "Nhà đầu tư nộp hồ sơ bản giấy tương ứng với hồ sơ trực tuyến và nhận Giấy chứng nhận đăng ký đầu tư.",
        ),
        result="Giấy chứng nhận đăng ký đầu tư.",
        channels=[Way(ONLINE, 15, "Không"), Way(IN_PERSON, 15, "Không")],
        components=[
            Paper("Văn bản đề nghị thực hiện dự án đầu tư (theo mẫu)"),
            Paper("Tài liệu về tư cách pháp lý của nhà đầu tư"),
            Paper("Đề xuất dự án đầu tư"),
            Paper("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
        ],
        online_service=PARTIAL,
        partial_reason=(
            "Nhà đầu tư phải nộp hồ sơ bản giấy tương ứng với hồ sơ đã kê khai trực tuyến trước khi nhận Giấy chứng "
            "nhận đăng ký đầu tư."
        ),
        legal_basis=(LUAT_DAU_TU, ND_31),
        responsible_units=RECEIVED_TINH,
        english=EnglishProcedure(
            "investment-registration-certificate",
            {
                "title": "Investment registration certificate for projects not requiring investment policy approval",
                "implementing_agency": "Quang Ngai Department of Finance (projects outside the economic zone and "
                "industrial parks)",
                "competent_agency": "Quang Ngai Department of Finance",
                "applicants": "Foreign investors; foreign-invested companies that must register their investment",
                "steps": steps(
                    "The investor fills in the declaration on the National Investment Information System and "
                    "submits the dossier.",
                    "The Department of Finance checks the dossier and, for foreign investors, the market access "
                    "conditions.",
                    "The investor hands in the paper dossier matching the online one and receives the certificate.",
                ),
                "result": "Investment registration certificate.",
                "legal_basis": (LAW_INVESTMENT, DECREE_31),
                "responsible_units": "Quang Ngai Provincial Public Administrative Service Center (dossiers and "
                "results)",
                "partial_reason": "The investor must hand in a paper dossier matching the online declaration before "
                "receiving the certificate.",
            },
            [("Free", ""), ("Free", "")],
            [
                "Application to carry out an investment project (official template)",
                "Documents on the investor's legal status",
                "The investment project proposal",
                "Proof of the investor's financial capacity",
            ],
        ),
    ),
    Procedure(
        site="",
        slug="dang-ky-thanh-lap-cong-ty-tnhh-mot-thanh-vien",
        title="Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        code="2.001610.000.00.00.H48",
        sector=DOANH_NGHIEP,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=f"Phòng Đăng ký kinh doanh, {SO_TAI_CHINH}",
        competent_agency=SO_TAI_CHINH,
        applicants="Tổ chức, cá nhân thành lập công ty trách nhiệm hữu hạn một thành viên",
        steps=steps(
            "Người thành lập doanh nghiệp nộp hồ sơ trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp, qua "
            "bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Phòng Đăng ký kinh doanh kiểm tra hồ sơ, tên doanh nghiệp.",
            "Cấp Giấy chứng nhận đăng ký doanh nghiệp; kết quả điện tử có giá trị như bản giấy.",
            before="Sở Tài chính thực hiện đăng ký doanh nghiệp từ năm 2025, sau khi Sở Kế hoạch và Đầu tư hợp nhất "
            "vào Sở Tài chính.",
        ),
        result="Giấy chứng nhận đăng ký doanh nghiệp.",
        channels=[
            Way(ONLINE, 3, "Miễn lệ phí"),
            Way(IN_PERSON, 3, "50.000 đồng/lần"),
            Way(POST, 3, "50.000 đồng/lần", "Cộng thời gian chuyển phát"),
        ],
        components=[
            Paper("Giấy đề nghị đăng ký doanh nghiệp (theo mẫu)"),
            Paper("Điều lệ công ty"),
            Paper("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật"),
            Paper("Bản sao giấy tờ pháp lý của chủ sở hữu công ty (cá nhân hoặc tổ chức)"),
        ],
        online_service=FULL,
        legal_basis=(LUAT_DOANH_NGHIEP, ND_168),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="",
        slug="cap-giay-phep-xay-dung-cong-trinh-cap-dac-biet-cap-i-cap-ii",
        title="Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II",
        code="1.009972.000.00.00.H48",
        sector=XAY_DUNG,
        level=GovernmentLevel.PROVINCE,
        implementing_agency="Sở Xây dựng tỉnh Quảng Ngãi",
        competent_agency="Sở Xây dựng tỉnh Quảng Ngãi",
        applicants="Chủ đầu tư xây dựng công trình",
        steps=steps(
            "Chủ đầu tư nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Xây dựng thẩm định hồ sơ, kiểm tra thực địa; lấy ý kiến các cơ quan liên quan nếu cần.",
            "Cấp giấy phép xây dựng; chủ đầu tư nộp bản vẽ bản giấy để cơ quan cấp phép đóng dấu khi nhận giấy phép.",
            before="Sở Giao thông vận tải hợp nhất vào Sở Xây dựng từ năm 2025.",
        ),
        conditions=(
            "<p>Công trình phù hợp với quy hoạch, mục đích sử dụng đất; thiết kế xây dựng đã được thẩm định, phê "
            "duyệt theo quy định.</p>"
        ),
        result="Giấy phép xây dựng kèm theo bản vẽ có đóng dấu của cơ quan cấp phép.",
        channels=[
            Way(ONLINE, 20, "150.000 đồng/giấy phép"),
            Way(IN_PERSON, 20, "150.000 đồng/giấy phép"),
        ],
        components=[
            Paper("Đơn đề nghị cấp giấy phép xây dựng (theo mẫu)"),
            Paper("Bản sao giấy tờ chứng minh quyền sử dụng đất"),
            Paper("Bản sao quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định thiết kế"),
            Paper("Bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng, phương án móng, đấu nối hạ tầng", copies=2),
        ],
        online_service=PARTIAL,
        partial_reason=(
            "Bản vẽ kèm theo giấy phép phải được cơ quan cấp phép đóng dấu trên bản giấy; chủ đầu tư nộp 02 bộ bản vẽ "
            "bản giấy khi nhận giấy phép."
        ),
        legal_basis=(LUAT_XAY_DUNG,),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="",
        slug="cap-moi-giay-phep-hanh-nghe-kham-benh-chua-benh",
        title="Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh",
        code="1.012280.000.00.00.H48",
        sector=KHAM_CHUA_BENH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency="Sở Y tế tỉnh Quảng Ngãi",
        competent_agency="Sở Y tế tỉnh Quảng Ngãi",
        applicants="Người hành nghề khám bệnh, chữa bệnh (bác sĩ, y sĩ, điều dưỡng, hộ sinh, kỹ thuật y…)",
        steps=steps(
            "Nộp hồ sơ trực tuyến hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Y tế thẩm định hồ sơ; người đề nghị mang bản chính văn bằng chuyên môn đến đối chiếu.",
            "Cấp giấy phép hành nghề; trường hợp không cấp phải trả lời bằng văn bản, nêu rõ lý do.",
        ),
        conditions=(
            "<p>Có văn bằng chuyên môn phù hợp, đã hoàn thành thời gian thực hành theo quy định và đủ sức khỏe để "
            "hành nghề.</p>"
        ),
        result="Giấy phép hành nghề khám bệnh, chữa bệnh.",
        channels=[
            Way(ONLINE, 20, "Phí thẩm định cấp giấy phép hành nghề theo quy định của Bộ Tài chính"),
            Way(IN_PERSON, 20, "Phí thẩm định cấp giấy phép hành nghề theo quy định của Bộ Tài chính"),
        ],
        components=[
            Paper("Đơn đề nghị cấp mới giấy phép hành nghề (theo mẫu)"),
            Paper("Bản sao văn bằng chuyên môn", copies=1),
            Paper("Giấy xác nhận hoàn thành quá trình thực hành"),
            Paper("Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh"),
        ],
        online_service=PARTIAL,
        partial_reason="Người đề nghị phải xuất trình bản chính văn bằng chuyên môn để đối chiếu.",
        legal_basis=(
            "Luật Khám bệnh, chữa bệnh số 15/2023/QH15 ngày 09/01/2023",
            "Nghị định số 96/2023/NĐ-CP ngày 30/12/2023 của Chính phủ quy định chi tiết một số điều của Luật Khám "
            "bệnh, chữa bệnh",
        ),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="",
        slug="cap-giay-phep-kinh-doanh-dich-vu-lu-hanh-noi-dia",
        title="Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa",
        code="1.004628.000.00.00.H48",
        sector=LU_HANH,
        level=GovernmentLevel.PROVINCE,
        implementing_agency=SO_VHTTDL,
        competent_agency=SO_VHTTDL,
        applicants="Doanh nghiệp kinh doanh dịch vụ lữ hành nội địa có trụ sở trên địa bàn tỉnh",
        steps=steps(
            "Doanh nghiệp nộp hồ sơ trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.",
            "Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa; trường hợp không cấp phải trả lời bằng văn bản.",
        ),
        conditions=(
            "<p>Là doanh nghiệp; đã ký quỹ kinh doanh dịch vụ lữ hành nội địa; người phụ trách kinh doanh dịch vụ "
            "lữ hành có trình độ chuyên ngành về lữ hành hoặc chứng chỉ nghiệp vụ điều hành du lịch nội địa.</p>"
        ),
        result="Giấy phép kinh doanh dịch vụ lữ hành nội địa.",
        channels=[
            Way(ONLINE, 10, "3.000.000 đồng/giấy phép (phí thẩm định)"),
            Way(IN_PERSON, 10, "3.000.000 đồng/giấy phép (phí thẩm định)"),
            Way(POST, 10, "3.000.000 đồng/giấy phép (phí thẩm định)"),
        ],
        components=[
            Paper("Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (theo mẫu)"),
            Paper("Bản sao giấy chứng nhận đăng ký doanh nghiệp"),
            Paper("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa"),
            Paper("Bản sao văn bằng hoặc chứng chỉ nghiệp vụ của người phụ trách kinh doanh dịch vụ lữ hành"),
            Paper("Bản sao quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành"),
        ],
        online_service=FULL,
        legal_basis=(
            "Luật Du lịch số 09/2017/QH14 ngày 19/6/2017",
            "Nghị định số 168/2017/NĐ-CP ngày 31/12/2017 của Chính phủ quy định chi tiết một số điều của Luật Du lịch",
        ),
        responsible_units=RECEIVED_TINH,
    ),
    Procedure(
        site="",
        slug="cap-ban-sao-van-bang-chung-chi-tu-so-goc",
        title="Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
        code="1.005092.000.00.00.H48",
        sector=GIAO_DUC,
        level=GovernmentLevel.PROVINCE,
        implementing_agency="Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi",
        competent_agency="Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi",
        applicants=(
            "Người được cấp bằng tốt nghiệp trung học phổ thông, chứng chỉ do Sở cấp, hoặc người đại diện theo pháp "
            "luật, người được ủy quyền"
        ),
        steps=steps(
            "Nộp yêu cầu trực tuyến, qua bưu chính hoặc tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Giáo dục và Đào tạo đối chiếu với sổ gốc cấp văn bằng, chứng chỉ.",
            "Cấp bản sao từ sổ gốc; gửi kết quả qua bưu chính hoặc trả tại Trung tâm theo yêu cầu.",
        ),
        result="Bản sao văn bằng, chứng chỉ từ sổ gốc.",
        channels=[
            Way(ONLINE, 1, "Không", "Kết quả gửi qua bưu chính (người yêu cầu trả cước)"),
            Way(IN_PERSON, 1, "Không", "Trả trong ngày; yêu cầu nhận sau 15 giờ trả ngày làm việc tiếp theo"),
            Way(POST, 3, "Không"),
        ],
        components=[
            Paper("Đơn đề nghị cấp bản sao từ sổ gốc (theo mẫu)"),
            Paper("Giấy tờ tùy thân của người yêu cầu", SHOW),
            Paper("Văn bản ủy quyền (nếu người yêu cầu là người được ủy quyền)"),
        ],
        online_service=FULL,
        legal_basis=(ND_23, "Luật Giáo dục số 43/2019/QH14 ngày 14/6/2019"),
        responsible_units=RECEIVED_TINH,
    ),
]

PROCEDURES = COMMUNE + DEPARTMENT + PROVINCE

# --- Seeding ------------------------------------------------------------------------------------------------------


def ensure_sectors(result: Onboarding) -> dict[str, Sector]:
    """The sectors, each created if its name is missing (an item an administrator edited is left as it is)."""
    names = [name for name, _english in SECTORS]
    sectors = {sector.name: sector for sector in Sector.objects.filter(name__in=names)}
    created = 0
    for order, (name, english) in enumerate(SECTORS, start=1):
        if name not in sectors:
            sectors[name] = Sector.objects.create(name=name, name_en=english, sort_order=order * 10)
            created += 1
    if created:
        result.note(True, f"danh mục lĩnh vực thủ tục hành chính ({created} mục)")
    if created < len(SECTORS):
        result.note(False, f"danh mục lĩnh vực thủ tục hành chính ({len(SECTORS) - created} mục)")
    return sectors


def seed_procedures(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Publish each demo procedure whose site is in `agencies` (keyed by code) and whose slug is not yet in the
    site's "Thủ tục hành chính" section, then the English versions of those foreigners use."""
    from .seed import ensure_english  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    sectors = ensure_sectors(result)
    for code, agency in agencies.items():
        index = ProcedureIndexPage.objects.child_of(agency.site.root_page).first()
        procedures = [procedure for procedure in PROCEDURES if procedure.site == code]
        if index is None or not procedures:
            continue
        present = {page.slug: page for page in ProcedurePage.objects.child_of(index)}
        created = 0
        for procedure in procedures:
            page = present.get(procedure.slug)
            if page is None:
                page = create_procedure(index, procedure, sectors)
                created += 1
            if procedure.title in ONLINE_FORMS:
                ensure_online_form(page, ONLINE_FORMS[procedure.title], result)
            if procedure.english is not None:
                ensure_english(page, english, procedure.english_version(), result)
        if created:
            result.note(True, f"thủ tục hành chính trên trang {agency.name} ({created})")
        if created < len(procedures):
            result.note(False, f"thủ tục hành chính trên trang {agency.name} ({len(procedures) - created})")


def create_procedure(index: ProcedureIndexPage, procedure: Procedure, sectors: dict[str, Sector]) -> ProcedurePage:
    page = ProcedurePage(
        title=procedure.title,
        slug=procedure.slug,
        locale=index.locale,
        sector=sectors[procedure.sector],
        **procedure.page_fields(),
    )
    for related in (page.channels, page.components):
        for position, item in enumerate(related.all()):
            item.sort_order = position
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


# Điều 11.2: how to use the online public services, a page of the portal's procedures section.
GUIDE = Entry(
    "Hướng dẫn sử dụng dịch vụ công trực tuyến",
    {
        "lead": "Các bước tìm thủ tục, nộp hồ sơ trực tuyến và theo dõi kết quả giải quyết.",
        "body": [
            paragraph(
                "<p>Dịch vụ công trực tuyến toàn trình cho phép nộp hồ sơ, theo dõi và nhận kết quả hoàn toàn qua "
                "mạng; dịch vụ một phần cho phép nộp hồ sơ trực tuyến nhưng phải đến cơ quan nhận kết quả hoặc xuất "
                "trình bản gốc (Nghị định 42/2022/NĐ-CP).</p>"
            ),
            heading("1. Tìm thủ tục"),
            paragraph(
                "<p>Gõ tên thủ tục vào ô tìm kiếm của mục Thủ tục hành chính, có dấu hoặc không dấu (ví dụ "
                "<i>dang ky ho kinh doanh</i>), rồi lọc theo lĩnh vực, cơ quan, cấp thực hiện hoặc mức độ dịch vụ.</p>"
            ),
            heading("2. Chuẩn bị hồ sơ"),
            paragraph(
                "<p>Trang của mỗi thủ tục nêu thành phần hồ sơ, số bản, mẫu đơn để tải về, thời hạn giải quyết và phí, "
                "lệ phí theo từng cách nộp. Hãy chuẩn bị bản chụp hoặc bản quét rõ nét của các giấy tờ.</p>"
            ),
            heading("3. Nộp và theo dõi hồ sơ"),
            paragraph(
                "<p>Khi nộp trực tuyến, bạn nhận một mã hồ sơ. Dùng mã này cùng thư điện tử hoặc số điện thoại đã khai "
                "để theo dõi tình trạng hồ sơ: đã tiếp nhận, đang xử lý, yêu cầu bổ sung, đã có kết quả.</p>"
            ),
            paragraph("<p><i>Trang trình diễn: nội dung do nhóm phát triển biên soạn.</i></p>"),
        ],
    },
    English(
        "how-to-use-online-public-services",
        {
            "title": "How to use the online public services",
            "lead": "Finding a procedure, submitting a dossier online and following its progress.",
            "body": [
                paragraph(
                    "<p>A full online service lets you submit, follow and receive the result entirely online; a "
                    "partial one takes the dossier online but the result is collected, or originals are shown, at "
                    "the agency (Decree 42/2022/ND-CP).</p>"
                ),
                heading("1. Find the procedure"),
                paragraph(
                    "<p>Type its name in the search box of Administrative procedures, with or without Vietnamese "
                    "accents, and filter by sector, agency, level of government or online service.</p>"
                ),
                heading("2. Prepare the dossier"),
                paragraph(
                    "<p>Each procedure lists its documents, the number of copies, the forms to download, the time "
                    "limit and the fees for each channel.</p>"
                ),
                heading("3. Submit and follow"),
                paragraph(
                    "<p>Online, you receive a dossier code; with it and the email or phone number you gave, you can "
                    "follow the dossier: received, being processed, more documents needed, result ready.</p>"
                ),
                paragraph("<p><i>Demonstration site: content written by the development team.</i></p>"),
            ],
        },
    ),
)


# The three procedures that take dossiers online in the demo: their form's questions (label, kind, choices),
# and which of their dossier papers are uploaded (by the start of the paper's name), required or optional.
ONLINE_FORMS = {
    "Đăng ký thành lập hộ kinh doanh": (
        [
            ("Tên hộ kinh doanh", "text", ""),
            ("Địa điểm kinh doanh", "text", ""),
            (
                "Ngành, nghề kinh doanh",
                "choice",
                "Bán lẻ hàng hóa\nDịch vụ ăn uống\nSửa chữa, dịch vụ\nNông, lâm, thủy sản",
            ),
            ("Số vốn kinh doanh (đồng)", "number", ""),
            ("Ngày dự kiến bắt đầu kinh doanh", "date", ""),
        ],
        {"Giấy đề nghị": "bat-buoc", "Bản sao giấy tờ pháp lý": "bat-buoc", "Bản sao văn bản ủy quyền": "tuy-chon"},
    ),
    "Đăng ký khai sinh": (
        [
            ("Họ, chữ đệm và tên của trẻ", "text", ""),
            ("Ngày sinh của trẻ", "date", ""),
            ("Giới tính", "choice", "Nam\nNữ"),
            ("Nơi sinh", "text", ""),
            ("Họ và tên người mẹ", "text", ""),
            ("Họ và tên người cha", "text", ""),
        ],
        {"Tờ khai": "bat-buoc", "Giấy chứng sinh": "bat-buoc"},
    ),
    "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam": (
        [
            ("Họ và tên người lao động (như trong hộ chiếu)", "text", ""),
            ("Quốc tịch", "text", ""),
            ("Số hộ chiếu", "text", ""),
            ("Vị trí công việc", "choice", "Nhà quản lý\nGiám đốc điều hành\nChuyên gia\nLao động kỹ thuật"),
            ("Thời hạn làm việc dự kiến (tháng)", "number", ""),
        ],
        {"Văn bản đề nghị": "bat-buoc", "Giấy chứng nhận sức khỏe": "bat-buoc", "Bản sao hộ chiếu": "bat-buoc"},
    ),
}


def ensure_online_form(page: ProcedurePage, spec: tuple, result: Onboarding) -> None:
    """Give a procedure its online form, unless it has one (an editor's own form is kept)."""
    what = f"biểu mẫu nộp trực tuyến “{page.title}”"
    if ProcedureFormField.objects.filter(page=page).exists():
        result.note(False, what)
        return
    questions, uploads = spec
    draft = page.get_latest_revision_as_object()
    draft.form_fields = [
        ProcedureFormField(label=label, kind=kind, choices=choices, required=True) for label, kind, choices in questions
    ]
    components = list(draft.components.all())
    for component in components:
        component.upload = next((flag for start, flag in uploads.items() if component.name.startswith(start)), "")
    # Set in memory: on a page without unpublished changes .all() reads the database afresh each time.
    draft.components = components
    draft.save_revision().publish()
    result.note(True, what)


# --- Dossiers submitted online ------------------------------------------------------------------------------------

# The demo's dossiers are sent through the procedures' own forms (services.submission.DossierForm) and moved by the
# handling steps of services.handling, so their codes, due dates and histories are what the portal itself makes. Each
# is placed in the last weeks: it was submitted, and each step taken, so many working days before the day of seeding,
# at a given time. Applicants and companies are fictional; their e-mail addresses are at example.vn and their phone
# numbers use the demo's 0255 0000 pattern (no real line has it). The e-mails the steps send are never delivered.

Action = DossierEvent.Action
# The form token of demo dossier number `key`: a second seed finds the dossier by it.
DEMO_FORM_ID = "trinh-dien-ho-so-{key:02d}"
BIRTH = "Đăng ký khai sinh"
BUSINESS = "Đăng ký thành lập hộ kinh doanh"
WORK_PERMIT = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"


@dataclass(frozen=True)
class Step:
    """One step of a demo dossier's handling (a DossierEvent.Action), taken `day` working days before the day of
    seeding at `time` ("HH:MM"): its note (what is missing, the reason of a refusal, the result…) and, for the
    applicant's supplement, the labels of the files sent with it."""

    action: str
    day: int
    time: str
    text: str = ""
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoDossier:
    """A dossier as its applicant filled in the procedure's online form, and what the desk did with it since.

    `answers` are keyed by the questions' labels; a timedelta is a date counted from the day of submission. Every
    file the form requires is attached (a one-page PDF). `key` makes the form token the seed finds it again by.
    """

    key: int
    procedure: str
    applicant: str
    email: str
    phone: str
    answers: dict
    day: int
    time: str
    steps: tuple[Step, ...] = ()

    @property
    def token(self) -> str:
        return DEMO_FORM_ID.format(key=self.key)


def birth(child: str, born: int, sex: str, place: str, mother: str, father: str) -> dict:
    """The answers of the birth registration form (`born`: days before the submission)."""
    return {
        "Họ, chữ đệm và tên của trẻ": child,
        "Ngày sinh của trẻ": timedelta(days=-born),
        "Giới tính": sex,
        "Nơi sinh": place,
        "Họ và tên người mẹ": mother,
        "Họ và tên người cha": father,
    }


def business(name: str, address: str, trade: str, capital: int, opens: int) -> dict:
    """The answers of the household business form (`opens`: days after the submission)."""
    return {
        "Tên hộ kinh doanh": name,
        "Địa điểm kinh doanh": address,
        "Ngành, nghề kinh doanh": trade,
        "Số vốn kinh doanh (đồng)": str(capital),
        "Ngày dự kiến bắt đầu kinh doanh": timedelta(days=opens),
    }


def work_permit(name: str, nationality: str, passport: str, position: str, months: int) -> dict:
    """The answers of the work permit form (the worker's details, as in the passport)."""
    return {
        "Họ và tên người lao động (như trong hộ chiếu)": name,
        "Quốc tịch": nationality,
        "Số hộ chiếu": passport,
        "Vị trí công việc": position,
        "Thời hạn làm việc dự kiến (tháng)": str(months),
    }


BV_TINH = "Bệnh viện Đa khoa tỉnh Quảng Ngãi"
TRAM_Y_TE = "Trạm Y tế xã Tư Nghĩa"
XA = "xã Tư Nghĩa, tỉnh Quảng Ngãi"
BIRTH_STARTED = "Hồ sơ đầy đủ, hợp lệ; chuyển công chức tư pháp - hộ tịch xử lý."
BIRTH_DONE = (
    "Đã đăng ký khai sinh; trẻ đã có số định danh cá nhân. Giấy khai sinh điện tử đã gửi vào tài khoản của người "
    "nộp; bản chính nhận tại Trung tâm Phục vụ hành chính công xã Tư Nghĩa."
)
BIRTH_HANDED = (
    "Đã trao bản chính Giấy khai sinh; người đi đăng ký đã kiểm tra thông tin và ký vào Sổ đăng ký khai sinh."
)
BUSINESS_STARTED = "Hồ sơ hợp lệ; chuyển Phòng Kinh tế kiểm tra tên hộ kinh doanh và ngành, nghề đăng ký."
BUSINESS_DONE = (
    "Đã cấp Giấy chứng nhận đăng ký hộ kinh doanh. Bản điện tử đã gửi vào tài khoản của người nộp; bản giấy nhận "
    "tại Trung tâm Phục vụ hành chính công xã Tư Nghĩa khi xuất trình giấy tờ tùy thân."
)
BUSINESS_HANDED = "Chủ hộ kinh doanh đã nhận bản giấy Giấy chứng nhận đăng ký hộ kinh doanh tại Trung tâm."
PERMIT_STARTED = "Hồ sơ đầy đủ; chuyển Sở Nội vụ thẩm định."
PERMIT_DONE = (
    "Sở Nội vụ đã cấp giấy phép lao động, thời hạn 24 tháng. Mời người sử dụng lao động mang bản chính các giấy tờ "
    "đã tải lên đến Trung tâm Phục vụ hành chính công tỉnh để đối chiếu và nhận giấy phép."
)
PERMIT_HANDED = "Đã đối chiếu bản chính các giấy tờ và trao giấy phép lao động cho đại diện người sử dụng lao động."
SONG_TRA = "Công ty TNHH Cơ khí chính xác Sông Trà"

DOSSIERS = [
    # Đăng ký khai sinh, xã Tư Nghĩa: one working day.
    DemoDossier(
        1,
        BIRTH,
        "Nguyễn Thị Kim Oanh",
        "kimoanh.nguyen@example.vn",
        "",
        birth("Trần Gia Huy", 9, "Nam", BV_TINH, "Nguyễn Thị Kim Oanh", "Trần Văn Phúc"),
        1,
        "16:20",
    ),
    DemoDossier(
        2,
        BIRTH,
        "Lê Văn Tâm",
        "levantam.tn@example.vn",
        "0255 0000 402",
        birth("Lê Ngọc Bảo Anh", 14, "Nữ", TRAM_Y_TE, "Phạm Thị Hồng Nhung", "Lê Văn Tâm"),
        1,
        "08:40",
        (Step(Action.PROCESSING, 1, "09:30", BIRTH_STARTED),),
    ),
    DemoDossier(
        3,
        BIRTH,
        "Võ Thị Thu Hà",
        "thuha.vo@example.vn",
        "",
        birth("Đỗ Minh Khang", 20, "Nam", BV_TINH, "Võ Thị Thu Hà", "Đỗ Văn Hùng"),
        12,
        "14:05",
        (
            Step(Action.PROCESSING, 12, "15:00", BIRTH_STARTED),
            Step(Action.RESULT_READY, 11, "10:30", BIRTH_DONE),
            Step(Action.RETURNED, 10, "08:15", BIRTH_HANDED),
        ),
    ),
    DemoDossier(
        4,
        BIRTH,
        "Huỳnh Văn Lợi",
        "huynhvanloi@example.vn",
        "0255 0000 404",
        birth("Huỳnh Thị Mỹ Tiên", 30, "Nữ", "Bệnh viện Sản - Nhi tỉnh Quảng Ngãi", "Trương Thị Diễm", "Huỳnh Văn Lợi"),
        20,
        "09:10",
        (
            Step(
                Action.SUPPLEMENT_REQUESTED,
                20,
                "10:00",
                "Bản chụp Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ và ngày sinh của trẻ. Đề nghị tải lên "
                "bản quét rõ nét Giấy chứng sinh (bản chính).",
            ),
            Step(
                Action.SUPPLEMENTED,
                18,
                "19:45",
                "Tôi gửi lại bản quét Giấy chứng sinh rõ nét.",
                ("Giấy chứng sinh (bản quét lại)",),
            ),
            Step(Action.RESULT_READY, 17, "09:00", BIRTH_DONE),
            Step(Action.RETURNED, 16, "14:30", BIRTH_HANDED),
        ),
    ),
    DemoDossier(
        5,
        BIRTH,
        "Phan Thị Ngọc Trinh",
        "ngoctrinh.phan@example.vn",
        "",
        birth("Nguyễn Phan Bảo Ngọc", 12, "Nữ", BV_TINH, "Phan Thị Ngọc Trinh", "Nguyễn Hữu Thắng"),
        3,
        "10:15",
        (
            Step(
                Action.SUPPLEMENT_REQUESTED,
                3,
                "14:00",
                "Giấy chứng sinh tải lên là bản của một trẻ khác (họ tên người mẹ không khớp với tờ khai). Đề nghị tải "
                "lên đúng Giấy chứng sinh của cháu Nguyễn Phan Bảo Ngọc.",
            ),
        ),
    ),
    DemoDossier(
        6,
        BIRTH,
        "Trần Quốc Bảo",
        "quocbao.tran@example.vn",
        "0255 0000 406",
        birth("Trần Quốc Khánh", 25, "Nam", BV_TINH, "Lê Thị Bích Ngọc", "Trần Quốc Bảo"),
        8,
        "07:55",
        (
            Step(
                Action.REFUSED,
                8,
                "09:20",
                "Cha, mẹ của trẻ cư trú tại phường Cẩm Thành, không cư trú tại xã Tư Nghĩa. Theo Điều 13 Luật Hộ tịch, "
                "việc đăng ký khai sinh do Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ thực hiện; đề nghị nộp hồ "
                "sơ tại Ủy ban nhân dân phường Cẩm Thành.",
            ),
        ),
    ),
    DemoDossier(
        7,
        BIRTH,
        "Đặng Thị Lan",
        "danglan.nt@example.vn",
        "",
        birth("Bùi Đức Anh", 7, "Nam", TRAM_Y_TE, "Đặng Thị Lan", "Bùi Văn Sỹ"),
        2,
        "15:40",
        (
            Step(Action.PROCESSING, 2, "16:10", BIRTH_STARTED),
            Step(Action.RESULT_READY, 1, "10:00", BIRTH_DONE),
        ),
    ),
    # Đăng ký thành lập hộ kinh doanh, xã Tư Nghĩa: three working days.
    DemoDossier(
        8,
        BUSINESS,
        "Phạm Văn Hải",
        "phamvanhai.lh@example.vn",
        "0255 0000 408",
        business("Cơm gà Hải Hương", f"Khu vực chợ La Hà, {XA}", "Dịch vụ ăn uống", 150_000_000, 10),
        2,
        "11:25",
    ),
    DemoDossier(
        9,
        BUSINESS,
        "Nguyễn Thị Thanh Tuyền",
        "thanhtuyen.nguyen@example.vn",
        "",
        business("Tạp hóa Thanh Tuyền", f"Khu vực Nghĩa Thương (cũ), {XA}", "Bán lẻ hàng hóa", 80_000_000, 7),
        7,
        "09:00",
        (
            Step(Action.PROCESSING, 6, "08:30", BUSINESS_STARTED),
            Step(
                Action.NOTE,
                5,
                "15:00",
                "Đã đề nghị công chức địa chính xác minh địa điểm kinh doanh (nhà thuê); chờ kết quả xác minh.",
            ),
        ),
    ),
    DemoDossier(
        10,
        BUSINESS,
        "Lê Minh Châu",
        "minhchau.le@example.vn",
        "0255 0000 410",
        business("Tạp hóa Minh Châu", f"Khu vực Nghĩa Hòa (cũ), {XA}", "Bán lẻ hàng hóa", 120_000_000, 15),
        4,
        "16:50",
        (
            Step(
                Action.SUPPLEMENT_REQUESTED,
                3,
                "09:45",
                "Tên “Tạp hóa Minh Châu” trùng với tên riêng của một hộ kinh doanh đã đăng ký trên địa bàn xã. Đề nghị "
                "chọn tên khác và tải lên Giấy đề nghị đăng ký hộ kinh doanh đã sửa.",
            ),
        ),
    ),
    DemoDossier(
        11,
        BUSINESS,
        "Trương Công Định",
        "congdinh.truong@example.vn",
        "",
        business("Sửa xe Công Định", f"Khu vực Nghĩa Trung (cũ), {XA}", "Sửa chữa, dịch vụ", 60_000_000, 5),
        5,
        "08:05",
        (
            Step(Action.PROCESSING, 5, "10:00", BUSINESS_STARTED),
            Step(Action.RESULT_READY, 3, "14:20", BUSINESS_DONE),
        ),
    ),
    DemoDossier(
        12,
        BUSINESS,
        "Bùi Thị Mai",
        "buithimai.nt@example.vn",
        "0255 0000 412",
        business("Trại nấm rơm Bùi Mai", f"Khu vực Nghĩa Thương (cũ), {XA}", "Nông, lâm, thủy sản", 200_000_000, 20),
        16,
        "10:30",
        (
            Step(Action.PROCESSING, 16, "14:00", BUSINESS_STARTED),
            Step(
                Action.SUPPLEMENT_REQUESTED,
                15,
                "09:00",
                "Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh nhưng hồ sơ thiếu bản sao biên bản họp thành "
                "viên hộ gia đình về việc thành lập hộ kinh doanh. Đề nghị bổ sung.",
            ),
            Step(
                Action.SUPPLEMENTED,
                13,
                "20:10",
                "Gia đình tôi bổ sung biên bản họp thành viên hộ gia đình.",
                ("Bản sao biên bản họp thành viên hộ gia đình",),
            ),
            Step(
                Action.NOTE,
                10,
                "11:00",
                "Quá hạn: chờ ý kiến của Phòng Kinh tế về địa điểm trang trại; đã báo cáo lãnh đạo UBND xã.",
            ),
            Step(Action.RESULT_READY, 9, "16:00", BUSINESS_DONE),
            Step(Action.RETURNED, 8, "09:30", BUSINESS_HANDED),
        ),
    ),
    DemoDossier(
        13,
        BUSINESS,
        "Đoàn Văn Lực",
        "doanvanluc@example.vn",
        "",
        business("Cà phê Gió Nam", f"Ven Quốc lộ 1, khu vực Nghĩa Trung (cũ), {XA}", "Dịch vụ ăn uống", 90_000_000, 10),
        9,
        "13:30",
        (
            Step(Action.PROCESSING, 9, "15:00", BUSINESS_STARTED),
            Step(
                Action.REFUSED,
                8,
                "10:45",
                "Địa điểm kinh doanh nằm trong hành lang an toàn đường bộ của Quốc lộ 1, không được dùng để kinh doanh "
                "cố định. Đề nghị đăng ký tại một địa điểm khác và nộp lại hồ sơ.",
            ),
        ),
    ),
    # Cấp giấy phép lao động, Trung tâm Phục vụ hành chính công tỉnh: five working days.
    DemoDossier(
        14,
        WORK_PERMIT,
        f"Lê Thị Ngọc Hân ({SONG_TRA})",
        "nhansu.songtra@example.vn",
        "0255 0000 514",
        work_permit("PARK JI-HOON", "Hàn Quốc", "M00418273", "Chuyên gia", 24),
        1,
        "10:20",
        (Step(Action.ASSIGNED, 1, "14:00"),),
    ),
    DemoDossier(
        15,
        WORK_PERMIT,
        "Nguyễn Văn Quý (Công ty TNHH Kỹ thuật Vạn Tường)",
        "tuyendung.vantuong@example.vn",
        "",
        work_permit("TANAKA KENJI", "Nhật Bản", "TR0062145", "Giám đốc điều hành", 24),
        3,
        "09:15",
        (Step(Action.PROCESSING, 3, "13:30", PERMIT_STARTED),),
    ),
    DemoDossier(
        16,
        WORK_PERMIT,
        "Võ Thị Kiều Oanh (Công ty TNHH Dệt may Trà Khúc)",
        "hanhchinh.trakhuc@example.vn",
        "0255 0000 516",
        work_permit("RAMESH KUMAR SHARMA", "Ấn Độ", "Z0071536", "Lao động kỹ thuật", 12),
        4,
        "15:30",
        (
            Step(Action.PROCESSING, 3, "09:00", PERMIT_STARTED),
            Step(
                Action.SUPPLEMENT_REQUESTED,
                3,
                "10:30",
                "Giấy chứng nhận sức khỏe do cơ sở y tế nước ngoài cấp chưa được hợp pháp hóa lãnh sự và chưa có bản "
                "dịch tiếng Việt được chứng thực. Đề nghị bổ sung bản đã hợp pháp hóa lãnh sự kèm bản dịch có chứng "
                "thực, hoặc giấy khám sức khỏe do cơ sở khám bệnh, chữa bệnh tại Việt Nam cấp.",
            ),
        ),
    ),
    DemoDossier(
        17,
        WORK_PERMIT,
        f"Lê Thị Ngọc Hân ({SONG_TRA})",
        "nhansu.songtra@example.vn",
        "0255 0000 514",
        work_permit("KIM DONG-HYUN", "Hàn Quốc", "M00935512", "Nhà quản lý", 24),
        18,
        "08:45",
        (
            Step(Action.ASSIGNED, 18, "09:30"),
            Step(Action.PROCESSING, 18, "10:00", PERMIT_STARTED),
            Step(Action.RESULT_READY, 15, "16:00", PERMIT_DONE),
            Step(Action.RETURNED, 13, "09:00", PERMIT_HANDED),
        ),
    ),
    DemoDossier(
        18,
        WORK_PERMIT,
        "Trần Thị Bích Phượng (Công ty TNHH Bao bì Sa Huỳnh)",
        "nhansu.baobisahuynh@example.vn",
        "",
        work_permit("LIU JIANGUO", "Trung Quốc", "E00583921", "Lao động kỹ thuật", 12),
        10,
        "14:10",
        (
            Step(Action.PROCESSING, 9, "08:30", PERMIT_STARTED),
            Step(
                Action.REFUSED,
                7,
                "15:15",
                "Người sử dụng lao động chưa có văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài cho vị "
                "trí lao động kỹ thuật (vận hành dây chuyền đóng gói). Đề nghị làm thủ tục chấp thuận nhu cầu sử "
                "dụng người lao động nước ngoài trước, rồi nộp lại hồ sơ.",
            ),
        ),
    ),
]

# While the seed runs: the steps' e-mails are rendered and handed to a backend that drops them.
QUIET_MAIL = {
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
}


def seed_dossiers(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Submit and handle the demo dossiers of the online procedures on the sites in `agencies` (keyed by code), each
    by its site's demo desk officer (content.py), up to the state it is left in.

    A dossier whose form token is already stored is left as it is; a site whose demo officer is missing from its
    one-stop desk gets none. Dates count back from today, so a fresh demo always has dossiers due soon and overdue.
    """
    procedures = {
        page.title: page
        for page in ProcedurePage.objects.filter(
            locale__language_code="vi", agency__in=agencies.values(), title__in={spec.procedure for spec in DOSSIERS}
        ).select_related("agency")
    }
    present = set(
        Dossier.objects.filter(form_token__in=[spec.token for spec in DOSSIERS]).values_list("form_token", flat=True)
    )
    today = timezone.localdate()
    created, existing, officers, stored = Counter(), Counter(), {}, []
    try:
        with override_settings(**QUIET_MAIL):
            # Oldest first: each day's codes are numbered in the order the dossiers came in.
            for spec in sorted(DOSSIERS, key=lambda spec: (-spec.day, spec.time)):
                page = procedures.get(spec.procedure)
                if page is None:  # its site is not among `agencies`
                    continue
                agency = page.agency
                if agency not in officers:
                    officers[agency] = desk_officer(agency)
                if spec.token in present:
                    existing[agency] += 1
                elif officers[agency] is not None:
                    play(spec, page, officers[agency], today, stored)
                    created[agency] += 1
    except BaseException:
        storage = DossierFile._meta.get_field("file").storage
        for name in stored:
            storage.delete(name)
        raise
    for agency, count in created.items():
        result.note(True, f"hồ sơ trực tuyến mẫu của {agency.name} ({count}, xử lý bởi {officers[agency].username})")
    for agency, count in existing.items():
        result.note(False, f"hồ sơ trực tuyến mẫu của {agency.name} ({count})")


def desk_officer(agency: Agency):
    """The site's demo desk officer, if the account exists and is still in the agency's one-stop desk."""
    usernames = [user.username for site in SITES if site.name == agency.name for user in site.users]
    return handling.officers_of(agency).filter(username__in=usernames).first()


def play(spec: DemoDossier, page: ProcedurePage, officer, today: date, stored: list[str]) -> Dossier:
    """Submit `spec` on its day, then take its steps on theirs; the names of the files stored go to `stored`."""
    submitted_at = moment(today, spec.day, spec.time)
    dossier = receive(spec, page, submitted_at, stored)
    last = submitted_at
    for step in spec.steps:
        when = moment(today, step.day, step.time)
        if when <= last:
            raise ValueError(f"{spec.token}: “{step.action}” is not after the step before it")
        take_step(dossier, step, officer, when, stored)
        last = when
    return dossier


def receive(spec: DemoDossier, page: ProcedurePage, submitted_at: datetime, stored: list[str]) -> Dossier:
    """The dossier as services.submission.submit saves it, but on the day of `submitted_at`: its code, due date and
    first step are that day's. The form checks the answers and files as it checks an applicant's."""
    day = timezone.localdate(submitted_at)
    form = DossierForm(
        form_data(spec, page, day),
        {name: pdf_upload(component.name, page, spec.applicant) for name, component in form_components(page).items()},
        procedure=page,
    )
    if not form.is_valid():
        raise ValueError(f"{spec.token}: the form refuses the demo dossier: {form.errors.get_json_data()}")
    return save_dossier(form, submitted_at, stored)


def form_components(page: ProcedurePage) -> dict:
    """The form's required file fields (f_<id>) and their dossier components: the demo sends only those."""
    return {
        f"f_{component.pk}": component for component in page.components.filter(upload="bat-buoc").order_by("sort_order")
    }


def form_data(spec: DemoDossier, page: ProcedurePage, day: date) -> dict:
    """What the applicant typed: their contact details, the form's token, and an answer to every question."""
    data = {"applicant": spec.applicant, "email": spec.email, "phone": spec.phone, "token": spec.token, "website": ""}
    for question in page.form_fields.all():
        if question.label not in spec.answers:
            raise ValueError(f"{spec.token}: no answer to “{question.label}”")
        answer = spec.answers[question.label]
        data[f"q_{question.pk}"] = (day + answer).strftime("%d/%m/%Y") if isinstance(answer, timedelta) else answer
    return data


def take_step(dossier: Dossier, step: Step, officer, when: datetime, stored: list[str]) -> None:
    """Take `step` through services.handling, then date what it wrote at `when`: its events, the result's and the
    closing's dates, and the due date a supplement moves by the working days the desk waited for it."""
    last_event = dossier.events.order_by("-pk").values_list("pk", flat=True).first()
    due_on = dossier.due_on
    match step.action:
        case Action.ASSIGNED:
            handling.assign(dossier, officer, officer)
        case Action.PROCESSING:
            handling.start(dossier, officer, step.text)
        case Action.SUPPLEMENT_REQUESTED:
            handling.request_supplement(dossier, officer, step.text)
        case Action.SUPPLEMENTED:
            files = [(label, pdf_upload(label, dossier.procedure, dossier.applicant)) for label in step.files]
            handling.supplement(dossier, step.text, files)
            stored.extend(dossier.files.filter(event__pk__gt=last_event).values_list("file", flat=True))
        case Action.RESULT_READY:
            handling.finish(dossier, officer, step.text)
        case Action.RETURNED:
            handling.hand_over(dossier, officer, step.text)
        case Action.REFUSED:
            handling.refuse(dossier, officer, step.text)
        case Action.NOTE:
            handling.add_note(dossier, officer, step.text)
        case _:
            raise ValueError(f"Not an officer's step: {step.action}")
    dossier.events.filter(pk__gt=last_event).update(at=when)
    changes = {}
    if step.action in (Action.RESULT_READY, Action.REFUSED):
        changes["finished_at"] = when
    if step.action in (Action.RETURNED, Action.REFUSED):
        changes["closed_at"] = when
    if step.action == Action.SUPPLEMENTED:
        requested = dossier.events.filter(action=Action.SUPPLEMENT_REQUESTED).latest("at", "pk").at
        changes["due_on"] = add_working_days(due_on, working_days_between(requested, when))
    if changes:
        Dossier.objects.filter(pk=dossier.pk).update(**changes)
    dossier.refresh_from_db()


def moment(today: date, days: int, clock: str) -> datetime:
    """`clock` ("HH:MM", the province's time) on the working day `days` working days before `today` (1 or more:
    every demo step is in the past, whatever the hour of seeding)."""
    if days < 1:
        raise ValueError(f"A demo step must be at least one working day ago, not {days}.")
    day = today
    while days:
        day -= timedelta(days=1)
        if is_working_day(day):
            days -= 1
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=PROVINCE_TIME)


def pdf_upload(label: str, page: ProcedurePage, applicant: str) -> SimpleUploadedFile:
    """A one-page PDF standing for the paper `label` of `applicant`'s dossier, named as an applicant's scan."""
    lines = [
        "BAN TRINH DIEN - tep minh hoa, khong phai giay to that",
        "",
        *wrapped(f"Thu tuc: {page.title}"),
        *wrapped(f"Thanh phan ho so: {label}"),
        *wrapped(f"Nguoi nop: {applicant}"),
    ]
    return SimpleUploadedFile(f"{slugify(label, max_length=60)}.pdf", pdf_bytes(lines), content_type="application/pdf")
