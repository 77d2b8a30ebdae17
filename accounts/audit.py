"""Account events in Wagtail's audit log (ModelLogEntry on the user they concern).

Sign-ins, failures, lockouts, sign-outs and password changes are caught from signals, so every
route (Wagtail's login, password reset, account page) is recorded; changes made through our own
account views are recorded where they happen, with the person who made them.
"""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .lockout import client_ip

ACTIONS = {
    "mektep.account.login": (_("Sign in"), _("Signed in")),
    "mektep.account.login_failed": (_("Failed sign-in"), _("Failed sign-in")),
    "mektep.account.locked_out": (_("Lockout"), _("Locked out after failed sign-ins")),
    "mektep.account.logout": (_("Sign out"), _("Signed out")),
    "mektep.account.password_changed": (_("Password change"), _("Password changed")),
    "mektep.account.created": (_("Account creation"), _("Account created")),
    "mektep.account.deactivated": (_("Deactivation"), _("Account deactivated")),
    "mektep.account.reactivated": (_("Reactivation"), _("Account reactivated")),
    "mektep.account.role_granted": (_("Role granted"), _("Role granted")),
    "mektep.account.role_revoked": (_("Role revoked"), _("Role revoked")),
    "mektep.account.two_factor_enrolled": (
        _("Two-factor enrolment"),
        _("Two-step verification turned on"),
    ),
    "mektep.account.compromise_reported": (
        _("Compromise report"),
        _("Reported as compromised: sessions ended, password reset required"),
    ),
}


def register_account_log_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def record(account, action: str, actor=None, **data):
    """Add one event about `account` to the audit log; `actor` is who did it, if anyone."""
    log(instance=concrete(account), action=action, user=concrete(actor), data=data)


def concrete(user):
    """The user itself rather than `request.user`'s lazy wrapper (Django's logout signal sends
    a wrapper within a wrapper, which Wagtail's log registry cannot place)."""
    model = get_user_model()
    if user is None or type(user) is model:
        return user
    return model._default_manager.get(pk=user.pk)


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    record(user, "mektep.account.login", actor=user, ip=client_ip(request))


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        record(user, "mektep.account.logout", actor=user, ip=client_ip(request))


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs):
    # Attempts on names that are no account stay in axes' own records only: the audit log is
    # kept per account.
    account = known_account(credentials.get("username"))
    if account is not None:
        record(account, "mektep.account.login_failed", ip=client_ip(request))


@receiver(user_locked_out)
def record_lockout(sender, request, username, ip_address, **kwargs):
    account = known_account(username)
    if account is not None:
        record(account, "mektep.account.locked_out", ip=ip_address)


@receiver(pre_save, sender=get_user_model())
def record_password_change(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    previous = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if previous is not None and previous != instance.password:
        record(instance, "mektep.account.password_changed")


def known_account(username):
    if not username:
        return None
    return get_user_model().objects.filter(username=username).first()
