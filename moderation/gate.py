"""One gate in front of everything the public sees.

Every way Wagtail makes a revision live ends in ``PublishRevisionAction.execute``: the
editor's and the director's Publish button, the last approval of the workflow, bulk publish,
scheduled publishing (``publish_scheduled``), reverting to an earlier revision, creating a page
with Publish, and the admin API. :func:`install` puts :func:`enforce` in front of that one
method, so none of them can skip the automatic checks.

The rule: a revision may go live when the automatic checks (prohibited content, both languages
present, consistency with the school's records) accept it, or when they only flag it for review
and a content moderator approved exactly this revision in the workflow. Anything that the
checks reject never goes live. A refusal raises :class:`PublishRefused`;
the admin hooks (``wagtail_hooks.py``) check before Wagtail's views act, so an editor is sent back
to the edit page with the reasons and keeps what they typed, and ``GateMiddleware`` rolls a
request back whole if the refusal comes from deeper inside (the last workflow approval).

The school profile and announcements are revisioned snippets and pass through the same method.
What is not published through a revision is checked where it is saved: copies that are published
at once (``before_copy_page``) and live pages that are moved (``before_move_page``).
"""

from __future__ import annotations

import contextvars
import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .facts import school_facts, site_of
from .labels import category_label, highlighted, reader_language
from .review import Review, review_object

logger = logging.getLogger("mektep.moderation")

# Set while ``publish_scheduled`` runs: a refused revision is then unscheduled and logged,
# so one bad page does not stop the others.
_unschedule_refused = contextvars.ContextVar("unschedule_refused", default=False)


class PublishRefused(Exception):
    """The automatic checks do not let this revision go live.

    Not a ``PermissionDenied``: Wagtail's admin turns those into "you do not have permission"
    and would hide the reasons; ``GateMiddleware`` turns this one into the reasons."""

    def __init__(self, obj, review: Review, needs_moderator: bool):
        self.obj = obj
        self.review = review
        self.needs_moderator = needs_moderator
        super().__init__(refusal_summary(obj, needs_moderator))


def review_for_publishing(obj, site=None) -> Review:
    site = site if site is not None else site_of(obj)
    return review_object(obj, school_facts(site), site)


def moderator_cleared(revision) -> bool:
    """True if a content moderator (a person, not the automatic pass) approved this revision."""
    if revision is None or revision.pk is None:
        return False
    from wagtail.models import TaskState

    from .models import ModeratorReviewTask
    from .system_account import USERNAME

    return (
        TaskState.objects.filter(
            revision_id=revision.pk,
            task__in=ModeratorReviewTask.objects.all(),
            status=TaskState.STATUS_APPROVED,
            finished_by__isnull=False,
        )
        .exclude(finished_by__username=USERNAME)
        .exists()
    )


@dataclass
class Verdict:
    review: Review
    allowed: bool
    needs_moderator: bool


def judge(obj, revision=None, site=None) -> Verdict:
    """Whether ``obj`` (the content of ``revision``) may go live, and why not."""
    review = review_for_publishing(obj, site)
    if review.verdict == "reject":
        return Verdict(review, allowed=False, needs_moderator=False)
    if review.verdict == "review" and not moderator_cleared(revision):
        return Verdict(review, allowed=False, needs_moderator=True)
    return Verdict(review, allowed=True, needs_moderator=False)


def enforce(obj, revision=None, site=None) -> None:
    """Raise :class:`PublishRefused` unless ``obj`` may go live."""
    verdict = judge(obj, revision, site)
    if not verdict.allowed:
        raise PublishRefused(obj, verdict.review, verdict.needs_moderator)


def install() -> None:
    """Put the gate in front of ``PublishRevisionAction.execute`` (pages and snippets alike)."""
    from wagtail.actions.publish_revision import PublishRevisionAction

    if getattr(PublishRevisionAction.execute, "_mektep_gate", False):
        return
    original = PublishRevisionAction.execute

    def execute(self, skip_permission_checks=False):
        try:
            enforce(self.object, self.revision)
        except PublishRefused as refused:
            if not _unschedule_refused.get():
                raise
            unschedule(self.revision, refused)
            return None
        return publish_indexing_references_once(self, original, skip_permission_checks)

    execute._mektep_gate = True
    PublishRevisionAction.execute = execute


def publish_indexing_references_once(action, original, skip_permission_checks):
    """Publish, updating Wagtail's reference index for the object once, at the end.

    Left to its signals, Wagtail re-indexes the whole page after saving each of its inline
    records (a structure page's bodies and their people, the staff list), so publishing a page
    with n records took time in n squared: 230 s for 200 bodies of three people.
    """
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import (
        disable_reference_index_auto_update,
        reference_index_auto_update_disabled,
    )

    if getattr(reference_index_auto_update_disabled, "value", False):
        return original(action, skip_permission_checks=skip_permission_checks)
    with disable_reference_index_auto_update():
        result = original(action, skip_permission_checks=skip_permission_checks)
    model = type(action.object)
    if ReferenceIndex.is_indexed(model):
        # As published, with its records, whatever the action's copy of the object holds.
        ReferenceIndex.create_or_update_for_object(model._default_manager.get(pk=action.object.pk))
    return result


class unscheduling_refused:
    """Context manager for ``publish_scheduled``: unschedule refused revisions, don't raise."""

    def __enter__(self):
        self._token = _unschedule_refused.set(True)
        return self

    def __exit__(self, *exc):
        _unschedule_refused.reset(self._token)
        return False


def unschedule(revision, refused: PublishRefused) -> None:
    from wagtail.log_actions import log

    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    log(
        instance=refused.obj,
        action="mektep.publish.refused",
        revision=revision,
        data={"reasons": [f.to_dict() for f in refused.review.findings]},
    )
    logger.warning("Scheduled publishing of %r refused: %s", refused.obj, refused)


# Reading a refusal -------------------------------------------------------------------------


def refusal_summary(obj, needs_moderator: bool) -> str:
    title = str(obj)
    if needs_moderator:
        return _(
            "“%(title)s” was not published: the automatic check flagged it, and flagged content "
            "goes live only after a content moderator approves it. Submit it for moderation."
        ) % {"title": title}
    return _(
        "“%(title)s” was not published: the automatic check rejected it. Change what is "
        "listed below and try again."
    ) % {"title": title}


def reasons(review: Review, lang: str | None = None) -> list[dict]:
    """The findings as an editor reads them: where, what kind, the words, what to do."""
    lang = lang or reader_language()
    out = []
    for finding in review.findings:
        out.append(
            {
                "location": finding.location[:1].upper() + finding.location[1:],
                "lang": finding.lang,
                "category": category_label(finding.category),
                "action": finding.action,
                "excerpt": finding.excerpt,
                "html": highlighted(finding.to_dict()),
                "message": finding.message.get(lang) or finding.message.get("ky", ""),
            }
        )
    return out
