"""The moderation queue: content the automatic check flagged, for the school's moderators."""

from dataclasses import dataclass

from django.utils.html import format_html

from .labels import category_label, reader_language
from .models import ModeratorReviewTask, latest_check

CONTEXT_CHARS = 80


@dataclass
class QueueItem:
    task_state: object
    obj: object
    flags: list[dict]


def highlighted(finding: dict) -> str:
    """The finding's sentence with the offending words marked, as safe HTML."""
    text, start, end = finding.get("text", ""), finding["start"], finding["end"]
    if not text or start >= end:
        return format_html("{}", finding["excerpt"])
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if start > CONTEXT_CHARS else "",
        before,
        text[start:end],
        after,
        "…" if end + CONTEXT_CHARS < len(text) else "",
    )


def moderator_tasks(user):
    """The review tasks this user moderates: every school's for a superuser, else their own."""
    tasks = ModeratorReviewTask.objects.filter(active=True)
    if user.is_superuser:
        return tasks
    return tasks.filter(groups__in=user.groups.all()).distinct()


def queue_for(user) -> list[QueueItem]:
    """What waits for ``user``; each flag's reason is in the reader's language."""
    lang = reader_language()
    items = []
    for task in moderator_tasks(user):
        states = task.get_task_states_user_can_moderate(user).select_related(
            "workflow_state", "revision"
        )
        for state in states.order_by("started_at"):
            check = latest_check(state.workflow_state)
            flags = [
                dict(
                    flag,
                    html=highlighted(flag),
                    category_label=category_label(flag["category"]),
                    reason=flag["message"].get(lang) or flag["message"]["ky"],
                )
                for flag in (check.flags if check else [])
            ]
            items.append(QueueItem(state, state.workflow_state.content_object, flags))
    return items


def can_moderate(user) -> bool:
    return user.is_active and (user.is_superuser or moderator_tasks(user).exists())
