"""The moderation queue: content the automatic check flagged, for the school's moderators."""

from dataclasses import dataclass

from wagtail.models import Page

from .labels import reader_language, shown_flag
from .models import ModeratorReviewTask, latest_check


@dataclass
class QueueItem:
    task_state: object
    obj: object
    flags: list[dict]

    @property
    def is_page(self) -> bool:
        """Pages link to their editor; a school's profile or announcement is judged here."""
        return isinstance(self.obj, Page)


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
            flags = [shown_flag(flag, lang) for flag in (check.flags if check else [])]
            items.append(QueueItem(state, state.workflow_state.content_object, flags))
    return items


def can_moderate(user) -> bool:
    return user.is_active and (user.is_superuser or moderator_tasks(user).exists())
