"""Vietnamese text helpers (R11): folding, slugs, dictionary order."""

import unicodedata

import pytest

from vietnam.text import fold_diacritics, nfc, nfc_data, slugify, sort_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Quy chế hoạt động", "Quy che hoat dong"),
        ("Đường Nguyễn Nghiêm", "Duong Nguyen Nghiem"),
        ("nghiệp vụ", "nghiep vu"),
        ("Đăk Tô, Ngọk Réo", "Dak To, Ngok Reo"),
    ],
)
def test_fold_diacritics(text, folded):
    assert fold_diacritics(text) == folded
    assert fold_diacritics(unicodedata.normalize("NFD", text)) == folded


def test_slugify_folds_to_ascii():
    assert slugify("Tin tức – sự kiện") == "tin-tuc-su-kien"
    assert slugify("Đặc khu Lý Sơn!") == "dac-khu-ly-son"
    assert slugify("  ") == ""


def test_nfc_recomposes_text_and_nested_data():
    decomposed = unicodedata.normalize("NFD", "Quảng Ngãi")
    assert decomposed != "Quảng Ngãi"
    assert nfc(decomposed) == "Quảng Ngãi"
    assert nfc_data([{"type": "heading", "value": {"text": decomposed}}]) == [
        {"type": "heading", "value": {"text": "Quảng Ngãi"}}
    ]


def test_sort_key_follows_the_vietnamese_alphabet():
    names = ["Đặng", "Bình", "Zô", "Ân", "An", "Dung", "Ăn", "Hạ", "Hà", "Hả"]
    assert sorted(names, key=sort_key) == ["An", "Ăn", "Ân", "Bình", "Dung", "Đặng", "Hà", "Hả", "Hạ", "Zô"]
