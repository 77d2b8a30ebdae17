"""Issue 15, SQLite under concurrent writes: twenty autosaves and a submit for approval sent at
the same moment to a production server (Gunicorn, three worker processes) sharing one
SQLite file never fail with "database is locked": SQLite runs in WAL mode, every transaction
takes the write lock when it begins (IMMEDIATE) and a writer waits up to 20 s for another
(schoolsite/settings/base.py)."""

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import SITE_ADMIN
from cms_pages.models import NewsIndexPage
from cms_pages.provisioning import SchoolNames, create_school
from tests import servers
from tests.admin_forms import form_data
from tests.people import make_member
from tests.schoolsite.test_two_servers import shared_database, sign_in

HOST = "busy-school.test"
AUTOSAVES = 20

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own locking; PostgreSQL locks rows"
)


@pytest.fixture
def school(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    site = create_school(
        HOST, SchoolNames(full_ky="Бош эмес мектеп", full_ru="Занятая школа"), is_default_site=True
    )
    admin = make_member(site, SITE_ADMIN, "site-admin.busy")
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    page = NewsIndexPage.objects.child_of(site.root_page).get()
    return {"username": admin.username, "device": device, "page": page.pk}


@pytest.fixture
def server(school, tmp_path):
    """Gunicorn with three worker processes on a file copy of the test database."""
    database = shared_database(tmp_path)
    environment = servers.production_environment(
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database,
        MEKTEP_VAR_DIR=str(tmp_path / "var"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    servers.collect_static(tmp_path, environment)
    service, address = servers.start_gunicorn("busy", tmp_path, environment, HOST, workers=3)
    try:
        yield service, address, database.removeprefix("sqlite:///")
    finally:
        servers.stop_all([service])


def test_twenty_autosaves_and_a_submit_at_once_all_succeed(server, school):
    service, address, path = server
    editor = servers.Browser(HOST)
    sign_in(editor, address, school)
    edit = f"/admin/pages/{school['page']}/edit/"
    data = form_data(editor.get(address, edit).text, containing="title_ky")
    headers = {**editor.headers(), "Referer": f"https://{HOST}{edit}"}

    def autosave(number):
        typed = {**data, "title_ru": f"Новости ({number})"}
        return requests.post(
            address + edit,
            data=typed,
            headers={**headers, "Accept": "application/json"},
            allow_redirects=False,
            timeout=120,
        )

    def submit():
        return requests.post(
            address + edit,
            data={**data, "action-submit": "action-submit"},
            headers=headers,
            allow_redirects=False,
            timeout=120,
        )

    with ThreadPoolExecutor(max_workers=AUTOSAVES + 1) as pool:
        saves = [pool.submit(autosave, number) for number in range(AUTOSAVES)]
        submitted = pool.submit(submit)
        responses = [future.result() for future in saves]
        submitted = submitted.result()
    # Each autosave is saved, or refused because another saved a newer version first (Wagtail's
    # conflict check, in the editor's language): never an error of the database.
    answers = [(response.status_code, response.json()) for response in responses]
    assert {status for status, _body in answers} <= {200, 400}, answers
    assert all(body["success"] or body["error_code"] == "invalid_revision" for _s, body in answers)
    saved = sum(1 for _status, body in answers if body["success"])
    assert saved >= 1
    assert submitted.status_code == 302, submitted.text[:2000]
    assert "database is locked" not in service.output()
    # Every save is a revision, and the page waits in its school's workflow.
    database = sqlite3.connect(path)
    try:
        (revisions,) = database.execute(
            "SELECT COUNT(*) FROM wagtailcore_revision WHERE object_id = ?", [str(school["page"])]
        ).fetchone()
        (in_progress,) = database.execute(
            "SELECT COUNT(*) FROM wagtailcore_workflowstate WHERE object_id = ? AND status = ?",
            [str(school["page"]), "in_progress"],
        ).fetchone()
        (mode,) = database.execute("PRAGMA journal_mode").fetchone()
    finally:
        database.close()
    assert revisions >= saved + 1
    assert in_progress == 1
    assert mode == "wal"
