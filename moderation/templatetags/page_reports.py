"""The visitors' reports section of the moderation queue, as an inclusion tag: the queue view
and template stay as they are, the section reads what the signed-in moderator may act on."""

from django import template

from ..reports.models import NOTE_MAX_LENGTH
from ..reports.queue import report_groups

register = template.Library()


@register.inclusion_tag("moderation/queue_reports.html", takes_context=True)
def page_reports_section(context):
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        # The queue view reads them once, also to say whether anything is waiting.
        "groups": context["report_groups"]
        if "report_groups" in context
        else report_groups(request.user),
        "note_max_length": NOTE_MAX_LENGTH,
    }
