"""Switching the visually-impaired mode and images on and off, without JavaScript: a plain form
sends the choice here, a cookie remembers it and the visitor goes back where they were."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from ..context_processors import ACCESSIBILITY_COOKIE, IMAGES_COOKIE

ONE_YEAR = 60 * 60 * 24 * 365
CHOICES = {"mode": (ACCESSIBILITY_COOKIE, {"on", "off"}), "images": (IMAGES_COOKIE, {"on", "off"})}


@require_GET
def accessibility(request):
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("wagtail_serve", args=[""])
    response = HttpResponseRedirect(target)
    for parameter, (cookie, values) in CHOICES.items():
        value = request.GET.get(parameter)
        if value in values:
            response.set_cookie(
                cookie,
                value,
                max_age=ONE_YEAR,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
    # The preference changes what the page looks like, so no cache may keep the old look.
    response["Cache-Control"] = "no-store"
    return response
