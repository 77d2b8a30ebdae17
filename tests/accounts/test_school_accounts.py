from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from tests.people import make_member, sign_in


def test_a_new_account_gets_an_email_to_set_its_own_password(client, school):
    sign_in(client, make_member(school.site, SITE_ADMIN))
    client.post(
        f"/admin/school-accounts/{school.site.pk}/add/",
        {"username": "aigul", "email": "aigul@school1.test", "roles": [EDITOR, MODERATOR]},
    )
    aigul = get_user_model().objects.get(username="aigul")
    assert set(aigul.groups.values_list("school_role__role_key", flat=True)) == {
        EDITOR,
        MODERATOR,
    }
    assert mail.outbox[-1].to == ["aigul@school1.test"]
    assert "/admin/password_reset/" in mail.outbox[-1].body
    assert not aigul.is_superuser and not aigul.is_staff


def test_a_site_administrator_deactivates_and_reactivates_an_account(client, school):
    sign_in(client, make_member(school.site, SITE_ADMIN))
    teacher = make_member(school.site, EDITOR, username="teacher")
    teacher_client = sign_in(Client(), teacher)
    client.post(f"/admin/school-accounts/{school.site.pk}/{teacher.pk}/deactivate/")
    teacher.refresh_from_db()
    assert not teacher.is_active
    assert teacher_client.get("/admin/").url.startswith("/admin/login/")
    client.post(f"/admin/school-accounts/{school.site.pk}/{teacher.pk}/reactivate/")
    teacher.refresh_from_db()
    assert teacher.is_active
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(teacher.pk)).values_list("action", flat=True)
    )
    assert {"mektep.account.deactivated", "mektep.account.reactivated"} <= actions


def test_a_site_administrator_cannot_change_their_own_roles_or_status(client, school):
    admin = make_member(school.site, SITE_ADMIN)
    sign_in(client, admin)
    client.post(
        f"/admin/school-accounts/{school.site.pk}/{admin.pk}/roles/",
        {"roles": [SITE_ADMIN, DIRECTOR]},
    )
    client.post(f"/admin/school-accounts/{school.site.pk}/{admin.pk}/deactivate/")
    admin.refresh_from_db()
    assert admin.is_active
    assert list(admin.groups.values_list("school_role__role_key", flat=True)) == [SITE_ADMIN]


def test_the_account_list_shows_only_the_schools_own_accounts(client, school, other_school):
    sign_in(client, make_member(school.site, SITE_ADMIN))
    make_member(school.site, EDITOR, username="ours")
    make_member(other_school.site, EDITOR, username="theirs")
    page = client.get(f"/admin/school-accounts/{school.site.pk}/").content.decode()
    assert "ours" in page and "theirs" not in page


def test_school_accounts_never_reach_wagtails_user_and_group_screens(client, school):
    sign_in(client, make_member(school.site, SITE_ADMIN))
    for path in [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_groups:index"),
    ]:
        response = client.get(path)
        assert response.status_code in {302, 403} and "/admin/users" not in response.get(
            "Location", ""
        ), path


def test_the_account_events_report_shows_only_the_schools_own_accounts(
    client, school, other_school
):
    ours = make_member(school.site, EDITOR, username="ours")
    theirs = make_member(other_school.site, EDITOR, username="theirs")
    sign_in(Client(), ours)
    sign_in(Client(), theirs)
    sign_in(client, make_member(school.site, DIRECTOR))
    page = client.get("/admin/reports/account-events/").content.decode()
    assert "ours" in page and "theirs" not in page
