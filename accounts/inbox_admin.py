"""The inbox's place in the Wagtail admin: its URLs, its menu item, the dashboard panel with
the overdue count of each school, and the published questions as school records."""

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms_pages.models import VisitorMessage

from . import inbox


@hooks.register("register_admin_urls")
def inbox_urls():
    return [
        path("inbox/", inbox.index, name="accounts_inbox"),
        path("inbox/<int:message_id>/", inbox.detail, name="accounts_inbox_message"),
        path("inbox/<int:message_id>/update/", inbox.update, name="accounts_inbox_update"),
        path("inbox/<int:message_id>/answer/", inbox.answer, name="accounts_inbox_answer"),
        path(
            "inbox/<int:message_id>/prepare-question/",
            inbox.prepare_question,
            name="accounts_inbox_prepare_question",
        ),
    ]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return inbox.may_open_inbox(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem(
        _("Visitors' messages"), reverse("accounts_inbox"), icon_name="mail", order=170
    )


class InboxPanel(Component):
    """New and overdue messages of each school whose inbox the user reads."""

    name = "visitor_messages"
    template_name = "accounts/inbox/dashboard_panel.html"
    order = 80

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "heading": _("Visitors' messages")}


def inbox_counts(user) -> list[dict]:
    today = timezone.localdate()
    open_statuses = VisitorMessage.OPEN_STATUSES
    counts = (
        inbox.inbox_messages(user)
        .values("site__site_name", "site__hostname")
        .annotate(
            new=Count("pk", filter=Q(status=VisitorMessage.Status.NEW)),
            overdue=Count("pk", filter=Q(status__in=open_statuses, due_on__lt=today)),
        )
        .order_by("site__hostname")
    )
    return [
        {
            "school": row["site__site_name"] or row["site__hostname"],
            "new": row["new"],
            "overdue": row["overdue"],
        }
        for row in counts
    ]


@hooks.register("construct_homepage_panels")
def add_inbox_panel(request, panels):
    if inbox.may_open_inbox(request.user):
        panels.append(InboxPanel(inbox_counts(request.user)))
