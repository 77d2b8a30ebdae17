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
    """The newest articles as cards (image, date, summary), for the home page: the news page
    from the request's site tree, the articles with their images in one query (Wagtail keeps
    the images' renditions in the shared cache once made)."""
    from ..models import NewsIndexPage
    from ..models.news import public_articles

    request = context.get("request")
    sections = public_children(request, home)
    news_index = first_of_type(sections, NewsIndexPage)
    articles = []
    if news_index:
        articles = public_articles(news_index)[:count]
    return {
        "request": request,
        "display": context.get("display"),
        "news_index": news_index,
        "articles": articles,
    }


@register.filter
def labelled_rows(table) -> list[list[tuple[str, object]]]:
    """A typed table's rows, each cell with its column's heading, for the cards a wide table
    becomes on a phone (each cell shows its heading as a label)."""
    headings = [column["heading"] for column in table.columns]
    return [list(zip(headings, row, strict=False)) for row in table.rows]
