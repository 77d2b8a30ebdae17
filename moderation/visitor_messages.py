"""Visitors' messages pass the prohibited-content checker before anyone at the school works on
them (issue 12).

A message the checker accepts goes to the school's inbox at once and its site administrators are
told. One it flags (for review or to reject) is held: it is not in the inbox and nobody answers
it until a content moderator of that school releases it to the inbox or rejects it; a rejected
message is closed and its author's data removed at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.roles import Can
from accounts.scope import sites_where, user_can
from cms_pages.models import VisitorMessage

from .checker import check
from .labels import reader_language, shown_flag


def screen(sender=None, message: VisitorMessage | None = None, **kwargs) -> None:
    """Answer `visitor_message_received`: check the name and the text in the message's
    language, then hold the message or put it in the inbox."""
    flags, seen = [], set()
    for location, text in (("name", message.name), ("text", message.text)):
        result = check(text, message.language)
        for finding in result.findings:
            # Several rules often mark the same words; the moderator reads them once.
            key = (location, finding.start, finding.end, finding.category)
            if finding.action in ("review", "reject") and key not in seen:
                seen.add(key)
                flags.append(dict(finding.to_dict(), location=location, text=text))
    if flags:
        message.screening = VisitorMessage.Screening.HELD
        message.flags = flags
        message.save(update_fields=["screening", "flags"])
        return
    message.screening = VisitorMessage.Screening.CLEAR
    message.save(update_fields=["screening"])
    notify_inbox(message)


def notify_inbox(message: VisitorMessage) -> None:
    from accounts.inbox_mail import notify_new_message

    # After the commit: the e-mail names a message the administrators can open.
    transaction.on_commit(lambda: notify_new_message(message))


@dataclass
class HeldMessage:
    message: VisitorMessage
    flags: list[dict]


def held_messages_for(user) -> list[HeldMessage]:
    """Held messages of the schools where `user` reviews flagged content, each flag's reason
    in the reader's language."""
    sites = sites_where(user, Can.REVIEW_FLAGGED)
    if not sites:
        return []
    lang = reader_language()
    messages = VisitorMessage.objects.held().filter(site__in=sites).select_related("site")
    return [
        HeldMessage(message, [shown_flag(flag, lang) for flag in message.flags])
        for message in messages.order_by("received_at")
    ]


def held_message(user, pk) -> VisitorMessage | None:
    """The held message `pk` if `user` may decide on it, else None."""
    message = VisitorMessage.objects.held().select_related("site").filter(pk=pk).first()
    if message is None or not user_can(user, Can.REVIEW_FLAGGED, message.site):
        return None
    return message


def release(message: VisitorMessage, user) -> None:
    """The moderator found nothing wrong: the message goes to the school's inbox."""
    message.screening = VisitorMessage.Screening.CLEAR
    message.moderated_by = user
    message.moderated_at = timezone.now()
    message.save(update_fields=["screening", "moderated_by", "moderated_at"])
    notify_inbox(message)


def reject(message: VisitorMessage, user) -> None:
    """The moderator upheld the flag: closed unanswered, the author's data removed."""
    message.screening = VisitorMessage.Screening.REJECTED
    message.moderated_by = user
    message.moderated_at = timezone.now()
    message.set_status(VisitorMessage.Status.CLOSED)
    message.erase_personal_data()
    message.save()
