"""Keep the agency of projects and notices right when a page above them moves to another site."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import NoticePage, ProjectPage


@receiver(post_page_move)
def follow_moved(sender, instance, **kwargs):
    """Pages moved between sites take their new site's agency (a move within a site changes nothing)."""
    if kwargs.get("url_path_before") == kwargs.get("url_path_after"):
        return
    for model in (NoticePage, ProjectPage):
        for page in model.objects.descendant_of(instance, inclusive=True):
            agency_id = page.site_agency_id()
            if agency_id != page.agency_id:
                model.objects.filter(pk=page.pk).update(agency_id=agency_id)
