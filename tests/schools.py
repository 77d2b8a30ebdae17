"""The two test schools the account and permission tests work with."""

from dataclasses import dataclass

from wagtail.models import Page, Site

from cms_pages.provisioning import SchoolNames, create_school

TEST_SCHOOLS = {"school1.test": "Мектеп 1", "school2.test": "Мектеп 2"}


@dataclass
class School:
    site: Site
    live_page: Page
    draft_page: Page


def build_school(hostname: str, name: str) -> School:
    """A new school with one live page ("notices") and one draft ("draft") under its home."""
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


def built_school(hostname: str) -> School:
    """A school `build_school` made earlier, read back from the database."""
    site = Site.objects.get(hostname=hostname)
    pages = Page.objects.child_of(site.root_page)
    return School(
        site=site, live_page=pages.get(slug="notices"), draft_page=pages.get(slug="draft")
    )
