"""E-mails about visitors' messages: the answer to the visitor (in the language they wrote in),
a new message to the school's site administrators and overdue messages to the director (each
in the language they chose for the admin)."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms_pages.models import VisitorMessage

from .languages import preferred_language
from .roles import DIRECTOR, SITE_ADMIN

logger = logging.getLogger("mektep.accounts")


def holders(site, role_key: str):
    return (
        get_user_model()
        .objects.filter(
            groups__school_role__site=site, groups__school_role__role_key=role_key, is_active=True
        )
        .exclude(email="")
        .distinct()
    )


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def school_name(site) -> str:
    return site.site_name or site.hostname


def _send(subject: str, body: str, to: str) -> bool:
    try:
        send_mail(subject, body, None, [to])
    except OSError:
        logger.exception("Could not e-mail %s", to)
        return False
    return True


def send_answer(message: VisitorMessage) -> bool:
    """E-mail the school's answer to the visitor; True when sent (and recorded)."""
    with translation.override(message.language):
        subject = _("%(school)s: the answer to your message %(reference)s") % {
            "school": school_name(message.site),
            "reference": message.reference,
        }
        body = render_to_string(
            "accounts/inbox/answer_email.txt",
            {"message": message, "school": school_name(message.site)},
        )
    if not _send(subject, body, message.email):
        return False
    message.answer_emailed_at = timezone.now()
    message.save(update_fields=["answer_emailed_at"])
    return True


def notify_new_message(message: VisitorMessage) -> int:
    """Tell the school's site administrators a message is in the inbox; how many were told."""
    url = admin_url(reverse("accounts_inbox_message", args=[message.pk]))
    sent = 0
    for user in holders(message.site, SITE_ADMIN):
        with translation.override(preferred_language(user)):
            subject = _("%(school)s: a new message from a visitor (%(reference)s)") % {
                "school": school_name(message.site),
                "reference": message.reference,
            }
            body = render_to_string(
                "accounts/inbox/new_message_email.txt",
                {"message": message, "url": url, "user": user},
            )
        sent += _send(subject, body, user.email)
    return sent


def notify_overdue(today=None) -> int:
    """One e-mail to each school's director listing the school's overdue messages."""
    today = today or timezone.localdate()
    by_site = defaultdict(list)
    for message in VisitorMessage.objects.overdue(today).select_related("site"):
        by_site[message.site].append(message)
    sent = 0
    for site, overdue in by_site.items():
        url = admin_url(reverse("accounts_inbox"))
        for user in holders(site, DIRECTOR):
            with translation.override(preferred_language(user)):
                subject = _("%(school)s: overdue visitors' messages: %(count)s") % {
                    "school": school_name(site),
                    "count": len(overdue),
                }
                body = render_to_string(
                    "accounts/inbox/overdue_email.txt",
                    {"messages": overdue, "url": url, "user": user, "today": today},
                )
            sent += _send(subject, body, user.email)
    return sent
