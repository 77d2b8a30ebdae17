from django import template
from wagtail.models import Page

register = template.Library()


@register.filter
def public_ancestors(page: Page):
    """The page's ancestors from the school's home page down, for breadcrumbs (one query)."""
    return page.get_ancestors().filter(depth__gt=1)


@register.inclusion_tag("includes/latest_news.html", takes_context=True)
def latest_news(context, home: Page, count: int = 3):
    """The newest articles and the way to the news and events pages, for the home page."""
    from ..models import EventIndexPage, NewsIndexPage

    sections = home.get_children().live().public().type(NewsIndexPage, EventIndexPage)
    sections = {type(page): page for page in sections.specific()}
    news_index = sections.get(NewsIndexPage)
    return {
        "request": context.get("request"),
        "news_index": news_index,
        "events_page": sections.get(EventIndexPage),
        "articles": news_index.articles().select_related(None).prefetch_related(None)[:count]
        if news_index
        else [],
    }
