"""Enrol in and pass two-step verification."""

import segno
from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..audit import record
from ..two_factor import grouped_secret, has_confirmed_device, new_recovery_codes


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """Ask for a code from the authenticator app, or one of the recovery codes."""
    if not has_confirmed_device(request.user):
        return redirect("accounts_two_factor_enrol")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", _("This code is not valid. Try the current one."))
    context = {"form": form, "next": next_url(request)}
    return render(request, "accounts/two_factor_verify.html", context)


def enrol(request):
    """Show a new authenticator key as a QR code, confirm it with a code, then recovery codes.

    Someone who already has a confirmed device must verify with it first, so a stolen password
    alone can never replace the device.
    """
    if has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect("accounts_two_factor_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            TOTPDevice.objects.filter(user=request.user, confirmed=True).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(request.user, "mektep.account.two_factor_enrolled", actor=request.user)
            context = {"codes": new_recovery_codes(request.user), "next": next_url(request)}
            return render(request, "accounts/two_factor_recovery_codes.html", context)
        form.add_error("token", _("This code is not valid. Check the time on your phone."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, title=_("QR code"))
    context = {
        "form": form,
        "config_url": device.config_url,
        "secret": grouped_secret(device),
        "qr_svg": mark_safe(qr_svg),  # segno's own markup of a URI we generated
        "next": next_url(request),
    }
    return render(request, "accounts/two_factor_enrol.html", context)
