"""The admin side of visitors' reports: the queue section's actions and their log entries."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import actions


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "moderation/reports/<int:page_id>/take-down/",
            actions.take_down,
            name="page_reports_take_down",
        ),
        path(
            "moderation/reports/<int:page_id>/dismiss/",
            actions.dismiss,
            name="page_reports_dismiss",
        ),
    ]


class NoteFormatter(LogFormatter):
    """The moderator's note is the entry's comment in the page's history."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


@hooks.register("register_log_actions")
def register_report_log_actions(registry):
    @registry.register_action(actions.TAKEN_DOWN_ACTION)
    class TakenDown(NoteFormatter):
        label = _("Taken down after visitors' reports")
        message = _("Taken down after visitors' reports")

    @registry.register_action(actions.DISMISSED_ACTION)
    class Dismissed(NoteFormatter):
        label = _("Visitors' reports dismissed")
        message = _("Visitors' reports dismissed")
