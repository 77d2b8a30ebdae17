"""Wire the accounts app into the Wagtail admin: its screens, menu items, page actions and the
checks that keep Wagtail's own delete actions within the role table."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from cms_pages.models import PublishedQuestion, SchoolProfile, SiteAlert

from . import private_documents
from .audit import register_account_log_actions
from .roles import Can
from .school_records import (
    ANNOUNCEMENT_POLICY,
    PROFILE_POLICY,
    QUESTION_POLICY,
    AnnouncementViewSet,
    PublishedQuestionViewSet,
    SchoolProfileViewSet,
)
from .scope import is_school_home, site_of_page, sites_where, user_can
from .views import audit_report, compromise, school_accounts, take_down, two_factor

# The school's own profile and announcements, each school its own (school_records.py).
register_permission_policy(SchoolProfile, PROFILE_POLICY, exact_class=True)
register_permission_policy(SiteAlert, ANNOUNCEMENT_POLICY, exact_class=True)
register_snippet(SchoolProfileViewSet)
register_snippet(AnnouncementViewSet)
register_permission_policy(PublishedQuestion, QUESTION_POLICY, exact_class=True)
register_snippet(PublishedQuestionViewSet)


@hooks.register("register_admin_urls")
def account_admin_urls():
    return [
        path("two-factor/", two_factor.verify, name="accounts_two_factor_verify"),
        path("two-factor/enrol/", two_factor.enrol, name="accounts_two_factor_enrol"),
        path("account/compromised/", compromise.report, name="accounts_report_compromise"),
        path("pages/<int:page_id>/take-down/", take_down.take_down, name="accounts_take_down"),
        path("reports/account-events/", audit_report.account_events, name="accounts_events"),
        path("school-accounts/", school_accounts.index, name="accounts_school_accounts_index"),
        path(
            "school-accounts/<int:site_id>/",
            school_accounts.school_accounts,
            name="accounts_school_accounts",
        ),
        path(
            "school-accounts/<int:site_id>/add/",
            school_accounts.create,
            name="accounts_school_account_add",
        ),
        path(
            "school-accounts/<int:site_id>/<int:user_id>/roles/",
            school_accounts.edit_roles,
            name="accounts_school_account_roles",
        ),
        path(
            "school-accounts/<int:site_id>/<int:user_id>/deactivate/",
            school_accounts.set_active,
            {"active": False},
            name="accounts_school_account_deactivate",
        ),
        path(
            "school-accounts/<int:site_id>/<int:user_id>/reactivate/",
            school_accounts.set_active,
            {"active": True},
            name="accounts_school_account_reactivate",
        ),
    ]


class CapabilityMenuItem(MenuItem):
    def __init__(self, *args, capability: Can, **kwargs):
        super().__init__(*args, **kwargs)
        self.capability = capability

    def is_shown(self, request):
        return bool(sites_where(request.user, self.capability))


@hooks.register("register_admin_menu_item")
def school_accounts_menu_item():
    return CapabilityMenuItem(
        _("School accounts"),
        reverse("accounts_school_accounts_index"),
        icon_name="group",
        order=650,
        capability=Can.MANAGE_ACCOUNTS,
    )


@hooks.register("register_reports_menu_item")
def account_events_menu_item():
    return CapabilityMenuItem(
        _("Account events"),
        reverse("accounts_events"),
        icon_name="history",
        order=1100,
        capability=Can.VIEW_AUDIT,
    )


@hooks.register("register_account_menu_item")
def account_security_items(request):
    return {
        "url": reverse("accounts_report_compromise"),
        "label": _("My account may be compromised"),
        "help_text": _("End all your sessions at once and set a new password."),
    }


@hooks.register("register_account_menu_item")
def two_factor_item(request):
    return {
        "url": reverse("accounts_two_factor_enrol"),
        "label": _("Two-step verification"),
        "help_text": _("Sign in with a code from your phone as well as your password."),
    }


class TakeDownMenuItem(PageMenuItem):
    label = _("Take down")
    icon_name = "warning"
    url_name = "accounts_take_down"

    def is_shown(self, user):
        # Those who may publish already have Wagtail's own Unpublish.
        return take_down.user_can_take_down(user, self.page) and not (
            self.page.permissions_for_user(user).can_unpublish()
        )


@hooks.register("register_page_listing_more_buttons")
def take_down_listing_button(page, user, next_url=None):
    yield TakeDownMenuItem(page=page, priority=41)


@hooks.register("register_page_header_buttons")
def take_down_header_button(page, user, view_name, next_url=None):
    yield TakeDownMenuItem(page=page, priority=61)


def refuse_delete_unless_allowed(request, pages):
    for page in pages:
        site = site_of_page(page)
        if not user_can(request.user, Can.DELETE, site):
            raise PermissionDenied
        # Deleting a school's home page deletes the school's whole site: the platform
        # administrator's decision alone.
        if not request.user.is_superuser and is_school_home(page, site):
            raise PermissionDenied


@hooks.register("before_delete_page")
def check_delete_against_roles(request, page):
    # Wagtail lets anyone with "change" delete drafts; the role table keeps deletion to the
    # roles that have it.
    refuse_delete_unless_allowed(request, [page])


@hooks.register("before_bulk_action")
def check_bulk_delete_against_roles(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        refuse_delete_unless_allowed(request, objects)


hooks.register("register_log_actions", register_account_log_actions)


# Before Wagtail's own view restrictions, which would send a visitor to the login page and so
# confirm that the document exists.
@hooks.register("before_serve_document", order=-10)
def private_documents_for_the_schools_leaders_only(document, request):
    private_documents.guard(document, request)


# Wagtail's own screens limited to the user's schools (registers its hooks and page viewset), the
# school's inbox of visitors' messages (its URLs, menu item and dashboard panel), its usage
# statistics and its reports on the site's operation.
from . import admin_scope, inbox_admin, statistics_admin  # noqa: E402, F401
from .site_reports import admin_hooks  # noqa: E402, F401
