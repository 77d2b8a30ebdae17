import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from cms_pages.models import DisclosureDocument, ManagementBody, ManagementBodyMember, StaffMember
from tests.schools import build_school

from .conftest import section_page

pytestmark = pytest.mark.django_db

# The page tree (routing, main menu, section navigation, breadcrumbs), the page, the
# announcements, the records: one query each whatever the number of records or schools (the
# records come with their documents in one query). The school a host name is for and its
# profile come from the shared cache (page_cache/sites.py, page_cache/profiles.py). The staff
# page also lists the leadership page's leaders first (one query more).
STAFF_PAGE_QUERIES = 5
DOCUMENTS_PAGE_QUERIES = 4
# The bodies with their regulations, and their consented people in one more query.
STRUCTURE_PAGE_QUERIES = 5


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.MEKTEP_PAGE_CACHE_SECONDS = 0


def fill_staff(page, count: int) -> None:
    page.staff_members = [
        StaffMember(
            full_name_ky=f"Мугалим {n}",
            full_name_ru=f"Учитель {n}",
            position_ky="Мугалим",
            position_ru="Учитель",
            consent_date=datetime.date(2025, 9, 1),
        )
        for n in range(count)
    ]
    page.save_revision().publish()


def fill_bodies(page, count: int) -> None:
    bodies = []
    for n in range(count):
        body = ManagementBody(name_ky=f"Кеңеш {n}", name_ru=f"Совет {n}")
        body.people = [
            ManagementBodyMember(
                full_name_ky=f"Мүчө {n}-{k}",
                full_name_ru=f"Член {n}-{k}",
                consent_date=datetime.date(2025, 9, 1) if k else None,
            )
            for k in range(3)
        ]
        bodies.append(body)
    page.management_bodies = bodies
    page.save_revision().publish()


def fill_documents(page, count: int) -> None:
    Document = get_document_model()
    files = []
    for n in range(count):
        document = Document(title=f"Акт {n}", file_size=1000 + n)
        document.file.save(f"akt-{n}.pdf", ContentFile(b"%PDF-1.4"), save=True)
        files.append(document)
    page.documents = [
        DisclosureDocument(
            kind=DisclosureDocument.LOCAL_REGULATION,
            title_ky=f"Акт {n}",
            title_ru=f"Акт {n}",
            number=str(n),
            date=datetime.date(2025, 8, 28),
            document=document,
        )
        for n, document in enumerate(files)
    ]
    page.save_revision().publish()


def queries_to_render(client, url: str, expected_text: str) -> int:
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert expected_text in response.content.decode()
    return len(queries)


@pytest.mark.parametrize(
    ("slug", "fill", "text", "budget"),
    [
        ("employees", fill_staff, "Учитель {last}", STAFF_PAGE_QUERIES),
        ("document", fill_documents, "akt-{last}.pdf", DOCUMENTS_PAGE_QUERIES),
        ("struct", fill_bodies, "Член {last}-2", STRUCTURE_PAGE_QUERIES),
    ],
)
def test_a_subsection_renders_with_the_same_queries_for_10_and_60_records(
    client, new_school, slug, fill, text, budget
):
    page = section_page(new_school, slug)
    url = f"/ru/sveden/{slug}/"
    host = {"HTTP_HOST": "school5.osh.kg"}

    fill(page, 10)
    few = queries_to_render(client.__class__(**host), url, text.format(last=9))
    fill(section_page(new_school, slug), 60)
    for number in range(3):
        build_school(f"school{number}.counts.test", f"Мектеп {number}")
    many = queries_to_render(client.__class__(**host), url, text.format(last=59))
    assert few == many
    assert many == budget
