"""E-mail to the school's report handlers when a page gets its first open report.

Later reports of the same page join the group in the queue without another e-mail; a page
reported again after its reports were resolved starts a new group and a new e-mail.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.languages import preferred_language
from accounts.roles import ROLES, Can

logger = logging.getLogger("mektep.moderation")


def report_handlers(site):
    """The active accounts that hold a role with Can.HANDLE_REPORTS at `site`."""
    role_keys = [key for key, role in ROLES.items() if role.can(Can.HANDLE_REPORTS)]
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__school_role__site=site,
            groups__school_role__role_key__in=role_keys,
        )
        .exclude(email="")
        .distinct()
    )


def notify_first_report(report) -> None:
    queue_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("moderation_queue")
    for user in report_handlers(report.site):
        with translation.override(preferred_language(user)):
            # The page's title in the reader's language (the field reads the active language).
            title = report.page.title if report.page else report.page_title
            subject = _("A visitor reported the page “%(title)s”") % {"title": title}
            body = render_to_string(
                "moderation/reports/report_email.txt",
                {
                    "user": user,
                    "title": title,
                    "reason": report.get_reason_display(),
                    "queue_url": f"{queue_url}#page-reports",
                },
            )
        try:
            send_mail(subject, body, None, [user.email])
        except OSError:
            logger.exception("Could not e-mail a report of %r to %s", report.page_title, user.email)
