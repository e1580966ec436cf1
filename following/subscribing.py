"""Subscribing, confirming, changing and deleting: each in one transaction, its e-mail queued inside it.

Whether an address is new, pending or already subscribed changes nothing the visitor sees: a confirmation e-mail
goes to the address every time (rate-limited per address), and only its owner, by confirming, creates or changes a
subscription. Logs name no address.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from groundwork.mail import send_mail
from home.models import Agency

from .models import CONFIRMATION_DAYS, FollowPage, Subscription, SubscriptionRequest
from .tokens import key_of, management_token, new_confirmation_token, token_hash

logger = logging.getLogger(__name__)


def follow_page(agency: Agency | None, language: str) -> FollowPage | None:
    """The live page for following on `agency`'s site (else the portal's) in `language` (else in Vietnamese)."""
    candidates = [agency] if agency is not None else []
    candidates += list(Agency.objects.filter(kind=Agency.Kind.PORTAL).select_related("site"))
    for candidate in candidates:
        page = FollowPage.objects.live().child_of(candidate.site.root_page).first()
        if page is None:
            continue
        if page.locale.language_code != language:
            locale = Locale.objects.filter(language_code=language).first()
            translated = page.get_translation_or_none(locale) if locale else None
            if translated is not None and translated.live:
                page = translated.specific
        return page
    return None


def page_link(page: FollowPage, route: str, token: str) -> str:
    """The full URL of one of the page's token routes, in the page's language."""
    return page.get_full_url() + page.reverse_subpage(route, args=[token])


def one_click_link(agency: Agency | None, token: str) -> str:
    """The full URL a mail client POSTs to unsubscribe at once (RFC 8058), on the subscriber's site."""
    site = agency.site if agency is not None else Site.objects.get(is_default_site=True)
    return site.root_url + reverse("following_unsubscribe", args=[token])


def unsubscribe_headers(link: str) -> dict[str, str]:
    """The headers of RFC 2369 and RFC 8058 that make mail clients show an "Unsubscribe" button that works at once."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def request_subscription(data: dict, language: str, origin: Agency) -> None:
    """Keep the choices (replacing any request pending for the address) and queue the confirmation e-mail."""
    token, hashed = new_confirmation_token()
    with transaction.atomic():
        SubscriptionRequest.objects.filter(email=data["email"]).delete()
        pending = SubscriptionRequest.objects.create(
            email=data["email"],
            language=language,
            frequency=data["frequency"],
            topics=data["topics"],
            origin=origin,
            token_hash=hashed,
        )
        pending.agencies.set(data["agencies"])
        page = follow_page(origin, language)
        with translation.override(language):
            agencies = ", ".join(agency.local_name for agency in data["agencies"])
            subject = gettext("Xác nhận nhận tin qua thư điện tử")
        send_mail(
            data["email"],
            subject,
            "following/mail/confirm",
            {
                "confirm_url": page_link(page, "confirm", token),
                "agencies": agencies,
                "days": CONFIRMATION_DAYS,
                "subscribed": Subscription.objects.filter(email=data["email"]).exists(),
            },
            language=language,
            headers=unsubscribe_headers(one_click_link(origin, token)),
        )
    logger.info("Subscription request %s received", pending.pk)


def pending_request(token: str) -> SubscriptionRequest | None:
    """The request a confirmation token belongs to, if it has not expired."""
    pending = SubscriptionRequest.objects.filter(token_hash=token_hash(token)).first()
    return None if pending is None or pending.expired else pending


def confirm(token: str) -> Subscription | None:
    """Turn the request into the address's subscription (made, or changed to these choices); None if the link is
    unknown or expired. The period of the first digest starts now."""
    with transaction.atomic():
        pending = SubscriptionRequest.objects.select_for_update().filter(token_hash=token_hash(token)).first()
        if pending is None or pending.expired:
            return None
        now = timezone.now()
        subscription, created = Subscription.objects.get_or_create(
            email=pending.email,
            defaults={"language": pending.language, "confirmed_at": now, "covered_until": now},
        )
        subscription.language = pending.language
        subscription.frequency = pending.frequency
        subscription.topics = pending.topics
        subscription.origin = pending.origin
        subscription.save()
        subscription.agencies.set(pending.agencies.all())
        pending.delete()
    logger.info("Subscription %s %s", subscription.pk, "confirmed" if created else "changed by a new confirmation")
    return subscription


def subscription_for(token: str) -> Subscription | None:
    """The subscription a management token opens, if any."""
    key = key_of(token)
    return None if key is None else Subscription.objects.filter(key=key).first()


def update(subscription: Subscription, data: dict) -> None:
    """Save new choices from the management page."""
    with transaction.atomic():
        subscription.frequency = data["frequency"]
        subscription.topics = data["topics"]
        subscription.save(update_fields=["frequency", "topics"])
        subscription.agencies.set(data["agencies"])


def unsubscribe(token: str) -> str | None:
    """Delete the subscription (with its address and digests) or the pending request the token opens; the language
    it was in, or None if the token opens nothing."""
    subscription = subscription_for(token)
    if subscription is not None:
        language = subscription.language
        subscription.delete()
        logger.info("Subscription deleted by its owner")
        return language
    pending = SubscriptionRequest.objects.filter(token_hash=token_hash(token)).first()
    if pending is not None:
        language = pending.language
        pending.delete()
        return language
    return None


def manage_link(subscription: Subscription) -> str:
    """The full URL of the subscription's management page, in its language."""
    page = follow_page(subscription.origin, subscription.language)
    return page_link(page, "manage", management_token(subscription.key))


def purge_expired_requests() -> int:
    """Delete the requests nobody confirmed in time; how many."""
    cutoff = timezone.now() - timedelta(days=CONFIRMATION_DAYS)
    _total, by_model = SubscriptionRequest.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get(SubscriptionRequest._meta.label, 0)
