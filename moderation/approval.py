"""Approving a page from the dashboard: the approval asks first and then says what went live.

Wagtail's "Approve" on the dashboard publishes at one click when it is the workflow's last task
(the director's). Our dashboard panel (templates/wagtailadmin/home/workflow_objects_to_moderate
.html) opens this view's dialog instead: it names the page, whether approving publishes it and
at which addresses, takes an optional comment, and has a Cancel. After the approval the
dashboard says what is now live, or which step comes next. Routed ahead of Wagtail's own view
(accounts/admin_urls.py), at the same address and with the same permission checks.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import WorkflowTask

from cms_pages.routing import full_urls

APPROVE = "approve"


class ConfirmedApprovalView(WorkflowActionView):
    def get_template_names(self):
        if self.action_name == APPROVE:
            return ["moderation/approve_modal.html"]
        return super().get_template_names()

    def next_task(self):
        """The task that comes after this one, or None when approving publishes."""
        current = WorkflowTask.objects.get(
            workflow_id=self.task_state.workflow_state.workflow_id, task_id=self.task.pk
        )
        later = WorkflowTask.objects.filter(
            workflow_id=current.workflow_id, sort_order__gt=current.sort_order, task__active=True
        ).select_related("task")
        following = later.order_by("sort_order").first()
        return following.task if following else None

    def addresses(self, page):
        """The page's public address in each language, once it is live."""
        urls = full_urls(page, self.request)
        return [(name, urls[code]) for code, name in settings.LANGUAGES]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.action_name == APPROVE:
            page = self.task_state.revision.as_object()
            following = self.next_task()
            context.update(
                page_title=str(page),
                next_task=following,
                publishes=following is None,
                addresses=self.addresses(page) if following is None else [],
                action_verbose=_("Approve and publish") if following is None else _("Approve"),
            )
        return context

    def post(self, request, *args, **kwargs):
        following = self.next_task() if self.action_name == APPROVE else None
        response = super().post(request, *args, **kwargs)
        if self.action_name == APPROVE:
            self.say_what_happened(following)
        return response

    def say_what_happened(self, following):
        page = self.object.specific_class.objects.get(pk=self.object.pk)
        revision = self.task_state.revision
        if following is None and page.live and page.live_revision_id == revision.pk:
            where = ", ".join(url for _name, url in self.addresses(page) if url)
            messages.success(
                self.request,
                _("“%(title)s” is now live: %(addresses)s")
                % {"title": str(page), "addresses": where},
            )
        elif following is not None:
            messages.success(
                self.request,
                _("“%(title)s” was approved and goes to the next step: %(step)s.")
                % {"title": str(page), "step": following.name},
            )
