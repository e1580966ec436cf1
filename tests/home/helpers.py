"""Helpers for tests that drive the Wagtail admin with the Django test client."""

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage


def english(page: Page) -> Page:
    """The English translation of `page`."""
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def section(agency, slug: str, language: str = "vi") -> Page:
    """One of the agency's standard sections (by its Vietnamese slug), in `language`."""
    page = agency.site.root_page.get_children().get(slug=slug).specific
    return english(page) if language == "en" else page


def add_page(parent: Page, title: str = "Bài viết mới", user=None, **fields) -> StandardPage:
    """A live general page under `parent`, created in code."""
    page = parent.add_child(
        instance=StandardPage(
            title=title, slug=fields.pop("slug", None) or "bai-viet-moi", locale=parent.locale, **fields
        )
    )
    page.save_revision(user=user).publish()
    return page


def standard_page_form(
    title: str, slug: str, lead: str = "", heading: str = "Mục một", paragraph: str = "<p>Nội dung</p>"
):
    """POST data for Wagtail's page editor (add or edit view) of a StandardPage."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": lead,
            "body": streamfield([("heading", {"text": heading, "level": "h2"}), ("paragraph", rich_text(paragraph))]),
            "author": "",
            "source": "",
            "seo_title": "",
            "search_description": "",
        }
    )


def add_url(parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))
