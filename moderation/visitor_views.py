"""The moderators' decision on a held visitor's message: release it to the inbox or reject it.
The list itself is part of the moderation queue (queue_held_messages.html)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .visitor_messages import held_message, reject, release

DECISIONS = {"release": release, "reject": reject}


@require_POST
def decide_held_message(request, message_id: int, decision: str):
    action = DECISIONS.get(decision)
    message = held_message(request.user, message_id)
    if action is None or message is None:
        raise Http404
    action(message, request.user)
    if decision == "release":
        text = _("Message %(reference)s was released to the school's inbox.")
    else:
        text = _("Message %(reference)s was rejected and its author's data removed.")
    messages.success(request, text % {"reference": message.reference})
    return redirect("moderation_queue")
