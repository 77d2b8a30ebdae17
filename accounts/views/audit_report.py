"""Account events of one's own school: sign-ins, lockouts, role and status changes, reports.

One school at a time: its accounts' events, less those another school recorded about them (an
account may serve two schools; what one school did with it is not the other's to read).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from wagtail.models import ModelLogEntry

from ..roles import Can
from ..scope import school_users, sites_where

PAGE_SIZE = 200


def account_events(request):
    sites = sites_where(request.user, Can.VIEW_AUDIT)
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("school", "")
    site = next((site for site in sites if str(site.pk) == chosen), sites[0])
    account_ids = [str(pk) for pk in school_users(site).values_list("pk", flat=True)]
    entries = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            object_id__in=account_ids,
        )
        # Events of a school's making carry its name (audit.record(..., school=...)); those of
        # the person's own (sign-ins, password changes) carry none and concern each school.
        .filter(Q(data__school=site.hostname) | ~Q(data__has_key="school"))
        .select_related("user")
        .order_by("-timestamp", "-pk")[:PAGE_SIZE]
    )
    return render(
        request,
        "accounts/account_events.html",
        {"entries": entries, "site": site, "sites": sites},
    )
