"""The test suite: fast hashing, in-memory mail, throw-away media and cache."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Shared between processes like production's, in a folder of this test run's own (each xdist
# worker imports these settings and gets its own folder).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("MEKTEP_CACHE_DIR") or tempfile.mkdtemp(prefix="mektep-cache-"),
    }
}
CACHES["statistics"] = {
    **CACHES["default"],
    "LOCATION": CACHES["default"]["LOCATION"].rstrip("/") + "-statistics",
    "TIMEOUT": MEKTEP_STATISTICS_CACHE_DAYS * 24 * 3600,  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="mektep-test-media-")
# On disk whatever the environment says (the tests that need a bucket start their own).
STORAGES["default"] = {"BACKEND": "schoolsite.storage.MediaStorage"}  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
STATIC_ROOT = tempfile.mkdtemp(prefix="mektep-test-static-")
