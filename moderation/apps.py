from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms_pages.signals import school_created, visitor_message_received

        from .gate import install
        from .provisioning import create_publishing_workflow
        from .visitor_messages import screen

        install()

        school_created.connect(create_publishing_workflow, dispatch_uid="moderation-workflow")
        visitor_message_received.connect(screen, dispatch_uid="moderation-visitor-messages")
