"""What a moderator does with a page's open reports: take the page down, or dismiss them.

Both resolve every open report of the page (kept, as history) and write an entry in Wagtail's
log of the page. Taking down goes through Wagtail's own unpublish action, so its log entry and
signals (the cache purge among them) run as for any unpublishing. The school's home page is
never taken down from here: the school would be left without a site.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from accounts.roles import Can
from accounts.scope import is_school_home, user_can
from cms_pages.control_characters import strip_control_characters

from .models import NOTE_MAX_LENGTH, PageReport
from .queue import open_reports

TAKEN_DOWN_ACTION = "mektep.reports.taken_down"
DISMISSED_ACTION = "mektep.reports.dismissed"


def back_to_queue():
    return redirect(reverse("moderation_queue") + "#page-reports")


def open_reports_of_page(view):
    """Gives the view the page and its open reports that this user may act on; 404 for anyone
    else's, on every method, before anything else is said about the page."""

    @wraps(view)
    def scoped(request, page_id: int):
        reports = list(open_reports(request.user).filter(page_id=page_id).select_related("site"))
        if not reports:
            raise Http404
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, Page.objects.get(pk=page_id).specific, reports)

    return scoped


def note_from(request, required: bool) -> str | None:
    note = strip_control_characters(request.POST.get("note", "")).strip()
    if required and not note:
        messages.error(request, _("Say in a few words why the page is taken down."))
        return None
    if len(note) > NOTE_MAX_LENGTH:
        messages.error(
            request,
            _("The note is too long: at most %(limit)d characters.") % {"limit": NOTE_MAX_LENGTH},
        )
        return None
    return note


def resolve(request, page, reports, status: str, note: str) -> None:
    """Close the reports with the moderator's note, and say so in the page's history."""
    still_open = PageReport.objects.filter(
        pk__in=[report.pk for report in reports], status=PageReport.OPEN
    )
    count = still_open.update(
        status=status, resolved_at=timezone.now(), resolved_by=request.user, resolution_note=note
    )
    action = TAKEN_DOWN_ACTION if status == PageReport.TAKEN_DOWN else DISMISSED_ACTION
    log(instance=page, action=action, user=request.user, data={"note": note, "reports": count})


@open_reports_of_page
def take_down(request, page, reports):
    site = reports[0].site
    if not user_can(request.user, Can.TAKE_DOWN, site):
        raise PermissionDenied
    if is_school_home(page, site):
        messages.error(
            request,
            _(
                "The school's home page cannot be taken down: the whole site would go offline. "
                "Ask an editor to correct it, or dismiss the reports."
            ),
        )
        return back_to_queue()
    note = note_from(request, required=True)
    if note is None:
        return back_to_queue()
    if page.live:
        # The role table allowed it above; Wagtail's own check would ask for publishing rights.
        UnpublishPageAction(page, user=request.user, include_descendants=True).execute(
            skip_permission_checks=True
        )
    resolve(request, page, reports, PageReport.TAKEN_DOWN, note)
    messages.success(
        request, _("“%(title)s” was taken off the public site.") % {"title": page.title}
    )
    return back_to_queue()


@open_reports_of_page
def dismiss(request, page, reports):
    note = note_from(request, required=False)
    if note is None:
        return back_to_queue()
    resolve(request, page, reports, PageReport.DISMISSED, note)
    messages.success(
        request,
        _("The reports of “%(title)s” were dismissed; the page stays on the site.")
        % {"title": page.title},
    )
    return back_to_queue()
