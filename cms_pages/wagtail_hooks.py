from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from accounts.scope import memberships

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
