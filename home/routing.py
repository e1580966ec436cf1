"""Routes of routable pages in the page's language: `/thu-tuc-hanh-chinh/tra-cuu-ho-so/` on a Vietnamese page,
`/en/administrative-procedures/track-dossier/` on its English translation.

A route declared with `localized_path("tra-cuu-ho-so/", "track-dossier/", name="track")` answers under both paths on
a `LocalizedRoutesMixin` page; the path of the other language is answered with a permanent redirect (301) to the
page's own (query string kept), so an old link or a link copied from the other language still lands. The one helper
that builds every link is the page's own `reverse_subpage(name)`: it gives the path in the page's language, so the
`routablepageurl` tag, views' redirects and e-mails (which find the page in the recipient's language first) all
agree. Routes whose path is the same in both languages (`""`, `<int:pk>/`, `feed/`) keep Wagtail's `path`.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

# The suffix of the name under which a route's English path is registered ("track" -> "track.en").
ENGLISH_SUFFIX = ".en"


def localized_path(vietnamese: str, english: str, name: str):
    """Decorate a routable page's view with its Vietnamese and English paths (Django `path` syntax), under `name`
    (the English one as `name` + ENGLISH_SUFFIX)."""

    def decorator(view):
        view = path(english, name=name + ENGLISH_SUFFIX)(view)
        return path(vietnamese, name=name)(view)

    return decorator


class LocalizedRoutesMixin(RoutablePageMixin):
    """A routable page whose `localized_path` routes take the page's language (see the module's docstring)."""

    def routes_language(self) -> str:
        """The language of this page's paths: "en" for the English tree, "vi" otherwise."""
        return "en" if self.locale.language_code == "en" else "vi"

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The path of route `name` (a Vietnamese name, as declared) under this page, in the page's language."""
        resolver = self.get_resolver()
        if self.routes_language() == "en" and (name + ENGLISH_SUFFIX) in resolver.reverse_dict:
            name += ENGLISH_SUFFIX
        return resolver.reverse(name, *(args or []), **(kwargs or {}))

    def route(self, request, path_components):
        """Wagtail's routing; a route reached by the other language's path is redirected to this page's path."""
        if self.live:
            subpath = "/" + "".join(f"{component}/" for component in path_components)
            try:
                match = self.resolve_subpage(subpath)
            except Http404:
                match = None
            if match is not None and match.url_name:
                english = match.url_name.endswith(ENGLISH_SUFFIX)
                if english != (self.routes_language() == "en"):
                    name = match.url_name.removesuffix(ENGLISH_SUFFIX)
                    target = self.reverse_subpage(name, args=match.args, kwargs=match.kwargs)
                    if target != subpath.lstrip("/"):
                        return RouteResult(self, args=(self._redirect_to_route, [target], {}))
        return super().route(request, path_components)

    def _redirect_to_route(self, request, target):
        url = self.get_url(request) + target
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)
