"""The demo's following by e-mail: each site's page for following gets its introduction in both languages, and two
illustrative subscriptions (example.com addresses) exist, confirmed, so that `manage.py send_digests` has something
to send in the demo (its e-mails are printed in the terminal). Content in demo/data/following.yaml; idempotent.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from following.models import FollowPage, Subscription
from home.models import Agency
from home.onboarding import Onboarding

from .loader import read


def seed_following(agencies: dict[str, Agency], result: Onboarding) -> None:
    """Fill the pages' introductions where empty, and add the subscriptions not there yet."""
    data = read("following")
    english = Locale.objects.get(language_code="en")
    for agency in agencies.values():
        page = FollowPage.objects.child_of(agency.site.root_page).first()
        if page is None:
            continue
        for version, intro in (
            (page, data["intro"]["vi"]),
            (page.get_translation_or_none(english), data["intro"]["en"]),
        ):
            if version is not None and not version.specific.intro:
                version = version.specific
                version.intro = intro
                version.save_revision().publish()
                result.note(True, f"giới thiệu trang nhận tin: {version.url_path}")
    for spec in data["subscriptions"]:
        subscription, created = Subscription.objects.get_or_create(
            email=spec["email"],
            defaults={
                "language": spec["language"],
                "frequency": spec["frequency"],
                "topics": spec["topics"],
                "origin": agencies[spec["agencies"][0]],
                # The first digest lists the demo's own content, published a few days before.
                "covered_until": timezone.now() - timedelta(days=7),
            },
        )
        if created:
            subscription.agencies.set(agencies[code] for code in spec["agencies"])
        result.note(created, f"đăng ký nhận tin (minh họa) #{subscription.pk}")
