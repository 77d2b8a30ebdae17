"""The task states a person may review, asked of their own school's tasks only.

Wagtail's `TaskState.objects.reviewable_by(user)` (the dashboard's "awaiting your review" panel
and the workflow reports) asks every active task in turn whether the user may moderate it; with
a publishing workflow of two group tasks per school, that was two queries per school on the
dashboard of every member of every school. A group task answers yes only for a superuser or a
member of one of its groups, so the tasks of other schools are left out in one query before
Wagtail asks the rest, and the answer is unchanged.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def group_task_models() -> list:
    from wagtail.models import AbstractGroupApprovalTask

    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractGroupApprovalTask) and not model._meta.abstract
    ]


def tasks_user_may_review(user):
    """The active tasks whose moderators the user could be among."""
    from wagtail.models import Task

    tasks = Task.objects.filter(active=True)
    if user.is_superuser:
        return tasks
    models = group_task_models()
    kinds = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    theirs = Q()
    for model in models:
        theirs |= Q(pk__in=model.objects.filter(groups__user=user).values("pk"))
    return tasks.filter(~Q(content_type__in=list(kinds)) | theirs)


def reviewable_by(self, user):
    from wagtail.models import TaskState

    states = TaskState.objects.none()
    for task in tasks_user_may_review(user).specific():
        states = states | task.get_task_states_user_can_moderate(user=user)
    return states


def install() -> None:
    """Replace Wagtail's `TaskState.objects.reviewable_by` (once per process)."""
    from wagtail.models.workflows import BaseTaskStateManager

    BaseTaskStateManager.reviewable_by = reviewable_by
