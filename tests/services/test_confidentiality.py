"""Dossiers are confidential (Điều 13): files never public (on disk or on a private S3 bucket, handed out by signed
URLs), deleted with the dossier when its retention ends (with a record of the purge), and never in the logs."""

import io
import logging
import runpy
import socket
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, quote, unquote, urlsplit

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from feedback.models import Question
from groundwork.storage import private_file_response, private_storage
from services import handling
from services.models import Dossier, DossierAccess, DossierEvent, DossierFile
from services.retention import purge_closed_dossiers
from tests.documents.conftest import pdf_bytes
from tests.services import test_submission
from tests.services.helpers import make_dossier
from vietnam.text import fold_diacritics

pytestmark = pytest.mark.django_db

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "portal" / "settings" / "base.py"
APPLICANT, EMAIL, PHONE = "Lê Thị Hoa", "hoa@example.vn", "0912 345 678"
ANSWER = "Tạp hóa Hoa Lý Sơn"  # what she wrote in the form (form_data's answer)
TRACK = "/thu-tuc-hanh-chinh/tra-cuu-ho-so/"

procedure = test_submission.procedure  # the fixture: a procedure of xã Tư Nghĩa taking dossiers online
form_data, post = test_submission.form_data, test_submission.post


STORAGE_ENVIRONMENT = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "PRIVATE_FILE_URL_EXPIRE",
    "SERVICES_DOSSIER_RETENTION_DAYS",
)


def settings_from(monkeypatch, **env) -> dict:
    """portal.settings.base as it reads with these environment variables (and no other STORAGE_ENVIRONMENT)."""
    for name in STORAGE_ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


# Files are never public -----------------------------------------------------------------------------------


def test_without_a_private_bucket_files_are_on_disk_outside_the_public_media(
    client, other_agency, procedure, settings, monkeypatch
):
    defaults = settings_from(monkeypatch)
    assert defaults["STORAGES"]["private"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert defaults["PRIVATE_FILE_URL_EXPIRE"] == 60 and defaults["SERVICES_DOSSIER_RETENTION_DAYS"] == 1826

    assert post(client, procedure, other_agency, form_data(client, procedure, other_agency)).status_code == 302
    stored = DossierFile.objects.get().file

    assert Path(stored.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT) and Path(stored.path).is_file()
    assert not Path(stored.path).is_relative_to(settings.MEDIA_ROOT)
    assert not (Path(settings.MEDIA_ROOT) / stored.name).exists()
    public = client.get(settings.MEDIA_URL + stored.name, HTTP_HOST=other_agency.site.hostname)
    assert public.status_code == 404 and b"%PDF" not in public.content


# The private bucket on S3 ---------------------------------------------------------------------------------

PRIVATE_BUCKET, PUBLIC_BUCKET, REGION = "qngai-ho-so", "qngai-media", "ap-southeast-1"


@pytest.fixture(scope="module")
def s3_endpoint():
    """An S3-compatible server (moto's) on a free local port, for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def private_bucket(s3_endpoint, monkeypatch, settings):
    """The portal configured as in production with a private bucket (by the environment, through base.py); the
    buckets created on the server; the models' file fields on the storage those settings make. Gives the settings."""
    configured = settings_from(
        monkeypatch,
        AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET,
        AWS_PRIVATE_STORAGE_BUCKET_NAME=PRIVATE_BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME=REGION,
        PRIVATE_FILE_URL_EXPIRE="45",
        AWS_ACCESS_KEY_ID="portal-test-key",
        AWS_SECRET_ACCESS_KEY="portal-test-secret",
    )
    s3 = s3_client(s3_endpoint)
    for bucket in (PRIVATE_BUCKET, PUBLIC_BUCKET):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {**settings.STORAGES, "private": configured["STORAGES"]["private"]}
    for model, name in ((DossierFile, "file"), (Question, "attachment")):
        monkeypatch.setattr(model._meta.get_field(name), "storage", private_storage())
    yield configured
    for bucket in (PRIVATE_BUCKET, PUBLIC_BUCKET):
        for listed in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=listed["Key"])
        s3.delete_bucket(Bucket=bucket)


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="portal-test-key",
        aws_secret_access_key="portal-test-secret",
    )


def fetch(url: str):
    """GET `url` as a browser would (no credentials): (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the local test server
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def server_logs(record) -> bool:
    """A record of the fake S3 server itself (its request log), not of the portal."""
    return record.name.startswith(("werkzeug", "moto"))


def test_the_private_bucket_is_configured_from_the_environment_apart_from_the_public_one(private_bucket, s3_endpoint):
    private = private_bucket["STORAGES"]["private"]
    assert private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert private["OPTIONS"] == {
        "bucket_name": PRIVATE_BUCKET,
        "endpoint_url": s3_endpoint,
        "region_name": REGION,
        "custom_domain": None,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": 45,
        "signature_version": "s3v4",
    }
    public = private_bucket["STORAGES"]["default"]["OPTIONS"]
    assert public["bucket_name"] == PUBLIC_BUCKET and public["endpoint_url"] == s3_endpoint
    # Two files of the same name never overwrite each other.
    storage = private_storage()
    first, second = (storage.save("ho-so/2026/11/don.pdf", ContentFile(pdf_bytes(text))) for text in ("a", "b"))
    assert first != second and storage.open(first).read() == pdf_bytes("a")


def test_the_private_bucket_cannot_be_the_public_one(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_STORAGE_BUCKET_NAME"):
        settings_from(monkeypatch, AWS_STORAGE_BUCKET_NAME="qngai", AWS_PRIVATE_STORAGE_BUCKET_NAME="qngai")


def test_a_dossier_file_lands_in_the_private_bucket_and_officers_get_it_by_a_signed_url(
    client, agency, other_agency, procedure, make_user, private_bucket, s3_endpoint, caplog
):
    caplog.set_level(logging.DEBUG)  # as LOG_LEVEL=DEBUG would: the S3 libraries stay quiet all the same
    assert post(client, procedure, other_agency, form_data(client, procedure, other_agency)).status_code == 302
    dossier = Dossier.objects.get()
    attached = dossier.files.get()
    key = attached.file.name

    s3 = s3_client(s3_endpoint)
    assert s3.head_object(Bucket=PRIVATE_BUCKET, Key=key)["ContentLength"] == attached.size
    assert s3.list_objects_v2(Bucket=PUBLIC_BUCKET)["KeyCount"] == 0
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=key)["Grants"]
    assert [(grant["Grantee"]["Type"], grant["Permission"]) for grant in grants] == [("CanonicalUser", "FULL_CONTROL")]
    status, _headers, body = fetch(f"{s3_endpoint}/{PRIVATE_BUCKET}/{quote(key)}")
    assert status == 403 and b"%PDF" not in body

    url = reverse("services_dossiers:file", args=[dossier.pk, attached.pk])
    client.force_login(make_user("motcua_stttt", agency.officers))
    assert client.get(url).status_code == 404
    client.force_login(make_user("motcua_tunghia", other_agency.officers))
    response = client.get(url)
    assert response.status_code == 302
    query = {name: values[0] for name, values in parse_qs(urlsplit(response["Location"]).query).items()}
    assert (
        query["X-Amz-Expires"] == "45" and query["response-content-disposition"] == 'attachment; filename="de-nghi.pdf"'
    )
    status, headers, body = fetch(response["Location"])
    assert status == 200 and body.startswith(b"%PDF") and headers["Content-Disposition"].startswith("attachment")
    assert not [record for record in caplog.records if not server_logs(record) and key in record.getMessage()]


def test_a_private_file_is_handed_out_only_after_the_check_by_a_short_lived_signed_url(
    client, agency, other_agency, moderator, make_user, private_bucket, s3_endpoint
):
    client.post(
        "/hoi-dap/gui-cau-hoi/",
        {
            "kind": "hoi-dap",
            "name": "Nguyễn Văn Nông",
            "email": "nong@example.vn",
            "phone": "",
            "title": "Lệ phí cấp giấy chứng nhận quyền sử dụng đất",
            "body": "Lệ phí cấp giấy chứng nhận năm 2026 có thay đổi không?",
            "website": "",
            "attachment": SimpleUploadedFile("sơ đồ thửa đất.pdf", pdf_bytes("so do")),
        },
        HTTP_HOST=agency.site.hostname,
    )
    question = Question.objects.get()
    key = question.attachment.name
    url = reverse("feedback_questions:attachment", args=[question.pk])

    client.force_login(make_user("bbt_tunghia", other_agency.moderators))
    refused = client.get(url)
    assert refused.status_code == 404 and PRIVATE_BUCKET not in refused.get("Location", "")

    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 302
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    location = urlsplit(response["Location"])
    query = {name: values[0] for name, values in parse_qs(location.query).items()}
    assert f"{location.scheme}://{location.netloc}" == s3_endpoint
    assert unquote(location.path) == f"/{PRIVATE_BUCKET}/{key}"
    assert query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256" and len(query["X-Amz-Signature"]) == 64
    assert query["X-Amz-Expires"] == "45"
    disposition = "attachment; filename*=utf-8''s%C6%A1_%C4%91%E1%BB%93_th%E1%BB%ADa_%C4%91%E1%BA%A5t.pdf"
    assert query["response-content-disposition"] == disposition
    assert query["response-cache-control"] == "private, no-store"

    status, headers, body = fetch(response["Location"])
    assert status == 200 and body.startswith(b"%PDF")
    assert headers["Content-Disposition"] == disposition and headers["Cache-Control"] == "private, no-store"
    assert fetch(f"{s3_endpoint}/{PRIVATE_BUCKET}/{quote(key)}")[0] == 403


def test_a_storage_that_would_give_an_unsigned_url_is_refused():
    unsigned = S3Storage(bucket_name=PRIVATE_BUCKET, querystring_auth=False, region_name=REGION)
    behind_a_cdn = S3Storage(bucket_name=PRIVATE_BUCKET, custom_domain="cdn.quangngai.gov.vn", region_name=REGION)

    for storage in (unsigned, behind_a_cdn):
        with pytest.raises(ImproperlyConfigured):
            private_file_response(SimpleNamespace(storage=storage, name="ho-so/2026/11/don.pdf"), "don.pdf")


# Retention and purge --------------------------------------------------------------------------------------

PURGE = DossierAccess.Action.PURGE


def dated_dossier(procedure, status, submitted, closed=None, files=1):
    """A dossier of `procedure` submitted and (if given) closed at these moments, with files in the private storage."""
    return make_dossier(
        procedure,
        status=status,
        applicant=APPLICANT,
        email=EMAIL,
        phone=PHONE,
        answers=[["Tên hộ kinh doanh", ANSWER]],
        submitted_at=submitted,
        due_on=timezone.localdate(submitted) + timedelta(days=5),
        finished_at=closed,
        closed_at=closed,
        files=[("Căn cước", f"cccd-le-thi-hoa-{number}.pdf", pdf_bytes("cccd")) for number in range(files)],
    )


def paths(dossier) -> list[Path]:
    return [Path(attached.file.path) for attached in dossier.files.all()]


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_a_closed_dossier_past_its_retention_is_purged_with_its_files_and_leaves_a_record(
    procedure, other_agency, make_user, settings, django_capture_on_commit_callbacks
):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 1826
    old = dated_dossier(procedure, Dossier.Status.RETURNED, days_ago(1900), closed=days_ago(1830), files=2)
    officer = make_user("motcua_tunghia", other_agency.officers)
    handling.log_access(old, officer, DossierAccess.Action.VIEW)
    files = paths(old)
    assert len(files) == 2 and all(path.is_file() for path in files)

    with django_capture_on_commit_callbacks() as after_commit:
        assert purge_closed_dossiers() == 1
        assert all(path.is_file() for path in files)  # not before the deletion is committed
    for callback in after_commit:
        callback()

    assert not any(path.exists() for path in files)
    assert not Dossier.objects.filter(pk=old.pk).exists()
    assert not DossierFile.objects.exists() and not DossierEvent.objects.exists()
    record = DossierAccess.objects.get(action=PURGE)
    assert (record.code, record.agency, record.user, record.dossier) == (old.code, other_agency, None, None)
    submitted, closed = (timezone.localtime(moment).strftime("%d/%m/%Y") for moment in (days_ago(1900), days_ago(1830)))
    assert record.detail == (
        f"Thủ tục 1.001612.000.00.00.H48; Đã trả kết quả; nộp {submitted}; kết thúc {closed}; 2 tệp"
    )
    for personal in (APPLICANT, EMAIL, PHONE, ANSWER, "cccd-le-thi-hoa", old.secret, old.security_code):
        assert personal not in record.detail
    # The access log of the dossier outlives it.
    viewed = DossierAccess.objects.get(action=DossierAccess.Action.VIEW)
    assert (viewed.code, viewed.dossier, viewed.user) == (old.code, None, officer)


def test_recent_and_open_dossiers_are_kept_whatever_their_age(procedure, settings, django_capture_on_commit_callbacks):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 365
    expired = dated_dossier(procedure, Dossier.Status.REFUSED, days_ago(400), closed=days_ago(366))
    recent = dated_dossier(procedure, Dossier.Status.REFUSED, days_ago(400), closed=days_ago(364))
    ancient_open = [
        dated_dossier(procedure, status, days_ago(4000))
        for status in (*Dossier.OPEN, Dossier.Status.RESULT_READY)  # waiting to be handed back: not closed
    ]
    kept = [recent, *ancient_open]
    kept_files = [path for dossier in kept for path in paths(dossier)]

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_dossiers() == 1

    assert set(Dossier.objects.all()) == set(kept)
    assert all(path.is_file() for path in kept_files)
    assert list(DossierAccess.objects.filter(action=PURGE).values_list("code", flat=True)) == [expired.code]


def test_a_dry_run_deletes_nothing(procedure, settings, django_capture_on_commit_callbacks):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 1826
    old = dated_dossier(procedure, Dossier.Status.RETURNED, days_ago(2000), closed=days_ago(1900))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_dossiers(dry_run=True) == 1
        call_command("purge_dossiers", "--dry-run", stdout=out)

    assert out.getvalue() == "Sẽ xoá 1 hồ sơ đã kết thúc quá 1826 ngày (chạy thử, chưa xoá gì).\n"
    assert Dossier.objects.get() == old and all(path.is_file() for path in paths(old))
    assert not DossierAccess.objects.exists()


def test_the_command_purges_in_batches_and_prints_counts_only(procedure, settings, django_capture_on_commit_callbacks):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 30
    old = [dated_dossier(procedure, Dossier.Status.RETURNED, days_ago(60), closed=days_ago(31)) for _ in range(5)]
    dated_dossier(procedure, Dossier.Status.PROCESSING, days_ago(60))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_dossiers(batch_size=2) == 5  # three batches of 2, 2 and 1
    assert set(DossierAccess.objects.filter(action=PURGE).values_list("code", flat=True)) == {d.code for d in old}

    dated_dossier(procedure, Dossier.Status.REFUSED, days_ago(60), closed=days_ago(40))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_dossiers", stdout=out)
    assert out.getvalue() == "Đã xoá 1 hồ sơ đã kết thúc quá 30 ngày.\n"
    assert Dossier.objects.get().status == Dossier.Status.PROCESSING


def test_a_retention_under_one_day_is_refused(procedure, settings):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 0
    dated_dossier(procedure, Dossier.Status.RETURNED, days_ago(10), closed=days_ago(5))

    with pytest.raises(ImproperlyConfigured):
        call_command("purge_dossiers", stdout=io.StringIO())
    assert Dossier.objects.count() == 1


def test_files_that_cannot_be_removed_are_counted_in_the_log_without_their_names(
    procedure, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    settings.SERVICES_DOSSIER_RETENTION_DAYS = 30
    dated_dossier(procedure, Dossier.Status.RETURNED, days_ago(60), closed=days_ago(31), files=2)

    def unreachable(name):
        raise ConnectionError(f"cannot delete {name}")

    monkeypatch.setattr(DossierFile._meta.get_field("file").storage, "delete", unreachable)
    with caplog.at_level(logging.INFO, logger="services.retention"):
        with django_capture_on_commit_callbacks(execute=True):
            assert purge_closed_dossiers() == 1

    assert not Dossier.objects.exists() and DossierAccess.objects.filter(action=PURGE).count() == 1
    messages = {record.getMessage() for record in caplog.records if record.name == "services.retention"}
    assert messages == {
        "2 of 2 files of purged dossiers were not removed from the private storage (ConnectionError: 2)",
        "Purged 1 closed dossiers at the end of their retention",
    }


# No personal data in the logs -----------------------------------------------------------------------------


@pytest.fixture
def every_log_record():
    """Every record any logger emits during the test, at DEBUG level (whatever LOGGING says)."""
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(logging.DEBUG)
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        logger.propagate = True  # to the root, where the handler listens
    logging.getLogger().addHandler(handler)
    yield records
    logging.getLogger().removeHandler(handler)
    for logger, level, disabled, propagate in saved:
        logger.setLevel(level)
        logger.disabled, logger.propagate = disabled, propagate


def closed_port() -> int:
    """A local port nothing listens on: an SMTP server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_no_personal_data_reaches_the_logs(
    client, other_agency, procedure, make_user, settings, every_log_record, django_capture_on_commit_callbacks
):
    # A submission refused (a required file missing: 400), then one accepted, through the form.
    data = form_data(client, procedure, other_agency, phone=PHONE)
    refused = {name: value for name, value in data.items() if not name.startswith("f_")}
    assert post(client, procedure, other_agency, refused).status_code == 400
    assert post(client, procedure, other_agency, data).status_code == 302
    dossier = Dossier.objects.get()
    # A step that emails her, while the mail server is down (the failure is logged).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    officer = make_user("motcua_tunghia", other_agency.officers)
    handling.start(dossier, officer, note="Hồ sơ đủ thành phần.")
    handling.refuse(dossier, officer, reason="Ngành nghề không được phép kinh doanh tại địa điểm này.")
    # She follows it with its code and her security code, has the code sent again with her phone; someone tries her
    # phone as a security code.
    found = client.post(TRACK, {"code": dossier.code, "secret": dossier.secret}, HTTP_HOST=other_agency.site.hostname)
    assert found.status_code == 302
    assert client.get(found["Location"], HTTP_HOST=other_agency.site.hostname).status_code == 200
    recover = {"code": dossier.code, "contact": PHONE}
    assert (
        client.post(
            TRACK.replace("tra-cuu-ho-so", "lay-lai-ma-bao-mat"), recover, HTTP_HOST=other_agency.site.hostname
        ).status_code
        == 200
    )
    wrong = {"code": dossier.code, "secret": PHONE}
    assert client.post(TRACK, wrong, HTTP_HOST=other_agency.site.hostname).status_code == 400
    # And, years later, the purge.
    with django_capture_on_commit_callbacks(execute=True):
        assert purge_closed_dossiers(now=timezone.now() + timedelta(days=settings.SERVICES_DOSSIER_RETENTION_DAYS + 1))

    messages = [record.getMessage() for record in every_log_record]
    assert any("Bad Request" in message for message in messages)  # the refused form
    assert any("services/mail/processing not sent" in message for message in messages)
    assert any("Purged 1 closed dossiers" in message for message in messages)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    logged = "\n".join(f"{formatter.format(record)}\n{record.__dict__!r}" for record in every_log_record)
    personal = {APPLICANT, fold_diacritics(APPLICANT), EMAIL, PHONE, PHONE.replace(" ", ""), ANSWER}
    personal |= {dossier.secret, dossier.security_code}
    assert not [value for value in personal if value.lower() in logged.lower()]
