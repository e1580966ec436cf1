"""What a visitor calls each kind of result ("Tin tức", "Văn bản"…), used to group and filter the results.

A page model says it with a class attribute `site_search_kind = ("slug", gettext_lazy("Label"))`; the models below,
which live in apps this one does not import, are named here; any other page type is "Chuyên mục" if it is a
section (SectionPage) and otherwise its own verbose_name_plural, so page types added later are grouped without
code. Registered items (`finder.sources`) bring their own kind.
"""

from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from home.models import HomePage, SectionPage
from vietnam.text import slugify

SECTIONS = ("chuyen-muc", _("Chuyên mục"))
PAGE_KINDS = {
    "home.newspage": ("tin-tuc", _("Tin tức")),
    "legal_documents.legaldocumentpage": ("van-ban", _("Văn bản")),
    "services.procedurepage": ("thu-tuc", _("Thủ tục hành chính")),
    "feedback.consultationpage": ("lay-y-kien", _("Lấy ý kiến")),
    "gazette.gazetteissuepage": ("cong-bao", _("Công báo")),
    "home.standardpage": ("trang", _("Trang thông tin")),
    "home.contactpage": ("trang", _("Trang thông tin")),
}
# The order of the groups on the results page; kinds not named here follow, in Vietnamese order of their labels.
ORDER = ["thu-tuc", "van-ban", "tin-tuc", "hoi-dap", "lay-y-kien", "cong-bao", "trang", "chuyen-muc"]


def page_kind(model: type[Page]) -> tuple[str, str]:
    """The kind of a page model: (slug, label)."""
    declared = getattr(model, "site_search_kind", None)
    if declared:
        return declared
    if model._meta.label_lower in PAGE_KINDS:
        return PAGE_KINDS[model._meta.label_lower]
    if issubclass(model, SectionPage | HomePage):
        return SECTIONS
    label = model._meta.verbose_name_plural
    with translation.override("vi"):
        return slugify(str(label))[:40], label


@cache
def all_kinds() -> dict[str, str]:
    """Every kind a result may have, slug to label: the page models' and the registered items'."""
    from .sources import sources

    kinds = {}
    for model in get_page_models():
        slug, label = page_kind(model)
        kinds.setdefault(slug, label)
    for source in sources().values():
        kinds.setdefault(source.kind, source.label)
    return kinds
