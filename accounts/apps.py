from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms_pages.signals import school_created

        from . import audit  # noqa: F401  (connects the account-event receivers)
        from .provisioning import create_school_groups

        school_created.connect(create_school_groups, dispatch_uid="accounts.school_groups")
