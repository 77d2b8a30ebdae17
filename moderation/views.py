from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import TaskState

from .queue import can_moderate, moderator_tasks, queue_for
from .reports.queue import report_groups
from .visitor_messages import held_messages_for

DECISIONS = {"approve", "reject"}


def moderation_queue(request):
    if not can_moderate(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "moderation/queue.html",
        {
            "items": queue_for(request.user),
            "held_messages": held_messages_for(request.user),
            "report_groups": report_groups(request.user),
            "page_title": _("Moderation queue"),
        },
    )


@require_POST
def decide(request, task_state_id: int, decision: str):
    if decision not in DECISIONS or not can_moderate(request.user):
        raise PermissionDenied
    task_state = get_object_or_404(
        TaskState.objects.filter(task__in=moderator_tasks(request.user)),
        pk=task_state_id,
        status=TaskState.STATUS_IN_PROGRESS,
    ).specific
    task = task_state.task.specific
    obj = task_state.workflow_state.content_object
    if decision not in {action for action, _label, _modal in task.get_actions(obj, request.user)}:
        raise PermissionDenied
    comment = request.POST.get("comment", "").strip()
    if decision == "reject" and not comment:
        messages.error(request, _("Say what the editor should change before requesting changes."))
        return redirect("moderation_queue")
    task.on_action(task_state, request.user, decision, comment=comment)
    if decision == "approve":
        messages.success(
            request, _("“%(title)s” was approved and goes to the director.") % {"title": str(obj)}
        )
    else:
        messages.success(request, _("Changes to “%(title)s” were requested.") % {"title": str(obj)})
    return redirect("moderation_queue")
