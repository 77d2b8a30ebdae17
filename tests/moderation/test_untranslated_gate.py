"""Mandatory content cannot go live with a text in one language only: the director's own
Publish of a disclosure page, or of an article with an optional field filled in Kyrgyz alone, is
refused, and the public site keeps what it showed."""

import pytest

from cms_pages.models import NewsPage, TeachingStaffPage
from tests.admin_forms import publish_page_with as publish_with

pytestmark = pytest.mark.django_db


def test_a_staff_member_without_a_russian_position_is_refused(client, demo_site, people, login_as):
    login_as(client, people["director"])
    page = TeachingStaffPage.objects.descendant_of(demo_site.root_page).get()
    member = page.staff_members.order_by("sort_order", "pk").first()
    revisions = page.revisions.count()

    response = publish_with(client, page, **{"staff_members-0-position_ru": ""})

    html = response.content.decode()
    assert "автоматтык текшерүү" in html.lower()
    assert "орусча толтурулган эмес" in html  # the field is named, in the director's language
    public = client.get("/ru/sveden/employees/").content.decode()
    assert member.position_ru in public and "untranslated" not in public
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1 and page.live_revision != page.latest_revision


def test_an_optional_description_in_kyrgyz_only_is_refused(client, demo_site, people, login_as):
    login_as(client, people["director"])
    article = NewsPage.objects.get(slug="fire-drill")

    response = publish_with(client, article, search_description_ky="Өрт машыгуусу тууралуу.")

    assert "орусча толтурулган эмес" in response.content.decode()
    article.refresh_from_db()
    assert article.search_description_ky in ("", None)
