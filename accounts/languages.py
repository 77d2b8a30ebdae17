"""The language a member of staff reads: their admin language (Wagtail's account setting), else
the installation's default, Kyrgyz. Every e-mail to them is written in it (issue 15)."""

from django.conf import settings
from wagtail.users.models import UserProfile

SITE_LANGUAGES = ("ky", "ru")


def preferred_language(user) -> str:
    # The field itself: Wagtail's get_preferred_language() falls back to the language active
    # now, which is the sender's, not the reader's.
    lang = (UserProfile.get_for_user(user).preferred_language or "").split("-")[0]
    return lang if lang in SITE_LANGUAGES else settings.LANGUAGE_CODE.split("-")[0]
