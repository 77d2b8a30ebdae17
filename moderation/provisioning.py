"""Each new school gets its own publishing workflow, assigned to its home page."""

from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import DIRECTOR, MODERATOR, school_group

from .models import ContentCheckTask, ModeratorReviewTask


def create_publishing_workflow(sender, site, home_page, profile, **kwargs):
    """Answer `school_created`: check -> moderators (when flagged) -> director -> published."""
    school = site.site_name or site.hostname
    check = ContentCheckTask.objects.create(name=f"{school}: {_('automatic content check')}")
    moderators = ModeratorReviewTask.objects.create(name=f"{school}: {_('moderator review')}")
    moderators.groups.set([school_group(site, MODERATOR)])
    director = GroupApprovalTask.objects.create(name=f"{school}: {_('director approval')}")
    director.groups.set([school_group(site, DIRECTOR)])

    workflow = Workflow.objects.create(name=f"{school}: {_('publishing')}")
    for order, task in enumerate([check, moderators, director]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(workflow=workflow, page=home_page)
