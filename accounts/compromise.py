""" "My account may be compromised" (001 §5.2.3): end every session and force a new password."""

import secrets

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .audit import record
from .languages import preferred_language
from .roles import SITE_ADMIN
from .scope import memberships, school_users


def end_all_sessions(user) -> int:
    """Delete every stored session of `user`; returns how many there were."""
    mine = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
    return len(mine)


def report_compromise(user, ip: str = "") -> None:
    # A random secret nobody knows, rather than Django's "unusable" password mark: Django's
    # password reset ignores accounts so marked, and password reset is the way back in. The new
    # hash also changes the session hash, so a session that escaped deletion is dead too.
    user.set_password(secrets.token_urlsafe(48))
    user.save(update_fields=["password"])
    ended = end_all_sessions(user)
    record(user, "mektep.account.compromise_reported", actor=user, ip=ip, sessions_ended=ended)
    notify_site_administrators(user)


def notify_site_administrators(user) -> None:
    """Each of the schools' site administrators is told, in their own language."""
    sites = {record.site for record in memberships(user)}
    admins = {
        admin.pk: admin
        for site in sites
        for admin in school_users(site).filter(
            is_active=True, groups__school_role__role_key=SITE_ADMIN
        )
        if admin.email and admin.pk != user.pk
    }
    for admin in sorted(admins.values(), key=lambda admin: admin.email):
        with translation.override(preferred_language(admin)):
            subject = _("Account %(username)s reported as compromised") % {
                "username": user.username
            }
            message = _(
                "%(name)s (%(username)s) reported that their account may be compromised. All "
                "their sessions were ended and they must set a new password through password "
                "reset. Check the account events report for sign-ins you do not recognise."
            ) % {"name": user.get_full_name() or user.username, "username": user.username}
        send_mail(
            subject=subject,
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[admin.email],
        )
