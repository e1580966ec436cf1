"""Normalise every piece of text a request brings to NFC before any view sees it (R11)."""

import unicodedata

from django.http import QueryDict


def _normalized(query: QueryDict) -> QueryDict:
    if all(unicodedata.is_normalized("NFC", key + "".join(values)) for key, values in query.lists()):
        return query
    normalized = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        normalized.setlist(unicodedata.normalize("NFC", key), [unicodedata.normalize("NFC", value) for value in values])
    normalized._mutable = False
    return normalized


class UnicodeNormalizationMiddleware:
    """Rewrite GET and POST data (form fields, search queries, upload names) in NFC form.

    Text pasted from Word or typed with some Vietnamese keyboards arrives decomposed (NFD); stored
    as is, it breaks search, sorting and uniqueness. Doing it here covers every form, the Wagtail
    editor included; `vietnam.signals` covers what code saves directly.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _normalized(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalized(request.POST)
            for upload in request.FILES.values():
                upload.name = unicodedata.normalize("NFC", upload.name)
        return self.get_response(request)
