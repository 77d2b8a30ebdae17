"""The Statistics screen of the admin: a school's site administrator and director see exactly
the views that were counted, as figures, a chart, a table and a CSV file, for their own school
and no other."""

import csv
import datetime
import io
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone, translation
from wagtail.models import Page

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from cms_pages.models import PageViewDay, Topic, VisitorMessage
from tests.people import make_member, sign_in

from .conftest import section_page
from .public_site import publish_article
from .statistics_visits import GOOGLEBOT, browser, flush_page_views

pytestmark = pytest.mark.django_db

HOME = "/ky/"
STAFF = "/ru/sveden/employees/"


class Tables(HTMLParser):
    """The rows of each table with an id, as the texts of their cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.table = self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id"):
            self.table = self.tables.setdefault(dict(attrs)["id"], [])
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.table[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return {name: rows[1:] for name, rows in parser.tables.items()}  # without the heading


def figure(html: str, name: str) -> int:
    return int(re.search(rf'data-figure="{name}">(\d+)<', html).group(1))


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))[1:]


def visit_the_school(site):
    """Two people read the home page (one of them twice) and a disclosure page; a robot and a
    signed-in editor read them too; the admin, a missing page and the API are asked for."""
    parent = browser()
    parent.get(HOME)
    parent.get(HOME)
    parent.get(STAFF)
    browser(address="198.51.100.99").get(HOME)
    browser(GOOGLEBOT).get(HOME)
    editor = sign_in(browser(), make_member(site, EDITOR, "editor-reads"))
    editor.get(HOME)
    editor.get(STAFF)
    browser().get("/admin/login/")
    browser().get("/ky/no-such-page/")
    browser().get("/api/v2/disclosure/")
    flush_page_views()


@pytest.mark.parametrize("role", [DIRECTOR, SITE_ADMIN])
def test_the_school_sees_exactly_the_counted_views(demo_site, client, role):
    visit_the_school(demo_site)
    sign_in(client, make_member(demo_site, role, f"{role}-reads-figures"))
    response = client.get("/admin/statistics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert figure(html, "views") == 4
    assert figure(html, "visitors") == 2
    with translation.override(response["Content-Language"]):
        home_title = Page.objects.get(pk=demo_site.root_page_id).title
        staff_title = Page.objects.get(pk=section_page(demo_site, "employees").pk).title
    found = tables(html)
    assert found["top-pages"] == [[home_title, "3"], [staff_title, "1"]]
    assert found["top-sections"] == [[staff_title, "1"]]
    today = timezone.localdate()
    by_day = found["views-by-day"]
    assert len(by_day) == 30
    assert by_day[-1] == [today.strftime("%d.%m.%Y").lstrip("0"), "4"]
    assert all(views == "0" for _day, views in by_day[:-1])
    assert html.count("<rect ") == 30
    assert "<script" not in html.split('class="nice-padding mektep-statistics"')[1]

    rows = csv_rows(client.get("/admin/statistics/csv/"))
    assert rows == [
        [today.isoformat(), HOME, home_title, "ky", "3", "2"],
        [today.isoformat(), STAFF, staff_title, "ru", "1", "1"],
    ]


def test_another_schools_staff_never_see_these_figures(demo_site, new_school, client):
    visit_the_school(demo_site)
    browser(HTTP_HOST=new_school.hostname).get("/ru/")
    flush_page_views()
    for role in (DIRECTOR, SITE_ADMIN):
        client.logout()
        sign_in(client, make_member(new_school, role, f"{role}-of-school-5"))
        assert client.get(f"/admin/statistics/?school={demo_site.pk}").status_code == 404
        assert client.get(f"/admin/statistics/csv/?school={demo_site.pk}").status_code == 404
        own = client.get("/admin/statistics/").content.decode()
        assert figure(own, "views") == 1
        assert tables(own).get("top-sections") is None
        rows = csv_rows(client.get("/admin/statistics/csv/"))
        assert [row[1:] for row in rows] == [["/ru/", rows[0][2], "ru", "1", "1"]]
    # The school's own editor and moderator have no statistics at all.
    for role in (EDITOR, MODERATOR):
        client.logout()
        sign_in(client, make_member(demo_site, role, f"{role}-without-figures"))
        # Wagtail's answer to a refused admin screen: back to the dashboard.
        for url in ("/admin/statistics/", "/admin/statistics/csv/"):
            refused = client.get(url)
            assert (refused.status_code, refused.url) == (302, "/admin/")
        assert "/admin/statistics/" not in client.get("/admin/").content.decode()


def test_a_month_is_chosen_and_odd_input_is_answered_clearly(demo_site, client):
    for day, views in ((datetime.date(2026, 10, 31), 5), (datetime.date(2026, 11, 1), 7)):
        PageViewDay.objects.create(
            site=demo_site, path=HOME, language="ky", day=day, views=views, visitors=1
        )
    sign_in(client, make_member(demo_site, DIRECTOR, "director-picks-a-month"))
    october = client.get("/admin/statistics/?month=2026-10").content.decode()
    assert figure(october, "views") == 5
    assert len(tables(october)["views-by-day"]) == 31
    november_csv = csv_rows(client.get("/admin/statistics/csv/?month=2026-11"))
    assert [(row[0], row[4]) for row in november_csv] == [("2026-11-01", "7")]
    for odd in ("2026-13", "кечээ", "0000-01", "2026-10-01'--"):
        response = client.get("/admin/statistics/", {"month": odd})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="error-message"' in html
        assert f'value="{odd}"'.replace("'", "&#x27;") in html
    assert client.get("/admin/statistics/?school=abc").status_code == 404


def test_messages_are_counted_by_topic(demo_site, client):
    for topic, screening in (
        ("admission", VisitorMessage.Screening.CLEAR),
        ("admission", VisitorMessage.Screening.HELD),
        ("nutrition", VisitorMessage.Screening.CLEAR),
        ("other", VisitorMessage.Screening.REJECTED),
    ):
        VisitorMessage.receive(
            site=demo_site,
            language="ru",
            name="Ата-эне",
            email="parent@example.kg",
            topic=topic,
            text="Суроо",
            consent_given_at=timezone.now(),
            screening=screening,
        )
    sign_in(client, make_member(demo_site, DIRECTOR, "director-reads-topics"))
    response = client.get("/admin/statistics/")
    with translation.override(response["Content-Language"]):
        expected = [[str(Topic.ADMISSION.label), "2"], [str(Topic.NUTRITION.label), "1"]]
    assert tables(response.content.decode())["messages-by-topic"] == expected


def test_the_platform_administrator_picks_the_school(demo_site, new_school, admin_client):
    browser(HTTP_HOST=new_school.hostname).get("/ru/")
    browser(HTTP_HOST=new_school.hostname).get("/ky/", REMOTE_ADDR="198.51.100.60")
    browser().get(HOME)
    flush_page_views()
    html = admin_client.get(f"/admin/statistics/?school={new_school.pk}").content.decode()
    assert f'<option value="{new_school.pk}" selected>' in html
    assert f'<option value="{demo_site.pk}">' in html
    assert (figure(html, "views"), figure(html, "visitors")) == (2, 2)
    own = admin_client.get(f"/admin/statistics/csv/?school={demo_site.pk}")
    assert [row[1] for row in csv_rows(own)] == [HOME]


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(demo_site, client):
    publish_article(demo_site, "formula", '=HYPERLINK("http://x")', "+7 мест")
    parent = browser()
    assert parent.get("/ky/news/formula/").status_code == 200
    assert parent.get("/ru/news/formula/").status_code == 200
    flush_page_views()
    sign_in(client, make_member(demo_site, DIRECTOR, "director-opens-csv"))

    rows = csv_rows(client.get("/admin/statistics/csv/"))

    # Both rows name the page in the reader's admin language, Kyrgyz here.
    assert {row[1]: row[2] for row in rows} == {
        "/ky/news/formula/": '\'=HYPERLINK("http://x")',
        "/ru/news/formula/": '\'=HYPERLINK("http://x")',
    }
