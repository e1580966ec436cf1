"""Backups in an S3 bucket (moto's server): the citizens' files read from a private bucket, the backup uploaded to
another with its manifest last, the retention rule applied there, and restored from it into a fresh installation
whose files are on disk."""

import boto3
import pytest
from django.core.management import call_command
from moto.server import ThreadedMotoServer

from tests.backups.conftest import fingerprint_of, installation, manage, use_storages
from tests.backups.fingerprint import fingerprint

pytestmark = pytest.mark.django_db(transaction=True)

REGION = "ap-southeast-1"
BACKUPS, PRIVATE = "qngai-sao-luu", "qngai-ho-so"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "portal-test-key", "AWS_SECRET_ACCESS_KEY": "portal-test-secret"}


@pytest.fixture
def s3(monkeypatch, settings):
    """moto's S3 server on a free port, its two buckets, and the backups configured to use it."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for variable, value in CREDENTIALS.items():
        monkeypatch.setenv(variable, value)
    settings.BACKUP_S3_ENDPOINT_URL, settings.BACKUP_S3_REGION_NAME = endpoint, REGION
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
    for bucket in (BACKUPS, PRIVATE):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    yield endpoint, client
    server.stop()


@pytest.fixture
def private_bucket(s3, tmp_path, settings, monkeypatch):
    """The installation's public media on disk and its citizens' files in the private bucket, as in production."""
    endpoint, _client = s3
    private = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PRIVATE,
            "endpoint_url": endpoint,
            "region_name": REGION,
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
    use_storages(settings, monkeypatch, tmp_path / "media", private)


def keys(client, prefix: str) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BACKUPS, Prefix=prefix).get("Contents", [])]


def test_a_backup_goes_to_a_bucket_and_is_restored_from_it(s3, private_bucket, content, tmp_path, restore_database):
    endpoint, client = s3
    assert keys(client, "") == []
    assert len(client.list_objects_v2(Bucket=PRIVATE)["Contents"]) == 2  # the attachment and the dossier's file
    client.put_object(Bucket=BACKUPS, Key="dem/portal-20201101T030000Z/manifest.json", Body=b"{}")
    expected = fingerprint()

    call_command("backup", "--to", f"s3://{BACKUPS}/dem", "--keep-daily", "1", verbosity=0)

    [made] = {key.split("/")[1] for key in keys(client, "dem/")}
    assert made != "portal-20201101T030000Z"  # the old one went by the rule
    assert f"dem/{made}/manifest.json" in keys(client, f"dem/{made}/")
    assert len([key for key in keys(client, f"dem/{made}/private/") if key.endswith(".pdf")]) == 2

    restored = installation(
        restore_database,
        tmp_path / "restored-media",
        tmp_path / "restored-private",
        BACKUP_S3_ENDPOINT_URL=endpoint,
        BACKUP_S3_REGION_NAME=REGION,
        **CREDENTIALS,
    )
    result = manage(restored, "restore_backup", f"s3://{BACKUPS}/dem/{made}")

    assert "1 câu hỏi, 1 hồ sơ; 1 tệp công khai, 2 tệp riêng tư." in result.stdout
    assert fingerprint_of(restored) == expected
