"""The standard lists of procurement, as the law names them (Luật Đấu thầu 22/2023/QH15, Luật Đầu tư công
58/2024/QH15): choices, so they exist after `migrate` and a notice's filters are plain indexed columns."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    """Loại thông tin đấu thầu (Luật Đấu thầu 2023, Điều 7–8: thông tin phải đăng tải)."""

    PLAN = "ke-hoach-lcnt", _("Kế hoạch lựa chọn nhà thầu")
    INTEREST = "moi-quan-tam", _("Thông báo mời quan tâm")
    PREQUALIFICATION = "moi-so-tuyen", _("Thông báo mời sơ tuyển")
    INVITATION = "moi-thau", _("Thông báo mời thầu")
    QUOTATION = "moi-chao-hang", _("Thông báo mời chào hàng")
    RESULT = "ket-qua-lcnt", _("Kết quả lựa chọn nhà thầu")
    PUBLIC_PURCHASE = "mua-sam-cong", _("Mua sắm công")


# The kinds that invite bids, applications or quotations: they have a closing time.
INVITING_KINDS = {NoticeKind.INTEREST, NoticeKind.PREQUALIFICATION, NoticeKind.INVITATION, NoticeKind.QUOTATION}


class ProcurementField(models.TextChoices):
    """Lĩnh vực đấu thầu (Luật Đấu thầu 2023, Điều 4)."""

    GOODS = "hang-hoa", _("Hàng hóa")
    WORKS = "xay-lap", _("Xây lắp")
    CONSULTING = "tu-van", _("Tư vấn")
    NON_CONSULTING = "phi-tu-van", _("Phi tư vấn")
    MIXED = "hon-hop", _("Hỗn hợp")


class SelectionMethod(models.TextChoices):
    """Hình thức lựa chọn nhà thầu (Luật Đấu thầu 2023, Điều 20–29)."""

    OPEN_TENDER = "dau-thau-rong-rai", _("Đấu thầu rộng rãi")
    RESTRICTED_TENDER = "dau-thau-han-che", _("Đấu thầu hạn chế")
    DIRECT_AWARD = "chi-dinh-thau", _("Chỉ định thầu")
    COMPETITIVE_QUOTATION = "chao-hang-canh-tranh", _("Chào hàng cạnh tranh")
    DIRECT_PURCHASE = "mua-sam-truc-tiep", _("Mua sắm trực tiếp")
    SELF_PERFORMANCE = "tu-thuc-hien", _("Tự thực hiện")
    COMMUNITY = "cong-dong", _("Tham gia thực hiện của cộng đồng")
    PRICE_NEGOTIATION = "dam-phan-gia", _("Đàm phán giá")
    SPECIAL_CASE = "truong-hop-dac-biet", _("Lựa chọn nhà thầu trong trường hợp đặc biệt")


class NoticeStatus(models.TextChoices):
    """What the procuring entity did to the notice after posting it (the dates say the rest: see stages.py)."""

    POSTED = "da-dang", _("Đã đăng tải")
    AMENDED = "da-sua-doi", _("Đã sửa đổi, gia hạn")
    CANCELLED = "da-huy", _("Đã hủy")


class ProjectStatus(models.TextChoices):
    """Giai đoạn của dự án đầu tư (Luật Đầu tư công 2024, Điều 4: chuẩn bị, thực hiện, kết thúc)."""

    PREPARATION = "chuan-bi", _("Chuẩn bị đầu tư")
    IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
    COMPLETED = "hoan-thanh", _("Đã hoàn thành")
    SUSPENDED = "tam-dung", _("Tạm dừng, giãn tiến độ")


class ProjectGroup(models.TextChoices):
    """Phân loại dự án đầu tư công (Luật Đầu tư công 2024, Điều 8)."""

    NATIONAL = "quan-trong-quoc-gia", _("Dự án quan trọng quốc gia")
    GROUP_A = "nhom-a", _("Dự án nhóm A")
    GROUP_B = "nhom-b", _("Dự án nhóm B")
    GROUP_C = "nhom-c", _("Dự án nhóm C")


class CapitalSource(models.TextChoices):
    """Nguồn vốn của dự án."""

    CENTRAL_BUDGET = "ngan-sach-trung-uong", _("Ngân sách trung ương")
    LOCAL_BUDGET = "ngan-sach-dia-phuong", _("Ngân sách địa phương")
    ODA = "oda", _("Vốn ODA, vốn vay ưu đãi nước ngoài")
    PPP = "ppp", _("Đầu tư theo phương thức đối tác công tư (PPP)")
    MIXED = "nhieu-nguon", _("Nhiều nguồn vốn")
    OTHER = "khac", _("Nguồn vốn khác")
