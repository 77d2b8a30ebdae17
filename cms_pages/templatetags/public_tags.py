from django import template
from wagtail.models import Page

register = template.Library()


@register.filter
def public_ancestors(page: Page):
    """The page's ancestors from the school's home page down, for breadcrumbs (one query)."""
    return page.get_ancestors().filter(depth__gt=1)
