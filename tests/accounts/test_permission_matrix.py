"""Every school role against every admin action, over HTTP, row by row from accounts.roles.

Expected outcomes are read from the one table (ROLES); the actions are done the way a person
would do them in the admin. Actions no school role has (granting superuser, touching another
school) are expected refused for everyone.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, ROLES, SITE_ADMIN, Can
from accounts.site_reports.build import build
from cms_pages.models import SchoolProfile, VisitorMessage
from tests.admin_forms import form_data
from tests.people import make_member, sign_in

NEW_TITLE = "Жаңы аталыш"


def refused(response) -> bool:
    """Wagtail refuses with 403, or by sending the person back to the dashboard."""
    return response.status_code in {403, 404} or (
        response.status_code == 302 and response.url.rstrip("/") == "/admin"
    )


def open_admin(client, school, other):
    return client.get("/admin/").status_code == 200


def edit_page(client, school, other):
    url = f"/admin/pages/{school.draft_page.id}/edit/"
    response = client.get(url)
    if refused(response):
        return False
    data = form_data(response.content.decode(), containing="title_ky") | {"title_ky": NEW_TITLE}
    client.post(url, data)
    revision = Page.objects.get(pk=school.draft_page.pk).get_latest_revision()
    return revision.content["title_ky"] == NEW_TITLE


def publish_directly(client, school, other):
    url = f"/admin/pages/{school.live_page.id}/edit/"
    response = client.get(url)
    if refused(response):
        return False
    data = form_data(response.content.decode(), containing="title_ky")
    client.post(url, data | {"title_ky": NEW_TITLE, "action-publish": "action-publish"})
    return Page.objects.get(pk=school.live_page.pk).title_ky == NEW_TITLE


def submit_draft(client, page_id: int) -> None:
    """Press "Submit for moderation" on a draft with its title in both languages."""
    url = f"/admin/pages/{page_id}/edit/"
    response = client.get(url)
    if refused(response):
        return
    data = form_data(response.content.decode(), containing="title_ky")
    client.post(url, data | {"title_ky": "Долбоор", "title_ru": "Черновик", "action-submit": "1"})


def submit(client, school, other):
    submit_draft(client, school.draft_page.id)
    return Page.objects.get(pk=school.draft_page.pk).workflow_in_progress


def approve(client, school, other):
    """An editor's clean draft reaches the director's step; then this person approves it."""
    author = sign_in(Client(), make_member(school.site, EDITOR, username="author"))
    submit_draft(author, school.draft_page.id)
    page = Page.objects.get(pk=school.draft_page.pk)
    task_state = page.current_workflow_state.current_task_state
    assert task_state.task.specific.groups.filter(school_role__role_key=DIRECTOR).exists()
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    return Page.objects.get(pk=school.draft_page.pk).live


def open_moderation_queue(client, school, other):
    return client.get(reverse("moderation_queue")).status_code == 200


def handle_a_report(client, school, other):
    """A visitor reports the live page; this person takes it down from the moderation queue."""
    from moderation.models import PageReport

    PageReport.objects.create(
        site=school.site, page=school.live_page, page_title="x", reason=PageReport.WRONG
    )
    client.post(f"/admin/moderation/reports/{school.live_page.id}/take-down/", {"note": "Ката бар"})
    return not Page.objects.get(pk=school.live_page.pk).live


def take_down(client, school, other):
    client.post(f"/admin/pages/{school.live_page.id}/take-down/")
    return not Page.objects.get(pk=school.live_page.pk).live


def delete_page(client, school, other):
    client.post(f"/admin/pages/{school.draft_page.id}/delete/")
    return not Page.objects.filter(pk=school.draft_page.pk).exists()


def create_account(client, school, other):
    client.post(
        f"/admin/school-accounts/{school.site.pk}/add/",
        {
            "username": "new-teacher",
            "first_name": "Айгүл",
            "last_name": "Асанова",
            "email": "aigul@school1.test",
            "roles": [EDITOR],
        },
    )
    return get_user_model().objects.filter(username="new-teacher").exists()


def grant_role(client, school, other):
    colleague = make_member(school.site, EDITOR, username="colleague")
    client.post(
        f"/admin/school-accounts/{school.site.pk}/{colleague.pk}/roles/",
        {"roles": [EDITOR, MODERATOR]},
    )
    return colleague.groups.filter(school_role__role_key=MODERATOR).exists()


def appoint(role_key: str):
    """Give a colleague the director's or the site administrator's role, through account
    creation and through the roles form."""

    def attempt(client, school, other):
        colleague = make_member(school.site, EDITOR, username="colleague")
        client.post(
            f"/admin/school-accounts/{school.site.pk}/{colleague.pk}/roles/",
            {"roles": [EDITOR, role_key]},
        )
        client.post(
            f"/admin/school-accounts/{school.site.pk}/add/",
            {
                "username": "second-account",
                "first_name": "Экинчи",
                "last_name": "Аккаунт",
                "email": "mine@example.org",
                "roles": [role_key],
            },
        )
        by_roles_form = colleague.groups.filter(school_role__role_key=role_key).exists()
        by_new_account = (
            get_user_model()
            .objects.filter(username="second-account", groups__school_role__role_key=role_key)
            .exists()
        )
        assert by_roles_form == by_new_account
        return by_roles_form

    return attempt


def deactivate_the_director(client, school, other):
    director = make_member(school.site, DIRECTOR, username="the-director")
    client.post(f"/admin/school-accounts/{school.site.pk}/{director.pk}/deactivate/")
    director.refresh_from_db()
    return not director.is_active


def take_down_the_home_page(client, school, other):
    home = school.site.root_page
    client.post(f"/admin/pages/{home.id}/take-down/")
    client.post(f"/admin/pages/{home.id}/unpublish/", {"include_descendants": "on"})
    return not Page.objects.get(pk=home.pk).live


def delete_the_home_page(client, school, other):
    home = school.site.root_page
    client.post(f"/admin/pages/{home.id}/delete/")
    return not Page.objects.filter(pk=home.pk).exists()


def grant_superuser(client, school, other):
    """Through every door there is: Wagtail's user editor and our account form."""
    colleague = make_member(school.site, EDITOR, username="colleague")
    edit_url = reverse("wagtailusers_users:edit", args=[colleague.pk])
    response = client.get(edit_url)
    if not refused(response):
        data = form_data(response.content.decode(), containing="username")
        names = {"first_name": "Бакыт", "last_name": "Осмонов"}
        client.post(edit_url, data | names | {"is_superuser": "on"})
    client.post(
        f"/admin/school-accounts/{school.site.pk}/add/",
        {"username": "sneaky", "email": "s@school1.test", "roles": [EDITOR], "is_superuser": "on"},
    )
    return (
        get_user_model()
        .objects.filter(username__in=["colleague", "sneaky"], is_superuser=True)
        .exists()
    )


def touch_other_school(client, school, other):
    stranger = make_member(other.site, EDITOR, username="stranger")
    edit = client.get(f"/admin/pages/{other.draft_page.id}/edit/")
    listing = client.get(f"/admin/school-accounts/{other.site.pk}/")
    via_own_school = client.post(
        f"/admin/school-accounts/{school.site.pk}/{stranger.pk}/deactivate/"
    )
    take_down = client.post(f"/admin/pages/{other.live_page.id}/take-down/")
    stranger.refresh_from_db()
    return not (
        refused(edit)
        and refused(listing)
        and refused(via_own_school)
        and refused(take_down)
        and stranger.is_active
        and Page.objects.get(pk=other.live_page.pk).live
    )


def view_audit(client, school, other):
    return client.get("/admin/reports/account-events/").status_code == 200


def profile_form(client, school) -> str | None:
    profile = SchoolProfile.for_site(school.site)
    edit = reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])
    response = client.get(edit)
    return response.content.decode() if response.status_code == 200 else None


def edit_school_profile(client, school, other):
    return profile_form(client, school) is not None


def set_review_period(client, school, other):
    html = profile_form(client, school)
    if html is None:
        return False
    field = html.split('name="disclosure_review_days"', 1)[1].split(">", 1)[0]
    return "disabled" not in field


def open_inbox(client, school, other):
    message = VisitorMessage.receive(
        site=school.site,
        language="ky",
        name="Ата-эне",
        email="parent@example.kg",
        topic="other",
        text="Суроо",
        consent_given_at=timezone.now(),
        screening=VisitorMessage.Screening.CLEAR,
    )
    return client.get(f"/admin/inbox/{message.pk}/").status_code == 200


def view_site_reports(client, school, other):
    return client.get(reverse("accounts_site_reports", args=[school.site.pk])).status_code == 200


def approve_site_report(client, school, other):
    today = timezone.localdate()
    report = build(school.site, today.replace(day=1), today)
    client.post(reverse("accounts_site_report_approve", args=[report.pk]))
    report.refresh_from_db()
    return report.is_approved


def view_statistics(client, school, other):
    return client.get(f"/admin/statistics/?school={school.site.pk}").status_code == 200


def may_grant(role_key: str):
    return lambda role: role.may_grant(role_key)


# action -> (what allows it: a capability, a test of the role, or None when no school role may;
# how to try it)
ACTIONS = {
    "open the admin": (Can.OPEN_ADMIN, open_admin),
    "edit a page": (Can.EDIT, edit_page),
    "submit to the workflow": (Can.SUBMIT, submit),
    "publish directly": (Can.PUBLISH, publish_directly),
    "take a page down": (Can.TAKE_DOWN, take_down),
    "delete a page": (Can.DELETE, delete_page),
    "approve": (Can.APPROVE, approve),
    "open the moderation queue": (Can.REVIEW_FLAGGED, open_moderation_queue),
    "take down a page a visitor reported": (Can.HANDLE_REPORTS, handle_a_report),
    "create an account": (Can.MANAGE_ACCOUNTS, create_account),
    "grant a role": (Can.GRANT_ROLES, grant_role),
    "make someone director": (may_grant(DIRECTOR), appoint(DIRECTOR)),
    "make someone site administrator": (may_grant(SITE_ADMIN), appoint(SITE_ADMIN)),
    "deactivate the director": (may_grant(DIRECTOR), deactivate_the_director),
    "take the home page down": (
        lambda role: role.can(Can.TAKE_DOWN) and role.can(Can.PUBLISH),
        take_down_the_home_page,
    ),
    "delete the home page": (None, delete_the_home_page),
    "see the school's account events": (Can.VIEW_AUDIT, view_audit),
    "edit the school profile": (Can.EDIT_SCHOOL_RECORDS, edit_school_profile),
    "set the disclosure review period": (Can.SET_REVIEW_PERIOD, set_review_period),
    "read the school's visitors' messages": (Can.ANSWER_VISITORS, open_inbox),
    "see the school's site reports": (Can.VIEW_SITE_REPORTS, view_site_reports),
    "approve the school's site report": (Can.APPROVE_SITE_REPORT, approve_site_report),
    "see the school's usage statistics": (Can.VIEW_STATISTICS, view_statistics),
    "grant superuser": (None, grant_superuser),
    "touch another school": (None, touch_other_school),
}

ROWS = [
    pytest.param(role_key, action, id=f"{role_key}: {action}")
    for role_key in ROLES
    for action in ACTIONS
]


@pytest.mark.parametrize(("role_key", "action"), ROWS)
def test_each_role_may_do_exactly_what_the_role_table_says(
    role_key, action, member_client, school, other_school
):
    allowed, attempt = ACTIONS[action]
    role = ROLES[role_key]
    if allowed is None:
        expected = False
    elif isinstance(allowed, Can):
        expected = role.can(allowed)
    else:
        expected = allowed(role)
    client = member_client(role_key)
    assert attempt(client, school, other_school) is expected


def test_the_platform_administrator_may_grant_superuser_status(admin_client, school, other_school):
    assert grant_superuser(admin_client, school, other_school) is True
