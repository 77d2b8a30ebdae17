"""The school's own profile and announcements in the admin: its site administrator edits them,
its director approves, the automatic checks judge them like pages, and no school reaches another's.
"""

import csv
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from cms_pages.models import PublishedQuestion, SchoolProfile, SiteAlert
from cms_pages.provisioning import SchoolNames, create_school
from tests.admin_forms import form_data
from tests.people import make_member, sign_in

from .public_site import announce

pytestmark = pytest.mark.django_db

NEW_PHONE = "+996 3133 9-99-99"
OLD_PHONE = "+996 3133 2-14-56"
VIOLENT_RU = "Давайте побьём этого учителя, пусть знает своё место."
VIOLENT_KY = "Бул мугалимди уруп салгыла, ал ордун билсин."
FLAGGED_RU = "По вопросам приёма звоните по номеру +996 3133 2-99-99."
FLAGGED_KY = "Кабыл алуу боюнча +996 3133 2-99-99 номерине чалыңыз."


def url(model: str, name: str, *args) -> str:
    return reverse(f"wagtailsnippets_cms_pages_{model}:{name}", args=args)


def footer(client, path: str) -> str:
    html = client.get(path).content.decode()
    return html.split("<footer", 1)[1].split("</footer>", 1)[0]


def member(site, role_key, username=None):
    return sign_in(Client(), make_member(site, role_key, username))


@pytest.fixture
def other_site(demo_site):
    return create_school("school2.example.kg", SchoolNames(full_ky="Экинчи", full_ru="Вторая"))


def edit_profile(client, site, **changes):
    edit = url("schoolprofile", "edit", SchoolProfile.for_site(site).pk)
    data = form_data(client.get(edit).content.decode(), containing="full_name_ky")
    data.update(changes)
    return client.post(edit, data, follow=True)


def add_announcement(client, site, message_ky, message_ru, action=None, severity="danger"):
    add = url("sitealert", "add")
    data = form_data(client.get(add).content.decode(), containing="message_ky")
    data.update(site=str(site.pk), severity=severity, message_ky=message_ky, message_ru=message_ru)
    if action:
        data[action] = action
    return client.post(add, data, follow=True)


def approve(client, model, obj):
    obj = type(obj).objects.get(pk=obj.pk)
    task_state = obj.current_workflow_state.current_task_state
    return client.post(
        url(model, "workflow_action", obj.pk, "approve", task_state.pk), {"comment": ""}
    )


# The profile ---------------------------------------------------------------------------------


def test_the_site_administrators_new_phone_goes_live_only_after_the_directors_approval(
    demo_site, client
):
    admin = member(demo_site, SITE_ADMIN)
    response = edit_profile(admin, demo_site, **{"phones-0-number": NEW_PHONE})
    assert response.status_code == 200
    # A site administrator has no Publish button; a draft is saved, the public sees the old phone.
    assert 'name="action-publish"' not in response.content.decode()
    edit_profile(
        admin, demo_site, **{"phones-0-number": NEW_PHONE, "action-publish": "action-publish"}
    )
    for path in ("/ky/", "/ru/"):
        assert NEW_PHONE not in footer(client, path) and OLD_PHONE in footer(client, path)

    response = edit_profile(
        admin, demo_site, **{"phones-0-number": NEW_PHONE, "action-submit": "action-submit"}
    )
    assert response.status_code == 200
    profile = SchoolProfile.for_site(demo_site)
    state = profile.current_workflow_state
    assert state.workflow == demo_site.root_page.get_workflow()
    assert state.current_task_state.task.name.endswith(
        "директордун бекитүүсү / утверждение директором"
    )
    for path in ("/ky/", "/ru/"):
        assert NEW_PHONE not in footer(client, path)

    director = member(demo_site, DIRECTOR)
    approve(director, "schoolprofile", profile)
    assert SchoolProfile.for_site(demo_site).current_workflow_state is None
    for path in ("/ky/", "/ru/"):
        assert NEW_PHONE in footer(client, path) and OLD_PHONE not in footer(client, path)


def test_only_the_director_sets_the_disclosure_review_period(demo_site):
    admin = member(demo_site, SITE_ADMIN)
    edit = url("schoolprofile", "edit", SchoolProfile.for_site(demo_site).pk)
    html = admin.get(edit).content.decode()
    assert "мектептин директору гана" in html  # only the director may change it, in Kyrgyz
    edit_profile(admin, demo_site, disclosure_review_days="7", **{"action-submit": "action-submit"})
    director = member(demo_site, DIRECTOR)
    profile = SchoolProfile.for_site(demo_site)
    approve(director, "schoolprofile", profile)
    profile.refresh_from_db()
    assert profile.disclosure_review_days == 90

    edit_profile(
        director, demo_site, disclosure_review_days="30", **{"action-publish": "action-publish"}
    )
    profile.refresh_from_db()
    assert profile.disclosure_review_days == 30


def test_school_accounts_neither_add_nor_delete_a_profile(demo_site):
    profile = SchoolProfile.for_site(demo_site)
    for role in (SITE_ADMIN, DIRECTOR):
        client = member(demo_site, role)
        assert client.get(url("schoolprofile", "add")).status_code == 302  # permission denied
        assert client.post(url("schoolprofile", "delete", profile.pk)).status_code == 302
        assert SchoolProfile.objects.filter(pk=profile.pk).exists()


def test_editors_and_moderators_do_not_reach_the_profile_or_announcements(demo_site):
    profile = SchoolProfile.for_site(demo_site)
    alert = announce(demo_site, "Эскертүү", "Объявление")
    for role in (EDITOR, MODERATOR):
        client = member(demo_site, role)
        menu = client.get("/admin/").content.decode()
        assert url("schoolprofile", "list") not in menu
        assert url("sitealert", "list") not in menu
        response = client.get(url("sitealert", "list"))
        assert response.status_code == 302 and response.url == "/admin/", role
        # The school's records are not theirs to open.
        for target in (
            url("schoolprofile", "edit", profile.pk),
            url("sitealert", "edit", alert.pk),
        ):
            assert client.get(target).status_code == 404, (role, target)


def test_the_menu_leads_school_roles_to_their_profile_and_announcements(demo_site):
    for role in (SITE_ADMIN, DIRECTOR):
        menu = member(demo_site, role).get("/admin/").content.decode()
        assert url("schoolprofile", "list") in menu and url("sitealert", "list") in menu


def test_the_basic_information_page_names_the_employee_responsible_for_the_site(demo_site, client):
    html = client.get("/ru/sveden/common/").content.decode()
    assert "Сотрудник, ответственный за сайт" in html
    section = html.split("Сотрудник, ответственный за сайт", 1)[1]
    assert "Сыдыкова Жыпар Маратовна" in section
    assert "Учитель информатики, ответственная за сайт" in section
    assert 'href="tel:+996313321711"' in section and "mailto:sait@ala-too-mektep.kg" in section
    assert "Сыдыкова Жыпар Марат кызы" in client.get("/ky/sveden/common/").content.decode()


# Announcements -------------------------------------------------------------------------------


def test_a_director_publishes_a_danger_announcement_at_once_on_every_page(demo_site, client):
    director = member(demo_site, DIRECTOR)
    response = add_announcement(
        director, demo_site, "Бүгүн суу жок.", "Сегодня нет воды.", "action-publish"
    )
    assert response.status_code == 200
    assert SiteAlert.objects.get().live
    for path in ("/ru/", "/ru/news/", "/ru/events/", "/ru/sveden/"):
        assert "<strong>Опасность:</strong> Сегодня нет воды." in client.get(path).content.decode()
    assert "Бүгүн суу жок." in client.get("/ky/").content.decode()


def test_a_site_administrators_announcement_waits_for_the_director(demo_site, client):
    admin = member(demo_site, SITE_ADMIN)
    add_announcement(admin, demo_site, "Эртең сабак жок.", "Завтра занятий нет.", "action-publish")
    alert = SiteAlert.objects.get()
    assert not alert.live
    assert "Завтра занятий нет." not in client.get("/ru/").content.decode()

    edit = url("sitealert", "edit", alert.pk)
    data = form_data(admin.get(edit).content.decode(), containing="message_ky")
    admin.post(edit, {**data, "action-submit": "action-submit"})
    assert "Завтра занятий нет." not in client.get("/ru/").content.decode()
    approve(member(demo_site, DIRECTOR), "sitealert", alert)
    assert "Завтра занятий нет." in client.get("/ru/").content.decode()


def test_a_rejected_announcement_is_not_published_and_the_reasons_are_shown(demo_site, client):
    director = member(demo_site, DIRECTOR)
    html = add_announcement(
        director, demo_site, VIOLENT_KY, VIOLENT_RU, "action-publish"
    ).content.decode()
    assert "<mark>" in html and "уруп" in html and "Зомбулук" in html
    assert not SiteAlert.objects.get().live
    assert VIOLENT_RU not in client.get("/ru/").content.decode()

    admin = member(demo_site, SITE_ADMIN)
    alert = SiteAlert.objects.get()
    edit = url("sitealert", "edit", alert.pk)
    data = form_data(admin.get(edit).content.decode(), containing="message_ky")
    html = admin.post(
        edit, {**data, "action-submit": "action-submit"}, follow=True
    ).content.decode()
    assert "автоматтык текшерүү четке какты" in html.lower()
    assert "<mark>" in admin.get(edit).content.decode()
    alert.refresh_from_db()
    assert not alert.live


def test_a_flagged_announcement_waits_for_a_moderator_even_from_the_director(demo_site, client):
    director = member(demo_site, DIRECTOR)
    html = add_announcement(
        director, demo_site, FLAGGED_KY, FLAGGED_RU, "action-publish", severity="info"
    ).content.decode()
    assert "+996 3133 2-99-99" in html and "модератор" in html.lower()
    assert not SiteAlert.objects.get().live
    assert FLAGGED_RU not in client.get("/ru/").content.decode()


def test_a_draft_announcement_is_not_shown(demo_site, client):
    add_announcement(member(demo_site, SITE_ADMIN), demo_site, "Долбоор", "Черновик объявления")
    assert SiteAlert.objects.filter(live=False).count() == 1
    assert "Черновик объявления" not in client.get("/ru/").content.decode()


# One school, its own records -----------------------------------------------------------------


def test_the_school_field_offers_only_the_users_school(demo_site, other_site):
    admin = member(demo_site, SITE_ADMIN)
    html = admin.get(url("sitealert", "add")).content.decode()
    assert "school2.example.kg" not in html
    response = add_announcement(admin, other_site, "Башка", "Чужое", "action-submit")
    assert response.status_code == 200
    assert not SiteAlert.objects.exists()


def their_records(other_site):
    """School B's profile, announcement and published question, each with a revision and a
    workflow in progress."""
    requester = make_member(other_site, SITE_ADMIN, "b-admin")
    alert = announce(other_site, "Б мектеби жабык", "Школа Б закрыта")
    question = PublishedQuestion.objects.create(
        site=other_site,
        topic="admission",
        question_ky="Б мектебине кабыл алуу качан?",
        question_ru="Когда приём в школу Б?",
        answer_ky="Апрелде.",
        answer_ru="В апреле.",
    )
    records = {}
    for model, obj in (
        ("sitealert", alert),
        ("schoolprofile", SchoolProfile.for_site(other_site)),
        ("publishedquestion", question),
    ):
        revision = obj.save_revision()
        obj.get_workflow().start(obj, requester)
        obj = type(obj).objects.get(pk=obj.pk)
        records[model] = (obj, revision, obj.current_workflow_state)
    return records


def cross_school_urls(records) -> list[tuple[str, str]]:
    urls = []
    for model, (obj, revision, state) in records.items():
        pk = obj.pk
        task_state = state.current_task_state.pk
        for name, args in (
            ("edit", [pk]),
            ("delete", [pk]),
            ("usage", [pk]),
            ("history", [pk]),
            ("history_results", [pk]),
            ("revisions_revert", [pk, revision.pk]),
            ("revisions_compare", [pk, "live", revision.pk]),
            ("revisions_unschedule", [pk, revision.pk]),
            ("unpublish", [pk]),
            ("lock", [pk]),
            ("unlock", [pk]),
            ("workflow_action", [pk, "approve", task_state]),
            ("collect_workflow_action_data", [pk, "approve", task_state]),
            ("confirm_workflow_cancellation", [pk]),
            ("workflow_history", [pk]),
            ("workflow_history_detail", [pk, state.pk]),
        ):
            urls.append((model, url(model, name, *args)))
        if model == "sitealert":
            urls.append((model, url(model, "copy", pk)))
    return urls


def exported_csv(client, model) -> list[list[str]]:
    response = client.get(url(model, "list") + "?export=csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def exported_xlsx(client, model) -> list[tuple]:
    response = client.get(url(model, "list") + "?export=xlsx")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("role", [SITE_ADMIN, DIRECTOR])
def test_no_school_reaches_another_schools_profile_or_announcements(
    demo_site, other_site, client, role
):
    records = their_records(other_site)
    announce(demo_site, "А мектебинин кабары", "Объявление школы А")
    ours = member(demo_site, role)
    for _model, target in cross_school_urls(records):
        assert ours.get(target).status_code == 404, target
        assert ours.post(target, {"comment": ""}).status_code == 404, target
    alert = records["sitealert"][0]
    alert.refresh_from_db()
    assert SiteAlert.objects.filter(pk=alert.pk, live=True).exists()
    assert records["schoolprofile"][0].current_workflow_state is not None

    listing = ours.get(url("sitealert", "list")).content.decode()
    assert "Б мектеби" not in listing and "Школа Б" not in listing
    assert "school2.example.kg" not in ours.get(url("schoolprofile", "list")).content.decode()
    questions = ours.get(url("publishedquestion", "list")).content.decode()
    assert "Б мектебине" not in questions and "школу Б" not in questions
    for model in ("sitealert", "schoolprofile"):
        for cells in (exported_csv(ours, model), exported_xlsx(ours, model)):
            text = " ".join(str(cell) for row in cells for cell in row)
            assert "school2.example.kg" not in text and "Школа Б" not in text, model
            assert len(cells) == 2, cells  # the header and the school's own record

    # School A's announcement never reaches school B's pages or admin.
    theirs = member(other_site, role, f"b-{role}")
    assert "Объявление школы А" not in theirs.get(url("sitealert", "list")).content.decode()
    their_home = client.get("/ru/", HTTP_HOST="school2.example.kg").content.decode()
    assert "Вторая" in their_home and "Объявление школы А" not in their_home
