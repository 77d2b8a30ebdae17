import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from accounts.provisioning import school_collection
from accounts.roles import EDITOR
from tests.people import make_member, sign_in

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A greyscale 1-bit PNG; with width*height huge and rows all zero it stays tiny on disk."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\0" * (1 + (width + 7) // 8)
    data = zlib.compress(rows if rows is not None else row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\0" * 200, "“exe”"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "“svg”"),
        ("charter.pdf", b"<!doctype html><script>alert(1)</script>", "PDF"),
    ],
    ids=["a program", "an SVG", "an HTML page renamed .pdf"],
)
def test_a_disguised_or_forbidden_document_is_refused_and_nothing_is_stored(
    admin_client, name, content, reason
):
    before = stored_files()
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files() == before


def test_a_real_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "charter.pdf", MINIMAL_PDF)
    assert response.status_code == 302
    assert Document.objects.get().file.name.endswith(".pdf")


def test_documents_are_served_through_wagtail_so_privacy_applies(admin_client, client):
    upload_document(admin_client, "charter.pdf", MINIMAL_PDF)
    document = Document.objects.get()
    assert document.url.startswith("/documents/")
    assert client.get(document.url).status_code == 200


def test_a_decompression_bomb_image_is_refused_and_nothing_is_stored(admin_client):
    bomb = png(20000, 20000)
    assert len(bomb) < 200_000
    before = stored_files()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "bomb", "file": SimpleUploadedFile("bomb.png", bomb), "collection": 1},
    )
    assert response.status_code == 200
    assert "pixels" in response.content.decode() or "пиксел" in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files() == before


def test_an_image_that_is_really_html_is_refused(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "x", "file": SimpleUploadedFile("photo.png", b"<html></html>"), "collection": 1},
    )
    assert response.status_code == 200
    assert Image.objects.count() == 0


# Issue 10, finding 2: one upload must never exhaust the server or answer with a 500.

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
EXCEL_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ODT_TYPE = b"application/vnd.oasis.opendocument.text"
ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# What school staff read (the admin speaks Kyrgyz by default), in the refusal messages.
NOT_WORD = "Word документи (.docx) эмес"
NOT_EXCEL = "Excel китеби (.xlsx) эмес"
NOT_ODT = "OpenDocument тексти (.odt) эмес"
NOT_ODS = "OpenDocument электрондук жадыбалы (.ods) эмес"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def zip_of(*entries, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP of (name or ZipInfo, content) pairs, written in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def office_open_xml(main_part: str, main_type: str, *parts) -> bytes:
    """An OOXML package as Office writes it: content types, package relationships, parts."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Target="{main_part}" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument"/></Relationships>'
    )
    return zip_of(("[Content_Types].xml", content_types), ("_rels/.rels", relationships), *parts)


def docx(main_type: str = WORD_MAIN) -> bytes:
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Ата-энелер жыйыны</w:t></w:r></w:p></w:body></w:document>"
    )
    return office_open_xml("word/document.xml", main_type, ("word/document.xml", body))


def xlsx(main_type: str = EXCEL_MAIN) -> bytes:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_relationships = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{relations}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>'
    )
    sheet = f'<worksheet xmlns="{main}"><sheetData/></worksheet>'
    return office_open_xml(
        "xl/workbook.xml",
        main_type,
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_relationships),
        ("xl/worksheets/sheet1.xml", sheet),
    )


def open_document(mimetype: bytes, *, stored: bool = True, content: bool = True) -> bytes:
    """An OpenDocument package: a stored `mimetype` entry first, then content and manifest."""
    first = zipfile.ZipInfo("mimetype")
    first.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{mimetype.decode()}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    body = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' office:version="1.2"><office:body/></office:document-content>'
    )
    parts = [(first, mimetype), ("META-INF/manifest.xml", manifest)]
    if content:
        parts.append(("content.xml", body))
    return zip_of(*parts)


def openpyxl_workbook() -> bytes:
    """A workbook written by a real spreadsheet library, not by this test."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Сабак жадыбалы"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bomb_odt(mebibytes: int = 256) -> bytes:
    """An .odt whose `mimetype` entry really unpacks to `mebibytes` of zeros (~230:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("mimetype", "w") as entry:
            zeros = bytes(1024 * 1024)
            for _ in range(mebibytes):
                entry.write(zeros)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return buffer.getvalue()


def declaring_two_gibibytes(archive: bytes) -> bytes:
    """`archive` with its first entry's uncompressed size rewritten to 2 GiB in both headers."""
    data = bytearray(archive)
    struct.pack_into("<L", data, 22, 2**31)  # local file header
    struct.pack_into("<L", data, data.index(b"PK\x01\x02") + 24, 2**31)  # central directory
    return bytes(data)


def encrypted_entry(archive: bytes) -> bytes:
    """`archive` with every entry flagged as encrypted (general purpose bit 0)."""
    data = bytearray(archive)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_offset] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&c;</Types>'
)


def test_a_zip_bomb_is_refused_within_a_second_in_bounded_memory(admin_client):
    """The finding: a 2 MB .odt whose mimetype unpacked to 2 GiB held 4.4 GB for 64 s."""
    bomb = zip_bomb_odt()
    assert len(bomb) < 2 * 1024 * 1024
    before = stored_files()
    admin_client.get("/admin/documents/add/")  # compile the admin's templates first

    started = time.perf_counter()
    response = upload_document(admin_client, "plan.odt", bomb)
    assert time.perf_counter() - started < 1.0
    assert response.status_code == 200
    assert "zip-бомба" in response.content.decode()

    tracemalloc.start()
    upload_document(admin_client, "plan.odt", bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
    assert Document.objects.count() == 0
    assert stored_files() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "report.docx",
            zip_of(("[Content_Types].xml", "not xml <"), ("word/", b"")),
            NOT_WORD,
        ),
        (
            "report.docx",
            office_open_xml("word/document.xml", WORD_MAIN, ("word/", b"")),
            NOT_WORD,
        ),
        ("marks.xlsx", docx(), NOT_EXCEL),
        ("marks.xlsx", xlsx(EXCEL_MACRO_MAIN), "макростор бар"),
        (
            "report.docx",
            zip_of(("[Content_Types].xml", BILLION_LAUGHS), ("word/document.xml", "<w/>")),
            NOT_WORD,
        ),
        ("plan.odt", open_document(ODT_TYPE, stored=False), NOT_ODT),
        ("plan.odt", open_document(ODT_TYPE + b"\n"), NOT_ODT),
        ("plan.odt", open_document(ODT_TYPE, content=False), NOT_ODT),
        ("marks.ods", open_document(ODT_TYPE), NOT_ODS),
        ("plan.odt", encrypted_entry(open_document(ODT_TYPE)), "сырсөз менен корголгон"),
        (
            "report.docx",
            office_open_xml(
                "word/document.xml", WORD_MAIN, ("word/document.xml", "<w/>"), ("../x.xml", "<x/>")
            ),
            "“..”",
        ),
        ("report.docx", declaring_two_gibibytes(docx()), "zip-бомба"),
        ("report.docx", docx()[: len(docx()) // 2], NOT_WORD),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + SVG, "PNG сүрөтү эмес"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + SVG, "JPG сүрөтү эмес"),
    ],
    ids=[
        "a word folder and broken content types",
        "a word folder and no main document part",
        "a Word document renamed .xlsx",
        "a macro-enabled workbook renamed .xlsx",
        "an entity bomb in the content types",
        "an .odt with a compressed mimetype",
        "an .odt whose mimetype has a trailing newline",
        "an .odt without content.xml",
        "an .odt renamed .ods",
        "an encrypted .odt",
        "a path climbing out of the archive",
        "an entry declaring 2 GiB",
        "a truncated .docx",
        "a PNG signature before SVG text",
        "a JPEG signature before SVG text",
    ],
)
def test_a_document_that_is_not_what_it_claims_is_refused_with_a_message(
    admin_client, name, content, message
):
    before = stored_files()
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.docx", docx()),
        ("marks.xlsx", xlsx()),
        ("marks.xlsx", openpyxl_workbook()),
        ("plan.odt", open_document(ODT_TYPE)),
        ("marks.ods", open_document(ODS_TYPE)),
        ("logo.png", png(4, 4)),
    ],
    ids=["docx", "xlsx", "xlsx by openpyxl", "odt", "ods", "png"],
)
def test_a_real_office_document_or_picture_is_accepted(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302
    assert Document.objects.get().file.name.endswith(name.rsplit(".", 1)[1])


def test_a_real_image_is_accepted(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "logo", "file": SimpleUploadedFile("logo.png", png(4, 4)), "collection": 1},
    )
    assert response.status_code == 302
    assert Image.objects.get().width == 4


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + SVG, "PNG сүрөтү эмес"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + SVG, "JPG сүрөтү эмес"),
        ("photo.webp", b"RIFF\x40\0\0\0WEBPVP8 " + SVG, "WEBP сүрөтү эмес"),
        ("photo.png", png(64, 64)[:60], "PNG сүрөтү эмес"),
    ],
    ids=["PNG signature + SVG", "JPEG signature + SVG", "WebP signature + SVG", "truncated PNG"],
)
def test_an_image_that_only_starts_like_one_is_refused_with_a_message(
    admin_client, name, content, message
):
    before = stored_files()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "x", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files() == before


HOSTILE_UPLOADS = [
    ("empty.png", b""),
    ("empty.docx", b""),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + SVG),
    ("photo.jpg", b"\xff\xd8\xff" + SVG),
    ("photo.webp", b"RIFF\0\0\0\0WEBP" + b"\xff" * 64),
    ("bomb.png", png(20000, 20000)),
    ("report.docx", docx()[:100]),
    ("report.docx", b"PK\x05\x06" + b"\0" * 18),
    ("report.docx", declaring_two_gibibytes(docx())),
    ("plan.odt", b"PK\x03\x04" + bytes(range(256))),
    ("plan.odt", zip_of()),
    ("plan.odt", encrypted_entry(open_document(ODT_TYPE))),
]


@pytest.mark.parametrize(
    "view",
    [
        "/admin/images/add/",
        "/admin/images/multiple/add/",
        "/admin/documents/add/",
        "/admin/documents/multiple/add/",
    ],
)
@pytest.mark.parametrize("who", ["superuser", "school editor"])
def test_no_upload_gets_a_server_error_in_any_upload_view(client, superuser, school, view, who):
    if who == "superuser":
        client.force_login(superuser)
    else:
        sign_in(client, make_member(school.site, EDITOR))
    collection = school_collection(school.site).pk
    for name, content in HOSTILE_UPLOADS:
        upload = SimpleUploadedFile(name, content)
        if "multiple" in view:
            response = client.post(view, {"files[]": upload, "collection": collection})
            assert response.status_code == 200, name
            assert response.json()["success"] is False, name
        else:
            response = client.post(view, {"title": name, "file": upload, "collection": collection})
            assert response.status_code == 200, name
    assert Image.objects.count() == Document.objects.count() == 0
    assert not UploadedFile.objects.exists()


def test_a_refused_document_gets_one_reason_not_a_second_about_its_extension(admin_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml at all")
        archive.writestr("word/readme.txt", "hello")
    response = upload_document(admin_client, "buyruk.docx", buffer.getvalue())
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
