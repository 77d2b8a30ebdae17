"""Workflow tasks that put the automatic checks and the moderators in front of the director.

A school's publishing workflow is: ContentCheckTask -> ModeratorReviewTask -> the director's
GroupApprovalTask (see provisioning.py). Wagtail publishes the revision after the last approval.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision, Site, Task, TaskState

from .facts import school_facts, site_of
from .notifications import notify_rejection
from .review import review_object
from .system_account import automatic_check_account


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
        site = site_of(obj)
        review = review_object(obj, school_facts(site), site)
        task_state.verdict = review.verdict
        task_state.findings = [finding.to_dict() for finding in review.findings]
        task_state.save(update_fields=["verdict", "findings"])
        # `update=False`: the workflow state moves on by itself once start() returns.
        checker = automatic_check_account()
        if review.verdict == "reject":
            task_state.reject(user=checker, update=False, comment=review.as_comment())
            notify_rejection(workflow_state, review)
        else:
            task_state.approve(user=checker, update=False, comment=review.as_comment())
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
        if flags_for(workflow_state):
            return super().start(workflow_state, user=user)
        # Nothing flagged: the task is passed at once, without Wagtail's start, whose signal
        # e-mails every moderator about a review nobody needs to do.
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.revision = workflow_state.content_object.get_latest_revision()
        task_state.task = self
        task_state.save()
        task_state.approve(
            user=automatic_check_account(),
            update=False,
            comment=str(_("Nothing was flagged; no review was needed.")),
        )
        return task_state

    def on_action(self, task_state, user, action_name, **kwargs):
        """Both doors, the moderation queue and Wagtail's own workflow actions, end here: the
        decision is remembered with what was flagged (see precedents.py)."""
        result = super().on_action(task_state, user, action_name, **kwargs)
        if action_name in ModerationDecision.DECISIONS:
            from .precedents import record_decision

            record_decision(task_state, user, action_name, kwargs.get("comment") or "")
        return result


class ModerationDecision(models.Model):
    """A content moderator's decision on flagged content: what was flagged and the texts judged.

    The practice of Wikipedia's AbuseFilter (log, tag, then disallow): decisions are kept to
    learn from. A later text nearly the same as one sent back is flagged citing the decision,
    and the admin shows per rule how often moderators upheld its flags.
    """

    APPROVE = "approve"
    REJECT = "reject"
    DECISIONS = (APPROVE, REJECT)
    DECISION_CHOICES = [(APPROVE, _("approved")), (REJECT, _("sent back"))]

    site = models.ForeignKey(
        Site,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_decisions",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=255)
    object_title = models.CharField(_("title"), max_length=255)
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # One decision per task state: whichever door the moderator used, it is recorded once.
    task_state = models.OneToOneField(
        TaskState,
        verbose_name=_("task state"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decision",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision = models.CharField(_("decision"), max_length=10, choices=DECISION_CHOICES)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    # The flags the moderator judged: rule_id, category, action, location, lang, start, end,
    # excerpt and the passage (the sentences around the excerpt) compared with later texts.
    findings = models.JSONField(_("flagged findings"), default=list, blank=True)
    # Every checked text of the object: location, lang, text.
    texts = models.JSONField(_("checked texts"), default=list, blank=True)

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-decided_at", "-pk"]
        indexes = [
            models.Index(fields=["site", "decision", "-decided_at"], name="moderation_site_decided")
        ]

    def __str__(self):
        return f"{self.object_title}: {self.get_decision_display()}"


def latest_check(workflow_state) -> ContentCheckTaskState | None:
    return (
        ContentCheckTaskState.objects.filter(workflow_state=workflow_state)
        .order_by("-started_at", "-pk")
        .first()
    )


def flags_for(workflow_state) -> list[dict]:
    check = latest_check(workflow_state)
    return check.flags if check else []


# Visitors' reports of public pages live in their own package; imported here so Django sees them.
from .reports.models import PageReport  # noqa: E402, F401
