"""Friendly error pages in the visitor's language."""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def language_of(path: str) -> str:
    """The language of a URL's prefix (/ru/... is Russian), else the default language."""
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in LANGUAGE_CODES else settings.LANGUAGE_CODE


@requires_csrf_token
def page_not_found(request, exception=None):
    # Override, not activate: LocaleMiddleware reads the active language after this view to
    # redirect "/page/" to "/<visitor's language>/page/", and must still see the visitor's.
    with translation.override(language_of(request.path)):
        return render(request, "404.html", status=404)
