"""Issue 13: a school's admin costs the same whether the install holds two schools or many.

The explorer asked, for each row, which school the page belongs to by reading every site; the
dashboard built the completeness report of every school and asked every school's workflow tasks
whether the user reviews them. Each screen is fetched through the real admin URLs by a school's
site administrator and by its director (who reviews the school's publications) with two schools
present, then with four more, and must take exactly the same number of SQL queries, within a
fixed budget.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.roles import DIRECTOR, SITE_ADMIN
from cms_pages.provisioning import SchoolNames, create_school
from tests.people import make_member, sign_in

pytestmark = pytest.mark.django_db

# Per role: the two see different buttons on the explorer's rows and different dashboard panels.
# Each school menu item (inbox, statistics, site reports...) reads the person's roles once.
EXPLORER_QUERIES = {SITE_ADMIN: 107, DIRECTOR: 87}
DASHBOARD_QUERIES = {SITE_ADMIN: 50, DIRECTOR: 53}


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def costs(clients: dict, explorer: str) -> dict:
    return {
        role: (queries_of(client, explorer), queries_of(client, "/admin/"))
        for role, client in clients.items()
    }


def test_the_explorer_and_dashboard_cost_the_same_with_more_schools(school, other_school):
    clients = {
        role: sign_in(Client(), make_member(school.site, role)) for role in (SITE_ADMIN, DIRECTOR)
    }
    explorer = f"/admin/pages/{school.site.root_page_id}/"
    costs(clients, explorer)  # fills Wagtail's per-process caches (site root paths, ...)
    with_two = costs(clients, explorer)
    for n in range(4):
        create_school(f"more{n}.test", SchoolNames(full_ky=f"Мектеп {n}", full_ru=f"Школа {n}"))
    # A new school makes every school's remembered profile stale (page_cache/profiles.py):
    # the first page after it reads the profile again, three queries once.
    costs(clients, explorer)
    with_six = costs(clients, explorer)
    assert with_six == with_two
    assert with_two == {role: (EXPLORER_QUERIES[role], DASHBOARD_QUERIES[role]) for role in clients}
