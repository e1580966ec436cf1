"""Admin: the agencies listing, the guards that keep English content behind the BBT (R2, R3), the scoping of
the chooser, the admin API and wagtail-localize's views to the user's own site, malformed editor POSTs answered
400 (issue 11), and the withdrawal of official records (R13): its views, its place in the page's "More" menu and
the editor's action menu, and its log actions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail_localize.views import convert

from groundwork.viewsets import NamedListViewSet

from .admin_scope import pages_visible_to
from .admin_views import (
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
    ScopedPagesAdminAPIViewSet,
    ScopedSubmitPageTranslationView,
    ScopedUpdateTranslationsView,
)
from .editor_input import check_page_form_data
from .models import Agency, NewsCategory, PostingRule
from .site_summary import OwnSitesPagesSummaryItem
from .withdrawal import is_withdrawn, may_withdraw, register_actions
from .withdrawal_views import RestoreView, WithdrawView

# wagtail-localize actions that would put content live in another language without the BBT: restarting a
# synced translation (whose editor publishes directly) and turning a translation back into an alias.
BYPASSING_ACTIONS = ("localize-restart-translation", "localize-convert-to-alias")


class AgencyPermissionPolicy(ModelPermissionPolicy):
    """Sites are created by `create_agency_site` (which also makes their pages, groups and workflow) and
    official information is never deleted (R13): the admin may rename an agency, not add or delete one."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete", "copy") and super().user_has_permission(user, action)


register_permission_policy(Agency, AgencyPermissionPolicy(Agency))


class AgencyViewSet(ModelViewSet):
    """The sites and their owners, for administrators."""

    model = Agency
    icon = "site"
    menu_label = _("Cơ quan, đơn vị")
    add_to_settings_menu = True
    list_display = ["name", "name_en", "kind", "code", "site"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["name", "name_en"]


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    return AgencyViewSet("agencies")


class NewsCategoryViewSet(NamedListViewSet):
    """The news categories every site files its articles under (Điều 8.2.b), for administrators."""

    model = NewsCategory
    icon = "tag"
    menu_label = _("Loại tin")
    add_to_settings_menu = True
    form_fields = ["name", "name_en", "slug", "sort_order"]


@hooks.register("register_admin_viewset")
def register_news_category_viewset():
    return NewsCategoryViewSet("news-categories", url_prefix="loai-tin")


class PostingRulePermissionPolicy(ModelPermissionPolicy):
    """The time limits of R10 are the portal's administrators' (superusers) to change; the categories are fixed
    (each is named by code), so nobody adds or deletes one."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in ("view", "change")

    def users_with_any_permission(self, actions):
        if not {"view", "change"} & set(actions):
            return self.auth_model.objects.none()
        return self.auth_model.objects.filter(is_active=True, is_superuser=True)


register_permission_policy(PostingRule, PostingRulePermissionPolicy(PostingRule))


class PostingRuleViewSet(ModelViewSet):
    """The posting time limits of Điều 9.1, which every deadline of the oversight dashboard counts with."""

    model = PostingRule
    icon = "time"
    menu_label = _("Thời hạn đăng tin")
    add_to_settings_menu = True
    list_display = ["name", "trigger", "limit"]
    form_fields = ["name", "name_en", "trigger", "limit"]
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering="order", **kwargs)


@hooks.register("register_admin_viewset")
def register_posting_rule_viewset():
    return PostingRuleViewSet("posting_rules", url_prefix="bang-thoi-han-dang-tin")


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its item
def count_own_sites_pages(request, summary_items):
    summary_items[:] = [
        OwnSitesPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in summary_items
    ]


@hooks.register("construct_page_action_menu")
def hide_bypassing_translation_actions(menu_items, request, context):
    menu_items[:] = [item for item in menu_items if item.name not in BYPASSING_ACTIONS]


@hooks.register("before_edit_page", order=-100)
def refuse_bypassing_translation_actions(request, page):
    if request.method == "POST" and any(action in request.POST for action in BYPASSING_ACTIONS):
        raise PermissionDenied


@hooks.register("before_create_page")
def refuse_malformed_new_page(request, parent_page, page_class):
    check_page_form_data(request, page_class(owner=request.user, locale=parent_page.locale), parent_page)


@hooks.register("before_edit_page")
def refuse_malformed_page_edit(request, page):
    check_page_form_data(request, page, page.get_parent())


def convert_to_alias_if_publisher(request, page_id):
    """wagtail-localize's "convert to alias" makes the source's content live in this language: BBT only."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls", order=-100)
def register_guarded_localize_urls():
    # Listed before wagtail-localize's own URLs of the same paths, so these answer.
    return [
        path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias_if_publisher),
        path("localize/submit/page/<int:page_id>/", ScopedSubmitPageTranslationView.as_view()),
        path("localize/update/<int:translation_source_id>/", ScopedUpdateTranslationsView.as_view()),
    ]


@hooks.register("construct_page_chooser_queryset")
def hide_other_sites_drafts_from_the_chooser(pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_visible_to(request.user).values("pk"))


@hooks.register("construct_admin_api", order=100)
def scope_the_admin_api(router):
    # After Wagtail's own hooks (order 0), so these replace its endpoints of the same names.
    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


# Withdrawal (R13) ------------------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_withdrawal_urls():
    return [
        path("pages/<int:page_id>/thu-hoi/", WithdrawView.as_view(), name="portal_withdraw_page"),
        path("pages/<int:page_id>/khoi-phuc/", RestoreView.as_view(), name="portal_restore_page"),
    ]


def withdrawal_link(page) -> tuple[str, str]:
    """The label and URL that withdraw `page`, or restore it if it is withdrawn (one query)."""
    if is_withdrawn(page):
        return _("Khôi phục"), reverse("portal_restore_page", args=(page.pk,))
    return _("Thu hồi"), reverse("portal_withdraw_page", args=(page.pk,))


@hooks.register("register_page_header_buttons")
def withdrawal_header_button(page, user, view_name, next_url=None):
    if may_withdraw(page.permissions_for_user(user)):
        label, url = withdrawal_link(page)
        yield PageMenuItem(label, url, icon_name="warning", priority=55, page=page)


@hooks.register("register_page_listing_more_buttons")
def withdrawal_listing_button(page, user, next_url=None):
    # In the explorer's rows the withdraw view itself says whether the page is withdrawn (no query per row).
    if may_withdraw(page.permissions_for_user(user)):
        yield PageMenuItem(_("Thu hồi"), reverse("portal_withdraw_page", args=(page.pk,)), "warning", 55, page=page)


class WithdrawMenuItem(ActionMenuItem):
    """The page editor's action menu item "Thu hồi" (or "Khôi phục"), for who may publish the live page."""

    name = "action-withdraw"
    icon_name = "warning"
    order = 60

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and may_withdraw(self.get_user_page_permissions_tester(context))
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"], context["url"] = withdrawal_link(parent_context["page"])
        return context


@hooks.register("register_page_action_menu_item")
def register_withdraw_menu_item():
    return WithdrawMenuItem()


@hooks.register("register_log_actions")
def register_withdrawal_log_actions(actions):
    register_actions(actions)
