"""Workflow tasks that put the automatic checks and the moderators in front of the director.

A school's publishing workflow is: ContentCheckTask -> ModeratorReviewTask -> the director's
GroupApprovalTask (see provisioning.py). Wagtail publishes the revision after the last approval.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from .facts import school_facts
from .review import review_object


class ContentCheckTaskState(TaskState):
    verdict = models.CharField(_("verdict"), max_length=10, blank=True)
    findings = models.JSONField(_("findings"), default=list, blank=True)

    class Meta:
        verbose_name = _("content check result")
        verbose_name_plural = _("content check results")

    @property
    def flags(self) -> list[dict]:
        return [finding for finding in self.findings if finding["action"] == "review"]


class ContentCheckTask(Task):
    """Checks the submitted revision at once: rejects with the reasons, or approves and records
    anything a moderator should look at."""

    task_state_class = ContentCheckTaskState

    class Meta:
        verbose_name = _("automatic content check")
        verbose_name_plural = _("automatic content checks")

    @classmethod
    def get_description(cls):
        return _("Rejects prohibited or incomplete content at once and flags doubtful content.")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        obj = task_state.revision.as_object()
        site = obj.get_site() if hasattr(obj, "get_site") else None
        review = review_object(obj, school_facts(site))
        task_state.verdict = review.verdict
        task_state.findings = [finding.to_dict() for finding in review.findings]
        task_state.save(update_fields=["verdict", "findings"])
        # `update=False`: the workflow state moves on by itself once start() returns.
        if review.verdict == "reject":
            task_state.reject(update=False, comment=review.as_comment())
        else:
            task_state.approve(update=False, comment=review.as_comment())
        return task_state


class ModeratorReviewTask(AbstractGroupApprovalTask):
    """Waits for the school's content moderators only when the content check flagged something."""

    class Meta:
        verbose_name = _("moderator review")
        verbose_name_plural = _("moderator reviews")

    @classmethod
    def get_description(cls):
        return _("Content moderators review content that the automatic check flagged.")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if not flags_for(workflow_state):
            task_state.approve(
                update=False, comment=str(_("Nothing was flagged; no review was needed."))
            )
        return task_state


def latest_check(workflow_state) -> ContentCheckTaskState | None:
    return (
        ContentCheckTaskState.objects.filter(workflow_state=workflow_state)
        .order_by("-started_at", "-pk")
        .first()
    )


def flags_for(workflow_state) -> list[dict]:
    check = latest_check(workflow_state)
    return check.flags if check else []
