"""A parent searches the school's site for what is on it: a teacher, the charter, the licence, the
psychologist, the helpline, admission to the first grade, in Russian or in Kyrgyz, in any word
form. Only what the public may see is found, and only on the visitor's own school."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from cms_pages.provisioning import SchoolNames, create_school

from .conftest import section_page
from .public_site import publish_article

pytestmark = pytest.mark.django_db

# "психолог" finds the safety and teaching staff pages. Measured: its public pages
# (view restrictions), the count and the results, each page type's rows, the documents they
# link to (one query for all), the records the excerpts are cut from, and what every page
# shows (the site tree, which also gives the section titles, and the announcements; the
# profile comes from the shared cache). Constant in the number of records (each result reads
# its records once).
SEARCH_QUERIES = 10
RESULT_LINK = re.compile(r'<li>\s*<a href="([^"]+)">')


def search(client, language: str, query: str) -> str:
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def found_paths(html: str) -> list[str]:
    """The addresses of the results, in the order shown."""
    if '<ol class="search-results"' not in html:
        return []
    results = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0]
    return RESULT_LINK.findall(results)


# The six things a parent looks for on the demo school's Russian pages, where each one is.
RUSSIAN_QUERIES = [
    ("Асанова", "/ru/sveden/employees/", "<mark>Асанова</mark> Гульнара Токтогуловна"),
    ("устав", "/ru/sveden/document/", "<mark>Устав</mark> школы"),
    ("лицензия", "/ru/sveden/document/", "<mark>Лицензия</mark> на образовательную деятельность"),
    ("психолог", "/ru/sveden/safety/", "В школе работает педагог-<mark>психолог</mark>"),
    ("телефон доверия", "/ru/sveden/safety/", "Детский <mark>телефон</mark> доверия, 111"),
    ("приём в 1 класс", "/ru/sveden/vacant/", "В <mark>1</mark> класс принимаются дети с 6 лет"),
]

KYRGYZ_QUERIES = [
    ("Асанова", "/ky/sveden/employees/", "<mark>Асанова</mark> Гүлнара Токтогул кызы"),
    ("устав", "/ky/sveden/document/", "Мектептин <mark>уставы</mark>"),
    ("лицензия", "/ky/sveden/document/", "ишмердүүлүгүнө <mark>лицензия</mark>"),
    ("психолог", "/ky/sveden/safety/", "Мектепте педагог-<mark>психолог</mark> иштейт"),
    ("ишеним телефону", "/ky/sveden/safety/", "Балдар үчүн <mark>ишеним</mark> телефону, 111"),
    ("1-класска кабыл алуу", "/ky/sveden/vacant/", "<mark>1</mark>-класска балдар 6 жаштан"),
]


@pytest.mark.parametrize(("query", "path", "excerpt"), RUSSIAN_QUERIES + KYRGYZ_QUERIES)
def test_each_thing_a_parent_looks_for_is_found_on_its_page_in_the_visitors_language(
    client, demo_site, query, path, excerpt
):
    language = path.split("/")[1]
    html = search(client, language, query)
    # Among the first three: a general page may also speak of the same thing (the demo's page
    # for parents explains admission too).
    assert path in found_paths(html)[:3]
    assert excerpt in html


@pytest.mark.parametrize(
    ("query", "path", "excerpt"),
    [
        # Kyrgyz case endings: accusative after the possessive, genitive, dative.
        ("уставын", "/ky/sveden/document/", "Мектептин <mark>уставы</mark>"),
        ("лицензиясын", "/ky/sveden/document/", "<mark>лицензия</mark>"),
        ("Асанованын", "/ky/sveden/employees/", "<mark>Асанова</mark> Гүлнара"),
        ("психологго", "/ky/sveden/safety/", "педагог-<mark>психолог</mark>"),
        # Russian endings.
        ("лицензии", "/ru/sveden/document/", "<mark>Лицензия</mark> на образовательную"),
        ("Асановой", "/ru/sveden/employees/", "<mark>Асанова</mark> Гульнара"),
        ("прием", "/ru/sveden/vacant/", "<mark>Приём</mark> идёт с 1 апреля"),
    ],
)
def test_a_word_with_an_ending_finds_its_base_word(client, demo_site, query, path, excerpt):
    html = search(client, path.split("/")[1], query)
    assert path in found_paths(html)
    assert excerpt in html


def test_a_result_says_its_section(client, demo_site):
    html = search(client, "ru", "Асанова")
    assert (
        '<p class="search-result-section">Сведения об образовательной организации › '
        "Педагогический состав</p>"
    ) in html
    html = search(client, "ky", "китепкана")
    assert '<p class="search-result-section">Жаңылыктар › Китепканага жаңы китептер келди</p>' in (
        html
    )


def test_a_page_named_by_the_query_comes_first(client, demo_site):
    assert found_paths(search(client, "ru", "безопасность"))[0] == "/ru/sveden/safety/"
    assert found_paths(search(client, "ky", "документтер"))[0] == "/ky/sveden/document/"


def test_a_teacher_without_consent_to_publication_is_not_found(client, demo_site):
    page = section_page(demo_site, "employees")
    staff = list(page.staff_members.all())
    for member in staff:
        if member.full_name_ru.startswith("Асанова"):
            member.consent_date = None
    page.staff_members = staff
    page.save_revision().publish()
    # Another Gulnara sits on a management body, so the teacher is looked for by full name.
    html = search(client, "ru", "Асанова Гульнара Токтогуловна")
    assert found_paths(html) == []
    assert found_paths(search(client, "ky", "Асанова Гүлнара")) == []
    assert "/ru/sveden/employees/" not in found_paths(search(client, "ru", "Асанова"))


def test_a_published_change_to_a_record_is_found_and_a_draft_is_not(client, demo_site):
    page = section_page(demo_site, "safety")
    contacts = list(page.emergency_contacts.all())
    for contact in contacts:
        if contact.number == "111":
            contact.name_ru = "Горячая линия для подростков"
    page.emergency_contacts = contacts
    page.save_revision()
    assert found_paths(search(client, "ru", "подростков")) == []
    assert found_paths(search(client, "ru", "телефон доверия")) == ["/ru/sveden/safety/"]

    page.get_latest_revision().publish()
    assert found_paths(search(client, "ru", "подростков")) == ["/ru/sveden/safety/"]
    assert found_paths(search(client, "ru", "телефон доверия")) == []


def test_an_unpublished_page_is_not_found(client, demo_site):
    section_page(demo_site, "safety").unpublish()
    assert found_paths(search(client, "ru", "телефон доверия")) == []


def test_another_schools_page_is_not_found(client, demo_site):
    other = create_school("school2.example.kg", SchoolNames(full_ky="Башка", full_ru="Другая"))
    publish_article(other, "licence", "Лицензия алынды", "Получена лицензия")
    html = search(client, "ru", "лицензия")
    assert found_paths(html) == ["/ru/sveden/document/"]
    assert "Получена лицензия" not in html


def test_update_index_rebuilds_what_the_search_finds(client, demo_site):
    index.remove_object(section_page(demo_site, "safety"))
    assert found_paths(search(client, "ru", "телефон доверия")) == []
    call_command("update_index", stdout=io.StringIO())
    assert found_paths(search(client, "ru", "телефон доверия")) == ["/ru/sveden/safety/"]


def test_the_database_full_text_search_does_the_matching(demo_site):
    """SQLite's FTS5 table or PostgreSQL's text search with no stemming of its own, never the
    fallback that compares text with LIKE."""
    backend = get_search_backend()
    expected = {
        "sqlite": ("SQLiteSearchBackend", None),
        "postgresql": ("PostgresSearchBackend", "simple"),
    }
    assert (type(backend).__name__, backend.config) == expected[connection.vendor]


def test_a_search_costs_a_fixed_number_of_queries(client, demo_site, django_assert_num_queries):
    search(client, "ru", "Асанова")  # warm the per-process caches
    with django_assert_num_queries(SEARCH_QUERIES):
        html = search(client, "ru", "психолог")
    assert len(found_paths(html)) == 2
