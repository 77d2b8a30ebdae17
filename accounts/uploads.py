"""Uploads are judged by what they contain, not by what they are called.

A document or image must both carry an allowed extension and start with that format's
signature (for office formats: be a ZIP holding that format's parts), so an HTML page or a
program renamed `.pdf` is refused before anything is stored. SVG is never accepted: it can
carry script. Image dimensions are capped by WAGTAILIMAGES_MAX_IMAGE_PIXELS (Wagtail's check)
against decompression bombs.
"""

import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
# ZIP-based formats: the parts that tell one from any other ZIP file.
OFFICE_PARTS = {
    "docx": ("[Content_Types].xml", "word/"),
    "xlsx": ("[Content_Types].xml", "xl/"),
}
OPEN_DOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def content_matches_extension(uploaded, extension: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    try:
        if extension in SIGNATURES:
            return head.startswith(SIGNATURES[extension])
        if extension == "webp":
            return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
        if extension in OFFICE_PARTS:
            content_types, folder = OFFICE_PARTS[extension]
            with zipfile.ZipFile(uploaded) as archive:
                names = archive.namelist()
            return content_types in names and any(name.startswith(folder) for name in names)
        if extension in OPEN_DOCUMENT_TYPES:
            with zipfile.ZipFile(uploaded) as archive:
                return archive.read("mimetype").strip() == OPEN_DOCUMENT_TYPES[extension]
        return False
    except (zipfile.BadZipFile, KeyError):
        return False
    finally:
        uploaded.seek(0)


def check_upload(uploaded, max_size: int) -> None:
    extension = Path(uploaded.name).suffix.lower().lstrip(".")
    if uploaded.size > max_size:
        raise forms.ValidationError(
            _("This file is %(size)s; the largest allowed is %(max)s.")
            % {"size": filesizeformat(uploaded.size), "max": filesizeformat(max_size)}
        )
    known = {*SIGNATURES, "webp", *OFFICE_PARTS, *OPEN_DOCUMENT_TYPES}
    if extension not in known:
        raise forms.ValidationError(
            _("Files of type “%(type)s” are not accepted.") % {"type": extension or "?"}
        )
    if not content_matches_extension(uploaded, extension):
        raise forms.ValidationError(
            _(
                "The content of this file is not a real %(type)s file. Upload the document "
                "itself, not a renamed file."
            )
            % {"type": extension.upper() or "?"}
        )


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_upload(uploaded, settings.MEKTEP_MAX_DOCUMENT_SIZE)
        return uploaded


class SafeImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_upload(uploaded, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        return uploaded
