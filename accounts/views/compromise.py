"""The account page's "my account may be compromised" button."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..compromise import report_compromise
from ..lockout import client_ip


def report(request):
    if request.method == "POST":
        user = request.user
        report_compromise(user, ip=client_ip(request))
        logout(request)
        messages.warning(
            request,
            _(
                "All your sessions have ended and your password no longer works. Your school's "
                "site administrators were told. Set a new password through this form."
            ),
        )
        return redirect("wagtailadmin_password_reset")
    return render(request, "accounts/compromise_confirm.html")
