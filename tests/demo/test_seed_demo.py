"""seed_demo: three sites with content in both languages, demo accounts, a draft waiting for the BBT; idempotent."""

import html
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision, WorkflowState

from documents.models import DocumentFile, DocumentRelation, LegalDocumentPage
from gazette.models import GazetteEntry, GazetteIssuePage
from home.models import Agency, NewsPage, OfficialContact, SiteContactSettings
from reporting.models import PageViewCount


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "contacts": OfficialContact.objects.count(),
        "workflows": WorkflowState.objects.count(),
        "documents": LegalDocumentPage.objects.count(),
        "files": get_document_model().objects.count(),
        "relations": DocumentRelation.objects.count(),
        "gazette entries": GazetteEntry.objects.count(),
        "page views": PageViewCount.objects.count(),
    }


# One test seeds twice and checks everything after the second run: that run must create nothing and keep
# all the content, and a seed costs seconds (every page save indexes and publishes), so it is done once.
@pytest.mark.django_db
def test_seeding_twice_creates_nothing_new_and_serves_both_languages(client, settings):
    first = seed()
    after_first = snapshot()

    second = seed()

    assert snapshot() == after_first
    assert "+ " in first and "+ " not in second and "Không có gì mới" in second
    # Progress while it works: a line per stage, with what the database holds and the seconds since the start.
    assert re.search(r"^\[ *\d+\.\d s\] văn bản: 50/\d+$", first, re.MULTILINE)
    assert re.search(r"^\[ *\d+\.\d s\] hồ sơ trực tuyến: 18 hồ sơ$", first, re.MULTILINE)
    assert re.search(r"^\[ *\d+\.\d s\] lượt xem trang: [1-9]\d+ \(minh họa\)$", first, re.MULTILINE)
    assert "admin-quangngai-2026" in second and "bbt.stttt" in second
    assert set(Agency.objects.values_list("code", flat=True)) == {"", "stttt", "tunghia"}
    check_accounts_and_draft()
    check_pages(client, settings.PORTAL_DOMAIN)
    check_library(client, settings.PORTAL_DOMAIN)


def check_accounts_and_draft():
    stttt = Agency.objects.get(code="stttt")
    User = get_user_model()
    editor = User.objects.get(username="bientap.stttt")
    assert editor.check_password("demo-quangngai-2026") and list(editor.groups.all()) == [stttt.editors]
    tunghia = Agency.objects.get(code="tunghia")
    assert list(User.objects.get(username="bbt.tunghia").groups.all()) == [tunghia.moderators]
    assert User.objects.get(username="admin").is_superuser

    draft = NewsPage.objects.get(owner=editor)
    assert not draft.live
    assert draft.workflow_in_progress
    assert draft.current_workflow_state.workflow == stttt.workflow
    assert list(draft.current_workflow_task.specific.groups.all()) == [stttt.moderators]

    contact = SiteContactSettings.for_site(stttt.site)
    assert contact.phone.startswith("0255") and contact.email == "stttt@quangngai.gov.vn"


def get(client, host: str, path: str) -> str:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return html.unescape(response.content.decode())


def check_pages(client, portal: str):
    stttt = f"stttt.{portal}"
    tunghia = f"tunghia.{portal}"

    assert "14.832,55 km²" in get(client, portal, "/")
    assert "14,832.55 km²" in get(client, portal, "/en/")
    assert "phường Cẩm Thành" in get(client, portal, "/gioi-thieu/tong-quan-tinh-quang-ngai/")
    assert "Đặc khu Lý Sơn" in get(client, portal, "/gioi-thieu/don-vi-hanh-chinh/")
    leaders = get(client, portal, "/en/introduction/leadership/")
    assert "Chairman Nguyen Hoang Giang" in leaders and "as of January 2026" in leaders
    article = get(client, portal, "/en/news/director-of-the-provincial-public-administrative-service-center-appointed/")
    assert "27/QD-UBND" in article and "Provincial Web Portal (English)" in article

    contacts_en = get(client, portal, "/en/contacts/")
    assert "Chairman of the Provincial People's Committee" in contacts_en
    assert "Chief of the Office of the Provincial People's Committee" in contacts_en
    assert "Chủ tịch UBND tỉnh" not in contacts_en and "Chánh Văn phòng" not in contacts_en
    assert "Chánh Văn phòng UBND tỉnh" in get(client, portal, "/lien-he/")

    assert "Sở đã hợp nhất vào Sở Khoa học và Công nghệ" in get(client, stttt, "/")
    assert "merged into the Department of Science and Technology" in get(client, stttt, "/en/")
    about = get(client, stttt, "/gioi-thieu/gioi-thieu-so-thong-tin-va-truyen-thong/")
    assert "hợp nhất vào Sở Khoa học và Công nghệ" in about and "Nguyễn Tấn Liêm" in about
    assert "Department of Science and Technology" in get(client, stttt, "/en/introduction/about-the-department/")
    news = get(client, stttt, "/tin-tuc/")
    assert "14 cơ quan chuyên môn" in news and "Hướng dẫn nộp hồ sơ trực tuyến" not in news

    assert "thị trấn La Hà" in get(client, tunghia, "/")
    assert "La Ha township" in get(client, tunghia, "/en/")
    assert "Nghia Trung, Nghia Thuong and Nghia Hoa" in get(client, tunghia, "/en/introduction/about-tu-nghia-commune/")
    assert "15 working days" in get(client, tunghia, "/en/questions-and-answers/")

    # Direction and administration: the library's directives, commendations and sanctions; plans and statistics.
    assert "06/CT-UBND" in get(client, portal, "/chi-dao-dieu-hanh/van-ban-chi-dao-dieu-hanh/?loai=chi-thi")
    assert "06/CT-UBND" in get(client, portal, "/en/direction-and-administration/directives/?q=06/CT-UBND")
    assert "Xử lý vi phạm" in get(client, portal, "/chi-dao-dieu-hanh/khen-thuong-xu-ly-vi-pham/")
    plans = get(client, portal, "/quy-hoach-ke-hoach-du-an/chien-luoc-quy-hoach-ke-hoach/")
    assert "121/KH-UBND ngày 31/12/2025" in plans and "47/NQ-HĐND" in plans and "768/QĐ-UBND" in plans
    assert "Digital transformation plan" in get(client, stttt, "/en/plans-and-projects/strategies-and-plans/")
    assert "(minh họa)" in get(client, tunghia, "/quy-hoach-ke-hoach-du-an/thong-ke/")
    assert "(illustrative)" in get(client, tunghia, "/en/plans-and-projects/science-and-technology/")
    assert "Tác giả:" in get(client, tunghia, "/tin-tuc/xa-tu-nghia-chinh-thuc-hoat-dong-tu-ngay-1-7-2025/")


def result_titles(page: str) -> list[str]:
    """The titles of a listing's results ("Quyết định 16/2017/QĐ-UBND"), in order."""
    return re.findall(r'class="document-item__title"><a href="[^"]*">([^<]+)</a>', page)


def check_library(client, portal: str):
    tunghia = f"tunghia.{portal}"

    # About 200 documents on the three sites, each with its PDF; the real ones among them.
    assert 180 <= LegalDocumentPage.objects.live().count() <= 240
    assert not LegalDocumentPage.objects.filter(files=None).exists()
    assert DocumentFile.objects.filter(document__title="Quyết định 16-2017-QĐ-UBND.pdf").count() == 1
    regulation = LegalDocumentPage.objects.get(number="16/2017/QĐ-UBND")
    # The generated PDFs show Vietnamese (fpdf2 with an embedded font) and their text reads back as written.
    assert "Quy chế hoạt động của Cổng thông tin điện tử" in regulation.attachment_text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in regulation.attachment_text
    assert regulation.effective_from.isoformat() == "2017-04-29" and regulation.signer == "Trần Ngọc Căng"
    assert {"con", "mot-phan", "het"} <= set(LegalDocumentPage.objects.values_list("validity", flat=True))

    search = get(client, portal, "/van-ban/?q=quy+che+hoat+dong")
    assert result_titles(search)[0] == "Quyết định 16/2017/QĐ-UBND"
    # Words only the files hold, typed without diacritics, find the documents by their PDF's text.
    assert not LegalDocumentPage.objects.filter(summary__icontains="hạnh phúc").exists()
    assert not LegalDocumentPage.objects.filter(body__icontains="hạnh phúc").exists()
    assert result_titles(get(client, portal, "/van-ban/?q=doc+lap+tu+do+hanh+phuc"))

    page = get(client, portal, "/van-ban/16-2017-qd-ubnd/")
    assert "Đăng trên Công báo" in page and "số 15/2017" in page
    assert "Thay thế:</strong>" in page and "Quyết định 206/2004/QĐ-UB</a>" in page
    assert "Quyết định 16-2017-QĐ-UBND.pdf" in page and "Còn hiệu lực" in page
    replaced = get(client, portal, "/van-ban/206-2004-qd-ub/")
    assert "Hết hiệu lực toàn bộ" in replaced and "Bị thay thế bởi:</strong>" in replaced
    resolution = get(client, portal, "/van-ban/47-nq-hdnd/")
    assert "Căn cứ:</strong>" in resolution and "Tờ trình 137/TTr-UBND" in resolution
    assert "Báo cáo 152/BC-UBND" in resolution and "Nguyễn Đức Tuy" in resolution

    gazette = get(client, portal, "/cong-bao/")
    assert "3 số công báo" in gazette
    assert result_titles(gazette) == ["Công báo số 5 năm 2026", "Công báo số 68 năm 2025", "Công báo số 15 năm 2017"]
    issue = get(client, portal, "/cong-bao/so-15-nam-2017/")
    assert "Quyết định 16/2017/QĐ-UBND" in result_titles(issue) and "Công báo số 15 năm 2017.pdf" in issue
    assert GazetteIssuePage.objects.live().count() == 3

    assert "Kế hoạch 121/KH-UBND" in result_titles(get(client, tunghia, "/van-ban/?q=chuyen+doi+so"))
