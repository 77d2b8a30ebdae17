import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

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
