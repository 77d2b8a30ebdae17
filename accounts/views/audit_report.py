"""Account events of one's own school: sign-ins, lockouts, role and status changes, reports."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from wagtail.models import ModelLogEntry

from ..roles import Can
from ..scope import school_users, sites_where

PAGE_SIZE = 200


def account_events(request):
    sites = sites_where(request.user, Can.VIEW_AUDIT)
    if not sites:
        raise PermissionDenied
    account_ids = {
        str(pk) for site in sites for pk in school_users(site).values_list("pk", flat=True)
    }
    entries = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            object_id__in=account_ids,
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")[:PAGE_SIZE]
    )
    return render(request, "accounts/account_events.html", {"entries": entries, "sites": sites})
