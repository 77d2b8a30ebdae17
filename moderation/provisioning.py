"""Each new school gets its own publishing workflow, assigned to its home page."""

from django.utils.translation import gettext_noop
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from accounts.roles import DIRECTOR, MODERATOR, school_group
from cms_pages.sections import bilingual

from .models import ContentCheckTask, ModeratorReviewTask

# The names of a school's workflow and its tasks. Wagtail keeps one name for each and shows it to
# every member of staff, whatever their admin language: the name carries both languages.
CHECK = gettext_noop("automatic content check")
MODERATORS = gettext_noop("moderator review")
DIRECTOR_APPROVAL = gettext_noop("director approval")
PUBLISHING = gettext_noop("publishing")


def bilingual_name(school: str, message: str) -> str:
    """E.g. "«Ала-Тоо» мектеби: жарыялоо / публикация"."""
    return f"{school}: {' / '.join(dict.fromkeys(bilingual(message).values()))}"


def create_publishing_workflow(sender, site, home_page, profile, **kwargs):
    """Answer `school_created`: check -> moderators (when flagged) -> director -> published."""
    school = site.site_name or site.hostname
    check = ContentCheckTask.objects.create(name=bilingual_name(school, CHECK))
    moderators = ModeratorReviewTask.objects.create(name=bilingual_name(school, MODERATORS))
    moderators.groups.set([school_group(site, MODERATOR)])
    director = GroupApprovalTask.objects.create(name=bilingual_name(school, DIRECTOR_APPROVAL))
    director.groups.set([school_group(site, DIRECTOR)])

    workflow = Workflow.objects.create(name=bilingual_name(school, PUBLISHING))
    for order, task in enumerate([check, moderators, director]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(workflow=workflow, page=home_page)
