"""The page a locked-out person sees, and the address a lockout is counted against."""

import ipaddress

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
    """The visitor's address, for lockouts and the audit log.

    Behind the production proxy (nginx) every request comes from the proxy, so the visitor's
    address is the one the first trusted proxy appended to X-Forwarded-For; without it one
    person's failed sign-ins would lock the account for the whole school. The header is believed
    only when the request came from a proxy address (MEKTEP_PROXY_ADDRESSES) and names at least
    MEKTEP_TRUSTED_PROXIES hops: a client that reaches the application server directly, or
    writes its own header, is counted by its own address, whatever it claims.
    """
    if request is None:
        return ""
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = settings.MEKTEP_TRUSTED_PROXIES
    if proxies <= 0 or not from_proxy(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < proxies:
        return peer
    visitor = hops[-proxies]
    try:
        return str(ipaddress.ip_address(visitor))
    except ValueError:
        return peer


def from_proxy(peer: str) -> bool:
    """True when the connection came from one of the configured proxy addresses (a Unix socket,
    which only local processes can reach, has no address)."""
    if not peer:
        return True
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(
        address in ipaddress.ip_network(network, strict=False)
        for network in settings.MEKTEP_PROXY_ADDRESSES
    )
