"""The site search's results page and the site's Atom feed."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from groundwork.routers import replica_reads
from home.feeds import FEED_SIZE, FeedItem, atom_response
from home.queries import SiteFrame

from .kinds import SECTIONS, all_kinds
from .search import KIND_PARAM, SITE_PARAM, SiteSearch


@replica_reads()
def search(request):
    """The results of ?q= over everything the site publishes (on the portal: every site), in the language being
    served; ?loai= narrows to one kind, ?trang= (portal) to one site, ?page= pages. Read from the read replica when
    there is one (rendered here, inside the block)."""
    frame = SiteFrame(request)
    if frame.site is None:
        raise Http404
    search = SiteSearch.from_request(request, frame.site, frame.agency)
    context = {
        "frame": frame,
        "search": search,
        "query": search.query,
        "results": search.results,
        "kind_param": KIND_PARAM,
        "site_param": SITE_PARAM,
    }
    return render(request, "finder/search.html", context)


def site_feed(request):
    """The site's newest pages and items, whatever their section, in the language being served (Atom)."""
    from .models import SearchEntry

    frame = SiteFrame(request)
    if frame.site is None or frame.root is None:
        raise Http404
    entries = (
        SearchEntry.objects.filter(site=frame.site, locale_id=frame.root.locale_id)
        .exclude(kind=SECTIONS[0])
        .order_by("-date", "-id")
        .only("title", "summary", "url_path", "date", "kind")[:FEED_SIZE]
    )
    labels = all_kinds()
    root_url = frame.site.root_url
    items = [
        FeedItem(
            title=entry.title,
            url=f"{root_url}{entry.url_path}",
            date=entry.date,
            summary=entry.summary,
            categories=[str(labels.get(entry.kind, entry.kind))],
        )
        for entry in entries
    ]
    name = frame.agency.local_name if frame.agency else frame.root.title
    return atom_response(
        request,
        title=name,
        link=frame.root.get_full_url(request),
        subtitle=_("Thông tin mới đăng trên %(site)s") % {"site": name},
        items=items,
    )
