"""Wagtail and wagtail-localize admin views, scoped to the user's own site (see home.admin_scope)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views import chooser
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .admin_scope import documents_visible_to, images_visible_to, pages_visible_to, translatable_locales


class ScopedSubmitPageTranslationView(SubmitPageTranslationView):
    """ "Translate": only into locales where the user may write the translation (their own site's other tree).

    With "include subtree" the subpages' translations go under the new translation, in the same site's tree
    that the page's own check covered.
    """

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"]).specific
        self.allowed_locales = translatable_locales(request.user, page)
        if not self.allowed_locales.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=self.allowed_locales)
        return form


class ScopedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages": only for users who may edit the page and each of its translations, and publish
    them all when asked to publish at once. Snippets are shared by every site and keep wagtail-localize's check."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            targets = Page.objects.filter(
                translation_key=instance.translation_key,
                locale__in=source.translations.filter(enabled=True).values("target_locale"),
            ).specific()
            publishing = request.method == "POST" and request.POST.get("publish_translations")
            if not instance.permissions_for_user(request.user).can_edit() or not all(
                tester.can_edit() and (tester.can_publish() or not publishing)
                for tester in (page.permissions_for_user(request.user) for page in targets)
            ):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedBrowseView(chooser.BrowseView):
    """The page chooser's tree, without the pages `pages_visible_to` leaves out (their children are filtered by
    the `construct_page_chooser_queryset` hook)."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not pages_visible_to(request.user).filter(pk=parent_page_id).exists():
            raise Http404
        return super().get(request, parent_page_id)


class ScopedChosenMultipleView(chooser.ChosenMultipleView):
    """The chooser's answer for several chosen pages: only pages the user may see, so no title leaks by id."""

    def get(self, request):
        visible = pages_visible_to(request.user).filter(pk__in=request.GET.getlist("id"))
        # Wagtail's view builds the answer from the ids in the query: hand it only the visible ones.
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        return super().get(request)


class ScopedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages. Wagtail already limits them to the user's explorable pages; its
    `copy_for_translation` action, which the admin's screens never call, would create a translation without the
    target tree's add permission, so it is left out: translations go through the scoped "Translate" view."""

    actions = {name: action for name, action in PagesAdminAPIViewSet.actions.items() if name != "copy_for_translation"}


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those in collections where the user may choose or change them."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=documents_visible_to(self.request.user).values("pk"))


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those in collections where the user may choose or change them."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=images_visible_to(self.request.user).values("pk"))
