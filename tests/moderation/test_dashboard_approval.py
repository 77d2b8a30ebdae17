"""The director's "Approve" on the dashboard asks first, naming what will go live and where, and
has a Cancel; after the approval the dashboard says what is now live (issue 15, item 7)."""

import json

import pytest
from django.urls import reverse

from tests.moderation.test_workflow import CLEAN_KY, CLEAN_RU, submit_home_page

pytestmark = pytest.mark.django_db


def test_the_dashboard_approval_asks_first_and_then_says_what_went_live(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    login_as(client, people["director"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'data-workflow-action-url="{url}" data-launch-modal' in dashboard

    dialog = json.loads(client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).content)
    html = dialog["html"]
    assert dialog["step"] == "action"
    assert "Бекитүү жана жарыялоо" in html and "аны дароо баары көрөт" in html
    assert "http://localhost/ky/</code>" in html and "http://localhost/ru/</code>" in html
    assert 'data-dismiss="modal">Жокко чыгаруу</button>' in html
    assert CLEAN_RU not in client.get("/ru/").content.decode()

    response = client.post(url, {"comment": "", "next": reverse("wagtailadmin_home")}, follow=True)

    told = response.content.decode()
    assert "» эми сайтта: http://localhost/ky/, http://localhost/ru/" in told
    page.refresh_from_db()
    assert page.current_workflow_state is None and page.live_revision_id == task_state.revision_id
    assert CLEAN_RU in client.get("/ru/").content.decode()
