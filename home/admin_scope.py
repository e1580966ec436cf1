"""What each staff user may see and write across sites, outside Wagtail's own per-page checks.

Wagtail scopes the explorer and the editor by page permission, but its page chooser, its admin API and
wagtail-localize's "Translate" and "Sync translated pages" do not: these rules fill that gap (issue 11, points 5, 6).
"""

from django.db.models import F, Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

# Collection permissions that let a user see a file or an image at all.
MEDIA_ACTIONS = ["choose", "change"]


def pages_visible_to(user):
    """The pages the admin may show `user` outside the explorer: every page for superusers; otherwise the pages
    of the sites where they hold a page permission (with their ancestors), and other sites' live pages whose
    admin title is their public title (editors link to them; a pending new title is not public yet)."""
    if user.is_superuser:
        return Page.objects.all()
    own = policy_registry.get_by_type(Page).explorable_instances(user)
    return Page.objects.filter(Q(pk__in=own.values("pk")) | Q(live=True, draft_title=F("title")))


def media_visible_to(user, model):
    """The documents or images (`model`) in collections where `user` may choose or change them."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, MEDIA_ACTIONS)


def documents_visible_to(user):
    """The documents `user` may see in the admin."""
    return media_visible_to(user, get_document_model())


def images_visible_to(user):
    """The images `user` may see in the admin."""
    return media_visible_to(user, get_image_model())


def may_translate_into(user, page: Page, locale: Locale) -> bool:
    """Whether `user` may write `page`'s translation into `locale`: edit that translation where it exists (an
    alias of it becomes a page of its own), otherwise add pages under the parent's translation in `locale`."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.permissions_for_user(user).can_edit()
    target_parent = page.get_parent().get_translation_or_none(locale)
    return target_parent is not None and target_parent.specific.permissions_for_user(user).can_add_subpage()


def translatable_locales(user, page: Page):
    """The locales `user` may submit `page` for translation into; none unless they may edit `page` itself."""
    if not page.permissions_for_user(user).can_edit():
        return Locale.objects.none()
    others = Locale.objects.exclude(pk=page.locale_id)
    return others.filter(pk__in=[locale.pk for locale in others if may_translate_into(user, page, locale)])
