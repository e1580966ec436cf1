"""Demo questions and answers (R9): the units that answer, their staff, and questions in every state.

Written straight to the database with their history, without the e-mails the real steps send: the demo's
askers are made up. The content is ours; the agencies are Quảng Ngãi's own (QUANG-NGAI-FACTS.md).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from documents.models import LegalField
from feedback.models import Question, QuestionEvent, Unit
from home.models import Agency
from home.onboarding import Onboarding
from vietnam.text import slugify
from vietnam.workdays import is_working_day

from .content import DEMO_PASSWORD

Status, Action = Question.Status, QuestionEvent.Action

# Units by site code ("" is the portal), and one member of staff for the first unit of two sites.
UNITS = {
    "": [
        ("Sở Nông nghiệp và Môi trường", "snnmt@quangngai.gov.vn"),
        ("Sở Tài chính", "stc@quangngai.gov.vn"),
        ("Sở Xây dựng", "sxd@quangngai.gov.vn"),
    ],
    "stttt": [
        ("Phòng Công nghệ thông tin", "cntt.stttt@quangngai.gov.vn"),
        ("Văn phòng Sở", "vp.stttt@quangngai.gov.vn"),
    ],
    "tunghia": [("Phòng Kinh tế", "kinhte.tunghia@quangngai.gov.vn")],
}
STAFF = {"": ("canbo.nnmt", "Trần Thị", "Hạnh"), "stttt": ("canbo.cntt", "Lê Văn", "Minh")}


@dataclass
class DemoQuestion:
    site: str
    status: str
    days_ago: int  # working days since receipt
    name: str
    title: str
    body: str
    legal_field: str = ""
    unit: int | None = None  # index into UNITS[site]
    answer: str = ""
    publish_name: bool = False
    reason: str = ""
    kind: str = Question.Kind.QUESTION
    notes: list[str] = field(default_factory=list)


QUESTIONS = [
    DemoQuestion(
        "",
        Status.PUBLISHED,
        30,
        "Nguyễn Văn Tâm",
        "Lệ phí cấp giấy chứng nhận quyền sử dụng đất năm 2026",
        "Gia đình tôi ở xã Tư Nghĩa muốn cấp đổi giấy chứng nhận quyền sử dụng đất. Lệ phí năm 2026 có thay đổi "
        "so với năm 2025 không, và nộp ở đâu?",
        "Đất đai",
        0,
        "Mức lệ phí cấp giấy chứng nhận quyền sử dụng đất áp dụng theo nghị quyết của Hội đồng nhân dân tỉnh về phí, "
        "lệ phí; năm 2026 chưa có điều chỉnh. Ông nộp hồ sơ và lệ phí tại Trung tâm Phục vụ hành chính công của "
        "xã, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
        publish_name=True,
    ),
    DemoQuestion(
        "",
        Status.PUBLISHED,
        25,
        "Phạm Thị Lan",
        "Hỗ trợ khôi phục sản xuất nông nghiệp sau bão",
        "Vườn keo và ruộng lúa của gia đình tôi bị thiệt hại do bão cuối năm 2025. Tôi cần làm thủ tục gì để được "
        "hỗ trợ khôi phục sản xuất?",
        "Nông nghiệp và môi trường",
        0,
        "Hộ gia đình lập bản kê khai thiệt hại gửi Ủy ban nhân dân xã nơi có diện tích bị thiệt hại. Ủy ban nhân "
        "dân xã kiểm tra, tổng hợp và đề nghị hỗ trợ theo quy định của Chính phủ về cơ chế, chính sách hỗ trợ sản "
        "xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai.",
    ),
    DemoQuestion(
        "",
        Status.FORWARDED,
        6,
        "Võ Minh Đức",
        "Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Tôi nộp hồ sơ xin giấy phép xây dựng nhà ở riêng lẻ tại phường Cẩm Thành được 12 ngày nhưng chưa có kết "
        "quả. Thời hạn giải quyết theo quy định là bao lâu?",
        "Xây dựng",
        2,
        notes=["Đề nghị Sở Xây dựng trả lời, nêu rõ thời hạn theo quy định hiện hành."],
    ),
    DemoQuestion(
        "",
        Status.ANSWERED,
        9,
        "Đặng Văn Hùng",
        "Điều kiện tách thửa đất ở tại khu vực nông thôn",
        "Diện tích tối thiểu để tách thửa đất ở tại các xã của tỉnh Quảng Ngãi hiện nay là bao nhiêu?",
        "Đất đai",
        0,
        "Diện tích tối thiểu được tách thửa đối với đất ở thực hiện theo quyết định của Ủy ban nhân dân tỉnh quy "
        "định điều kiện, diện tích tối thiểu tách thửa, hợp thửa đất trên địa bàn tỉnh.",
    ),
    DemoQuestion(
        "",
        Status.CLASSIFIED,
        13,
        "Lê Thị Mai",
        "Thanh toán tiền bồi thường khi Nhà nước thu hồi đất làm đường",
        "Đất của gia đình tôi bị thu hồi để làm đường từ tháng 8/2026 nhưng đến nay chưa nhận đủ tiền bồi thường. "
        "Tôi cần liên hệ cơ quan nào?",
        "Đất đai",
    ),
    DemoQuestion(
        "",
        Status.RECEIVED,
        1,
        "Huỳnh Văn Phúc",
        "Đăng ký biến động đất đai trực tuyến",
        "Tôi có thể đăng ký biến động đất đai (tặng cho quyền sử dụng đất) trực tuyến được không?",
    ),
    DemoQuestion(
        "",
        Status.OUT_OF_SCOPE,
        4,
        "Trương Văn Bình",
        "Tranh chấp lối đi chung với nhà hàng xóm",
        "Nhà hàng xóm xây tường chắn lối đi chung của hai gia đình. Tôi phải làm gì?",
        reason="Tranh chấp lối đi giữa các hộ gia đình trước hết được hòa giải ở cơ sở tại Ủy ban nhân dân xã, "
        "phường nơi có đất; nếu không thành, ông có thể khởi kiện tại Tòa án nhân dân. Cổng thông tin không "
        "giải quyết tranh chấp dân sự.",
    ),
    DemoQuestion(
        "stttt",
        Status.PUBLISHED,
        20,
        "Ngô Thanh Sơn",
        "Chữ ký số để nộp hồ sơ trực tuyến",
        "Cá nhân có cần chữ ký số để nộp hồ sơ dịch vụ công trực tuyến toàn trình không?",
        "Công nghệ thông tin",
        0,
        "Không bắt buộc. Công dân đăng nhập bằng tài khoản định danh điện tử VNeID; với một số thủ tục, hồ sơ có "
        "thể được ký bằng chữ ký số hoặc xác thực qua tài khoản định danh điện tử mức độ 2.",
        publish_name=True,
    ),
    DemoQuestion(
        "stttt",
        Status.FORWARDED,
        17,
        "Bùi Thị Thu",
        "Hỗ trợ kết nối Internet cho thôn vùng cao",
        "Thôn tôi ở vùng núi phía tây tỉnh chưa có sóng di động ổn định. Khi nào thôn được phủ sóng?",
        "Công nghệ thông tin",
        0,
    ),
]


def seed_questions(agencies: dict[str, Agency], result: Onboarding) -> None:
    """The units, their demo staff and the demo questions of the sites in `agencies` (keyed by code)."""
    units = {
        code: [_unit(agencies[code], name, email, result) for name, email in UNITS[code]]
        for code in UNITS
        if code in agencies
    }
    for code, (username, last_name, first_name) in STAFF.items():
        if code in units:
            _staff(username, last_name, first_name, units[code][0], result)
    moderators = {code: agency.moderators.user_set.first() for code, agency in agencies.items()}
    for spec in QUESTIONS:
        if spec.site in agencies:
            _question(spec, agencies[spec.site], units.get(spec.site, []), moderators.get(spec.site), result)


def _unit(agency: Agency, name: str, email: str, result: Onboarding) -> Unit:
    unit = Unit.objects.filter(agency=agency, name=name).first()
    result.note(unit is None, f"đơn vị trả lời “{name}”")
    return unit or Unit.objects.create(agency=agency, name=name, email=email)


def _staff(username: str, last_name: str, first_name: str, unit: Unit, result: Onboarding) -> None:
    User = get_user_model()
    exists = User.objects.filter(username=username).exists()
    result.note(not exists, f"tài khoản {username} ({unit.name})")
    if not exists:
        user = User.objects.create_user(
            username, f"{username}@quangngai.gov.vn", DEMO_PASSWORD, first_name=first_name, last_name=last_name
        )
        user.groups.set([unit.staff])


def _question(spec: DemoQuestion, agency: Agency, units: list[Unit], moderator, result: Onboarding) -> None:
    what = f"câu hỏi “{spec.title}”"
    if Question.objects.filter(agency=agency, title=spec.title).exists():
        result.note(False, what)
        return
    received = _working_days_ago(spec.days_ago)
    unit = units[spec.unit] if spec.unit is not None else None
    question = Question.objects.create(
        agency=agency,
        kind=spec.kind,
        status=spec.status,
        name=spec.name,
        email=f"{slugify(spec.name)}@example.vn",
        publish_name=spec.publish_name,
        legal_field=LegalField.objects.filter(name=spec.legal_field).first() if spec.legal_field else None,
        title=spec.title,
        body=spec.body,
        unit=unit if spec.status not in (Status.RECEIVED, Status.CLASSIFIED) else None,
        received_at=received,
        answer=spec.answer if spec.status in (Status.ANSWERED, Status.PUBLISHED) else "",
        out_of_scope_reason=spec.reason,
    )
    steps = [(Action.RECEIVED, None, "")]
    if spec.status == Status.OUT_OF_SCOPE:
        steps.append((Action.OUT_OF_SCOPE, moderator, spec.reason))
    if spec.status != Status.RECEIVED and spec.status != Status.OUT_OF_SCOPE:
        steps.append((Action.CLASSIFIED, moderator, spec.legal_field))
    if question.unit:
        steps.append((Action.FORWARDED, moderator, unit.name))
        steps += [(Action.NOTE, moderator, note) for note in spec.notes]
    if question.answer:
        steps.append((Action.ANSWERED, None, ""))
    if spec.status == Status.PUBLISHED:
        steps.append((Action.PUBLISHED, moderator, ""))
    for offset, (action, actor, note) in enumerate(steps):
        at = received + timedelta(days=offset, hours=2 * offset)
        QuestionEvent.objects.create(
            question=question, action=action, actor=actor, note=note, at=min(at, timezone.now())
        )
    last = question.events.last().at
    question.answered_at = last if question.answer else None
    question.published_at = last if spec.status == Status.PUBLISHED else None
    question.save(update_fields=["answered_at", "published_at"])
    result.note(True, what)


def _working_days_ago(days: int) -> datetime:
    """A morning `days` working days before today (9:00, Asia/Ho_Chi_Minh)."""
    day = timezone.localdate()
    while days:
        day -= timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=9))
