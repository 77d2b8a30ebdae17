"""Issue 15: every confirmation of something that cannot be undone offers a way back."""

from accounts.roles import DIRECTOR
from tests.people import make_member, sign_in


def test_taking_a_page_down_can_be_cancelled(client, school):
    sign_in(client, make_member(school.site, DIRECTOR))
    page = school.live_page
    html = client.get(f"/admin/pages/{page.pk}/take-down/").content.decode()
    assert f'<a href="/admin/pages/{page.pk}/edit/" class="button button-secondary">' in html
    assert "Жокко чыгаруу</a>" in html


def test_reporting_ones_account_as_compromised_can_be_cancelled(client, school):
    sign_in(client, make_member(school.site, DIRECTOR))
    html = client.get("/admin/account/compromised/").content.decode()
    assert '<a href="/admin/account/" class="button button-secondary">Жокко чыгаруу</a>' in html
