"""Two schools, their role holders, and signing in through the real login and 2FA pages."""

from dataclasses import dataclass

import pytest
from wagtail.models import Page, Site

from cms_pages.provisioning import SchoolNames, create_school
from tests.people import make_member, sign_in


@dataclass
class School:
    site: Site
    live_page: Page
    draft_page: Page


def build_school(hostname: str, name: str) -> School:
    site = create_school(hostname, SchoolNames(full_ky=f"{name} ky", full_ru=f"{name} ru"))
    home = site.root_page
    live = home.add_child(
        instance=Page(title_ky="Кулактандыруулар", title_ru="Объявления", slug="notices")
    )
    live.save_revision().publish()
    draft = home.add_child(
        instance=Page(title_ky="Долбоор", title_ru="Черновик", slug="draft", live=False)
    )
    draft.save_revision()
    return School(site=site, live_page=live, draft_page=draft)


@pytest.fixture
def school(db) -> School:
    return build_school("school1.test", "Мектеп 1")


@pytest.fixture
def other_school(db) -> School:
    return build_school("school2.test", "Мектеп 2")


@pytest.fixture
def member_client(client, school):
    """A factory: a client signed in as a new holder of `role_key` at `school`."""

    def signed_in(role_key: str):
        return sign_in(client, make_member(school.site, role_key))

    return signed_in
