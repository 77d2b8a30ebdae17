"""Helpers for the backup tests: what an installation holds, and archives altered on purpose."""

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision


def media_checksums() -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    found = {}
    for folder, _directories, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def installation_state() -> dict:
    """Everything a round trip must bring back, in comparable form."""
    return {
        "pages": list(
            Page.objects.order_by("id").values_list(
                "id", "title_ky", "title_ru", "slug", "live", "path", "content_type__model"
            )
        ),
        "revisions": list(
            Revision.objects.order_by("id").values_list("id", "object_id", "created_at")
        ),
        "accounts": list(
            get_user_model()
            .objects.order_by("username")
            .values_list("username", "password", "is_superuser", "is_active")
        ),
        "rows": row_counts(),
        "media": media_checksums(),
    }


def run(command: str, *args, **options) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def rewrite(source: Path, target: Path, change=None, extra=(), manifest_change=None) -> None:
    """Copies the (plain .tar) archive `source` to `target`; `change(name, data)` may alter a
    member's bytes, `manifest_change(document)` the manifest; `extra` adds TarInfo/bytes pairs."""
    with tarfile.open(source) as original, tarfile.open(target, "w") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name == "manifest.json" and manifest_change:
                document = json.loads(data)
                manifest_change(document)
                data = json.dumps(document).encode()
            elif change:
                data = change(member.name, data)
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
        for info, data in extra:
            copy.addfile(info, io.BytesIO(data) if data is not None else None)


def flip_a_byte(data: bytes, where: int | None = None) -> bytes:
    where = len(data) // 2 if where is None else where
    return data[:where] + bytes([data[where] ^ 0x01]) + data[where + 1 :]
