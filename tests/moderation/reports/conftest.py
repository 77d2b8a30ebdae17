"""Two schools, each with a live page, a draft and a published news article."""

import pytest

from tests.accounts.conftest import School, build_school
from tests.cms_pages.public_site import publish_article

from .visitor import HOST, OTHER_HOST


def with_news(school: School) -> School:
    """The school's news index is made with the school; one article is published in it."""
    school.news_page = publish_article(school.site, "fire-drill", "Өрт машыгуусу", "Учения")
    return school


@pytest.fixture
def school(db) -> School:
    return with_news(build_school(HOST, "Мектеп 1"))


@pytest.fixture
def other_school(db) -> School:
    return with_news(build_school(OTHER_HOST, "Мектеп 2"))


@pytest.fixture
def quick_visitors(settings):
    """The fill time is not what these tests are about (test_report_form.py tests it)."""
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
