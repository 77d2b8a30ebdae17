from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from accounts.scope import memberships

from . import page_cache
from .completeness import school_report


class DisclosureCompletenessPanel(Component):
    """The completeness report of every school the user may edit, on the admin dashboard."""

    name = "disclosure_completeness"
    template_name = "cms_pages/admin/disclosure_completeness_panel.html"
    order = 90

    def __init__(self, reports):
        self.reports = reports

    def get_context_data(self, parent_context):
        return {"reports": self.reports, "heading": _("Mandatory disclosures")}


def editable_sites(user) -> list[Site]:
    """Every school for the platform administrator; for anyone else, those of the schools where
    they hold a role whose home page they may edit, so a school's staff pay for their own
    school's report whatever the number of schools on the install."""
    sites = Site.objects.select_related("root_page").order_by("hostname", "port")
    if user.is_superuser:
        return list(sites)
    sites = sites.filter(pk__in=memberships(user).values("site"))
    return [site for site in sites if site.root_page.permissions_for_user(user).can_edit()]


@hooks.register("construct_homepage_panels")
def add_disclosure_completeness_panel(request, panels):
    sites = editable_sites(request.user)
    if sites:
        panels.append(DisclosureCompletenessPanel([school_report(site) for site in sites]))
    # What waits for the person's decision comes first (a director's approvals), above the
    # visitors' messages and the completeness summary.
    for panel in panels:
        if getattr(panel, "name", "") == "workflow_objects_to_moderate":
            panel.order = 10


@hooks.register("before_serve_page")
def allow_the_public_page_cache(page, request, serve_args, serve_kwargs):
    """Every live page may be stored for anonymous visitors (page_cache): a private one answers
    them with a redirect or a password form that sets a cookie, neither of which is stored.
    Its own address is purged from front-end caches on a change; a routed sub-address (a news
    listing's page 2) is not, so it gets no shared-cache lifetime."""
    page_cache.allow(request, purgeable=request.path == page.get_url(request))
