"""Two-step verification (TOTP, with one-time recovery codes) for the Wagtail admin.

Site administrators and directors must pass it (accounts.roles: `requires_two_factor`); anyone
else who has turned it on must pass it too. Until they do, every admin page sends them to the
verification page, or to enrolment when they have no device yet.
"""

import base64
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from .scope import requires_two_factor

RECOVERY_CODE_COUNT = 10


def has_confirmed_device(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def needs_verification(user) -> bool:
    return (
        user.is_authenticated
        and not user.is_verified()
        and (requires_two_factor(user) or has_confirmed_device(user))
    )


def grouped_secret(device) -> str:
    """The device's key as an authenticator app asks for it by hand: base32, in groups of four."""
    key = base64.b32encode(bytes(device.bin_key)).decode().rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def is_background(request) -> bool:
    """A request the admin's own scripts make (a fetch, a form sent in the background), not a
    page the person opens: the browser says so in Sec-Fetch-Mode; older ones by what they
    accept or by X-Requested-With."""
    mode = request.headers.get("Sec-Fetch-Mode")
    if mode:
        return mode != "navigate"
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return True
    return "text/html" not in request.headers.get("Accept", "text/html")


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with a fresh set and return them (shown only once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


class RequireTwoFactorMiddleware:
    """Sends an admin user who still owes a second factor to the page where they give it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_root = reverse("wagtailadmin_home")
        if request.path.startswith(admin_root) and needs_verification(request.user):
            open_paths = {
                reverse("wagtailadmin_login"),
                reverse("wagtailadmin_logout"),
                reverse("accounts_two_factor_verify"),
                reverse("accounts_two_factor_enrol"),
            }
            if request.path not in open_paths:
                if is_background(request):
                    # Redirected, a script would show the verification page inside the page
                    # that asked (it was drawn twice), and make it the page to return to. The
                    # refusal has no body: a script may draw whatever it gets.
                    return HttpResponse(status=403)
                target = (
                    "accounts_two_factor_verify"
                    if has_confirmed_device(request.user)
                    else "accounts_two_factor_enrol"
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)
