"""vCards (RFC 6350, version 4.0, UTF-8) of a unit and of each of its officials, for address books and phones.

Written by hand rather than with a library: the format is a few lines of escaped text, and the product keeps no
dependency for it (the tests read the cards back with `vobject`, as an address book would).
"""

import re

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

from .models import Official, UnitPage
from .names import split_name

LINE_OCTETS = 75  # RFC 6350 §3.2: lines longer than 75 octets are folded
COUNTRY_CODE = "84"


def escape(value: str) -> str:
    """A text value escaped as RFC 6350 §3.4 asks (backslash, comma, semicolon, new lines)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def compound(*parts: str) -> str:
    """A structured value (N, ADR, ORG): its components escaped and joined by semicolons."""
    return ";".join(escape(part) for part in parts)


def fold(line: str) -> str:
    """`line` folded into lines of at most 75 octets, never inside a UTF-8 character (RFC 6350 §3.2)."""
    pieces, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # a continuation line starts with a space
        if size + octets > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def tel_uri(number: str) -> str | None:
    """A phone number as a `tel:` URI in international form ("0255 0000 101" -> "tel:+842550000101"), or None when
    it is not a plain number (an extension, words)."""
    digits = re.sub(r"[\s.\-()]", "", number)
    if re.fullmatch(r"\+\d{6,15}", digits):
        return f"tel:{digits}"
    if re.fullmatch(r"0\d{6,14}", digits):
        return f"tel:+{COUNTRY_CODE}{digits[1:]}"
    return None


def phone_line(number: str, kind: str) -> str:
    """A TEL property of `kind` ("voice" or "fax") at work."""
    uri = tel_uri(number)
    if uri is None:
        return f"TEL;TYPE=work,{kind};VALUE=text:{escape(number)}"
    return f"TEL;TYPE=work,{kind};VALUE=uri:{uri}"


def organisation_names(unit: UnitPage) -> list[str]:
    """The agency's name and the units from the top down to `unit`, in the page's language (two queries)."""
    site = unit.get_site()
    agency = getattr(site, "agency", None) if site is not None else None
    names = [agency.local_name] if agency is not None else []
    names += [ancestor.title for ancestor in UnitPage.objects.ancestor_of(unit).order_by("path")]
    return [*names, unit.title]


def card(lines: list[str]) -> str:
    """A whole vCard from its property lines, folded, with CRLF line ends."""
    body = ["BEGIN:VCARD", "VERSION:4.0", *lines, "END:VCARD"]
    return "".join(fold(line) + "\r\n" for line in body)


def address_lines(unit: UnitPage) -> list[str]:
    if not unit.address:
        return []
    return [f"ADR;TYPE=work:{compound('', '', unit.address, '', '', '', gettext('Việt Nam'))}"]


def contact_lines(phone: str, fax: str, email: str) -> list[str]:
    lines = []
    if phone:
        lines.append(phone_line(phone, "voice"))
    if fax:
        lines.append(phone_line(fax, "fax"))
    if email:
        lines.append(f"EMAIL;TYPE=work:{escape(email)}")
    return lines


def unit_card(unit: UnitPage, request=None) -> str:
    """The vCard of a unit: KIND:org, its name within its agency, head, address, phone, fax, e-mail and pages."""
    names = organisation_names(unit)
    lines = [
        "KIND:org",
        f"FN:{escape(unit.title)}",
        f"ORG:{compound(*names)}",
        *contact_lines(unit.phone, unit.fax, unit.email),
        *address_lines(unit),
    ]
    if unit.head_name:
        head = f"{unit.head_title} {unit.head_name}".strip()
        lines.append(f"NOTE:{escape(gettext('Người đứng đầu: %s') % head)}")
    lines.append(f"URL:{unit.get_full_url(request)}")
    if unit.site_url and unit.site_url.startswith("http"):
        lines.append(f"URL:{unit.site_url}")
    lines.append(f"UID:urn:uuid:{unit.translation_key}")
    return card(lines)


def official_card(official: Official, unit: UnitPage, request=None) -> str:
    """The vCard of an official: name (family, given, middle), title, unit, work phone, fax, e-mail and the unit's
    address and page."""
    family, middle, given = split_name(official.name)
    lines = [
        "KIND:individual",
        f"FN:{escape(official.name)}",
        f"N:{compound(family, given, middle, '', '')}",
        f"ORG:{compound(*organisation_names(unit))}",
        f"TITLE:{escape(official.title)}",
        *contact_lines(official.phone, official.fax, official.email),
        *address_lines(unit),
        f"URL:{unit.get_full_url(request)}",
        f"UID:urn:uuid:{official.translation_key}",
    ]
    return card(lines)


def vcard_response(text: str, name: str) -> HttpResponse:
    """The card as a download named `<name>.vcf`, in UTF-8."""
    response = HttpResponse(text.encode("utf-8"), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.vcf")
    return response
