"""Usage statistics without tracking: anonymous people's views of public pages are counted on
the server, robots, signed-in staff and everything that is not a public page are not, no cookie
is set, and a page answered from the page cache is counted without a database query."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms_pages.models import SECTION_SLUGS, EmptySearchDay, PageViewDay, SchoolVisitorsDay
from cms_pages.statistics.counting import is_robot
from cms_pages.statistics.summary import usage_summary
from tests.people import make_member, sign_in

from .statistics_visits import ANDROID, GOOGLEBOT, browser, flush_page_views

pytestmark = pytest.mark.django_db

HOME = "/ky/"
STAFF = "/ru/sveden/employees/"


def figures(site) -> dict[tuple[str, str], tuple[int, int]]:
    return {
        (row.path, row.language): (row.views, row.visitors)
        for row in PageViewDay.objects.filter(site=site)
    }


def test_only_anonymous_people_reading_public_pages_are_counted(demo_site):
    parent = browser()
    assert parent.get(HOME)["X-Page-Cache"] == "miss"
    stored = parent.get(HOME)
    assert stored["X-Page-Cache"] == "hit"
    # The browser's revisit of a page it holds: 304 from the cache, a view all the same.
    assert parent.get(HOME, HTTP_IF_NONE_MATCH=stored["ETag"]).status_code == 304
    assert parent.get(STAFF).status_code == 200
    browser(ANDROID, address="198.51.100.8").get(HOME)
    # Not counted: a robot, a program without a User-Agent, a signed-in editor, the admin, the
    # API, a feed, robots.txt, a missing page, a redirect and a HEAD request.
    browser(GOOGLEBOT).get(HOME)
    browser(user_agent="").get(HOME)
    browser("curl/8.5.0").get(STAFF)
    editor = sign_in(browser(), make_member(demo_site, "editor", "editor-stats"))
    assert editor.get(HOME).status_code == 200
    assert editor.get(STAFF).status_code == 200
    anonymous = browser()
    assert anonymous.get("/admin/login/").status_code == 200
    assert anonymous.get("/api/v2/disclosure/").status_code == 200
    feed = anonymous.get("/ru/news/feed.atom")
    assert anonymous.get("/ru/news/feed.atom", HTTP_IF_NONE_MATCH=feed["ETag"]).status_code == 304
    assert anonymous.get("/robots.txt").status_code == 200
    assert anonymous.get("/ky/no-such-page/").status_code == 404
    assert anonymous.get("/").status_code == 302
    assert anonymous.head(HOME).status_code == 200

    assert PageViewDay.objects.count() == 0  # buffered, not yet written
    assert "Counters written: " in flush_page_views()
    assert figures(demo_site) == {(HOME, "ky"): (4, 2), (STAFF, "ru"): (1, 1)}
    home_row = PageViewDay.objects.get(path=HOME)
    assert home_row.page_id == demo_site.root_page_id
    assert home_row.day == timezone.localdate()
    assert SchoolVisitorsDay.objects.get(site=demo_site).visitors == 2
    # A second flush writes nothing twice; later views are added to the same rows.
    flush_page_views()
    parent.get(STAFF)
    flush_page_views()
    assert figures(demo_site) == {(HOME, "ky"): (4, 2), (STAFF, "ru"): (2, 1)}


def test_a_page_answered_from_the_cache_is_counted_without_a_query(demo_site):
    parent = browser()
    parent.get("/ru/")
    with CaptureQueriesContext(connection) as queries:
        response = parent.get("/ru/")
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]
    flush_page_views()
    assert figures(demo_site) == {("/ru/", "ru"): (2, 1)}


@pytest.mark.parametrize(
    "path",
    [
        "/ky/",
        "/ru/sveden/common/",
        "/ru/news/",
        "/ru/news/fire-drill/",
        "/ky/search/?q=мектеп",
        "/ky/search/?q=zzyzx",
        "/ru/site-map/",
    ],
)
def test_no_cookie_is_set_on_public_pages(demo_site, path):
    parent = browser()
    for _visit in ("built", "from the cache"):
        response = parent.get(path)
        assert response.status_code == 200
        assert not response.cookies, response.cookies
        assert not response.has_header("Set-Cookie")


def test_searches_that_found_nothing_are_counted_by_query_and_school(demo_site, new_school):
    parent = browser()
    assert parent.get("/ru/search/?q=  Квантовая   ТЕЛЕПОРТАЦИЯ ").status_code == 200
    parent.get("/ky/search/?q=квантовая телепортация")
    parent.get("/ru/search/?q=" + "ж" * 300)
    # Not counted: a search that found something, an empty one, a robot's, another school's.
    found = parent.get("/ru/search/?q=школа")
    assert found.context["results"].paginator.count > 0
    parent.get("/ru/search/?q=")
    browser(GOOGLEBOT).get("/ru/search/?q=zzyzx")
    browser(HTTP_HOST=new_school.hostname).get("/ru/search/?q=zzyzx")
    flush_page_views()
    counted = {(row.site_id, row.query): row.searches for row in EmptySearchDay.objects.all()}
    assert counted == {
        (demo_site.pk, "квантовая телепортация"): 2,
        (demo_site.pk, "ж" * 100): 1,
        (new_school.pk, "zzyzx"): 1,
    }
    assert usage_summary(
        demo_site, timezone.localdate(), timezone.localdate() + timezone.timedelta(days=1)
    )["searches_without_results"] == [("квантовая телепортация", 2), ("ж" * 100, 1)]


@pytest.mark.parametrize(
    ("agent", "robot"),
    [
        ("", True),
        ("   ", True),
        ("Wget/1.21", True),
        ("python-requests/2.32", True),
        ("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/124.0", True),
        ("Mozilla/5.0 (compatible; YandexBot/3.0)", True),
        ("Mozilla/5.0 (compatible; bingbot/2.0)", True),
        (ANDROID, False),
    ],
)
def test_robots_are_told_by_their_user_agent(agent, robot):
    assert is_robot(agent) is robot


def test_views_of_a_school_are_counted_for_that_school_only(demo_site, new_school):
    browser(HTTP_HOST=new_school.hostname).get("/ru/")
    browser().get("/ru/")
    Client().get("/ru/")  # the test client sends no User-Agent: not a person
    flush_page_views()
    assert figures(new_school) == {("/ru/", "ru"): (1, 1)}
    assert figures(demo_site) == {("/ru/", "ru"): (1, 1)}


def flush_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        flush_page_views()
    return len(queries)


def test_the_flush_writes_in_bulk_whatever_the_number_of_pages(demo_site):
    parent = browser()
    for slug in SECTION_SLUGS[:2]:
        parent.get(f"/ru/sveden/{slug}/")
    few = flush_queries()
    teacher = browser(address="198.51.100.50")
    for slug in SECTION_SLUGS:
        teacher.get(f"/ru/sveden/{slug}/")
        teacher.get(f"/ky/sveden/{slug}/")
    many = flush_queries()
    # The same queries for 24 addresses as for 2, and one more: the first two rows are updated
    # in one query besides the 22 created in one.
    assert many == few + 1
    assert SchoolVisitorsDay.objects.get(site=demo_site).visitors == 2
    assert PageViewDay.objects.filter(site=demo_site).count() == 2 * len(SECTION_SLUGS)
    assert PageViewDay.objects.filter(page__isnull=True).count() == 0
