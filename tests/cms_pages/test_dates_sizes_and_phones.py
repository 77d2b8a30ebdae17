"""Dates, file sizes and phone numbers as a parent reads them (issue 14): Kyrgyz dates as
official texts write them ("2025-жылдын 26-сентябры"), Russian ones in the genitive ("26 сентября
2025 г."), sizes in bytes, КБ and МБ, and every phone number a link that calls it."""

import datetime
import re

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.formats import date_format

from cms_pages.models import NewsPage

pytestmark = pytest.mark.django_db

# The day of a month: the month with the possessive suffix, by vowel harmony.
KYRGYZ_DAYS_OF = [
    "январы", "февралы", "марты", "апрели", "майы", "июну",
    "июлу", "августу", "сентябры", "октябры", "ноябры", "декабры",
]  # fmt: skip
RUSSIAN_GENITIVE = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]  # fmt: skip


def test_every_month_of_a_kyrgyz_and_a_russian_date():
    for month in range(1, 13):
        day = datetime.date(2025, month, 24)
        with translation.override("ky"):
            assert date_format(day, "DATE_FORMAT") == f"2025-жылдын 24-{KYRGYZ_DAYS_OF[month - 1]}"
        with translation.override("ru"):
            assert date_format(day, "DATE_FORMAT") == f"24 {RUSSIAN_GENITIVE[month - 1]} 2025 г."
    moment = datetime.datetime(2025, 10, 24, 9, 5)
    with translation.override("ky"):
        assert date_format(moment, "DATETIME_FORMAT") == "2025-жылдын 24-октябры, 9:05"
        assert date_format(moment, "YEAR_MONTH_FORMAT") == "2025-жылдын октябры"


@pytest.mark.parametrize(
    ("size", "ky", "ru"),
    [
        (637, "637 байт", "637 байт"),
        (650_000, "634,8 КБ", "634,8 КБ"),
        (1_234_567, "1,2 МБ", "1,2 МБ"),
    ],
)
def test_file_sizes_in_both_languages(size, ky, ru):
    for language, expected in (("ky", ky), ("ru", ru)):
        with translation.override(language):
            assert filesizeformat(size).replace("\xa0", " ") == expected


def test_an_article_shows_its_date_in_each_languages_grammar(client, demo_site):
    article = NewsPage.objects.get(slug="fire-drill")
    assert article.date == datetime.date(2025, 9, 26)
    kyrgyz = client.get(f"/ky/news/{article.slug}/").content.decode()
    russian = client.get(f"/ru/news/{article.slug}/").content.decode()
    assert '<time datetime="2025-09-26">2025-жылдын 26-сентябры</time>' in kyrgyz
    assert '<time datetime="2025-09-26">26 сентября 2025 г.</time>' in russian


def test_document_sizes_on_the_documents_page(client, demo_site):
    for language in ("ky", "ru"):
        html = client.get(f"/{language}/sveden/document/").content.decode()
        sizes = re.findall(r'class="document-meta">\(\w+, ([^)]*)\)', html)
        assert sizes, language
        for size in sizes:
            # Russian bytes take the plural forms: 1 байт, 654 байта, 637 байт.
            assert re.fullmatch(r"\d+(,\d)?\xa0(байт|байта|КБ|МБ)", size), (language, size)


@pytest.mark.parametrize("path", ["sveden/managers", "sveden/employees", "sveden/struct"])
def test_every_phone_number_on_the_people_pages_is_a_link_that_calls_it(client, demo_site, path):
    for language in ("ky", "ru"):
        html = client.get(f"/{language}/{path}/").content.decode()
        numbers = re.findall(r"\+996[\d ()\-]+\d", html)
        assert numbers, (language, path)
        for number in numbers:
            target = "tel:+" + "".join(ch for ch in number if ch.isdigit())
            assert f'href="{target}"' in html, (language, path, number)
