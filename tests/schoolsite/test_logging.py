"""Server errors are logged: to standard error with the request's path and traceback, and by
e-mail to the ADMINS when they are set (issue 10, finding 3: nothing was logged)."""

import io
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.schoolsite.failing_urls")]


@pytest.fixture
def stderr_log():
    """What the error log writes to standard error during the test."""
    handlers = [
        handler
        for handler in logging.getLogger("django.request").handlers
        if isinstance(handler, logging.StreamHandler)
        and handler.stream in (sys.stderr, sys.__stderr__)
    ]
    assert handlers, "no handler writes django.request's errors to standard error"
    stream = io.StringIO()
    previous = handlers[0].setStream(stream)
    yield stream
    handlers[0].setStream(previous)


def test_a_server_error_is_logged_to_standard_error_with_its_path(stderr_log):
    response = Client(raise_request_exception=False).get("/ky/fails/?q=1")
    assert response.status_code == 500
    log = stderr_log.getvalue()
    assert "ERROR django.request: Internal Server Error: /ky/fails/" in log
    assert "RuntimeError: the view failed" in log


def test_a_not_found_page_is_not_logged_as_an_error(stderr_log):
    assert Client().get("/ky/missing/").status_code == 404
    assert stderr_log.getvalue() == ""


def test_the_admins_get_the_error_by_e_mail(settings):
    settings.ADMINS = [("Platform", "platform@example.org")]
    Client(raise_request_exception=False).get("/ky/fails/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["platform@example.org"]
    assert "/ky/fails/" in mail.outbox[0].subject


def test_admins_come_from_the_environment():
    script = "import django; django.setup(); from django.conf import settings as s; print(s.ADMINS)"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "schoolsite.settings.test",
            "MEKTEP_ADMINS": "Айгүл Асанова <aigul@example.kg>, ops@example.kg, not-an-address",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        [("Айгүл Асанова", "aigul@example.kg"), ("", "ops@example.kg")]
    )
