from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import PageLogEntry

        from cms_pages.signals import school_created

        from . import audit  # noqa: F401  (connects the account-event receivers)
        from .provisioning import create_school_groups
        from .site_reports.deletions import remember_the_school_of_a_deleted_page

        school_created.connect(create_school_groups, dispatch_uid="accounts.school_groups")
        post_save.connect(
            remember_the_school_of_a_deleted_page,
            sender=PageLogEntry,
            dispatch_uid="accounts.deleted_page_school",
        )
