"""Changing a school's accounts: every change is limited to that school and audited."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Site

from .audit import record
from .languages import preferred_language
from .models import SchoolRole
from .roles import ROLES
from .scope import roles_at


def grantable_roles(site: Site, actor) -> list[str]:
    """The school's roles `actor` may give and take, in the role table's order: a platform
    administrator every role, the director every role, a site administrator editors and
    moderators only."""
    if actor.is_superuser:
        return list(ROLES)
    held = roles_at(actor, site) if actor.is_active else []
    return [key for key in ROLES if any(role.may_grant(key) for role in held)]


def is_manageable(account, site: Site, actor) -> bool:
    """A school may manage an account of its own, never a platform administrator, an account
    that also serves another school, the acting person's own account, or an account holding a
    role the acting person may not give (a site administrator cannot deactivate the director)."""
    schools = set(
        account.groups.filter(school_role__isnull=False).values_list("school_role__site", flat=True)
    )
    return (
        not account.is_superuser
        and account.pk != actor.pk
        and schools == {site.pk}
        and set(roles_held(site, account)) <= set(grantable_roles(site, actor))
    )


@transaction.atomic
def create_account(site: Site, actor, *, username, first_name, last_name, email, role_keys):
    """A new account of the school, with a secret nobody knows and an e-mailed link to set a
    password: the person's login is theirs alone from the first day (001 §5.2.1)."""
    account = get_user_model().objects.create_user(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        password=secrets.token_urlsafe(48),
    )
    record(account, "mektep.account.created", actor=actor, school=site.hostname)
    set_roles(site, actor, account, role_keys)
    send_invitation(account)
    return account


@transaction.atomic
def set_roles(site: Site, actor, account, role_keys) -> None:
    allowed = grantable_roles(site, actor)
    if not set(role_keys) <= set(allowed):
        raise PermissionDenied
    records = {record.role_key: record for record in site.school_roles.select_related("group")}
    held = set(
        account.groups.filter(school_role__site=site).values_list(
            "school_role__role_key", flat=True
        )
    )
    for key in allowed:
        wanted = key in role_keys
        if wanted and key not in held:
            account.groups.add(records[key].group)
            record(
                account, "mektep.account.role_granted", actor=actor, school=site.hostname, role=key
            )
        elif not wanted and key in held:
            account.groups.remove(records[key].group)
            record(
                account, "mektep.account.role_revoked", actor=actor, school=site.hostname, role=key
            )


def set_active(site: Site, actor, account, active: bool) -> None:
    if account.is_active == active:
        return
    account.is_active = active
    account.save(update_fields=["is_active"])
    action = "mektep.account.reactivated" if active else "mektep.account.deactivated"
    record(account, action, actor=actor, school=site.hostname)


def roles_held(site: Site, account) -> list[str]:
    return list(
        SchoolRole.objects.filter(site=site, group__user=account).values_list("role_key", flat=True)
    )


def send_invitation(account) -> None:
    if not account.email:
        return
    link = get_admin_base_url() + reverse(
        "wagtailadmin_password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(account.pk)),
            default_token_generator.make_token(account),
        ],
    )
    with translation.override(preferred_language(account)):
        subject = _("Your account on the school website")
        message = _(
            "An account %(username)s was created for you. Set your own password here: %(link)s\n"
            "Never share your login or password with anyone."
        ) % {"username": account.username, "link": link}
    send_mail(subject=subject, message=message, from_email=None, recipient_list=[account.email])
