import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms_pages.models import DisclosureIndexPage


def section_page(site: Site, slug: str) -> Page:
    """A subsection page of a school's disclosure section, as its specific type."""
    index = DisclosureIndexPage.objects.child_of(site.root_page).get()
    return Page.objects.child_of(index).get(slug=slug).specific


def check_disclosure(*args) -> tuple[int, str]:
    """Run the command as an operator would; return its exit status and output."""
    out = io.StringIO()
    try:
        call_command("check_disclosure", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def new_school(db) -> Site:
    call_command(
        "create_school",
        "--hostname",
        "school5.osh.kg",
        "--name-ky",
        "Ош шаарындагы № 5 орто мектеп",
        "--name-ru",
        "Средняя школа № 5 города Ош",
        stdout=io.StringIO(),
    )
    return Site.objects.get(hostname="school5.osh.kg")
