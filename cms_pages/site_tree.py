"""A school's public pages as a tree, read in one query, for the site map and sitemap.xml."""

from dataclasses import dataclass, field

from wagtail.models import Page, Site

from .visibility import public_pages as visible


@dataclass
class TreeNode:
    page: Page
    children: list["TreeNode"] = field(default_factory=list)


def public_pages(site: Site, exclude_types=()):
    """Every live, public page of the site, home first, in tree order."""
    pages = visible(Page.objects.descendant_of(site.root_page, inclusive=True)).order_by("path")
    if exclude_types:
        pages = pages.not_type(*exclude_types)
    return pages


def page_tree(site: Site, exclude_types=()) -> TreeNode | None:
    """The site's pages nested under the home page; a page whose parent is left out (not
    live, private or excluded) is left out with it."""
    root, by_path = None, {}
    for page in public_pages(site, exclude_types):
        node = TreeNode(page)
        parent = by_path.get(page.path[: -Page.steplen])
        if root is None:
            root = node
        elif parent is None:
            continue
        else:
            parent.children.append(node)
        by_path[page.path] = node
    return root


def site_relative_path(page: Page, site: Site) -> str:
    """The page's path below its site's home, e.g. "/news/"; the language prefix goes before."""
    return page.url_path[len(site.root_page.url_path) - 1 :]
