"""Media storage that gives uploaded images names nobody can guess.

Originals of people's photos were served at `/media/original_images/<uploaded name>`: whoever
knew or guessed a teacher's file name ("asanova.jpg") could fetch the photo even when the person
had not consented to publication. Each original now starts with 64 random bits, and since Wagtail
names a rendition after its original, the renditions under `/media/images/` carry the same
prefix.

With several application servers the same names are used in an S3-compatible bucket
(schoolsite/object_storage.py).
"""

import posixpath
import re
import secrets

from django.core.files.storage import FileSystemStorage

UNGUESSABLE_FOLDERS = ("original_images",)
TOKEN = re.compile(r"^[0-9a-f]{16}_")


def has_token(name: str) -> bool:
    return bool(TOKEN.match(posixpath.basename(name)))


def with_token(name: str) -> str:
    """`original_images/photo.jpg` -> `original_images/<16 hex digits>_photo.jpg`. The token
    comes first, so truncating a long name to the field's length keeps it."""
    folder, base = posixpath.split(name)
    if folder not in UNGUESSABLE_FOLDERS or has_token(base):
        return name
    return posixpath.join(folder, f"{secrets.token_hex(8)}_{base}")


class UnguessableNamesMixin:
    """For any Django storage class (file system here; an object store's class the same way)."""

    def generate_filename(self, filename):
        return with_token(super().generate_filename(filename))


class MediaStorage(UnguessableNamesMixin, FileSystemStorage):
    pass
