"""Open data (R5): the document search as an Atom feed and as JSON, from the same query as the search page."""

from django.db.models import prefetch_related_objects
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from home.feeds import FeedItem, atom_response

from .search import DocumentSearch

FEED_SIZE = 30


def document_feed(request, section) -> HttpResponse:
    """The newest documents of this search (any ?q=… and filters apply) as an Atom feed."""
    search = DocumentSearch.from_request(request, section=section)
    search.sort = "moi-nhat"
    search.page_number = None
    site = section.get_parent().title
    items = [
        FeedItem(
            title=f"{document.document_type.local_name} {document.number}",
            url=document.get_full_url(request),
            date=document.first_published_at,
            updated=document.last_published_at,
            summary=document.summary,
            author=document.authority.local_name,
            categories=[document.document_type.local_name],
        )
        for document in search.results.object_list[:FEED_SIZE]
    ]
    return atom_response(
        request,
        title=_("Văn bản mới – %(site)s") % {"site": site},
        link=section.get_full_url(request),
        subtitle=_("Văn bản mới đăng trên %(site)s") % {"site": site},
        items=items,
    )


def document_api(request, section) -> JsonResponse:
    """The search as JSON: the same parameters as the search page, one page of results, and the facets."""
    search = DocumentSearch.from_request(request, section=section)
    page = search.results
    documents = page.object_list
    prefetch_related_objects(documents, "legal_fields", "files__document")
    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [serialize(document, request) for document in documents],
            "facets": search.facets,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def serialize(document, request) -> dict:
    """One document's public metadata."""
    return {
        "number": document.number,
        "type": document.document_type.name,
        "authority": document.authority.name,
        "signer": document.signer,
        "issued_on": document.issued_on.isoformat(),
        "effective_from": document.effective_from.isoformat() if document.effective_from else None,
        "expires_on": document.expires_on.isoformat() if document.expires_on else None,
        "validity": document.validity,
        "fields": [legal_field.name for legal_field in document.legal_fields.all()],
        "summary": document.summary,
        "url": document.get_full_url(request),
        "files": [
            {"title": file.title or file.document.title, "url": request.build_absolute_uri(file.document.url)}
            for file in document.files.all()
        ],
    }
