"""What the school profile and its announcements share: they are the school's own records, edited
by its site administrator and director, kept as drafts and revisions until approved, and sent
through the school's own publishing workflow, the one assigned to its home page.

Wagtail gives a snippet the workflow of its content type, one for every school; each record
here belongs to one school (its ``site``), so it takes that school's workflow instead.
"""

from django.conf import settings
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, Site, WorkflowMixin


class SchoolRecordMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    """Drafts, revisions, locking and the school's workflow for a record with a ``site``."""

    class Meta:
        abstract = True

    def get_workflow(self):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        site = self.school_site()
        if site is None:
            return None
        return site.root_page.get_workflow()

    def school_site(self) -> Site | None:
        if not self.site_id:
            return None
        return Site.objects.select_related("root_page").filter(pk=self.site_id).first()

    @property
    def school_name(self) -> str:
        """The school's name as staff know it, without Wagtail's "[default]" marker."""
        site = self.site
        return site.site_name or site.hostname
