"""Take a live page (and everything under it) off the public site at once.

Wagtail lets only those who may publish unpublish; site administrators, moderators and the
director must be able to take content down without the power to publish it, so this action
checks the role table instead. Wagtail's unpublish action writes the audit-log entries.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from ..roles import Can
from ..scope import is_school_home, site_of_page, user_can


def user_can_take_down(user, page: Page) -> bool:
    """Any page of the school for those who may take down, except its home page: that takes the
    whole site offline, which only the director (who may publish it again) and the platform
    administrator may do."""
    if not page.live or page.depth <= 1:
        return False
    site = site_of_page(page)
    if is_school_home(page, site):
        return user_can(user, Can.TAKE_DOWN, site) and user_can(user, Can.PUBLISH, site)
    return user_can(user, Can.TAKE_DOWN, site)


def take_down(request, page_id: int):
    page = get_object_or_404(Page, id=page_id).specific
    if not user_can_take_down(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        # The role table was checked above; Wagtail's own check asks for publish permission.
        UnpublishPageAction(page, user=request.user, include_descendants=True).execute(
            skip_permission_checks=True
        )
        messages.success(
            request, _("“%(title)s” was taken off the public site.") % {"title": page.title}
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return render(request, "accounts/take_down_confirm.html", {"page": page})
