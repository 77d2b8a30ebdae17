"""A public page costs a fixed, small number of SQL queries, however much news a school has and
however many schools share the installation (ARCHITECTURE principle 7).

Measured without the page cache: what a visitor costs when the page is not cached yet.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import NewsPage, SchoolProfile
from tests.schools import build_school

from .public_site import announce, publish_article

pytestmark = pytest.mark.django_db

# What every page shows costs 3: the site tree (menu, section navigation, breadcrumbs,
# routing), the page itself, the announcements in force. The school (Site) a host name is for
# and the school's profile with its phones come from the shared cache (page_cache/sites.py,
# page_cache/profiles.py; a profile edit costs the next page four more, see below). The rest is
# the page's own content.
PAGES = {
    "home": ("/ru/", 6),  # its quick links, the next events, the three latest articles
    "news index": ("/ru/news/", 6),  # the article count and one page of articles
    "news page 2": ("/ru/news/page/2/", 6),
    "article": ("/ru/news/fire-drill/", 6),  # the article by slug, its image and its people
    "events": ("/ru/events/", 4),
    "site map": ("/ru/site-map/", 3),
    # Three results of two page types: the view restrictions, the count, the results, each
    # type's pages, the documents they link to, the records their excerpts are cut from
    # (one query per page type with records; tests/cms_pages/test_site_search.py counts them);
    # all on one page, so both databases' rankings show the same results.
    "search": ("/ru/search/?q=психолог", 10),
    "feed": ("/ru/news/feed.atom", 4),
    "calendar": ("/ru/events/calendar.ics", 4),
    "sitemap.xml": ("/sitemap.xml", 1),
    "staff": ("/ru/sveden/employees/", 5),  # with the leadership page's leaders
    "structure": ("/ru/sveden/struct/", 5),
    "documents": ("/ru/sveden/document/", 4),
    "feedback form": ("/ru/feedback/", 4),
    "questions": ("/ru/faq/", 5),
    "privacy notice": ("/ru/privacy/", 3),
    # The subsections with the documents and images they link to (one query, a join per page
    # type; cms_pages/completeness.py) and each subsection's records, once for the report and
    # the document alike. The profile, its phones and branches come from the shared cache.
    "disclosure API": ("/api/v2/disclosure/", 13),
}
# The most a page of the site may cost, searched pages and the disclosure API apart.
PAGE_LIMIT = 10


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.MEKTEP_PAGE_CACHE_SECONDS = 0


def queries_for(client, path) -> int:
    client.get(path)  # the first visit makes image renditions; later visits only read
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_public_pages_render_with_a_fixed_number_of_queries(client, demo_site):
    """Each page's budget, before and after the school gets twelve more articles and the
    installation three more schools (all pages measured together: building that costs more
    than measuring every page)."""
    budgets = {name: budget for name, (_path, budget) in PAGES.items()}
    announce(demo_site, "Кулактандыруу", "Объявление")
    before = {name: queries_for(client, path) for name, (path, _budget) in PAGES.items()}
    image = NewsPage.objects.get(slug="fire-drill").image
    for number in range(12):
        publish_article(
            demo_site, f"extra-{number}", f"Жаңылык {number}", f"Новость {number}", image=image
        )
    for number in range(3):
        build_school(f"school{number}.budget.test", f"Мектеп {number}")
    after = {name: queries_for(client, path) for name, (path, _budget) in PAGES.items()}
    assert before == budgets
    assert after == budgets


def test_every_page_of_the_site_map_costs_at_most_ten_queries(client, demo_site):
    announce(demo_site, "Кулактандыруу", "Объявление")
    paths = set()
    for language in ("ky", "ru"):
        site_map = client.get(f"/{language}/site-map/").content.decode()
        paths |= set(re.findall(rf'href="(/{language}/[^"?#]*)"', site_map))
    assert len(paths) > 40  # every section, subsection and page, in both languages
    costs = {path: queries_for(client, path) for path in sorted(paths)}
    assert {path: cost for path, cost in costs.items() if cost > PAGE_LIMIT} == {}


def test_the_profile_is_read_again_once_after_it_changes_and_not_after_a_publish(client, demo_site):
    """The first page built after a profile edit reads it with its phones, branches and images
    (four queries, then remembered); publishing a page leaves the remembered profile alone."""
    home, home_budget = PAGES["home"]
    document, document_budget = PAGES["disclosure API"]
    queries_for(client, home)  # its images' renditions are made once, on the first visit
    queries_for(client, document)
    SchoolProfile.for_site(demo_site).save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(document).status_code == 200
    assert len(queries) == document_budget + 4
    assert queries_for(client, document) == document_budget
    publish_article(demo_site, "extra", "Жаңылык", "Новость")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(home).status_code == 200
    assert len(queries) == home_budget
