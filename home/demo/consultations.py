"""The demo's public consultations (R8): on the portal, one draft open for comment and one closed with its report;
on Sở Thông tin và Truyền thông's site, one about to open.

The drafts, their texts, the comments and the report are written for the demo; they are not real documents,
and each page says so. The bodies named are real (facts §2, §3): UBND tỉnh and its Văn phòng, Sở Nông nghiệp và
Môi trường; Quyết định 16/2017/QĐ-UBND and Nghị định 42/2022/NĐ-CP are real too (facts §4). Mailboxes follow the
demo's illustrative addresses. The commenters are invented people with example.com addresses.

Dates are relative to the day of seeding, so a fresh demo always has one consultation open, one closed and one
upcoming. Seeding is idempotent: a consultation whose slug is already in its section is left as it is.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from feedback.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import slugify

from .content import PROVINCE_TIME, English
from .documents import pdf_bytes, store_file, wrapped

DEMO_NOTE = (
    "<p><i>Bản trình diễn: dự thảo, ý kiến và báo cáo trên trang này do bản trình diễn biên soạn, không phải văn "
    "bản thật.</i></p>"
)
DEMO_NOTE_EN = "<p><i>Demo: the draft, comments and report on this page were written for the demo.</i></p>"


@dataclass(frozen=True)
class Comment:
    """A comment as sent: `day` is how many days after the opening it came."""

    name: str
    organisation: str
    article: str
    body: str
    day: int
    status: str = ConsultationComment.Status.APPROVED

    @property
    def email(self) -> str:
        return f"{slugify(self.name).replace('-', '.')}@example.com"


@dataclass(frozen=True)
class Consultation:
    """One consultation: where (agency code), when (days from today), what, and what came of it."""

    code: str
    title: str
    summary: str
    body: str
    opens_in_days: int
    receiving_agency: str
    address: str
    email: str
    draft_lines: list[str]
    comments: list[Comment] = field(default_factory=list)
    report: str = ""
    report_lines: list[str] = field(default_factory=list)
    english: English | None = None
    days: int = 30


PORTAL_REGULATION = Consultation(
    code="",
    title="Dự thảo Quyết định ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Quảng Ngãi",
    summary=(
        "Dự thảo Quy chế thay thế Quyết định số 16/2017/QĐ-UBND ngày 19/4/2017 của UBND tỉnh, theo Nghị định số "
        "42/2022/NĐ-CP của Chính phủ về cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi "
        "trường mạng và tổ chức chính quyền hai cấp của tỉnh từ ngày 01/7/2025."
    ),
    body=(
        "<p>Thực hiện Nghị định số 42/2022/NĐ-CP, Văn phòng UBND tỉnh xây dựng dự thảo Quy chế hoạt động của Cổng "
        "thông tin điện tử tỉnh và các trang thông tin điện tử thành phần, thay thế Quy chế ban hành kèm theo Quyết "
        "định số 16/2017/QĐ-UBND. UBND tỉnh đề nghị các cơ quan, tổ chức, cá nhân góp ý vào toàn văn dự thảo "
        "(tải tệp dự thảo ở trên), nhất là các nội dung chính sau.</p>"
        "<p><b>Chương I. Quy định chung</b></p>"
        "<ul><li>Điều 1. Phạm vi điều chỉnh: hoạt động của Cổng thông tin điện tử tỉnh (quangngai.gov.vn) và trang "
        "thông tin điện tử của các sở, ban, ngành, xã, phường, đặc khu.</li>"
        "<li>Điều 2. Đối tượng áp dụng: cơ quan hành chính nhà nước các cấp của tỉnh; tổ chức, cá nhân sử dụng Cổng."
        "</li>"
        "<li>Điều 4. Tên miền: trang thành phần dùng tên miền cấp 4 &lt;mã&gt;.quangngai.gov.vn; mã của xã, phường "
        "là tên địa danh viết liền, không dấu.</li></ul>"
        "<p><b>Chương II. Cung cấp thông tin</b></p>"
        "<ul><li>Điều 6. Thời hạn đăng tải: văn bản quy phạm pháp luật chậm nhất 02 ngày làm việc kể từ ngày ban hành "
        "trên trang của cơ quan ban hành; câu trả lời hỏi đáp chậm nhất 15 ngày làm việc kể từ ngày nhận câu hỏi."
        "</li>"
        "<li>Điều 8. Thông tin tiếng Anh: Cổng tỉnh và trang của các sở, ngành có thông tin giới thiệu, đầu tư, "
        "thủ tục hành chính bằng tiếng Anh.</li>"
        "<li>Điều 10. Lấy ý kiến: dự thảo văn bản quy phạm pháp luật được đăng để lấy ý kiến ít nhất 30 ngày; "
        "ý kiến được Ban biên tập duyệt trước khi công khai.</li></ul>"
        "<p><b>Chương III. Tổ chức thực hiện</b></p>"
        "<ul><li>Điều 14. Ban biên tập Cổng tỉnh và ban biên tập của từng trang thành phần: thành phần, nhiệm vụ, "
        "quy trình duyệt tin bài bằng tiếng Việt và tiếng Anh.</li></ul>" + DEMO_NOTE
    ),
    opens_in_days=-10,
    receiving_agency="Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi",
    address="Văn phòng UBND tỉnh, phường Cẩm Thành, tỉnh Quảng Ngãi",
    email="vpubnd@quangngai.gov.vn",
    draft_lines=[
        "UY BAN NHAN DAN TINH QUANG NGAI",
        "DU THAO",
        "QUYET DINH Ban hanh Quy che hoat dong cua Cong thong tin dien tu tinh Quang Ngai",
        "",
        "Quy che thay the Quyet dinh so 16/2017/QD-UBND ngay 19/4/2017.",
        "Can cu Nghi dinh so 42/2022/ND-CP cua Chinh phu.",
        "",
        "Ban trinh dien: du thao do ban trinh dien bien soan, khong phai van ban that.",
    ],
    comments=[
        Comment(
            "Nguyễn Thị Hương",
            "",
            "Điều 6",
            "Đề nghị quy định thêm: khi chưa trả lời được trong 15 ngày làm việc, cơ quan phải thông báo cho người hỏi "
            "biết tiến độ và thời hạn trả lời, và thông báo này cũng được đăng trên Cổng.",
            2,
        ),
        Comment(
            "Trần Văn Phúc",
            "UBND xã Vệ Giang",
            "Điều 4",
            "Thống nhất dùng tên địa danh viết liền, không dấu làm mã trang của xã. Đề nghị bổ sung cách đặt mã khi "
            "hai đơn vị trùng tên địa danh sau sắp xếp, để các xã không phải tự đặt.",
            4,
        ),
        Comment(
            "Võ Thị Mai",
            "Phòng Văn hóa – Xã hội xã Tư Nghĩa",
            "Điều 14",
            "Ban biên tập trang của xã chỉ có 2–3 người kiêm nhiệm. Đề nghị cho phép một người vừa biên tập vừa duyệt "
            "tin bài đối với tin hoạt động thường ngày, trừ văn bản và thông tin tiếng Anh.",
            6,
        ),
        Comment(
            "Phạm Quốc Bảo",
            "",
            "Điều 8",
            "Đề nghị có bản tiếng Anh của thủ tục đầu tư, đất đai cho nhà đầu tư nước ngoài.",
            8,
            ConsultationComment.Status.PENDING,
        ),
    ],
    english=English(
        "draft-regulation-on-the-provincial-web-portal",
        {
            "title": "Draft decision on the regulation of the Quang Ngai provincial web portal",
            "summary": (
                "A draft regulation replacing Decision 16/2017/QĐ-UBND, following Decree 42/2022/NĐ-CP on online "
                "information and public services and the province's two-tier local government since 1 July 2025."
            ),
            "body": (
                "<p>The Office of the Provincial People's Committee has drafted a new regulation for the provincial "
                "portal and the websites of its agencies and communes. Comments may be sent in English or Vietnamese "
                "on any article of the draft (download it above): scope and domain names (Articles 1–4), posting "
                "deadlines (Article 6), English information (Article 8), public consultation (Article 10) and the "
                "editorial boards (Article 14).</p>" + DEMO_NOTE_EN
            ),
            "receiving_agency": "Office of the Quang Ngai Provincial People's Committee",
            "address": "Office of the Provincial People's Committee, Cam Thanh Ward, Quang Ngai Province",
        },
    ),
)

PORTAL_WASTE = Consultation(
    code="",
    title="Dự thảo Quyết định quy định quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh Quảng Ngãi",
    summary=(
        "Dự thảo quy định việc phân loại chất thải rắn sinh hoạt tại nguồn, thời gian và địa điểm thu gom, trách "
        "nhiệm của hộ gia đình, cơ sở và chính quyền xã, phường, đặc khu."
    ),
    body=(
        "<p>Sở Nông nghiệp và Môi trường chủ trì soạn thảo dự thảo Quyết định quy định quản lý chất thải rắn sinh "
        "hoạt trên địa bàn tỉnh, gồm 4 chương, 18 điều:</p>"
        "<ul><li>Chương I: phạm vi, đối tượng, giải thích từ ngữ.</li>"
        "<li>Chương II: phân loại tại nguồn thành 3 nhóm (chất thải có khả năng tái chế, chất thải thực phẩm, chất "
        "thải rắn sinh hoạt khác); điểm tập kết, thời gian thu gom ở đô thị và nông thôn.</li>"
        "<li>Chương III: vận chuyển, xử lý; riêng đặc khu Lý Sơn được quy định việc lưu giữ, vận chuyển vào đất liền."
        "</li>"
        "<li>Chương IV: trách nhiệm của các sở, ngành và UBND xã, phường, đặc khu.</li></ul>" + DEMO_NOTE
    ),
    opens_in_days=-80,
    receiving_agency="Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi",
    address="Sở Nông nghiệp và Môi trường, tỉnh Quảng Ngãi",
    email="snnmt@quangngai.gov.vn",
    draft_lines=[
        "UY BAN NHAN DAN TINH QUANG NGAI",
        "DU THAO",
        "QUYET DINH Quy dinh quan ly chat thai ran sinh hoat tren dia ban tinh Quang Ngai",
        "",
        "Ban trinh dien: du thao do ban trinh dien bien soan, khong phai van ban that.",
    ],
    comments=[
        Comment(
            "Huỳnh Văn Lợi",
            "",
            "Điều 7",
            "Ở nông thôn xe thu gom chỉ đến 2 lần mỗi tuần. Đề nghị cho phép hộ gia đình tự xử lý chất thải thực phẩm "
            "làm phân bón tại vườn nhà, thay vì phải đưa ra điểm tập kết.",
            3,
        ),
        Comment(
            "Đỗ Thị Lan",
            "Hội Liên hiệp Phụ nữ xã Bình Sơn",
            "Điều 12",
            "Đề nghị lùi thời điểm bắt buộc phân loại tại nguồn ở các xã thêm 6 tháng để tuyên truyền, hướng dẫn người "
            "dân.",
            9,
        ),
    ],
    report=(
        "<p>Sau 30 ngày lấy ý kiến, Sở Nông nghiệp và Môi trường nhận được 27 ý kiến (19 ý kiến trên Cổng thông tin "
        "điện tử, 8 văn bản góp ý của các cơ quan, UBND xã, phường). Sở đã tổng hợp và báo cáo UBND tỉnh như sau:</p>"
        "<ul><li><b>Tiếp thu 18 ý kiến</b>, trong đó: cho phép hộ gia đình ở nông thôn tự xử lý chất thải thực phẩm "
        "tại chỗ (Điều 7); lùi thời điểm bắt buộc phân loại tại nguồn ở các xã đến ngày 01/01 năm sau (Điều 12); bổ "
        "sung quy định riêng cho đặc khu Lý Sơn (Điều 10).</li>"
        "<li><b>Giải trình 9 ý kiến</b> không tiếp thu: các ý kiến đề nghị miễn giá dịch vụ thu gom không thuộc "
        "phạm vi quyết định này mà thực hiện theo quyết định về giá của UBND tỉnh.</li></ul>"
        "<p>Toàn văn báo cáo tiếp thu, giải trình được đăng kèm dưới đây.</p>" + DEMO_NOTE
    ),
    report_lines=[
        "SO NONG NGHIEP VA MOI TRUONG TINH QUANG NGAI",
        "BAO CAO Tiep thu, giai trinh y kien gop y du thao Quyet dinh quy dinh quan ly chat thai ran sinh hoat",
        "",
        "Tong so y kien: 27. Tiep thu: 18. Giai trinh: 9.",
        "",
        "Ban trinh dien: bao cao do ban trinh dien bien soan, khong phai van ban that.",
    ],
    english=English(
        "draft-decision-on-household-solid-waste",
        {
            "title": "Draft decision on the management of household solid waste in Quang Ngai province",
            "summary": (
                "Sorting household waste at source, collection times and places, and the duties of households, "
                "businesses and communes."
            ),
            "body": (
                "<p>The Department of Agriculture and Environment drafted a decision in 4 chapters and 18 articles: "
                "sorting at source into three groups, collection in towns and in the countryside, transport and "
                "treatment (with special rules for Ly Son special zone), and who is responsible for what.</p>"
                + DEMO_NOTE_EN
            ),
            "receiving_agency": "Quang Ngai Department of Agriculture and Environment",
            "address": "Department of Agriculture and Environment, Quang Ngai Province",
            "report": (
                "<p>The department received 27 comments: it took 18 into account (home composting in the "
                "countryside, a later start for compulsory sorting in communes, special rules for Ly Son) and "
                "explained why 9 were not (collection prices are set by a separate decision). The full report is "
                "attached in Vietnamese.</p>" + DEMO_NOTE_EN
            ),
        },
    ),
)

STTTT_SECURITY = Consultation(
    code="stttt",
    title="Dự thảo Quy định bảo đảm an toàn thông tin mạng trong hoạt động của cơ quan nhà nước tỉnh Quảng Ngãi",
    summary=(
        "Dự thảo quy định trách nhiệm bảo đảm an toàn thông tin mạng của các sở, ban, ngành và UBND xã, phường, đặc "
        "khu: phân loại hệ thống thông tin theo cấp độ, sao lưu dữ liệu, ứng cứu sự cố, tài khoản và xác thực hai lớp."
    ),
    body=(
        "<p>Sở Thông tin và Truyền thông soạn thảo dự thảo Quy định để trình UBND tỉnh ban hành. Dự thảo gồm 3 chương, "
        "15 điều; các nội dung chính:</p>"
        "<ul><li>Mỗi cơ quan phân công một người phụ trách an toàn thông tin và lập hồ sơ cấp độ cho hệ thống của "
        "mình.</li>"
        "<li>Tài khoản quản trị các trang thông tin điện tử, hệ thống quản lý văn bản phải dùng xác thực hai lớp.</li>"
        "<li>Dữ liệu được sao lưu hằng ngày; sự cố được báo về đội ứng cứu của tỉnh trong 24 giờ.</li></ul>" + DEMO_NOTE
    ),
    opens_in_days=5,
    receiving_agency="Sở Thông tin và Truyền thông tỉnh Quảng Ngãi",
    address="Sở Khoa học và Công nghệ, tỉnh Quảng Ngãi",
    email="stttt@quangngai.gov.vn",
    draft_lines=[
        "SO THONG TIN VA TRUYEN THONG TINH QUANG NGAI",
        "DU THAO",
        "QUY DINH bao dam an toan thong tin mang trong hoat dong cua co quan nha nuoc tinh Quang Ngai",
        "",
        "Ban trinh dien: du thao do ban trinh dien bien soan, khong phai van ban that.",
    ],
)

CONSULTATIONS = [PORTAL_REGULATION, PORTAL_WASTE, STTTT_SECURITY]


def seed_consultations(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Create each demo consultation whose site is in `agencies` (keyed by code) and whose slug is not taken yet,
    with its draft, comments, report and English version."""
    from .seed import ensure_english  # seed.py imports this module

    english = Locale.objects.get(language_code="en")
    moderator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    today = timezone.localdate()
    for spec in CONSULTATIONS:
        agency = agencies.get(spec.code)
        index = agency and ConsultationIndexPage.objects.child_of(agency.site.root_page).first()
        if index is None:
            continue
        what = f"lấy ý kiến “{spec.title}”"
        page = ConsultationPage.objects.child_of(index).filter(slug=slugify(spec.title)).first()
        result.note(page is None, what)
        if page is None:
            opens_at = datetime.combine(today + timedelta(days=spec.opens_in_days), time(0, 0), tzinfo=PROVINCE_TIME)
            page = create_consultation(index, agency, spec, opens_at)
            add_comments(page, spec, moderator)
        if spec.english is not None:
            ensure_english(page, english, spec.english, result)


def create_consultation(index: ConsultationIndexPage, agency: Agency, spec: Consultation, opens_at) -> ConsultationPage:
    slug = slugify(spec.title)
    page = ConsultationPage(
        title=spec.title,
        slug=slug,
        locale=index.locale,
        summary=spec.summary,
        body=spec.body,
        opens_at=opens_at,
        closes_at=opens_at + timedelta(days=spec.days),
        receiving_agency=spec.receiving_agency,
        address=spec.address,
        email=spec.email,
        draft=titled(store_file(f"{slug[:60]}.pdf", pdf_bytes(wrapped_lines(spec.draft_lines)), agency), spec.title),
        report=spec.report,
    )
    if spec.report_lines:
        report = store_file(f"bao-cao-tiep-thu-{slug[:50]}.pdf", pdf_bytes(wrapped_lines(spec.report_lines)), agency)
        page.report_file = titled(report, "Báo cáo tiếp thu, giải trình ý kiến góp ý")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_comments(page: ConsultationPage, spec: Consultation, moderator) -> None:
    for comment in spec.comments:
        sent = page.opens_at + timedelta(days=comment.day, hours=9)
        approved = comment.status == ConsultationComment.Status.APPROVED
        ConsultationComment.objects.create(
            page=page,
            name=comment.name,
            organisation=comment.organisation,
            email=comment.email,
            article=comment.article,
            body=comment.body,
            status=comment.status,
            created_at=sent,
            moderated_at=sent + timedelta(days=1) if approved else None,
            moderated_by=moderator if approved else None,
        )


def titled(document, title: str):
    """The stored file, given a readable title (store_file titles it with its file name)."""
    document.title = title
    document.save(update_fields=["title"])
    return document


def wrapped_lines(lines: list[str]) -> list[str]:
    return [part for line in lines for part in wrapped(line)]
