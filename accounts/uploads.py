"""Uploads are judged by what they contain, not by what they are called.

A document or image must carry an allowed extension and really be that format, so an HTML
page or a program renamed `.pdf` is refused before anything is stored. SVG is never accepted:
it can carry script. Whatever an upload holds, checking it must stay cheap and end in a form
error the editor can act on, never a 500:

- Images are opened by Pillow as the format their extension names only, their pixels are
  counted against WAGTAILIMAGES_MAX_IMAGE_PIXELS before any is decoded, then they are decoded
  once, as Wagtail's first rendition would be: damage shows here, not on a public page.
- Office files are ZIP archives, and a few kilobytes can declare gigabytes. The archive is
  judged by its central directory (entries, declared sizes, compression ratio, encryption,
  paths) before anything is unpacked; the few small parts that prove the format are read
  through `archive.open()` with a hard byte cap, never `archive.read()`.
- DOCX/XLSX need the structure Office follows: `_rels/.rels` names the main part,
  `[Content_Types].xml` gives it the format's main content type, and the part exists; macro
  files are refused. ODT/ODS must begin with a stored `mimetype` entry holding exactly their
  OpenDocument type and carry `content.xml` and `META-INF/manifest.xml`.
"""

import posixpath
import struct
import zipfile
from pathlib import Path

from defusedxml import ElementTree
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
OPEN_DOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
ACCEPTED = {"pdf", *IMAGE_FORMATS, *OOXML_MAIN_TYPES, *OPEN_DOCUMENT_TYPES}
NOT_THIS_FORMAT = {
    "docx": gettext_lazy(
        "This is not a Word document (.docx), or it is damaged. Open it in Word or "
        "LibreOffice, save it as .docx and upload that copy."
    ),
    "xlsx": gettext_lazy(
        "This is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel or "
        "LibreOffice, save it as .xlsx and upload that copy."
    ),
    "odt": gettext_lazy(
        "This is not an OpenDocument text (.odt), or it is damaged. Open it in LibreOffice, "
        "save it as .odt and upload that copy."
    ),
    "ods": gettext_lazy(
        "This is not an OpenDocument spreadsheet (.ods), or it is damaged. Open it in "
        "LibreOffice, save it as .ods and upload that copy."
    ),
}
SAVE_AGAIN = gettext_lazy("Save the document again from your office program and upload that copy.")

MAX_ENTRIES = 10_000
# zipfile builds an object per central-directory record before we see any of them: 10 MB of
# records is 200,000 entries, ~90 MB and over a second. This bounds it to what MAX_ENTRIES
# records with long names need.
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 256
MAX_RATIO = 100
RATIO_APPLIES_ABOVE = 1024 * 1024  # small parts (an empty sheet) may compress as they like
MAX_PART_BYTES = 1024 * 1024  # the parts read to prove the format are a few kilobytes
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
END_RECORD = struct.Struct("<4s4H2LH")
END_LOCATOR_64 = struct.Struct("<4sLQL")
END_RECORD_64 = struct.Struct("<4sQ2H2L4Q")


def refuse(message, **params):
    raise forms.ValidationError(message % params if params else message)


def declared_directory(stream) -> tuple[int, int]:
    """The entry count and central-directory size declared by the archive's end record."""
    stream.seek(0, 2)
    tail_start = max(0, stream.tell() - END_RECORD.size - 0xFFFF)  # the comment is ≤ 64 KiB
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < END_RECORD.size:
        raise zipfile.BadZipFile("no end of central directory record")
    entries, size = END_RECORD.unpack_from(tail, at)[4:6]
    if entries == 0xFFFF or size == 0xFFFFFFFF:  # Zip64: the real figures are further back
        stream.seek(tail_start + at - END_LOCATOR_64.size)
        locator = END_LOCATOR_64.unpack(stream.read(END_LOCATOR_64.size))
        stream.seek(locator[2])
        record = END_RECORD_64.unpack(stream.read(END_RECORD_64.size))
        if locator[0] != b"PK\x06\x07" or record[0] != b"PK\x06\x06":
            raise zipfile.BadZipFile("broken Zip64 end record")
        entries, size = record[7], record[8]
    return entries, size


def refuse_too_many_entries():
    refuse(
        _("This file is made of more than %(count)s parts, the most allowed. %(advice)s"),
        count=number_format(MAX_ENTRIES, force_grouping=True),
        advice=SAVE_AGAIN,
    )


def check_directory(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb, an encrypted part or an unsafe path from declared figures alone."""
    if len(archive.infolist()) > MAX_ENTRIES:
        refuse_too_many_entries()
    limit = settings.MEKTEP_MAX_UNPACKED_SIZE
    names, total = set(), 0
    for entry in archive.infolist():
        if entry.flag_bits & 0x1:
            refuse(
                _(
                    "This file is password-protected. Remove the password in your office "
                    "program, save the file and upload it again."
                )
            )
        path = entry.filename.replace("\\", "/")
        if path.startswith("/") or path[1:2] == ":" or ".." in path.split("/"):
            refuse(
                _("This file holds parts with unsafe names (absolute paths or “..”). %(advice)s"),
                advice=SAVE_AGAIN,
            )
        if entry.file_size > max(RATIO_APPLIES_ABOVE, MAX_RATIO * entry.compress_size):
            refuse(
                _(
                    "Part of this file unpacks to more than %(ratio)s times its packed size, "
                    "as a “zip bomb” does. %(advice)s"
                ),
                ratio=MAX_RATIO,
                advice=SAVE_AGAIN,
            )
        total += entry.file_size
        if total > limit:
            refuse(
                _(
                    "This archive unpacks to more than %(max)s, the most allowed. Remove large "
                    "pictures or videos from the document, or split it, and upload it again."
                ),
                max=filesizeformat(limit),
            )
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise zipfile.BadZipFile("not a compression method office programs use")
        if path in names:  # two parts of one name: we might check one, Office open the other
            raise zipfile.BadZipFile("duplicate entry")
        names.add(path)


def read_part(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    """A part's bytes, unpacking at most `limit` + 1 bytes whatever size it declares."""
    entry = archive.getinfo(name)
    if entry.file_size > limit:
        raise zipfile.BadZipFile(f"{name} is too large")
    with archive.open(entry) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise zipfile.BadZipFile(f"{name} is larger than it declares")
    return data


def read_xml(archive: zipfile.ZipFile, name: str):
    """A small XML part, parsed with any DOCTYPE refused, so no entity can expand."""
    return ElementTree.fromstring(read_part(archive, name), forbid_dtd=True)


def check_office_open_xml(archive: zipfile.ZipFile, extension: str) -> None:
    """The main part `_rels/.rels` names must exist and carry the format's content type."""
    types = read_xml(archive, "[Content_Types].xml")
    overrides = {
        element.get("PartName", "").lstrip("/"): element.get("ContentType", "")
        for element in types.iter(f"{CONTENT_TYPES}Override")
    }
    declared = [element.get("ContentType", "") for element in types.iter()]
    if any("macroEnabled" in kind or "vbaProject" in kind for kind in declared):
        refuse(
            _(
                "This file contains macros, which are not accepted. Save it without macros "
                "(as .docx or .xlsx) and upload that copy."
            )
        )
    main_parts = [
        posixpath.normpath("/" + relation.get("Target", "")).lstrip("/")
        for relation in read_xml(archive, "_rels/.rels").iter(f"{RELATIONSHIPS}Relationship")
        if relation.get("Type", "").endswith("/officeDocument")
    ]
    if len(main_parts) != 1 or overrides.get(main_parts[0]) != OOXML_MAIN_TYPES[extension]:
        raise zipfile.BadZipFile("no main part of this format")
    archive.getinfo(main_parts[0])


def check_open_document(archive: zipfile.ZipFile, extension: str) -> None:
    """ODF's own rule: a stored `mimetype` entry first, holding exactly the document type."""
    first = archive.infolist()[0]
    if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED:
        raise zipfile.BadZipFile("mimetype is not the first, stored entry")
    if read_part(archive, "mimetype", limit=100) != OPEN_DOCUMENT_TYPES[extension]:
        raise zipfile.BadZipFile("another mimetype")
    archive.getinfo("content.xml")
    archive.getinfo("META-INF/manifest.xml")


def check_archive(uploaded, extension: str) -> None:
    entries, directory_bytes = declared_directory(uploaded)
    if entries > MAX_ENTRIES or directory_bytes > MAX_DIRECTORY_BYTES:
        refuse_too_many_entries()
    uploaded.seek(0)
    with zipfile.ZipFile(uploaded) as archive:
        check_directory(archive)
        if extension in OOXML_MAIN_TYPES:
            check_office_open_xml(archive, extension)
        else:
            check_open_document(archive, extension)


def check_image(uploaded, extension: str) -> None:
    """Open as the named format only, count the pixels, then verify and decode once."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS or PILImage.MAX_IMAGE_PIXELS * 2
    message = _(
        "This image has more than %(max)s pixels, the most allowed. Make it smaller in an "
        "image editor and upload it again."
    )
    formats = [IMAGE_FORMATS[extension]]
    try:
        with PILImage.open(uploaded, formats=formats) as image:
            if image.width * image.height * getattr(image, "n_frames", 1) > limit:
                refuse(message, max=number_format(limit, force_grouping=True))
            image.verify()
        uploaded.seek(0)
        with PILImage.open(uploaded, formats=formats) as image:
            # JPEG decodes at 1/8 scale: every byte is still read, in 1/64 of the memory.
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except PILImage.DecompressionBombError:  # Pillow's own ceiling, hit reading the header
        limit = min(limit, PILImage.MAX_IMAGE_PIXELS * 2)
        refuse(message, max=number_format(limit, force_grouping=True))


def check_upload(uploaded, max_size: int | None) -> None:
    """Return if `uploaded` is acceptable; otherwise refuse it with a message to act on."""
    extension = Path(uploaded.name).suffix.lower().lstrip(".")
    if max_size is not None and uploaded.size > max_size:
        refuse(
            _("This file is %(size)s; the largest allowed is %(max)s."),
            size=filesizeformat(uploaded.size),
            max=filesizeformat(max_size),
        )
    if extension not in ACCEPTED:
        refuse(_("Files of type “%(type)s” are not accepted."), type=extension or "?")
    try:
        uploaded.seek(0)
        if extension == "pdf":
            if uploaded.read(5) != b"%PDF-":
                refuse_renamed(extension)
        elif extension in IMAGE_FORMATS:
            check_image(uploaded, extension)
        else:
            check_archive(uploaded, extension)
    except forms.ValidationError:
        raise
    except Exception as error:
        # Parsers of hostile input fail in many ways (BadZipFile, zlib.error, ParseError,
        # OSError, struct.error...); whichever it is, the file is not what it claims to be.
        if extension in NOT_THIS_FORMAT:
            raise forms.ValidationError(NOT_THIS_FORMAT[extension]) from error
        message = _(
            "This image is damaged or is not really a %(type)s image. Open it in an image "
            "editor, save it again as %(type)s and upload that copy."
        )
        raise forms.ValidationError(message % {"type": extension.upper()}) from error
    finally:
        uploaded.seek(0)


def refuse_renamed(extension: str):
    refuse(
        _(
            "The content of this file is not a real %(type)s file. Upload the document "
            "itself, not a renamed file."
        ),
        type=extension.upper(),
    )


class SafeDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_upload(uploaded, settings.MEKTEP_MAX_DOCUMENT_SIZE)
        return uploaded

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the instance's file, which is empty
        # once the upload was refused, and would add "extension not allowed" under the reason.
        reasons = len(self.errors["file"]) if self.has_error("file") else None
        super()._post_clean()
        if reasons is not None:
            del self.errors["file"][reasons:]


class SafeImageField(WagtailImageField):
    """Wagtail's image field with our checks run first: its own measuring of a file that only
    starts like an image (a PNG signature, then SVG text) raises a 500 instead of an error."""

    def to_python(self, data):
        uploaded = forms.FileField.to_python(self, data)
        if uploaded is None:
            return None
        check_upload(uploaded, self.max_upload_size)
        try:
            return super().to_python(data)
        except forms.ValidationError:
            raise
        except Exception as error:
            raise forms.ValidationError(self.error_messages["invalid_image"]) from error


class SafeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if (field := self.fields.get("file")) is not None:
            # Wagtail's upload forms build this field through a formfield callback that a
            # base form cannot override, so it is swapped here for the checked one.
            self.fields["file"] = SafeImageField(
                label=field.label,
                required=field.required,
                max_length=field.max_length,
                widget=field.widget,
            )
