"""What of a site goes into its archive, and how the archive names the rows it points at but does not carry.

**In the archive** (the site's own rows, kept with their primary keys):
- its pages in every language: the site's home page and its translations (each locale is a sibling tree at the
  top of Wagtail's page tree, as `create_agency_site` lays them out) with everything below them, each page's row in
  every table of its model's inheritance chain;
- the rows that belong to those pages: every model with a ParentalKey to one of them (inline panels, orderables:
  contacts, files, schedule entries, officials…), and further down (a ParentalKey to such a row);
- every revision of those pages and their log entries (the history R3 and R13 keep);
- the Site, its Agency, its site settings (every BaseSiteSetting, with their own ParentalKey rows: advertisements);
- its collection (and the collections inside it) with the documents and images in them, and their files;
- a few rows that belong to the site without a ParentalKey (OWNED_BY): procedures' and pages' view counts, the
  online service plan, the site's redirects, its pages' change notes; and its pages' withdrawals (Điều 9.2, by
  translation key). Every model of the project that points at a site's rows is classified here: carried, or left
  out with a reason (`unclassified()` lists those that are not; a test keeps it empty).

**Not in the archive:**
- citizens' personal data (PERSONAL): questions and their askers, dossiers and their files, consultation comments,
  subscriptions, satisfaction ratings. A content archive travels between installations and operators; these stay
  in the installation that received them, under its retention rules (services/purge_dossiers).
- accounts, groups, permissions and the workflow: the restoring installation makes them again for the Agency as
  `create_agency_site` would (archiving.restoring), and people get their accounts there. Who wrote a revision or
  owns a page is kept by username: it is linked again where that username exists, left empty where it does not.
- what is derived (DERIVED): Wagtail's reference and search indexes, the site search's entries, the legal
  documents' search entries, image renditions. They are rebuilt after a restore.
- tags (their rows are shared by every site), editorial workflow states (a draft waiting for the BBT stays a
  draft; it is submitted again) and wagtail-localize's own rows (its strings are shared by every site): the
  archive carries each translation of a page as a PO file instead (archiving.exporting), and the restore makes its
  rows again from the page and that file.

**Rows pointed at but not carried** are named by a natural key in the archive's `references.json` (REFERENCES):
content types by app and model, locales by language, users and groups by name, other agencies by code, pages of
other sites by translation key and language. The standard lists (SHARED_LISTS: document types, authorities, legal
fields, news categories, sectors, administrative units) exist in every installation (data migrations) and are
matched by slug or code; a list entry the other installation lacks is created there from the copy the archive
carries. A row the restoring installation lacks and cannot create is refused (content types, locales) or left out
(a user, a page of another site: the link is emptied, or the row that needs it is dropped, and the restore says so).
"""

from collections.abc import Callable, Iterable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Collection, Page, PageLogEntry, Revision

from home.models import Agency
from home.models.records import Withdrawal

# Citizens' personal data: never in a content archive (see the module docstring).
PERSONAL = {
    "services.dossier",
    "services.dossierfile",
    "services.dossierevent",
    "services.dossieraccess",
    "services.dossiercounter",
    "feedback.question",
    "feedback.questionevent",
    "feedback.consultationcomment",
    "following.subscriptionrequest",
    "following.subscription",
    "following.digest",
    "services.dossierrating",
    "feedback.questionrating",
}
# Rows that point at a site's rows but are not its content, and why.
NOT_CARRIED = {
    "feedback.unit": "routes citizens' questions to a group of this installation's accounts; set up again there",
}
# Rebuilt after a restore, never carried.
DERIVED = {
    "legal_documents.searchentry",
    "finder.searchentry",
    "wagtailcore.referenceindex",
    "wagtailsearch.indexentry",
    "wagtailimages.rendition",
}
# Rows that belong to the site through a plain foreign key (field name) rather than a ParentalKey.
OWNED_BY = {
    "services.procedureviewcount": "procedure",
    "services.onlineserviceplan": "agency",
    "wagtailredirects.redirect": "site",
    "reporting.pageviewcount": "site",
    "home.changenote": "page",
}
# The standard lists every installation has, matched by this field; an entry the other installation lacks is made.
SHARED_LISTS = {
    "legal_documents.documenttype": "slug",
    "legal_documents.authority": "slug",
    "legal_documents.legalfield": "slug",
    "home.newscategory": "slug",
    "services.sector": "slug",
    "territory.administrativeunit": "code",
}
# Other rows named by a natural key. Required ones must exist where the archive is restored.
REQUIRED = {"contenttypes.contenttype", "wagtailcore.locale", "auth.permission"}
OPTIONAL = {"auth.user", "auth.group", "wagtailcore.workflow", "home.agency", "wagtailcore.page"}
# Files of other collections (a page showing another site's image): the link is emptied on restore.
UNNAMED = {"wagtailimages.image", "wagtaildocs.document", "wagtailcore.revision"}


def unclassified() -> list[str]:
    """The project's models that point at a site's rows (pages, the Site, the Agency, files) through a plain foreign
    key and that this module does not classify: a new model must be carried (OWNED_BY), or left out with a reason
    (PERSONAL, DERIVED, NOT_CARRIED), or be a shared list. A test keeps this list empty."""
    site_rows = (Page, Agency, apps.get_model("wagtailcore", "Site"), Collection)
    files = (apps.get_model("wagtaildocs", "Document"), apps.get_model("wagtailimages", "Image"))
    known = PERSONAL | DERIVED | set(OWNED_BY) | set(SHARED_LISTS) | set(NOT_CARRIED) | {"home.agency"}
    found = []
    for model in apps.get_models():
        if model._meta.app_config.name.startswith(("wagtail", "django", "modelcluster", "taggit")):
            continue
        if issubclass(model, Page | BaseSiteSetting) or label(model) in known:
            continue
        fields = model._meta.concrete_fields
        if any(isinstance(field, ParentalKey) for field in fields):
            continue  # carried with the row it belongs to
        if any(field.is_relation and issubclass(field.related_model, site_rows + files) for field in fields):
            found.append(label(model))
    return sorted(found)


def base(model: type[models.Model]) -> type[models.Model]:
    """The root of `model`'s multi-table inheritance (Page for every page type): the table its keys live in."""
    parents = model._meta.get_parent_list()
    return parents[-1] if parents else model._meta.concrete_model


def label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def collect(agency: Agency) -> list[tuple[type[models.Model], models.QuerySet]]:
    """The site's own rows, as (model, queryset) in the order they are loaded back (parents before children)."""
    site = agency.site
    roots = list(Page.objects.filter(translation_key=site.root_page.translation_key))
    pages = Page.objects.filter(Q_any(Q(path__startswith=root.path) for root in roots)).order_by("path")
    page_ids = list(pages.values_list("pk", flat=True))
    collections = Collection.objects.filter(path__startswith=agency.collection.path).order_by("path")

    rows: list[tuple[type[models.Model], models.QuerySet]] = [(Collection, collections), (Page, pages)]
    for model in page_models(pages):
        rows.append((model, model._base_manager.filter(pk__in=page_ids).order_by("pk")))
    rows.append((type(site), type(site).objects.filter(pk=site.pk)))
    settings_models = [
        model for model in apps.get_models() if issubclass(model, BaseSiteSetting) and not model._meta.abstract
    ]
    rows += [(model, model.objects.filter(site=site)) for model in settings_models]
    for model in (apps.get_model("wagtaildocs", "Document"), apps.get_model("wagtailimages", "Image")):
        rows.append((model, model.objects.filter(collection__in=collections).order_by("pk")))

    owners = {Page: page_ids}
    for model in settings_models:
        owners[model] = list(model.objects.filter(site=site).values_list("pk", flat=True))
    rows += child_rows(owners)
    for name, field in OWNED_BY.items():
        model = apps.get_model(name)
        target = base(model._meta.get_field(field).related_model)
        keys = {Page: page_ids, Agency: [agency.pk], type(site): [site.pk]}.get(target, [])
        rows.append((model, model.objects.filter(**{f"{field}__in": keys}).order_by("pk")))
    # Withdrawals name their pages by translation key (every language at once), not by a foreign key.
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    rows.append((Withdrawal, Withdrawal.objects.filter(translation_key__in=keys).order_by("pk")))
    page_type = ContentType.objects.get_for_model(Page)
    rows.append(
        (
            Revision,
            Revision.objects.filter(base_content_type=page_type, object_id__in=[str(pk) for pk in page_ids]).order_by(
                "pk"
            ),
        )
    )
    rows.append((PageLogEntry, PageLogEntry.objects.filter(page_id__in=page_ids).order_by("pk")))
    # The agency last: restoring gives it groups and a workflow made there (archiving.restoring).
    rows.append((Agency, Agency.objects.filter(pk=agency.pk)))
    return rows


def Q_any(conditions: Iterable[Q]) -> Q:  # noqa: N802 (reads as the Q it makes)
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def page_models(pages: models.QuerySet) -> list[type[models.Model]]:
    """Every table below Page that the pages' types are made of, parents first, each once."""
    found: list[type[models.Model]] = []
    for type_id in pages.order_by().values_list("content_type", flat=True).distinct():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for step in [*reversed(model._meta.get_parent_list()), model]:
            if step is not Page and step not in found and not step._meta.proxy:
                found.append(step)
    return found


def child_rows(owners: dict[type[models.Model], list]) -> list[tuple[type[models.Model], models.QuerySet]]:
    """The rows held by a ParentalKey to one of `owners` (model: keys), and the rows those hold, and so on."""
    rows = []
    pending = dict(owners)
    seen = set()
    while pending:
        owner, keys = pending.popitem()
        for model in apps.get_models():
            if label(model) in PERSONAL | DERIVED or model in seen:
                continue
            for field in model._meta.concrete_fields:
                if isinstance(field, ParentalKey) and base(field.related_model) is base(owner):
                    queryset = model._base_manager.filter(**{f"{field.name}__in": keys}).order_by("pk")
                    rows.append((model, queryset))
                    seen.add(model)
                    pending[model] = list(queryset.values_list("pk", flat=True))
                    break
    return rows


def walk(model: type[models.Model], data: dict, visit: Callable) -> bool:
    """Call `visit(field, target_model, key)` for every key `data` (a serialized row's fields, or a revision's
    content, with its child rows inside) holds to another row; it returns the key to keep, or DROP to leave the
    link out. Rewrites `data` in place; returns False if a required link was dropped (the row cannot stand)."""
    whole = True
    for name, value in list(data.items()):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation or value is None:
            continue
        if not field.concrete and field.one_to_many and isinstance(value, list):
            # A revision's content carries its child rows; a child that cannot stand is left out of it.
            data[name] = [child for child in value if walk(field.related_model, child, visit)]
        elif field.concrete and field.many_to_many and isinstance(value, list):
            kept = [visit(field, field.related_model, key) for key in value]
            data[name] = [key for key in kept if key is not DROP]
        elif field.concrete and (field.many_to_one or field.one_to_one) and not isinstance(value, list | dict):
            key = visit(field, field.related_model, value)
            if key is DROP:
                data[name] = None
                whole = whole and field.null
            else:
                data[name] = key
    return whole


DROP = object()
