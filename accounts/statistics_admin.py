"""The statistics screen's place in the Wagtail admin: its URLs and its menu item, shown to
whoever may read some school's figures."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .roles import Can
from .views import statistics
from .wagtail_hooks import CapabilityMenuItem


@hooks.register("register_admin_urls")
def statistics_urls():
    return [
        path("statistics/", statistics.statistics, name="accounts_statistics"),
        path("statistics/csv/", statistics.statistics_csv, name="accounts_statistics_csv"),
    ]


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return CapabilityMenuItem(
        _("Statistics"),
        reverse("accounts_statistics"),
        icon_name="table",
        order=180,
        capability=Can.VIEW_STATISTICS,
    )
