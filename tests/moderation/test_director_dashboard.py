"""Issue 15, the director's day: the dashboard puts what waits for their approval first, above
the visitors' messages, and the completeness of the disclosures as a one-line summary that
opens to its table."""

import re

import pytest
from django.urls import reverse

from .test_workflow import CLEAN_KY, CLEAN_RU, submit_home_page, workflow_task_name

pytestmark = pytest.mark.django_db


def test_what_awaits_the_directors_approval_comes_first(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    page = submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU)
    assert workflow_task_name(page) == "GroupApprovalTask"
    login_as(client, people["director"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # Wagtail's panel, then the visitors' messages, then the completeness summary.
    awaiting = html.index("Сиздин текшерүүңүздү күтүүдө")
    assert awaiting < html.index("Келгендердин каттары") < html.index("disclosure-completeness")
    # The completeness table is folded under a summary line.
    summary = re.search(
        r'<details class="disclosure-completeness">\s*<summary>(.*?)</summary>', html, re.S
    )
    assert summary and "толук" in summary.group(1)
    assert (
        'data-disclosure-item="employees"'
        in html.split('<details class="disclosure-completeness">')[1]
    )
