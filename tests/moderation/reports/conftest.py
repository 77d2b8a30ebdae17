"""Two schools, each with a live page, a draft and a published news article.

The schools are tests/schools.py's two test schools (the "schools" part builds them once per
worker); the article is published in each test's own transaction."""

import pytest

from tests.accounts.conftest import School, school_for
from tests.cms_pages.public_site import publish_article

from .visitor import HOST, OTHER_HOST


def with_news(school: School) -> School:
    """The school's news index is made with the school; one article is published in it."""
    school.news_page = publish_article(school.site, "fire-drill", "Өрт машыгуусу", "Учения")
    return school


@pytest.fixture
def school(preloaded_schools) -> School:
    return with_news(school_for(HOST, preloaded_schools))


@pytest.fixture
def other_school(preloaded_schools) -> School:
    return with_news(school_for(OTHER_HOST, preloaded_schools))


@pytest.fixture
def quick_visitors(settings):
    """The fill time is not what these tests are about (test_report_form.py tests it)."""
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
