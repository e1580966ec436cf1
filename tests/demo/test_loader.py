"""The demo's content files: every one reads back into its dataclasses, and a file not in NFC is refused."""

import unicodedata

import pytest

from demo import loader
from demo.content import SITES
from demo.documents import all_documents, gazette_issues
from demo.services import DOSSIERS, PROCEDURES


def test_every_content_file_is_nfc_and_builds_the_demo():
    for path in sorted(loader.DATA.glob("*.yaml")):
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path.name

    assert [site.kind for site in SITES] == ["portal", "agency", "local"]
    assert len(all_documents()) == 205 and len(gazette_issues()) == 3
    assert len(PROCEDURES) == 30 and len(DOSSIERS) == 18


def test_a_content_file_in_another_normal_form_is_refused(tmp_path, monkeypatch):
    (tmp_path / "nfd.yaml").write_text(unicodedata.normalize("NFD", "name: Quảng Ngãi\n"), encoding="utf-8")
    monkeypatch.setattr(loader, "DATA", tmp_path)

    with pytest.raises(ValueError, match="NFC"):
        loader.read("nfd")


def test_a_field_the_shape_does_not_have_is_refused():
    from demo.content import Entry

    with pytest.raises(ValueError, match="titel"):
        loader.build(Entry, {"titel": "Tin tức", "fields": {}})
