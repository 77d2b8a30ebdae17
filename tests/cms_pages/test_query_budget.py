"""A public page costs the same number of SQL queries however much news a school has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms_pages.models import NewsPage

from .public_site import announce, publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """What a page costs when it is built, not when the page cache answers it."""
    settings.MEKTEP_PAGE_CACHE_SECONDS = 0


PAGES = {
    "home": ("/ru/", 17),
    "news index": ("/ru/news/", 15),
    "news page 2": ("/ru/news/page/2/", 15),
    "article": ("/ru/news/fire-drill/", 14),
    "events": ("/ru/events/", 12),
    "site map": ("/ru/site-map/", 7),
    # Three results, with their section titles and the records their excerpts are cut from
    # (tests/cms_pages/test_site_search.py counts them); all on one page, so both databases'
    # rankings show the same results.
    "search": ("/ru/search/?q=психолог", 15),
    "feed": ("/ru/news/feed.atom", 10),
}


def queries_for(client, path) -> int:
    client.get(path)  # the first visit makes image renditions; later visits only read
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_public_page_renders_with_a_fixed_number_of_queries(client, demo_site, name):
    path, budget = PAGES[name]
    announce(demo_site, "Кулактандыруу", "Объявление")
    before = queries_for(client, path)
    image = NewsPage.objects.get(slug="fire-drill").image
    for number in range(12):
        publish_article(
            demo_site, f"extra-{number}", f"Жаңылык {number}", f"Новость {number}", image=image
        )
    after = queries_for(client, path)
    assert (before, after) == (budget, budget)
