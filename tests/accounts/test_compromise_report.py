from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts.roles import EDITOR, SITE_ADMIN
from tests.people import PASSWORD, make_member, sign_in


def test_reporting_a_compromised_account_ends_its_sessions_everywhere_at_once(school):
    teacher = make_member(school.site, EDITOR, username="teacher")
    make_member(school.site, SITE_ADMIN, username="school-admin")
    elsewhere = sign_in(Client(), teacher, ip="198.51.100.9")
    at_school = sign_in(Client(), teacher)
    assert elsewhere.get("/admin/").status_code == 200

    at_school.get("/admin/account/compromised/")
    response = at_school.post("/admin/account/compromised/")
    assert response.url == "/admin/password_reset/"

    assert elsewhere.get("/admin/").url.startswith("/admin/login/")
    assert at_school.get("/admin/").url.startswith("/admin/login/")
    again = Client().post("/admin/login/", {"username": "teacher", "password": PASSWORD})
    assert again.status_code == 200, "the old password no longer works"

    assert [m.to for m in mail.outbox] == [["school-admin@school1.test"]]
    assert "teacher" in mail.outbox[0].subject
    assert ModelLogEntry.objects.filter(
        object_id=str(teacher.pk), action="mektep.account.compromise_reported"
    ).exists()


def test_the_report_is_offered_on_the_account_page(client, school):
    sign_in(client, make_member(school.site, EDITOR))
    assert "/admin/account/compromised/" in client.get("/admin/account/").content.decode()
