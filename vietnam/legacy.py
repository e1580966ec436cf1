"""Legacy Vietnamese encodings (R11): TCVN3 (ABC) and VNI text converted to Unicode NFC on import.

Before Unicode, Vietnamese was typed with 8-bit fonts that drew Vietnamese letters in place of
Latin-1 ones: TCVN3 (TCVN 5712:1993 VN3, the ".VnTime" fonts of the ABC keyboard) gives every toned
lowercase letter a byte of its own; VNI (the "VNI-Times" fonts) writes a base letter followed by a
mark byte. A document typed that way and saved as text holds Latin-1 characters such as "QuyÕt ®Þnh"
(TCVN3) or "Quyeát ñònh" (VNI) for "Quyết định"; this module turns them back into Vietnamese.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

# Tones in the order of the tables below (and of Vietnamese dictionaries): ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN3: the characters of the twelve vowels in each tone, in the order of _TONES; a plain vowel is
# its ASCII self. The code chart has toned letters in lowercase only: capitals were drawn by switching
# to the ".VnTimeH" font, which shows these same bytes as capitals, so that case cannot be recovered.
# (The fuller VN1 chart puts toned capitals on control codes and on bytes 0x80-0x9F, which Windows-1252
# uses for quotes and dashes; ABC's fonts follow VN3, so those bytes are left as they are.)
_TCVN3_VOWELS = {
    "a": "aµ¶·¸¹",
    "ă": "¨»¼½¾Æ",
    "â": "©ÇÈÉÊË",
    "e": "eÌÎÏÐÑ",
    "ê": "ªÒÓÔÕÖ",
    "i": "i×ØÜÝÞ",
    "o": "oßáâãä",
    "ô": "«åæçèé",
    "ơ": "¬êëìíî",
    "u": "uïñòóô",
    "ư": "\xadõö÷øù",  # "ư" is the soft hyphen, which some programs drop: "được" may arrive as "®îc".
    "y": "yúûüýþ",
}
# The only capitals TCVN3 has: the untoned letters that ASCII lacks.
_TCVN3_OTHERS = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

# VNI: each vowel in each tone as base letter + mark, in the order of _TONES. "â", "ê" and "ô" share
# one mark set (circumflex + tone), "ă" has its own (breve + tone); "ơ", "ư", "đ" and the toned "i"
# (and "ỵ") are single characters. Capitals are the same sequences in capitals: VNI fonts draw a
# capital's marks higher, so "Ấ" is "AÁ", not "Aá".
_VNI_VOWELS = {
    "a": ("a", "aø", "aû", "aõ", "aù", "aï"),
    "ă": ("aê", "aè", "aú", "aü", "aé", "aë"),
    "â": ("aâ", "aà", "aå", "aã", "aá", "aä"),
    "e": ("e", "eø", "eû", "eõ", "eù", "eï"),
    "ê": ("eâ", "eà", "eå", "eã", "eá", "eä"),
    "i": ("i", "ì", "æ", "ó", "í", "ò"),
    "o": ("o", "oø", "oû", "oõ", "où", "oï"),
    "ô": ("oâ", "oà", "oå", "oã", "oá", "oä"),
    "ơ": ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    "u": ("u", "uø", "uû", "uõ", "uù", "uï"),
    "ư": ("ö", "öø", "öû", "öõ", "öù", "öï"),
    "y": ("y", "yø", "yû", "yõ", "yù", "î"),
}
_VNI_OTHERS = {"đ": "ñ"}


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _legacy_to_letter(vowels: Mapping[str, Sequence[str]], others: dict[str, str], capitals: bool) -> dict[str, str]:
    """A legacy-sequence → Unicode-letter table from one of the tables above (plain ASCII vowels left out)."""
    table = {}
    for vowel, codes in vowels.items():
        for tone, code in zip(_TONES, codes, strict=True):
            letter = _nfc(vowel + tone)
            if not code.isascii():
                table[code] = letter
                if capitals:
                    table[code.upper()] = letter.upper()
    for letter, code in others.items():
        table[code] = letter
        if capitals:
            table[code.upper()] = letter.upper()
    return table


_TCVN3_TABLE = _legacy_to_letter(_TCVN3_VOWELS, _TCVN3_OTHERS, capitals=False)
_FROM_TCVN3 = str.maketrans(_TCVN3_TABLE)
_TCVN3_CHARACTER = re.compile(f"[{''.join(map(re.escape, _TCVN3_TABLE))}]")
_FROM_VNI = _legacy_to_letter(_VNI_VOWELS, _VNI_OTHERS, capitals=True)
# Longest first, so that "ôù" (ớ) wins over "ô" (ơ) followed by a stray "ù".
_VNI_SEQUENCE = re.compile("|".join(re.escape(code) for code in sorted(_FROM_VNI, key=len, reverse=True)))


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC, ".VnTime" fonts) text to Unicode NFC: "QuyÕt ®Þnh" -> "Quyết định".

    `text` holds the legacy font's code points as Latin-1 characters (the file's bytes read as
    Windows-1252 or Latin-1). Toned capitals typed in ".VnTimeH" come out lowercase: TCVN3 stores
    them with the lowercase bytes. Characters outside the table pass through unchanged.
    """
    return _nfc(text.translate(_FROM_TCVN3))


def vni_to_unicode(text: str) -> str:
    """Convert VNI ("VNI-Times" fonts) text to Unicode NFC: "Quyeát ñònh" -> "Quyết định".

    `text` holds the legacy font's code points as Latin-1 characters; each base letter + mark
    sequence becomes one letter. Characters outside the table pass through unchanged.
    """
    return _nfc(_VNI_SEQUENCE.sub(lambda match: _FROM_VNI[match.group()], text))


_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}
# What each encoding writes letters with: a word holding any other non-ASCII character ("à" for
# TCVN3, an "é" after a consonant for VNI, where "é" only ever follows "a") was not typed in it.
_LEGACY_CHARACTERS = {"tcvn3": _TCVN3_CHARACTER, "vni": _VNI_SEQUENCE}

# Detection works on words made of letters and the Latin-1 characters legacy fonts use for letters
# ("®", "µ", "¸" and "×" among them); digits, ASCII punctuation and Windows-1252's quotes split words.
_WORD = re.compile("[A-Za-z\u00a1-\u024f\u0300-\u036f\u1ea0-\u1ef9]+")
# Letters only Unicode Vietnamese has (or a tone written as a combining mark): text holding them has
# already been converted, and running a legacy table over it would damage it.
_UNICODE_VIETNAMESE = re.compile("[ăĂơƠưƯđĐĩĨũŨ\u0300\u0301\u0303\u0309\u0323\u1ea0-\u1ef9]")

# The shape of a Vietnamese syllable, tone removed: initial consonant, vowel nucleus, final consonant.
# Nuclei ending in a glide (ai, ao, ây …) take no final; ă, â, iê, uô, ươ … need one.
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_OPEN_NUCLEI = (
    "iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uya|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oa|oe|oi|ôi|ơi|ua|uê|ui|uơ|uy|ưa|ưi|ưu|[aeêioôơuưy]"
)
_CLOSED_NUCLEI = "uyê|iê|yê|uô|ươ|oa|oă|oe|oo|uâ|uê|uy|[aăâeêioôơuưy]"
_FINALS = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(f"(?:{_INITIALS})?(?:(?:{_CLOSED_NUCLEI})(?:{_FINALS})|(?:{_OPEN_NUCLEI}))")


def _has_vowel(word: str) -> bool:
    """Whether `word` holds a vowel, whatever its marks ("Q§" → "QĐ" has none)."""
    return any(char in "aeiouy" for char in unicodedata.normalize("NFD", word.lower()))


def _is_syllable(word: str) -> bool:
    """Whether `word` is spelt like a Vietnamese syllable, with at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(tone) for tone in _TONES[1:]) > 1:
        return False
    toneless = _nfc("".join(char for char in decomposed if char not in _TONES[1:]))
    return _SYLLABLE.fullmatch(toneless) is not None


def detect_legacy_encoding(text: str) -> str | None:
    """Guess whether `text` was typed with a legacy Vietnamese font: "tcvn3", "vni" or None.

    Each word holding a non-ASCII character is converted with both tables. A word counts for an
    encoding when it becomes a well-formed Vietnamese syllable (initial consonant, vowel nucleus,
    final consonant, at most one tone) and was not one before, as "Quyeát" → "Quyết" or "®Þnh" →
    "định". It counts against when conversion turns a syllable into something that is not one, or
    leaves it ill-formed ("café" → "cafộ" in TCVN3), or when it holds a character the encoding never
    writes letters with ("né": VNI puts "é" only after "a"); so does every word already holding a letter
    only Unicode Vietnamese has ("ư", "ạ", "ề" …). An encoding is reported when at least two different
    words count for it and they outnumber the words against it three to one.

    Limits: a single legacy word (a one-cell file) is not enough and gives None; proper names and
    abbreviations are judged as syllables, so text made mostly of them may be missed; text mixing
    Unicode and legacy words is judged as a whole, and converting it damages the Unicode words that
    use only Latin-1 letters ("Thông"). English is never flagged (it has no non-ASCII words); French
    or German would need most of their accented words to spell Vietnamese syllables once converted.
    """
    words = Counter(_WORD.findall(text))
    against_all = sum(count for word, count in words.items() if _UNICODE_VIETNAMESE.search(word))
    best, best_gained = None, 0
    for name, convert in _CONVERTERS.items():
        gained_words, gained, against = 0, 0, against_all
        for word, count in words.items():
            if word.isascii() or _UNICODE_VIETNAMESE.search(word):
                continue
            if not _LEGACY_CHARACTERS[name].sub("", word).isascii():
                against += count
                continue
            converted = convert(word)
            if converted == word:
                continue
            was_syllable, is_syllable = _is_syllable(word), _is_syllable(converted)
            if is_syllable and not was_syllable:
                gained_words += 1
                gained += count
            elif not is_syllable and (was_syllable or _has_vowel(converted)):
                # Abbreviations without a vowel ("Q§" for "QĐ") are neither evidence for nor against.
                against += count
        if gained_words >= 2 and gained >= 3 * against and gained > best_gained:
            best, best_gained = name, gained
    return best


# Windows-1252 leaves five bytes undefined; reading the rest through Latin-1 never fails.
_CP1252_C1 = {byte: bytes([byte]).decode("cp1252", errors="ignore") for byte in range(0x80, 0xA0)}
_FROM_C1 = str.maketrans({chr(byte): char for byte, char in _CP1252_C1.items() if char})

_ENCODINGS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "cp1258": "cp1258",
    "windows-1258": "cp1258",
    "tcvn3": "tcvn3",
    "vni": "vni",
}
_BOM = b"\xef\xbb\xbf"


def _read_8bit(data: bytes) -> str:
    """`data` as Windows-1252 characters, falling back to Latin-1 for the bytes 1252 leaves undefined."""
    return data.decode("latin-1").translate(_FROM_C1)


def _read_legacy(data: bytes) -> str:
    """The legacy font's characters in `data`, whether saved as UTF-8 or as 8-bit (cp1252/Latin-1).

    Legacy text saved as 8-bit is practically never valid UTF-8 (a toned vowel would have to be
    followed by "µ", "¶" … in the same word), so valid UTF-8 means the file was re-saved as UTF-8.
    """
    try:
        return data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError:
        return _read_8bit(data)


def decode_vietnamese_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode an imported file's bytes to Unicode NFC text; return (text, encoding_used).

    `encoding` is what the caller knows of the file: "utf-8" (a BOM is dropped), "utf-8-sig",
    "cp1258" (or "windows-1258"), "tcvn3" or "vni" (the legacy font's characters, read from UTF-8
    when the bytes are valid UTF-8 and from Windows-1252/Latin-1 otherwise). A declared encoding is
    trusted: UTF-8 is not searched for legacy text. When it is None the bytes are read as UTF-8 if
    they are valid UTF-8 (BOM or not), else as Windows-1258, except that text detected by
    `detect_legacy_encoding` as TCVN3 or VNI (in either form) is converted from that.

    `encoding_used` is one of "utf-8", "utf-8-sig", "cp1258", "tcvn3", "vni". Raises ValueError for
    an unknown declared encoding, and UnicodeDecodeError (a ValueError) when the bytes do not decode
    as the declared UTF-8 or Windows-1258.
    """
    if encoding is not None:
        declared = _ENCODINGS.get(encoding.strip().lower().replace("_", "-"))
        if declared is None:
            raise ValueError(
                f"Unknown encoding {encoding!r} for Vietnamese text; expected one of: {', '.join(_ENCODINGS)}."
            )
        if declared in _CONVERTERS:
            return _CONVERTERS[declared](_read_legacy(data)), declared
        if declared.startswith("utf-8"):
            declared = "utf-8-sig" if data.startswith(_BOM) else "utf-8"
            return _nfc(data.decode("utf-8-sig")), declared
        return _nfc(data.decode("cp1258")), declared

    has_bom = data.startswith(_BOM)
    try:
        text = data.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        legacy = detect_legacy_encoding(text)
        if legacy is not None:
            return _CONVERTERS[legacy](text), legacy
        return _nfc(text), "utf-8-sig" if has_bom else "utf-8"

    data = data.removeprefix(_BOM)
    legacy = detect_legacy_encoding(_read_8bit(data))
    if legacy is not None:
        return _CONVERTERS[legacy](_read_8bit(data)), legacy
    # Windows-1258 leaves a few bytes undefined; a replacement character shows the damage instead of hiding it.
    return _nfc(data.decode("cp1258", errors="replace")), "cp1258"
