"""The demo's three sites (the portal, the regulation's example agency, one commune) in Vietnamese and English: the
shapes of their content, read from demo/data/sites.yaml.

Every fact comes from /work/shared/QUANG-NGAI-FACTS.md (the 2025 reorganisation, leaders as of January 2026, real
documents). That file has no phone numbers, street addresses, licences, personal e-mail addresses or commune
officials, so those values in the data are illustrative and say so. Phone and fax numbers use the real area code
0255 with a subscriber part starting with 0, which no Vietnamese line can have, so nobody's real number is published.
"""

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .loader import build_all, read

# settings.TIME_ZONE; article dates are the province's local time.
PROVINCE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class English:
    """The English version of a page: its slug and the fields whose text differs from the Vietnamese."""

    slug: str
    fields: dict


@dataclass(frozen=True)
class Entry:
    """A page to create under a section: an introduction page (StandardPage) or an article (NewsPage)."""

    title: str
    fields: dict
    english: English | None = None


@dataclass(frozen=True)
class Person:
    """An official's published contact (R4 k), in both languages."""

    name: str
    position: str
    unit: str
    name_en: str
    position_en: str
    unit_en: str
    phone: str = ""
    email: str = ""

    def fields(self, english: bool = False) -> dict:
        """The OfficialContact fields in one language."""
        if english:
            return {"name": self.name_en, "position": self.position_en, "unit": self.unit_en, **self._shared()}
        return {"name": self.name, "position": self.position, "unit": self.unit, **self._shared()}

    def _shared(self) -> dict:
        return {"phone": self.phone, "fax": "", "email": self.email}


@dataclass(frozen=True)
class DemoUser:
    """A demo account in one of its site's groups: "editors", "moderators" or "officers" (the one-stop desk that
    handles the dossiers submitted online)."""

    username: str
    first_name: str
    last_name: str
    group: str

    @property
    def email(self) -> str:
        return f"{self.username}@quangngai.gov.vn"


@dataclass(frozen=True)
class DemoSite:
    """Everything seed_demo puts on one site. `section_intros` maps a section's slug to its [Vietnamese, English]
    introductions; `contact_intro` is the contacts page's [Vietnamese, English] introduction."""

    name: str
    kind: str
    name_en: str
    contact_settings: dict
    intro: str
    intro_en: str
    section_intros: dict
    about: list[Entry]
    news: list[Entry]
    contact_intro: tuple[str, str]
    contacts: list[Person]
    users: list[DemoUser] = field(default_factory=list)
    draft: Entry | None = None


_DATA = read("sites")
ADMIN_PASSWORD = _DATA["passwords"]["admin"]
DEMO_PASSWORD = _DATA["passwords"]["demo"]
SITES: list[DemoSite] = build_all(DemoSite, _DATA["sites"])
PORTAL, STTTT, TUNGHIA = SITES
