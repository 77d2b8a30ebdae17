"""Who may do what, and where: every check reads the role table through `SchoolRole` records."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Page, Site

from .models import SchoolRole
from .roles import ROLES, Can, Role


def memberships(user) -> QuerySet[SchoolRole]:
    if not user.is_authenticated:
        return SchoolRole.objects.none()
    return SchoolRole.objects.filter(group__user=user).select_related("site")


def roles_at(user, site: Site) -> list[Role]:
    return [ROLES[record.role_key] for record in memberships(user).filter(site=site)]


def user_can(user, capability: Can, site: Site | None) -> bool:
    """True when the active user holds a role at `site` that has `capability` (or is superuser)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return site is not None and any(role.can(capability) for role in roles_at(user, site))


def sites_where(user, capability: Can) -> list[Site]:
    if user.is_superuser:
        return list(Site.objects.order_by("hostname"))
    sites = {
        record.site
        for record in memberships(user)
        if user.is_active and record.role.can(capability)
    }
    return sorted(sites, key=lambda site: site.hostname)


def site_of_page(page: Page) -> Site | None:
    """The school whose page tree holds `page`, in one query whatever the number of schools: the
    site whose home page is the page itself or its nearest ancestor (a tree path is its
    ancestors' paths, one step of `steplen` characters each)."""
    step = Page.steplen
    ancestry = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    return (
        Site.objects.filter(root_page__path__in=ancestry)
        .select_related("root_page")
        .order_by("-root_page__depth")
        .first()
    )


def is_school_home(page: Page, site: Site | None) -> bool:
    """True when `page` is the home page of `site` (its `site_of_page`): taking it down or
    deleting it removes the whole site."""
    return site is not None and site.root_page_id == page.pk


def school_users(site: Site) -> QuerySet:
    """Every account that holds at least one of the school's roles."""
    return (
        get_user_model()
        .objects.filter(groups__school_role__site=site)
        .distinct()
        .order_by("username")
    )


def requires_two_factor(user) -> bool:
    return any(record.role.requires_two_factor for record in memberships(user))
