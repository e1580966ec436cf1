"""A site's content goes out as one archive and comes back in another installation (R13, issue 14 §3).

The site (xã Tư Nghĩa, onboarded by `create_agency_site`) gets pages of several types in both languages, child rows,
drafts and revisions, a document file and an image; `export_site` writes it in this test's database, and
`restore_site` reads it into a fresh install (migrated, with only the portal onboarded: tests/test_fresh_install.py),
run as a process of its own like an operator would.
"""

import hashlib
import json
import zipfile
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource

from demo.pdf import pdf_bytes
from documents.models import Authority, DocumentFile, DocumentRelation, DocumentType, LegalDocumentPage, LegalField
from home.models import ContactPage, NewsCategory, NewsPage, OfficialContact, SiteContactSettings
from home.models.records import ChangeNote
from home.onboarding import create_agency_site
from home.withdrawal import withdraw
from tests.home.helpers import add_page, section
from tests.test_fresh_install import fresh_install, fresh_install_template, manage, postgres_admin  # noqa: F401 - fixtures

PDF = pdf_bytes(["Quyet dinh 12/QD-UBND ve viec lam duong"])

SITE = """
import json, hashlib
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation
from home.models import Agency
import io
output = io.StringIO()
call_command("restore_site", ARCHIVE, stdout=output)
agency = Agency.objects.get(code="tunghia")
roots = agency.site.root_page.get_translations(inclusive=True)
pages = Page.objects.none()
for root in roots:
    pages |= Page.objects.descendant_of(root, inclusive=True)
from documents.models import LegalDocumentPage
from home.onboarding import create_agency_site
from home.models import ContactPage, NewsPage
from home.models.records import ChangeNote, Withdrawal
news = NewsPage.objects.get(slug="hop-dan-thon-1", locale__language_code="vi")
document = LegalDocumentPage.objects.get(number="12/QĐ-UBND")
contacts = ContactPage.objects.get(pk=CONTACTS)
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
client = Client(HTTP_HOST=agency.site.hostname)
from django.contrib.auth import get_user_model
bbt = get_user_model().objects.create_user("bbt_tunghia", "bbt@tunghia.vn", "mat-khau-thu-nghiem-2026")
bbt.groups.add(agency.moderators)
editor = get_user_model().objects.create_user("bientap_tunghia", "bt@tunghia.vn", "mat-khau-thu-nghiem-2026")
editor.groups.add(agency.editors)
from django.contrib.auth.models import Permission
print(json.dumps({
    "pages": sorted([p.url_path, p.title, p.live, p.locale.language_code, str(p.translation_key)] for p in pages),
    "revisions": Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
    ).count(),
    "news": [news.lead, news.category.name, news.image.title, news.get_translations().get().title],
    "document": [
        document.document_type.name,
        document.authority.name,
        sorted(f.name for f in document.legal_fields.all()),
        [hashlib.sha256(f.document.file.read()).hexdigest() for f in document.files.all()],
    ],
    "contacts": [c.name for c in contacts.contacts.all()],
    "image": hashlib.sha256(get_image_model().objects.get(title="Ảnh họp dân").file.read()).hexdigest(),
    "home": client.get("/").status_code,
    "english": client.get("/en/").status_code,
    "news_page": client.get(news.url).status_code,
    "phone": agency.site.sitecontactsettings.phone,
    "bbt_publishes_english": news.get_translations().get().permissions_for_user(bbt).can_publish(),
    "editor_edits": news.permissions_for_user(editor).can_edit(),
    "editor_publishes": news.permissions_for_user(editor).can_publish(),
    "workflow": news.get_workflow().name,
    "output": output.getvalue(),
    "authors": sorted({str(revision.user) for revision in news.revisions.all()}),
    "relations": [document.relations.count(), len(document.latest_revision.content["relations"])],
    "localize": [
        [entry.msgid, entry.msgstr]
        for entry in Translation.objects.get(source__object_id="HISTORY").export_po()
        if entry.msgstr
    ],
    "history_en": Page.objects.get(translation_key="HISTORY", locale__language_code="en").title,
    "editors": agency.editors.name,
    "withdrawn": Withdrawal.objects.get(translation_key=document.translation_key).reason,
    "notes": list(ChangeNote.objects.filter(page=news).values_list("note", flat=True)),
    "workflow_pages": agency.workflow.workflow_pages.count(),
}))
"""


@pytest.fixture(scope="module")
def site_content(shared_db, tmp_path_factory):
    """Xã Tư Nghĩa's site with content in both languages, and its archive, written by `export_site`."""
    agency = create_agency_site("Xã Tư Nghĩa", "local").agency
    vi, en = Locale.objects.get(language_code="vi"), Locale.objects.get(language_code="en")
    image = get_image_model().objects.create(
        title="Ảnh họp dân", file=get_test_image_file(), collection=agency.collection
    )
    news_index = section(agency, "tin-tuc")
    news = news_index.add_child(
        instance=NewsPage(
            title="Họp dân thôn 1",
            slug="hop-dan-thon-1",
            lead="Xã họp dân bàn việc làm đường.",
            category=NewsCategory.objects.get(name="Tin hoạt động"),
            image=image,
            locale=vi,
        )
    )
    # Its author has an account of the same name where the site is restored (the fresh install's administrator).
    author = get_user_model().objects.filter(username="quantri").first() or get_user_model().objects.create_user(
        "quantri", "quantri@quangngai.gov.vn"
    )
    news.save_revision(user=author).publish()
    news.lead = "Xã họp dân thôn 1 bàn việc làm đường bê tông."
    news.save_revision(user=author).publish()
    news.title = "Họp dân thôn 1 (bản nháp)"
    news.save_revision()  # a draft on top of the live version
    english = news.copy_for_translation(en)
    english.title = "Village 1 meeting"
    english.save_revision().publish()
    document_file = get_document_model().objects.create(
        title="Quyết định 12", file=ContentFile(PDF, name="qd-12.pdf"), collection=agency.collection
    )
    legal = LegalDocumentPage(
        title="Quyết định về làm đường",
        slug="qd-12",
        number="12/QĐ-UBND",
        issued_on=date(2026, 11, 2),
        summary="Về việc làm đường bê tông thôn 1",
        document_type=DocumentType.objects.get(name="Quyết định"),
        authority=Authority.objects.get_or_create(name="UBND xã Tư Nghĩa")[0],
        locale=vi,
    )
    field = LegalField.objects.get_or_create(slug="giao-thong-van-tai", defaults={"name": "Giao thông vận tải"})[0]
    legal.legal_fields = [field]
    legal.files = [DocumentFile(document=document_file)]
    # Based on a document of the portal, which the installation it is restored into does not have.
    portal_document = LegalDocumentPage(
        title="Quyết định của tỉnh",
        slug="qd-1",
        number="1/QĐ-UBND",
        issued_on=date(2026, 10, 1),
        summary="Về giao thông nông thôn",
        document_type=DocumentType.objects.get(name="Quyết định"),
        authority=Authority.objects.get_or_create(name="UBND tỉnh Quảng Ngãi")[0],
        locale=vi,
    )
    section(create_agency_site("Ủy ban nhân dân tỉnh Quảng Ngãi", "portal").agency, "van-ban").add_child(
        instance=portal_document
    )
    legal.relations = [DocumentRelation(kind=DocumentRelation.Kind.BASED_ON, target=portal_document)]
    section(agency, "van-ban").add_child(instance=legal)
    legal.save_revision().publish()
    contacts = section(agency, "lien-he").specific
    assert isinstance(contacts, ContactPage)
    contacts.contacts = [
        OfficialContact(name="Nguyễn Văn An", position="Chủ tịch"),
        OfficialContact(name="Lê Thị Hoa", position="Văn phòng"),
    ]
    contacts.save_revision().publish()
    # A page translated in wagtail-localize's editor: its translation record and strings travel too.
    history = add_page(section(agency, "gioi-thieu"), title="Lịch sử xã", slug="lich-su-xa")
    source, _created = TranslationSource.get_or_create_from_instance(history)
    translation = Translation.objects.create(source=source, target_locale=en)
    po = translation.export_po()
    for entry in po:
        if entry.msgid == "Lịch sử xã":
            entry.msgstr = "Commune history"
    translation.import_po(po)
    translation.save_target(publish=True)
    SiteContactSettings.objects.update_or_create(site=agency.site, defaults={"phone": "0255 3822 111"})
    # Official records (Điều 9.2): a withdrawn document and a change note travel with their pages.
    withdraw(legal, author, "Ban hành nhầm số, thay bằng văn bản khác")
    ChangeNote.objects.create(
        page=news, revision=news.live_revision, note="Sửa tên thôn", published_at=news.last_published_at
    )
    path = tmp_path_factory.mktemp("archive") / "tunghia.zip"
    call_command("export_site", "tunghia", str(path), verbosity=0)
    return {
        "path": path,
        "contacts": contacts.pk,
        "agency": agency,
        "field": field.name,
        "history": str(history.translation_key),
    }


def test_the_archive_has_a_manifest_with_counts_versions_and_checksums(db, site_content):
    with zipfile.ZipFile(site_content["path"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    assert manifest["format"] == "quangngai-site-archive" and manifest["version"] == 1
    assert manifest["site"]["hostname"].startswith("tunghia.")
    assert {"wagtail", "django", "wagtail-localize"} <= set(manifest["versions"])
    assert manifest["counts"]["wagtailcore.page"] >= 20  # the standard sections in two languages, and ours
    assert manifest["counts"]["home.officialcontact"] == 2
    assert manifest["counts"]["wagtaildocs.document"] == 1 and manifest["counts"]["wagtailimages.image"] == 1
    assert {name for name in manifest["checksums"] if name.startswith("media/")} <= names
    assert len([name for name in names if name.startswith("media/")]) == 2


def test_no_citizens_data_goes_into_the_archive(db, site_content):
    with zipfile.ZipFile(site_content["path"]) as archive:
        models = {row["model"] for row in json.loads(archive.read("data.json"))}
    assert not models & {"services.dossier", "feedback.question", "feedback.consultationcomment", "auth.user"}


def test_a_site_restores_into_a_fresh_installation_with_its_pages_revisions_and_files(
    db,
    site_content,
    fresh_install,  # noqa: F811 - the fixture
):
    env, _mail = fresh_install
    source_pages = Page.objects.none()
    for root in site_content["agency"].site.root_page.get_translations(inclusive=True):
        source_pages |= Page.objects.descendant_of(root, inclusive=True)
    expected_pages = sorted(
        [p.url_path, p.title, p.live, p.locale.language_code, str(p.translation_key)] for p in source_pages
    )
    expected_revisions = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in source_pages.values_list("pk", flat=True)]
    ).count()

    script = (
        SITE.replace("ARCHIVE", repr(str(site_content["path"])))
        .replace("CONTACTS", str(site_content["contacts"]))
        .replace("HISTORY", site_content["history"])
    )
    restored = json.loads(manage(env, "shell", "--no-imports", "-c", script).splitlines()[-1])

    assert restored["pages"] == expected_pages
    assert restored["revisions"] == expected_revisions
    assert restored["news"] == [
        "Xã họp dân thôn 1 bàn việc làm đường bê tông.",
        "Tin hoạt động",
        "Ảnh họp dân",
        "Village 1 meeting",
    ]
    assert restored["document"] == [
        "Quyết định",
        "UBND xã Tư Nghĩa",
        [site_content["field"]],
        [hashlib.sha256(PDF).hexdigest()],
    ]
    assert restored["contacts"] == ["Nguyễn Văn An", "Lê Thị Hoa"]
    image = get_image_model().objects.get(title="Ảnh họp dân")
    assert restored["image"] == hashlib.sha256(image.file.read()).hexdigest()
    assert [restored["home"], restored["english"], restored["news_page"]] == [200, 200, 200]
    assert restored["phone"] == "0255 3822 111"
    # Editable as onboarding sets a site up: the BBT publishes in both languages, editors submit to its workflow.
    assert restored["bbt_publishes_english"] is True
    assert [restored["editor_edits"], restored["editor_publishes"]] == [True, False]
    assert restored["workflow"] == "tunghia – Duyệt tin bài"
    assert restored["authors"] == ["None", "quantri"]  # the draft had no author; the others are linked by name
    # The link to the portal's document, which is not here, is left out of the page and of its revision.
    assert restored["relations"] == [0, 0]
    assert "1 dòng cần một dòng cài đặt này không có" in restored["output"]
    assert restored["localize"] == [["Lịch sử xã", "Commune history"]]
    assert restored["history_en"] == "Commune history"
    assert restored["editors"] == "tunghia – Biên tập viên"
    assert restored["workflow_pages"] == 2
    assert restored["withdrawn"] == "Ban hành nhầm số, thay bằng văn bản khác"
    assert restored["notes"] == ["Sửa tên thôn"]

    # The same archive again: everything it needs is taken now, and nothing is written.
    refused = run_refused(env, site_content["path"])
    assert "tunghia." in refused and "đã có" in refused


def run_refused(env, path) -> str:
    import subprocess
    import sys

    from tests.test_fresh_install import ROOT

    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore_site", str(path)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    return result.stderr


def test_an_archive_whose_file_was_altered_is_refused_before_anything_is_written(db, site_content, tmp_path):
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(site_content["path"]) as source, zipfile.ZipFile(altered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data + b"x" if item.filename.startswith("media/documents/") else data)
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="Tổng kiểm tra"):
        call_command("restore_site", str(altered), verbosity=0)

    assert Page.objects.count() == pages


def test_an_archive_of_an_unknown_format_is_refused(db, site_content, tmp_path):
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(site_content["path"]) as source, zipfile.ZipFile(other, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                data = json.dumps({**json.loads(data), "version": 99}).encode()
            target.writestr(item, data)

    with pytest.raises(CommandError, match="định dạng"):
        call_command("restore_site", str(other), verbosity=0)


def test_restoring_where_the_site_is_already_lists_the_hostname_keys_and_paths_taken(db, site_content):
    pages = Page.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("restore_site", str(site_content["path"]), verbosity=0)

    message = str(refused.value)
    assert site_content["agency"].site.hostname in message
    assert "khóa chính" in message and "vị trí trong cây trang" in message
    assert Page.objects.count() == pages


def test_an_archive_needing_a_language_this_installation_lacks_is_refused(db, site_content, tmp_path):
    french = tmp_path / "french.zip"
    with zipfile.ZipFile(site_content["path"]) as source:
        manifest = json.loads(source.read("manifest.json"))
        references = json.loads(source.read("references.json"))
        for row in references["wagtailcore.locale"].values():
            row["key"] = ["fr"]
        changed = json.dumps(references).encode()
        manifest["checksums"]["references.json"] = hashlib.sha256(changed).hexdigest()
        with zipfile.ZipFile(french, "w") as target:
            for item in source.infolist():
                data = {"manifest.json": json.dumps(manifest).encode(), "references.json": changed}.get(
                    item.filename, source.read(item)
                )
                target.writestr(item, data)

    with pytest.raises(CommandError, match="Cài đặt này thiếu wagtailcore.locale mà gói lưu trữ cần: fr"):
        call_command("restore_site", str(french), verbosity=0)
