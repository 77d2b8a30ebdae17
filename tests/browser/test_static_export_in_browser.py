"""The exported files, served by a plain static web server, carry the same parent journey."""

import io
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.core.management import call_command

from .journeys import (
    parent_checks_the_teachers_and_opens_a_document,
    parent_reads_the_news_and_switches_language,
)

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def static_server(demo_live_server, tmp_path):
    out = io.StringIO()
    call_command("export_static", "--site", "localhost", "--output", str(tmp_path), stdout=out)
    assert "No broken internal links." in out.getvalue()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(url + "/robots.txt", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_parent_journey_works_on_the_static_export(page, static_server):
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    parent_reads_the_news_and_switches_language(page, static_server + "/ru/")
    parent_checks_the_teachers_and_opens_a_document(page, static_server + "/ru/")
    page.goto(static_server + "/ru/news/page/2/")
    assert page.locator("h1").inner_text().startswith("Новости")
    assert failed == []
