"""The school's page tree, read in one query per request and kept on the request.

The main menu, the section navigation, the breadcrumbs, the home page's links and the routing
of the request itself all ask the same few things about the school's pages: which are live,
which are public, their titles and addresses. Asked one by one they cost a query each (and
Wagtail's `.public()` one more to read the view restrictions); read here, once, they cost one.

The memo lives on the request only: a publish shows on the next request. (Caching whole pages
across requests is the page cache's job, which every change invalidates.)

News articles are left out: they are many, they are leaves (nothing lives below them), and
only the news pages list them, with their own query.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction, Site

from .visibility import public_pages

# What the menus, links and breadcrumbs read of a page; anything else would be read lazily,
# one query per page, so keep templates using tree pages to these.
TREE_FIELDS = (
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "live",
    "show_in_menus",
    "content_type_id",
    "alias_of_id",
    "locale_id",
    "title",
    "title_ky",
    "title_ru",
)
MEMO_ATTRIBUTE = "_mektep_site_tree"


class SiteTree:
    """The pages of one site (but its news articles) and the ancestors of its home page."""

    def __init__(self, site: Site):
        from .models import NewsPage

        self.site = site
        home = site.root_page
        above_home = [home.path[: level * Page.steplen] for level in range(1, home.depth)]
        pages = (
            Page.objects.filter(Q(path__startswith=home.path) | Q(path__in=above_home))
            .not_type(NewsPage)
            .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            .only(*TREE_FIELDS)
            .order_by("path")
        )
        self.by_path = {page.path: page for page in pages}
        self.by_slug = {
            (path[: -Page.steplen], page.slug): page for path, page in self.by_path.items()
        }
        self.home = self.by_path.get(home.path)

    def get(self, page: Page) -> Page | None:
        """The tree's copy of `page`, if the tree holds it."""
        found = self.by_path.get(page.path) if page.path else None
        return found if found is not None and found.pk == page.pk else None

    def child(self, page: Page, slug: str) -> Page | None:
        """The child of `page` with this slug, live or not, if the tree holds it."""
        return self.by_slug.get((page.path, slug))

    def is_public(self, page: Page, restricted: bool | None = None) -> bool:
        """Whether neither the page nor any ancestor carries a view restriction (Wagtail's
        `.public()`). A page whose ancestors the tree does not hold counts as not public.
        `restricted` says whether the page itself is, for a page read outside the tree."""
        for level in range(1, page.depth + 1):
            path = page.path[: level * Page.steplen]
            if level == page.depth and restricted is not None:
                if restricted:
                    return False
                continue
            known = self.by_path.get(path)
            if known is None or known.restricted:
                return False
        return True

    def children(self, page: Page) -> list[Page]:
        """The live, public children of `page` the tree holds, in tree order."""
        depth = page.depth + 1
        return [
            child
            for path, child in self.by_path.items()
            if child.depth == depth
            and path.startswith(page.path)
            and child.live
            and self.is_public(child)
        ]

    def ancestors(self, page: Page) -> list[Page] | None:
        """The page's ancestors from the top of the page tree, or None if the tree lacks one."""
        found = [
            self.by_path.get(page.path[: level * Page.steplen]) for level in range(1, page.depth)
        ]
        return None if None in found else found

    def has_alias_above(self, page: Page) -> bool:
        """Whether the page or an ancestor is an alias, whose restrictions are its source's."""
        if page.alias_of_id:
            return True
        return any(ancestor.alias_of_id for ancestor in self.ancestors(page) or ())


def site_tree(request) -> SiteTree | None:
    """The request's site tree, read on first use; None outside any school's site."""
    if request is None:
        return None
    if not hasattr(request, MEMO_ATTRIBUTE):
        site = Site.find_for_request(request)
        setattr(request, MEMO_ATTRIBUTE, SiteTree(site) if site else None)
    return getattr(request, MEMO_ATTRIBUTE)


def public_children(request, page: Page) -> list[Page]:
    """The live, public children of `page`, in tree order: from the request's site tree when it
    holds the page, else read (for a page outside it, such as a preview's)."""
    tree = site_tree(request)
    if tree is not None and tree.get(page) is not None:
        return tree.children(page)
    return list(public_pages(page.get_children()))


def first_of_type(pages, model) -> Page | None:
    """The first of `pages` (plain or specific) that is a `model`."""
    content_type = ContentType.objects.get_for_model(model)
    return next((page for page in pages if page.content_type_id == content_type.pk), None)
