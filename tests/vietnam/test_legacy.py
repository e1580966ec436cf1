"""Legacy Vietnamese encodings (R11): TCVN3 and VNI text, Windows-1258 and UTF-8 files decoded to NFC.

The encoders below are written independently of `vietnam.legacy`'s tables (TCVN3 from the standard's
code chart in byte order, VNI from its composition rules), so the round trips check one against the
other rather than a table against itself.
"""

import unicodedata

import pytest

from vietnam.legacy import decode_vietnamese_bytes, detect_legacy_encoding, tcvn3_to_unicode, vni_to_unicode

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = ("", GRAVE, HOOK, TILDE, ACUTE, DOT)
VOWELS = "aăâeêioôơuưy"

LOWER = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES] + ["đ"]
# The 134 letters Vietnamese adds to ASCII: 12 vowels × 6 tones + đ, in both cases, minus a e i o u y.
LETTERS = [letter for lower in LOWER for letter in (lower, lower.upper()) if not letter.isascii()]
# TCVN 5712:1993 VN3: byte → letter, in the order of the standard's code chart.
TCVN3_CHART = {
    **dict(zip(range(0xA1, 0xAF), "ĂÂÊÔƠƯĐăâêôơưđ", strict=True)),
    **dict(zip(range(0xB5, 0xBA), "àảãáạ", strict=True)),
    **dict(zip(range(0xBB, 0xBF), "ằẳẵắ", strict=True)),
    **dict(zip(range(0xC6, 0xCD), "ặầẩẫấậè", strict=True)),
    **dict(zip(range(0xCE, 0xD9), "ẻẽéẹềểễếệìỉ", strict=True)),
    **dict(zip(range(0xDC, 0xE0), "ĩíịò", strict=True)),
    **dict(zip(range(0xE1, 0xF0), "ỏõóọồổỗốộờởỡớợù", strict=True)),
    **dict(zip(range(0xF1, 0xFF), "ủũúụừửữứựỳỷỹýỵ", strict=True)),
}
TCVN3_BYTE = {letter: byte for byte, letter in TCVN3_CHART.items()}
# VNI marks after a base vowel, by tone: plain vowels (and ơ, ư), then circumflex, then breve.
VNI_TONE = dict(zip(TONES, ("", "ø", "û", "õ", "ù", "ï"), strict=True))
VNI_CIRCUMFLEX = dict(zip(TONES, ("â", "à", "å", "ã", "á", "ä"), strict=True))
VNI_BREVE = dict(zip(TONES, ("ê", "è", "ú", "ü", "é", "ë"), strict=True))
VNI_I = dict(zip(TONES, ("i", "ì", "æ", "ó", "í", "ò"), strict=True))

DECISION = "Quyết định số 16/2017/QĐ-UBND ngày 19/4/2017 của Ủy ban nhân dân tỉnh Quảng Ngãi"
PHRASES = [
    DECISION,
    "Sở Thông tin và Truyền thông",
    "Về việc ban hành Quy chế hoạt động của Cổng thông tin điện tử",
]


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes as a ".VnTime" user saved them; toned capitals take their lowercase byte, as in ".VnTimeH"."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char.isascii():
            out += char.encode()
        else:
            out.append(TCVN3_BYTE.get(char) or TCVN3_BYTE[char.lower()])
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """VNI bytes: base letter + mark, capitals with capital marks."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        if lower == "đ":
            code = "ñ"
        else:
            decomposed = unicodedata.normalize("NFD", lower)
            base, marks = decomposed[0], decomposed[1:]
            tone = next((mark for mark in marks if mark in TONES[1:]), "")
            if base not in "aeiouy" or marks.replace(tone, "") not in ("", "\u0302", "\u0306", "\u031b"):
                code = lower
            elif "\u0302" in marks:
                code = base + VNI_CIRCUMFLEX[tone]
            elif "\u0306" in marks:
                code = base + VNI_BREVE[tone]
            elif "\u031b" in marks:
                code = {"o": "ô", "u": "ö"}[base] + VNI_TONE[tone]
            elif base == "i":
                code = VNI_I[tone]
            elif lower == "ỵ":
                code = "î"
            else:
                code = base + VNI_TONE[tone]
        out.append(code.upper() if char != lower else code)
    return "".join(out).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: letters with circumflex, breve or horn precomposed, tones as combining marks.

    Python's cp1258 codec maps characters one to one and has no combining circumflex, so plain NFD
    ("ế" = e + U+0302 + U+0301) cannot be encoded; this is the form Windows itself produces.
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in decomposed if mark in TONES[1:])
        out.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones)) + tones)
    return "".join(out).encode("cp1258")


def test_there_are_134_vietnamese_letters():
    assert len(LETTERS) == len(set(LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", letter) for letter in LETTERS)


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trips_every_letter(letter):
    assert vni_to_unicode(encode_vni(letter).decode("cp1252")) == letter
    word = f"x{letter}n"
    assert vni_to_unicode(encode_vni(word).decode("cp1252")) == word


@pytest.mark.parametrize("letter", [letter for letter in LETTERS if letter in TCVN3_BYTE])
def test_tcvn3_round_trips_every_letter_it_has(letter):
    assert tcvn3_to_unicode(encode_tcvn3(letter).decode("cp1252")) == letter


def test_tcvn3_has_every_lowercase_letter_and_the_untoned_capitals():
    assert len(TCVN3_BYTE) == 74
    assert set(TCVN3_BYTE) == {letter for letter in LETTERS if letter.islower()} | set("ĂÂÊÔƠƯĐ")


@pytest.mark.parametrize("letter", [letter for letter in LETTERS if letter not in TCVN3_BYTE])
def test_tcvn3_toned_capitals_come_back_lowercase(letter):
    # ".VnTimeH" drew them from the lowercase bytes; once the font is gone, so is the case.
    assert tcvn3_to_unicode(encode_tcvn3(letter).decode("cp1252")) == letter.lower()


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Trêng ®¹i häc", "Trờng đại học"),  # "ư" (a soft hyphen) lost by an old export stays lost.
    ],
)
def test_tcvn3_text_seen_in_the_wild(legacy, unicode):
    assert tcvn3_to_unicode(legacy) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("Tröôøng Ñaïi hoïc", "Trường Đại học"),
    ],
)
def test_vni_text_seen_in_the_wild(legacy, unicode):
    assert vni_to_unicode(legacy) == unicode


def test_text_outside_the_tables_passes_through():
    assert tcvn3_to_unicode("Số 16/2017 – “QĐ”") == "Số 16/2017 – “QĐ”"
    assert vni_to_unicode("UBND 2017 (m²)") == "UBND 2017 (m²)"


@pytest.mark.parametrize("phrase", PHRASES)
def test_tcvn3_files_are_detected_and_converted(phrase):
    expected = phrase.replace("Ủy", "ủy")  # TCVN3 has no "Ủ" (see above).
    assert decode_vietnamese_bytes(encode_tcvn3(phrase)) == (expected, "tcvn3")


@pytest.mark.parametrize("phrase", PHRASES)
def test_vni_files_are_detected_and_converted(phrase):
    assert decode_vietnamese_bytes(encode_vni(phrase)) == (phrase, "vni")


@pytest.mark.parametrize("phrase", PHRASES)
def test_legacy_text_re_saved_as_utf8_is_converted(phrase):
    vni_characters = encode_vni(phrase).decode("cp1252")
    assert decode_vietnamese_bytes(vni_characters.encode()) == (phrase, "vni")
    tcvn3_characters = encode_tcvn3(phrase).decode("cp1252")
    assert decode_vietnamese_bytes(b"\xef\xbb\xbf" + tcvn3_characters.encode())[1] == "tcvn3"


@pytest.mark.parametrize("phrase", PHRASES)
def test_utf8_files_with_and_without_bom(phrase):
    assert decode_vietnamese_bytes(phrase.encode()) == (phrase, "utf-8")
    assert decode_vietnamese_bytes(b"\xef\xbb\xbf" + phrase.encode()) == (phrase, "utf-8-sig")
    decomposed = unicodedata.normalize("NFD", phrase).encode()
    assert decode_vietnamese_bytes(decomposed) == (phrase, "utf-8")


@pytest.mark.parametrize("phrase", PHRASES)
def test_windows_1258_files_are_composed_to_nfc(phrase):
    data = encode_cp1258(phrase)
    assert set(data) & {0xCC, 0xD2, 0xDE, 0xEC, 0xF2}  # the tones really are combining marks
    assert decode_vietnamese_bytes(data) == (phrase, "cp1258")
    assert decode_vietnamese_bytes(data, "windows-1258") == (phrase, "cp1258")


def test_declared_encodings_are_trusted():
    phrase = PHRASES[1]
    assert decode_vietnamese_bytes(encode_tcvn3(phrase), "TCVN3") == (phrase, "tcvn3")
    assert decode_vietnamese_bytes(encode_vni(phrase), "vni") == (phrase, "vni")
    assert decode_vietnamese_bytes(encode_vni(phrase).decode("cp1252").encode(), "vni") == (phrase, "vni")
    assert decode_vietnamese_bytes(b"\xef\xbb\xbf" + phrase.encode(), "utf-8") == (phrase, "utf-8-sig")
    assert decode_vietnamese_bytes(phrase.encode(), "utf-8-sig") == (phrase, "utf-8")
    # Declared UTF-8 is read as UTF-8, legacy-looking or not.
    vni_characters = encode_vni(phrase).decode("cp1252")
    assert decode_vietnamese_bytes(vni_characters.encode(), "utf-8") == (vni_characters, "utf-8")


def test_unknown_declared_encoding_is_refused():
    with pytest.raises(ValueError, match="Unknown encoding 'viscii'"):
        decode_vietnamese_bytes(b"abc", "viscii")


def test_bytes_that_are_not_the_declared_encoding_are_refused():
    with pytest.raises(ValueError, match="utf-8"):
        decode_vietnamese_bytes(encode_vni(PHRASES[1]), "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        *PHRASES,
        *(unicodedata.normalize("NFD", phrase) for phrase in PHRASES),
        "Thông tin và các văn bản, tài liệu trên Cổng",
        "The provincial portal publishes legal documents, news and public services.",
        "Où est la gare ? Déjà l'été : le café, la fête de Noël et un garçon très naïf à l'hôtel.",
        "Über die Brücke gehen Mädchen und Jungen; schöne Grüße aus München.",
        "El niño pequeño comió piñas en España; mañana irá allí también.",
        "16/2017/QĐ-UBND – “Quy chế” (m², 25°C)",
        "",
    ],
)
def test_detection_leaves_unicode_english_and_french_alone(text):
    assert detect_legacy_encoding(text) is None


def test_detection_tells_tcvn3_from_vni():
    assert detect_legacy_encoding("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "tcvn3"
    assert detect_legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "vni"
    assert detect_legacy_encoding("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM") == "vni"


def test_detection_needs_more_than_one_word():
    assert detect_legacy_encoding("®Þnh") is None
    assert decode_vietnamese_bytes("®Þnh".encode("cp1252"), "tcvn3") == ("định", "tcvn3")


def test_plain_ascii_is_utf8():
    assert decode_vietnamese_bytes(b"so_ky_hieu,trich_yeu\r\n") == ("so_ky_hieu,trich_yeu\r\n", "utf-8")
