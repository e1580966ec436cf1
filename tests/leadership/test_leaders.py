"""Leaders (Điều 8.2.a): the "Lãnh đạo" section by rank, one page per leader with their duties and this week's
schedule, English versions whose rank follows the Vietnamese one, and the editor's checks."""

import io
from datetime import time

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from leadership.models import LeaderPage, LeaderResponsibility
from leadership.weeks import this_monday, week_title

from .helpers import entry, leaders_section, make_leader, make_week

pytestmark = pytest.mark.django_db
Kind = LeaderResponsibility.Kind


def get(client, agency, page):
    return client.get(page.relative_url(agency.site), HTTP_HOST=agency.site.hostname)


def portrait(agency, name="chan-dung.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (240, 300), (200, 200, 200)).save(buffer, "PNG")
    return get_image_model().objects.create(title=name, file=ContentFile(buffer.getvalue(), name=name))


def test_the_section_lists_leaders_by_rank_then_name(client, agency):
    make_leader(agency, "Trần Văn Bình", "Phó Giám đốc Sở", rank=2)
    make_leader(agency, "Đỗ Văn Đức", "Phó Giám đốc Sở", rank=2)
    make_leader(agency, "Nguyễn Thị An", "Giám đốc Sở", rank=1)

    text = get(client, agency, leaders_section(agency)).text

    names = ["Nguyễn Thị An", "Đỗ Văn Đức", "Trần Văn Bình"]  # rank, then Vietnamese order (Đ after D, before T)
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    assert "Giám đốc Sở" in text


def test_a_leaders_page_shows_duties_by_kind_and_their_schedule_this_week(client, agency, other_agency):
    leader = make_leader(
        agency,
        "Nguyễn Thị An",
        "Giám đốc Sở",
        duties=[(Kind.FIELD, "Chuyển đổi số"), (Kind.AREA, "Xã Tư Nghĩa"), (Kind.FIELD, "Báo chí, xuất bản")],
        biography="<p>Sinh năm 1975, quê xã Tư Nghĩa.</p>",
        duties_basis="Quyết định ngày 09/10/2025 (thông tin đến tháng 01/2026)",
        phone="0255 0000 101",
        email="giamdoc@quangngai.gov.vn",
    )
    row = leader.responsibilities.get(name="Xã Tư Nghĩa")
    row.agency = other_agency
    row.save()
    monday = this_monday()
    make_week(
        agency,
        monday,
        [entry(monday, time(8), "Dự hội nghị chuyển đổi số", leader=leader), entry(monday, time(9), "Việc khác")],
    )

    text = get(client, agency, leader).text

    assert "Sinh năm 1975, quê xã Tư Nghĩa." in text and "Quyết định ngày 09/10/2025" in text
    assert text.index("Lĩnh vực phụ trách") < text.index("Chuyển đổi số") < text.index("Báo chí, xuất bản")
    assert text.index("Báo chí, xuất bản") < text.index("Địa bàn theo dõi") < text.index("Xã Tư Nghĩa")
    assert f'href="{other_agency.site.root_url}/">Xã Tư Nghĩa</a>' in text
    assert 'href="tel:02550000101"' in text and "mailto:giamdoc@quangngai.gov.vn" in text
    assert week_title(monday) in text and "Dự hội nghị chuyển đổi số" in text and "Việc khác" not in text
    assert f"lich-cong-tac/ics/?lanh-dao={leader.slug}" in text


def test_a_photo_needs_its_description_and_is_shown_with_it(client, agency):
    image = portrait(agency)
    leader = LeaderPage(
        title="Nguyễn Thị An", position="Giám đốc Sở", photo=image, locale=leaders_section(agency).locale
    )
    with pytest.raises(Exception, match="Hãy mô tả ảnh"):
        leader.full_clean()

    leader = make_leader(
        agency,
        "Nguyễn Thị An",
        "Giám đốc Sở",
        photo=image,
        photo_alt="Ảnh minh họa bà Nguyễn Thị An",
        photo_caption="Ảnh minh họa",
    )

    text = get(client, agency, leader).text
    assert 'alt="Ảnh minh họa bà Nguyễn Thị An"' in text and "<figcaption>Ảnh minh họa</figcaption>" in text
    assert 'alt="Ảnh minh họa bà Nguyễn Thị An"' in get(client, agency, leaders_section(agency)).text


def test_the_english_version_keeps_the_vietnamese_rank_photo_and_contacts(client, agency):
    leader = make_leader(agency, "Nguyễn Thị An", "Giám đốc Sở", rank=3, phone="0255 0000 101")
    english_locale = Locale.objects.get(language_code="en")
    translation = leader.copy_for_translation(english_locale)
    translation.position = "Director"
    translation.rank = 9  # typed in the English editor: the Vietnamese value wins
    translation.save_revision().publish()

    translation = LeaderPage.objects.get(pk=translation.pk)
    assert (translation.rank, translation.phone, translation.position) == (3, "0255 0000 101", "Director")

    source = leader.get_latest_revision_as_object()
    source.rank, source.phone = 1, "0255 0000 102"
    source.save_revision().publish()
    translation.refresh_from_db()
    assert (translation.rank, translation.phone) == (1, "0255 0000 102")
    assert "Director" in get(client, agency, translation).text
    assert translation.relative_url(agency.site).startswith("/en/introduction/leaders/")


def test_the_editor_adds_a_leader_with_duties(client, agency, moderator):
    client.force_login(moderator)
    index = leaders_section(agency)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=("leadership", "leaderpage", index.pk)),
        nested_form_data(
            {
                "title": "Nguyễn Thị An",
                "slug": "nguyen-thi-an",
                "position": "Giám đốc Sở",
                "rank": 1,
                "photo": "",
                "photo_alt": "",
                "photo_caption": "",
                "biography": rich_text("<p>Tiểu sử</p>"),
                "duties_basis": "",
                "responsibilities": inline_formset(
                    [
                        {"kind": "linh-vuc", "name": "Chuyển đổi số", "agency": ""},
                        {"kind": "dia-ban", "name": "Xã Tư Nghĩa", "agency": ""},
                    ]
                ),
                "phone": "",
                "email": "",
                "seo_title": "",
                "search_description": "",
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.text[:3000]
    leader = LeaderPage.objects.child_of(index).get()
    assert leader.live and [r.name for r in leader.responsibilities.all()] == ["Chuyển đổi số", "Xã Tư Nghĩa"]


def test_the_section_and_a_leaders_page_cost_the_same_queries_whatever_the_number_of_leaders(client, agency):
    image = portrait(agency)
    make_leader(agency, "Lãnh đạo 0", "Giám đốc", rank=0, photo=image, photo_alt="Ảnh", duties=[(Kind.FIELD, "Việc 0")])
    index = leaders_section(agency)
    get(client, agency, index)
    with CaptureQueriesContext(connection) as few:
        get(client, agency, index)
    leader = LeaderPage.objects.get(title="Lãnh đạo 0")
    get(client, agency, leader)
    with CaptureQueriesContext(connection) as leader_few:
        get(client, agency, leader)

    for n in range(1, 8):
        make_leader(agency, f"Lãnh đạo {n}", "Phó Giám đốc", rank=n, photo=image, photo_alt="Ảnh")
    leader = leader.get_latest_revision_as_object()
    leader.responsibilities = [LeaderResponsibility(kind=Kind.FIELD, name=f"Việc {n}") for n in range(10)]
    leader.save_revision().publish()
    monday = this_monday()
    make_week(agency, monday, [entry(monday, time(7 + n), f"Họp {n}", leader=leader) for n in range(10)])
    get(client, agency, index)
    with CaptureQueriesContext(connection) as many:
        text = get(client, agency, index).text
    get(client, agency, leader)
    with CaptureQueriesContext(connection) as leader_many:
        leader_text = get(client, agency, leader).text

    assert "Lãnh đạo 7" in text and "Việc 9" in leader_text and "Họp 9" in leader_text
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
    assert len(leader_many) == len(leader_few), [query["sql"] for query in leader_many.captured_queries]
