"""Vietnamese text: NFC normalisation (TCVN 6909:2001, R11), diacritic folding, slugs, sorting."""

import functools
import re
import unicodedata
from typing import Any

from django.utils.translation import get_language

# "đ" has no decomposition in Unicode, so NFKD alone would drop it instead of folding it to "d".
_SPECIAL_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"


def nfc(value: str) -> str:
    """Return `value` in Unicode NFC form (text pasted from Word often arrives decomposed)."""
    return unicodedata.normalize("NFC", value)


def nfc_data(value: Any) -> Any:
    """Normalise every string inside nested lists and dicts (StreamField and JSON data) to NFC."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [nfc_data(item) for item in value]
    if isinstance(value, tuple):
        return tuple(nfc_data(item) for item in value)
    if isinstance(value, dict):
        return {nfc_data(key): nfc_data(item) for key, item in value.items()}
    return value


def fold_diacritics(value: str) -> str:
    """Strip Vietnamese diacritics: "Đường Tư Nghĩa" -> "Duong Tu Nghia"."""
    decomposed = unicodedata.normalize("NFKD", value.translate(_SPECIAL_FOLDS))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slugify(value: str, max_length: int = 255) -> str:
    """An ASCII URL slug from Vietnamese text: "Tin tức – sự kiện" -> "tin-tuc-su-kien"."""
    folded = fold_diacritics(value).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:max_length].rstrip("-")


def words(value: str) -> list[str]:
    """The words of `value`, punctuation (commas, dashes, ampersands) dropped."""
    return re.findall(r"\w+", nfc(value))


def local_text(vietnamese: str, english: str) -> str:
    """The text in the language being served: the English one on English pages when there is one, else the
    Vietnamese (the official text, always present)."""
    return english if english and get_language() == "en" else vietnamese


def search_words(value: str) -> list[str]:
    """The words of `value` as the search indexes keep them and queries are compared: lower case, diacritics folded,
    letters and digits only. "Quyết định 12/QĐ-UBND" -> ["quyet", "dinh", "12", "qd", "ubnd"]."""
    return re.findall(r"[a-z0-9]+", fold_diacritics(value).lower())


def sort_key(value: str) -> tuple:
    """A key that sorts Vietnamese names in dictionary order (a < ă < â < b …, tones after letters).

    Python's default ordering puts "Đ" after "Z" and accented vowels after every plain letter.
    """
    keys = [_char_key(char) for char in nfc(value).lower()]
    return tuple(key[0] for key in keys), tuple(key[1] for key in keys)


@functools.cache
def _char_key(char: str) -> tuple[tuple[int, str], int]:
    """One character's place in the alphabet (with the letter itself) and its tone's rank."""
    decomposed = unicodedata.normalize("NFD", char)
    letter = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    tone = next((c for c in decomposed if c in _TONE_MARKS), "")
    index = _ALPHABET.find(letter)
    return (index if index >= 0 else len(_ALPHABET), letter), _TONE_ORDER.index(tone)


# Tone marks, in the order Vietnamese dictionaries use: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_ORDER = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
_TONE_MARKS = set(_TONE_ORDER[1:])


def person_name(user, *, fallback_to_username: bool = False) -> str:
    """A user's full name in Vietnamese order, family name first ("Trần Thị Hạnh"): Django's
    get_full_name() puts the given name first. "" (or the username, if asked) when they have no name."""
    name = " ".join(f"{user.last_name} {user.first_name}".split())
    return name or (user.get_username() if fallback_to_username else "")
