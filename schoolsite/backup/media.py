"""The uploaded files' part of a backup, and what makes an installation "empty".

Only media stored on this server's disk is archived: with an object store (MEKTEP_S3_BUCKET)
the bucket has its own versioning and replication, and copying it through this server would be
slow and partial, so `backup` refuses rather than writing an archive without the files.
"""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage, default_storage
from wagtail.models import Page

PREFIX = "media/"


class MediaError(Exception):
    """Media is not on this server's disk."""


def media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise MediaError(
            "Uploaded files are not stored on this server's disk "
            f"({type(default_storage).__name__}); back them up with the object store's own "
            "tools (versioning, replication). This command archives only MEDIA_ROOT."
        )
    return Path(default_storage.location or settings.MEDIA_ROOT)


def media_files(root: Path) -> list[str]:
    """Every regular file under `root`, as sorted POSIX paths relative to it. Symbolic links
    are left out: a link could point anywhere on the server."""
    found = []
    for folder, directories, names in os.walk(root):
        directories.sort()
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def installation_contents() -> list[str]:
    """What makes this installation not empty (nothing: a freshly migrated one)."""
    found = []
    # Wagtail's own root and welcome pages are plain `Page`s; every school page is specific.
    pages = Page.objects.exclude(content_type__app_label="wagtailcore", content_type__model="page")
    if count := pages.count():
        found.append(f"{count} pages")
    if count := get_user_model().objects.count():
        found.append(f"{count} user accounts")
    try:
        root = media_root()
    except MediaError:
        return found
    if root.exists() and (count := len(media_files(root))):
        found.append(f"{count} files in {root}")
    return found


def replace_media(root: Path, staged: Path) -> int:
    """Makes `root` hold exactly the files under `staged`; returns how many were put back."""
    root.mkdir(parents=True, exist_ok=True)
    restored = set(media_files(staged))
    for name in media_files(root):
        if name not in restored:
            (root / name).unlink()
    for name in restored:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staged / name, target)
    return len(restored)
