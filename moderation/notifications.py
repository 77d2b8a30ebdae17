"""E-mail to the person who submitted content that the automatic check rejected."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.languages import preferred_language

logger = logging.getLogger("mektep.moderation")


def notify_rejection(workflow_state, review) -> None:
    """Tell the submitter, in their language, that the check rejected their content and why."""
    from .gate import reasons

    user = workflow_state.requested_by
    if user is None or not user.email:
        return
    obj = workflow_state.content_object
    lang = preferred_language(user)
    with translation.override(lang):
        subject = _("“%(title)s” was rejected by the automatic check") % {"title": str(obj)}
        edit_path = ""
        if hasattr(obj, "get_url_parts"):
            from django.urls import reverse

            edit_path = reverse("wagtailadmin_pages:edit", args=[obj.pk])
        body = render_to_string(
            "moderation/rejection_email.txt",
            {
                "user": user,
                "title": str(obj),
                "reasons": reasons(review, lang),
                "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + edit_path,
            },
        )
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:
        logger.exception("Could not e-mail the rejection of %r to %s", obj, user.email)
