"""Finding the page a public address names, through the request's site tree.

Wagtail routes /ru/sveden/employees/ one level at a time: the home page as its own type, then
each child by slug and again as its own type, then the view restrictions of the page and of its
ancestors, two queries per level and two more. The request's site tree (request_tree.py), which
the menus read anyway, already holds every level but the last, and which of them are
restricted; so here only the page found is read, as its own type. The rules stay Wagtail's:
- a page is reached through its parents whether they are live or not, and must itself be live;
- a page with sub-routes of its own (RoutablePageMixin) answers the rest of the path when one of
  its routes matches it, or any type with a `route` of its own is handed the rest at once;
- a page outside the tree (a news article) is read by slug under its parent, in one query;
- Wagtail's serve view then runs its hooks as ever: the view-restriction check asks the page
  for its restrictions, and a page the tree has found unrestricted answers "none" without a
  query (`TreeRoutedPage`); any other page (restricted, or below an alias) asks the database.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from .request_tree import SiteTree, site_tree
from .slugs import LatinSlugPageForm


class TreeRoutedPage:
    """A page type whose view restrictions the router may have checked already; its admin form
    makes Latin slugs (cms_pages/slugs.py)."""

    base_form_class = LatinSlugPageForm

    def get_view_restrictions(self):
        if getattr(self, "_unrestricted_by_tree", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def routes_like_a_plain_page(node: Page, remaining: list[str]) -> bool:
    """Whether `node`'s type would look for `remaining[0]` among its children, as Page.route
    does, rather than answer `remaining` itself."""
    model = node.specific_class
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if model.route is RoutablePageMixin.route:
        if not node.live:
            return True
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return True
    return False


def as_found(node: Page, tree: SiteTree, restricted: bool | None = None) -> Page:
    """The page of a tree node as its own type, marked unrestricted if the tree says so."""
    page = node.specific
    if tree.is_public(node, restricted) and not tree.has_alias_above(node):
        page._unrestricted_by_tree = True
    return page


def child_outside_tree(node: Page, slug: str) -> Page:
    """A child the tree leaves out, read by slug with whether it carries a restriction."""
    child = (
        Page.objects.child_of(node)
        .filter(slug=slug)
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .first()
    )
    if child is None:
        raise Http404
    return child


def tree_route(request, path: str) -> RouteResult | None:
    """The page (and its route arguments) that `path` names on the request's site, as
    Wagtail's `Page.route` would find it; None when the request is outside any school's site.
    Raises Http404 when nothing is there."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None  # translations are pages of their own there; routing is Wagtail's to do
    tree = site_tree(request)
    if tree is None or tree.home is None:
        return None
    components = [component for component in path.split("/") if component]
    node = tree.home
    for index, slug in enumerate(components):
        remaining = components[index:]
        if not routes_like_a_plain_page(node, remaining):
            return as_found(node, tree).route(request, remaining)
        child = tree.child(node, slug)
        if child is None:
            outside = child_outside_tree(node, slug)
            page = as_found(outside, tree, restricted=outside.restricted)
            return page.route(request, remaining[1:])
        node = child
    return as_found(node, tree).route(request, [])


def serve(request, path):
    """Wagtail's serve view, with the page found through the site tree."""
    from wagtail.views import serve as wagtail_serve

    try:
        found = tree_route(request, path)
    except Http404:
        found, request._wagtail_route_for_request = None, None
    if found is not None:
        # Where Wagtail keeps the route it found for a request, and reads it from first.
        request._wagtail_route_for_request = found
    return wagtail_serve(request, path)


def full_urls(page: Page, request=None) -> dict[str, str]:
    """The page's public address in each language of the site, by language code."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = page.get_full_url(request)
    return urls
