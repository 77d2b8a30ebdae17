"""The page a locked-out person sees: Wagtail's own sign-in page with a translated reason."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

LOCKOUT_MESSAGE = _(
    "Too many failed sign-in attempts: this account is locked from this address for an hour. "
    "If you did not make these attempts, tell your school's site administrator."
)


def lockout_response(request, original_response, credentials):
    messages.error(request, LOCKOUT_MESSAGE)
    context = {"form": LoginForm(request), "show_password_reset": True}
    return render(request, "wagtailadmin/login.html", context, status=429)


def client_ip(request) -> str:
    """The visitor's address. Behind the production proxy (nginx) every request comes from the
    proxy, so the address it appended last to X-Forwarded-For is the visitor's; without this,
    one school's lockout would lock the user out for everyone."""
    if request is None:
        return ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.MEKTEP_BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
