"""The publishing workflow driven through the Wagtail admin, as editors, moderators and the
director use it: automatic check -> moderator (only when flagged) -> director -> live."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from accounts.roles import MODERATOR
from moderation.models import ContentCheckTaskState, ModeratorReviewTask
from tests.admin_forms import form_data
from tests.people import make_member

pytestmark = pytest.mark.django_db

VIOLENT_RU = "Давайте побьём этих чужаков, пусть знают своё место."
# Doubtful, not prohibited: a phone that is not among the school's own (a review finding).
FLAGGED_RU = "По вопросам приёма звоните по номеру +996 3133 2-99-99."
FLAGGED_KY = "Кабыл алуу боюнча +996 3133 2-99-99 номерине чалыңыз."
CLEAN_KY = "Жаңы окуу жылы 2-сентябрда салтанаттуу линейка менен башталат."
CLEAN_RU = "Новый учебный год начнётся 2 сентября с торжественной линейки."


def submit_home_page(client, site, **changes):
    """The editor changes the home page and presses "Submit for moderation"."""
    home = site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    data = form_data(client.get(url).content.decode(), containing="introduction_ky")
    data.update(changes)
    data["action-submit"] = "Submit"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(pk=home.pk).specific


def workflow_task_name(page) -> str:
    state = page.current_workflow_state
    return state.current_task_state.task.specific.__class__.__name__ if state else ""


def test_a_call_to_violence_is_rejected_at_once_and_the_editor_sees_why(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=VIOLENT_RU)
    state = page.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    check = ContentCheckTaskState.objects.get(workflow_state=state)
    assert check.verdict == "reject"
    assert check.findings[0]["category"] == "violence"

    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[page.pk]))
    detail_url = reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
    detail = client.get(detail_url).content.decode()
    assert history.status_code == 200
    assert "побьём" in detail
    assert "зордук" in detail.lower() or "насили" in detail.lower()
    assert VIOLENT_RU not in client.get("/ru/").content.decode()


def test_a_flagged_text_waits_for_a_moderator_then_the_director(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_home_page(
        client, demo_site, introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU
    )
    assert workflow_task_name(page) == "ModeratorReviewTask"
    assert FLAGGED_RU not in client.get("/ru/").content.decode()

    login_as(client, people["moderator"])
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert "<mark>" in queue and "2-99-99" in queue
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("moderation_decide", args=[task_state.pk, "approve"]),
        {"comment": "Факт проверен: приказ о проверке опубликован."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert workflow_task_name(page) == "GroupApprovalTask"
    assert FLAGGED_RU not in client.get("/ru/").content.decode()
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.approve", user=people["moderator"]
    ).exists()

    login_as(client, people["director"])
    approve(client, page)
    assert FLAGGED_RU in client.get("/ru/").content.decode()
    assert FLAGGED_KY in client.get("/ky/").content.decode()


def test_a_clean_page_skips_the_moderator_and_waits_only_for_the_director(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU)
    assert workflow_task_name(page) == "GroupApprovalTask"
    moderator_state = page.current_workflow_state.task_states.get(
        task__in=ModeratorReviewTask.objects.all()
    )
    assert moderator_state.status == "approved"
    assert CLEAN_RU not in client.get("/ru/").content.decode()

    login_as(client, people["moderator"])
    assert CLEAN_RU not in client.get(reverse("moderation_queue")).content.decode()

    login_as(client, people["director"])
    approve(client, page)
    assert CLEAN_RU in client.get("/ru/").content.decode()


def test_moderator_can_request_changes_with_a_reason(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    page = submit_home_page(
        client, demo_site, introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU
    )
    login_as(client, people["moderator"])
    task_state = page.current_workflow_state.current_task_state
    url = reverse("moderation_decide", args=[task_state.pk, "reject"])
    refused = client.post(url, {"comment": ""}, follow=True)
    assert "редактор эмнени өзгөртүшү керектигин жазыңыз" in refused.content.decode()
    page.refresh_from_db()
    assert workflow_task_name(page) == "ModeratorReviewTask"

    client.post(url, {"comment": "Уберите обвинение без доказательств."})
    state = page.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES


def test_a_moderator_of_another_school_sees_nothing_and_cannot_decide(
    client, demo_site, people, login_as, django_user_model
):
    from django.core.management import call_command

    call_command(
        "create_school", "--hostname", "other.kg", "--name-ky", "Башка", "--name-ru", "Другая"
    )
    other_site = type(demo_site).objects.get(hostname="other.kg")
    outsider = make_member(other_site, MODERATOR, "outsider")

    login_as(client, people["editor"])
    page = submit_home_page(
        client, demo_site, introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU
    )
    task_state = page.current_workflow_state.current_task_state

    login_as(client, outsider)
    assert FLAGGED_RU not in client.get(reverse("moderation_queue")).content.decode()
    response = client.post(reverse("moderation_decide", args=[task_state.pk, "approve"]))
    assert response.status_code == 404
    page.refresh_from_db()
    assert workflow_task_name(page) == "ModeratorReviewTask"


def test_a_phone_in_a_news_text_that_differs_from_the_school_records_names_both(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_home_page(
        client,
        demo_site,
        introduction_ky="Суроолор боюнча +996 3133 2-99-99 номерине чалыңыз.",
        introduction_ru="По вопросам звоните по номеру +996 3133 2-99-99.",
    )
    check = ContentCheckTaskState.objects.get(workflow_state=page.current_workflow_state)
    discrepancies = [f for f in check.findings if f["category"] == "discrepancy"]
    assert discrepancies
    message = discrepancies[0]["message"]["ru"]
    assert "2-99-99" in message and "2-14-56" in message


def test_missing_translation_is_rejected_with_the_field_named(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    page = submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru="")
    state = page.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    check = ContentCheckTaskState.objects.get(workflow_state=state)
    assert [(f["category"], f["lang"]) for f in check.findings] == [("bilingual", "ru")]


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_state is None
