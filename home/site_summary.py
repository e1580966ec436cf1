"""The dashboard's page count, scoped to the user's own site(s).

Wagtail counts the pages under the user's "explorable root", the common ancestor of the pages they hold
permissions on. An agency's editors hold them on their Vietnamese and English site roots, two sibling trees whose
common ancestor is the tree root: Wagtail's count was then every page of every site.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import GroupPagePermission, Page

from .models import Agency


class OwnSitesPagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N pages" item, counting only the pages under the user's page permissions (every page for a
    superuser), and naming their agency when they belong to one."""

    def get_context_data(self, parent_context):
        user = self.request.user
        if user.is_superuser:
            return super().get_context_data(parent_context)
        site = get_site_for_user(user)  # the explorer's root, which shows the user their own pages
        paths = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True))
        count = Page.objects.filter(reduce(or_, (Q(path__startswith=path) for path in paths))).count() if paths else 0
        agencies = Agency.objects.filter(Q(editors__user=user) | Q(moderators__user=user)).distinct()
        names = [agency.name for agency in agencies[:2]]
        return {
            "root_page": site["root_page"],
            "total_pages": count,
            "site_name": names[0] if len(names) == 1 else site["site_name"],
        }
