"""Vietnamese personal names: their parts (family name first) and the key a directory sorts them by."""

from vietnam.text import fold_diacritics, nfc, sort_key


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese name written family name first: "Nguyễn Quốc Việt" ->
    ("Nguyễn", "Quốc", "Việt"). A one-word name is the given name alone."""
    parts = nfc(full_name).split()
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def directory_sort_key(full_name: str) -> str:
    """A text key that sorts names as a Vietnamese list of people does: by given name (tên), then by family and
    middle names, each in dictionary order (vietnam.text.sort_key: a < ă < â < b …, đ after d, tones after letters).

    The key is ASCII digits only, so the database orders it the same under any collation (PostgreSQL's or the SQLite
    demo's) and a plain index serves the ordering. Each part is two digits per character (its rank in the alphabet,
    02–30; a space is 01), "00" to end the letters (so "An" comes before "Anh"), then one digit per character for its
    tone (ngang 0, huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5), which decides between names spelt alike ("Anh" < "Ánh").
    """
    family, middle, given = split_name(full_name)
    return _key(given) + _key(" ".join(part for part in (family, middle) if part))


def _key(text: str) -> str:
    text = nfc(text).lower()
    letters, tones = sort_key(text)
    encoded = []
    for char, (rank, letter) in zip(text, letters, strict=True):
        if char.isspace():
            encoded.append("01")
        elif rank < ALPHABET_SIZE:
            encoded.append(f"{rank + 2:02d}")
        else:
            # Outside the Vietnamese alphabet (f, j, w, z, hyphens): after its letters, by the folded code point.
            encoded.append(f"31{ord(fold_diacritics(letter)[:1] or letter) % 100:02d}")
    return "".join(encoded) + "00" + "".join(str(tone) for tone in tones)


ALPHABET_SIZE = 29  # vietnam.text's alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
