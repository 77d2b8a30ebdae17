from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_gate, views  # noqa: F401 (admin_gate registers the publishing gate's hooks)
from .queue import can_moderate
from .reports import admin_hooks  # noqa: F401 (visitors' reports: their actions and log entries)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("moderation/", views.moderation_queue, name="moderation_queue"),
        path(
            "moderation/<int:task_state_id>/<str:decision>/",
            views.decide,
            name="moderation_decide",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation queue"), reverse("moderation_queue"), icon_name="warning", order=250
    )


@hooks.register("register_log_actions")
def register_gate_log_actions(actions):
    actions.register_action(
        "mektep.publish.refused",
        _("Publishing refused by the automatic check"),
        _("Publishing refused by the automatic check"),
    )


# Rule statistics: how often moderators upheld each rule (statistics.py).


@hooks.register("register_admin_urls")
def register_rule_statistics_url():
    from .statistics import rule_statistics_view

    return [path("moderation/rules/", rule_statistics_view, name="moderation_rule_statistics")]


class RuleStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        from .statistics import can_view_statistics

        return can_view_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_rule_statistics_menu_item():
    return RuleStatisticsMenuItem(
        _("Rule statistics"),
        reverse("moderation_rule_statistics"),
        icon_name="table",
        order=251,
    )


@hooks.register("insert_global_admin_css")
def moderation_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/moderation-admin.css"))


# Visitors' messages the checker held (visitor_messages.py): the moderator's release or reject.


@hooks.register("register_admin_urls")
def register_held_message_urls():
    from .visitor_views import decide_held_message

    return [
        path(
            "moderation/messages/<int:message_id>/<str:decision>/",
            decide_held_message,
            name="moderation_held_message",
        )
    ]
