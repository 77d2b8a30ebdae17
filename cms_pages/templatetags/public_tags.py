from django import template
from wagtail.models import Page

from ..phones import tel_uri
from ..request_tree import first_of_type, public_children, site_tree

register = template.Library()


@register.filter
def tel(number: str) -> str:
    """A phone number as the target of a link that calls it: `href="{{ number|tel }}"`."""
    return tel_uri(number or "")


@register.simple_tag(takes_context=True)
def public_ancestors(context, page: Page):
    """The page's ancestors from the school's home page down, for breadcrumbs: from the
    request's site tree, or in one query when the tree does not hold them."""
    tree = site_tree(context.get("request"))
    ancestors = tree.ancestors(page) if tree is not None and page.path and page.depth else None
    if ancestors is None:
        return page.get_ancestors().filter(depth__gt=1)
    return [ancestor for ancestor in ancestors if ancestor.depth > 1]


@register.inclusion_tag("includes/latest_news.html", takes_context=True)
def latest_news(context, home: Page, count: int = 3):
    """The newest articles and the way to the news and events pages, for the home page: the
    two pages from the request's site tree, the articles in one query."""
    from ..models import EventIndexPage, NewsIndexPage
    from ..models.news import public_articles

    request = context.get("request")
    sections = public_children(request, home)
    news_index = first_of_type(sections, NewsIndexPage)
    return {
        "request": request,
        "news_index": news_index,
        "events_page": first_of_type(sections, EventIndexPage),
        "articles": public_articles(news_index).select_related(None)[:count] if news_index else [],
    }
