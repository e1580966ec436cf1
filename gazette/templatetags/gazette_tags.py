"""Template tags that show the gazette elsewhere on the site."""

from django import template

from gazette.queries import issues_carrying

register = template.Library()


@register.simple_tag
def gazette_issues_for(document):
    """The live gazette issues that carried `document`, oldest first, in one query.

    Usage: `{% gazette_issues_for page as issues %}`.
    """
    return list(issues_carrying(document))
