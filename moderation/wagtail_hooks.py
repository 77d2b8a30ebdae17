from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .queue import can_moderate


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
