"""The pages for following (under each site's FollowPage) and the one-click unsubscribe address of the e-mails."""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from groundwork.abuse import rate_limited

from . import subscribing
from .forms import ChoicesForm, FollowForm

# Requests from one address (IP) an hour, and confirmation e-mails to one mailbox a day.
SUBSCRIBE_LIMIT = (10, 3600)
MAILBOX_LIMIT = (3, 24 * 3600)


def _private(response):
    """Pages opened by a token: never cached, and never telling another site their address. ("same-origin", not
    "no-referrer": with no referrer at all the browser sends `Origin: null` with the page's own forms, which
    Django's CSRF check refuses.)"""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    return response


def subscribe(request, page):
    """The form: the site's own agency preselected. A valid form is kept and the confirmation e-mail queued; the
    visitor is sent to the same "check your mailbox" page whether the address was known or not."""
    request.sensitive_post_parameters = "__ALL__"
    agency = getattr(Site.find_for_request(request), "agency", None)
    if agency is None:
        raise Http404
    form = FollowForm(request.POST or None, initial={"agencies": [str(agency.pk)]})
    if request.method == "POST" and form.is_valid():
        if rate_limited(request, "follow", *SUBSCRIBE_LIMIT):
            form.add_error(None, _("Bạn đã gửi nhiều yêu cầu trong thời gian ngắn; hãy thử lại sau."))
        else:
            # Too many e-mails asked for one mailbox: nothing is sent, and nothing says so.
            if not rate_limited(request, "follow-mailbox", *MAILBOX_LIMIT, key=form.cleaned_data["email"]):
                subscribing.request_subscription(form.cleaned_data, page.routes_language(), agency)
            return redirect(page.get_url(request) + page.reverse_subpage("sent"))
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.template, context, status=400 if form.errors else 200)


def sent(request, page):
    """The same answer for every address: look for the confirmation e-mail."""
    return TemplateResponse(request, "following/follow_sent.html", page.get_context(request))


def confirm(request, page, token):
    """A button that confirms (mail scanners open GET links: only a POST confirms); then the management link."""
    context = page.get_context(request)
    if request.method == "POST":
        subscription = subscribing.confirm(token)
        if subscription is not None:
            context["manage_url"] = subscribing.manage_link(subscription)
            return _private(TemplateResponse(request, "following/follow_confirmed.html", context))
    elif subscribing.pending_request(token) is not None:
        return _private(TemplateResponse(request, "following/follow_confirm.html", context))
    return _private(TemplateResponse(request, "following/follow_link_invalid.html", context, status=404))


def manage(request, page, token):
    """The subscription's choices to change, and its deletion (the address with it)."""
    context = page.get_context(request)
    subscription = subscribing.subscription_for(token)
    if subscription is None:
        return _private(TemplateResponse(request, "following/follow_link_invalid.html", context, status=404))
    if request.method == "POST" and request.POST.get("action") == "delete":
        subscribing.unsubscribe(token)
        return _private(TemplateResponse(request, "following/follow_deleted.html", context))
    initial = {
        "agencies": [str(pk) for pk in subscription.agencies.values_list("pk", flat=True)],
        "topics": subscription.topics,
        "frequency": subscription.frequency,
    }
    form = ChoicesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        subscribing.update(subscription, form.cleaned_data)
        context["saved"] = True
    context.update(form=form, subscription=subscription)
    return _private(
        TemplateResponse(request, "following/follow_manage.html", context, status=400 if form.errors else 200)
    )


@csrf_exempt  # mail clients POST here without a session (RFC 8058); the unguessable token is the authority
def one_click_unsubscribe(request, token):
    """The List-Unsubscribe address. POST (a mail client's "Unsubscribe" button, or the visitor): delete at once.
    GET (a person following the link): the management page, where deleting takes a click."""
    if request.method == "GET":
        subscription = subscribing.subscription_for(token)
        if subscription is not None:
            return _private(redirect(subscribing.manage_link(subscription)))
        pending = subscribing.pending_request(token)
        if pending is not None:
            page = subscribing.follow_page(pending.origin, pending.language)
            return _private(redirect(subscribing.page_link(page, "confirm", token)))
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    # The same answer for a token already used (a client that posts twice) as for the first time.
    language = subscribing.unsubscribe(token) or translation.get_language()
    with translation.override(language):
        response = TemplateResponse(request, "following/unsubscribed.html", {"language": language})
        response.render()
    return _private(response)
