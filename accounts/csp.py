"""One Content-Security-Policy for the public site, a looser one for the Wagtail admin. Both
allow images from the shared media bucket when uploads are stored in one
(schoolsite/object_storage.py)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse


class SchoolCSPMiddleware(CSPMiddleware):
    """The public pages get the strict, nonce-based CONTENT_SECURITY_POLICY; /admin/ gets
    MEKTEP_ADMIN_CSP_DIRECTIVES, because Wagtail's editor writes inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and request.path.startswith(reverse("wagtailadmin_home")):
            parts.config = dict(settings.MEKTEP_ADMIN_CSP_DIRECTIVES)
        media = getattr(default_storage, "public_url_prefix", "")
        if media:
            parts.update = {**(parts.update or {})}
            parts.update["img-src"] = [*parts.update.get("img-src", ()), media]
        return parts
