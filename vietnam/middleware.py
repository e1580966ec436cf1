"""Normalise every piece of text a request brings to NFC before any view sees it (R11); refuse NUL characters."""

import unicodedata

from django.core.exceptions import BadRequest
from django.http import QueryDict

NUL = "\x00"


def _refuse_nul(text: str) -> None:
    # PostgreSQL cannot store a NUL in text: left in, it fails the first query that carries it, with a 500.
    if NUL in text:
        raise BadRequest("A NUL character in the request")  # never the value: it may be a citizen's data


def _normalized(query: QueryDict) -> QueryDict:
    for key, values in query.lists():
        _refuse_nul(key + "".join(values))
    if all(unicodedata.is_normalized("NFC", key + "".join(values)) for key, values in query.lists()):
        return query
    normalized = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        normalized.setlist(unicodedata.normalize("NFC", key), [unicodedata.normalize("NFC", value) for value in values])
    normalized._mutable = False
    return normalized


class UnicodeNormalizationMiddleware:
    """Rewrite GET and POST data (form fields, search queries, upload names) in NFC form; 400 for a NUL in any.

    Text pasted from Word or typed with some Vietnamese keyboards arrives decomposed (NFD); stored
    as is, it breaks search, sorting and uniqueness. Doing it here covers every form, the Wagtail
    editor included; `vietnam.signals` covers what code saves directly. A NUL character (the path, a
    parameter's name or value, a file's name) has no business in any of them: the request is refused
    (BadRequest, answered by the site's 400 page) before a view can pass it to the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _refuse_nul(request.path_info)
        request.GET = _normalized(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalized(request.POST)
            for field_name, uploads in request.FILES.lists():
                for upload in uploads:
                    _refuse_nul(field_name + upload.name)
                    upload.name = unicodedata.normalize("NFC", upload.name)
        return self.get_response(request)
