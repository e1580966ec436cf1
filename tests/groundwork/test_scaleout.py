"""Past one machine (README, "Past one machine"): nothing on an app server's disk when the buckets are set, and
Wagtail's search on OpenSearch or Elasticsearch from SEARCH_URL.

The buckets are moto's S3 server on a free local port, configured through portal/settings/base.py as production
configures them; the local media folder is a path that does not exist, so that any file written or read there
instead of the bucket fails the test.
"""

import csv
import io
import json
import runpy
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import pytest
import wagtail.search.backends as wagtail_backends
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from documents.importing import COLUMNS
from documents.models import LegalDocumentPage
from tests.documents.conftest import create_lists, pdf_bytes
from tests.home.helpers import section

pytestmark = pytest.mark.django_db

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"
BUCKET, REGION = "qngai-media-scaleout", "ap-southeast-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "portal-test-key", "AWS_SECRET_ACCESS_KEY": "portal-test-secret"}
# The public media bucket's policy, as production sets it: anyone may read an object, no one may list.
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
    ],
}
SEARCH_ENVIRONMENT = ("SEARCH_URL", "SEARCH_BACKEND", "SEARCH_INDEX_PREFIX")


def settings_from(monkeypatch, **env) -> dict:
    """portal.settings.base as it reads with these environment variables (and PostgreSQL as the database)."""
    for name in (*SEARCH_ENVIRONMENT, "AWS_STORAGE_BUCKET_NAME", "AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgres://portal@127.0.0.1:5432/portal")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


# OpenSearch / Elasticsearch for Wagtail's search --------------------------------------------------------


def test_without_a_search_url_wagtail_searches_the_database(monkeypatch):
    backends = settings_from(monkeypatch)["WAGTAILSEARCH_BACKENDS"]
    assert backends == {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "vi_unaccent"}}


def test_a_search_url_switches_wagtail_to_opensearch_with_vietnamese_folded(monkeypatch):
    backends = settings_from(
        monkeypatch,
        SEARCH_URL="https://portal:secret@search1.internal:9200, https://portal:secret@search2.internal:9200",
    )["WAGTAILSEARCH_BACKENDS"]
    backend = backends["default"]
    assert list(backends) == ["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == [
        "https://portal:secret@search1.internal:9200",
        "https://portal:secret@search2.internal:9200",
    ]
    assert backend["INDEX_PREFIX"] == "portal_"
    analyzer = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert "asciifolding" in analyzer["filter"] and "lowercase" in analyzer["filter"]


@pytest.mark.parametrize("kind", ["opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9"])
def test_search_backend_names_the_servers_kind_and_version(monkeypatch, kind):
    backend = settings_from(
        monkeypatch, SEARCH_URL="http://127.0.0.1:9200", SEARCH_BACKEND=kind, SEARCH_INDEX_PREFIX="qngai_"
    )["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == f"wagtail.search.backends.{kind}"
    assert backend["INDEX_PREFIX"] == "qngai_"
    # A backend module Wagtail 8 has (importing it needs the client package, which is optional).
    assert (Path(wagtail_backends.__file__).parent / f"{kind}.py").is_file()


def test_an_unknown_search_backend_is_refused_at_start(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_BACKEND must be one of opensearch2"):
        settings_from(monkeypatch, SEARCH_URL="http://127.0.0.1:9200", SEARCH_BACKEND="solr")


# Public media in a bucket: nothing on the app server's disk ----------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint():
    """An S3-compatible server (moto's) on a free local port, for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def media_bucket(s3_endpoint, monkeypatch, settings, tmp_path):
    """The public media on a bucket, configured by the environment through base.py; MEDIA_ROOT a folder that does
    not exist (and must not come to). Gives boto3's client of the bucket."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    configured = settings_from(
        monkeypatch, AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_ENDPOINT_URL=s3_endpoint, AWS_S3_REGION_NAME=REGION
    )
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    settings.MEDIA_ROOT = tmp_path / "no-local-media"
    settings.STORAGES = {**settings.STORAGES, "default": configured["STORAGES"]["default"]}
    yield s3
    for listed in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=listed["Key"])
    s3.delete_bucket(Bucket=BUCKET)
    assert not settings.MEDIA_ROOT.exists(), "a file was written to the app server's disk"


def keys(s3) -> set[str]:
    return {listed["Key"] for listed in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the test's own moto server
        return answer.read()


def test_an_imported_documents_file_goes_to_the_bucket_and_its_link_leads_there(
    media_bucket, agency, make_user, client, tmp_path
):
    create_lists()
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "qd-12.pdf").write_bytes(pdf_bytes("QD 12/2025"))
    path = tmp_path / "van-ban.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(
            {
                "so_ky_hieu": "12/2025/QĐ-UBND",
                "loai_van_ban": "Quyết định",
                "co_quan_ban_hanh": "UBND tỉnh Quảng Ngãi",
                "ngay_ban_hanh": "15/01/2025",
                "trich_yeu": "Quy định quản lý cảng cá",
                "tep": "qd-12.pdf",
            }
        )
    make_user("quantri", is_superuser=True)
    out = io.StringIO()
    call_command("import_documents", str(path), site=agency.code, files=folder, publish=True, stdout=out)

    page = LegalDocumentPage.objects.get(number="12/2025/QĐ-UBND")
    document = page.files.get().document
    assert document.file.name in keys(media_bucket)
    answer = client.get(document.url, HTTP_HOST=agency.site.hostname)
    assert answer.status_code == 302
    assert urlsplit(answer["Location"]).path.startswith(f"/{BUCKET}/")
    assert fetch(answer["Location"]) == pdf_bytes("QD 12/2025")
    # The document's public page links it, and shows it from any app server.
    listing = client.get(page.url, HTTP_HOST=agency.site.hostname)
    assert listing.status_code == 200 and document.url.encode() in listing.content


def test_an_images_renditions_are_made_from_the_bucket_and_stored_there(media_bucket, agency):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 480), (200, 30, 30)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Cảng Sa Kỳ",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="cang-sa-ky.png"),
        collection=agency.collection,
    )
    assert image.file.name in keys(media_bucket)

    rendition = image.get_rendition("fill-120x90")
    assert rendition.file.name in keys(media_bucket)
    assert urlsplit(rendition.url).path.startswith(f"/{BUCKET}/")
    with PillowImage.open(io.BytesIO(fetch(rendition.url))) as made:
        assert made.size == (120, 90)
    # Another app server (a fresh read of the rows) finds the rendition made here: not made again.
    again = get_image_model().objects.get(pk=image.pk).get_rendition("fill-120x90")
    assert again.pk == rendition.pk


def test_a_site_export_reads_the_media_from_the_bucket(media_bucket, agency, tmp_path):
    document = get_document_model().objects.create(
        title="Báo cáo",
        file=ContentFile(pdf_bytes("Bao cao"), name="bao-cao.pdf"),
        collection=agency.collection,
    )
    assert document.file.name in keys(media_bucket)
    section(agency, "van-ban")  # the site is onboarded
    archive = tmp_path / "xuat.zip"
    call_command("export_site", agency.code, str(archive), stdout=io.StringIO())
    with zipfile.ZipFile(archive) as exported:
        assert exported.read(f"media/{document.file.name}") == pdf_bytes("Bao cao")
