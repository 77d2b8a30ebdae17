from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_delete
        from wagtail.models import Page

        from cms_pages.signals import school_created, visitor_message_received

        from .gate import install
        from .provisioning import create_publishing_workflow
        from .reports.models import close_reports_of_deleted_page
        from .reviewable import install as install_reviewable
        from .visitor_messages import screen

        install()
        install_reviewable()

        school_created.connect(create_publishing_workflow, dispatch_uid="moderation-workflow")
        visitor_message_received.connect(screen, dispatch_uid="moderation-visitor-messages")
        # Sent with the base Page for every page deleted (its descendants too), whatever its
        # specific type; not for the historical models of migrations, which run before this
        # app's table exists.
        pre_delete.connect(
            close_reports_of_deleted_page, sender=Page, dispatch_uid="moderation-page-reports"
        )
