from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsPagesConfig(AppConfig):
    name = "cms_pages"
    verbose_name = _("School pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import control_characters, indexing, searchable
        from .page_cache import invalidation

        control_characters.connect()
        indexing.install()
        searchable.connect()
        invalidation.connect()
