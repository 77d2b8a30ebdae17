"""Issue 15: page addresses are short Latin transliterations of the title, the same for both
languages, and a clash is explained on the address field in the editor's language."""

from html import unescape

import pytest
from wagtail.models import Page

from cms_pages.slugs import latin_slug

from .general_pages import add_general_page

pytestmark = pytest.mark.django_db

BODY = [("paragraph", "<p>Текст</p>")]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Мектептин тарыхы", "mekteptin-taryhy"),
        ("Өрт коопсуздугу", "ort-koopsuzdugu"),
        ("Ата-энелер үчүн: жаңылыктар", "ata-eneler-uchun-jangylyktar"),
        ("Приём в 1 класс", "priyom-v-1-klass"),
        ("История школы, 1968–2024", "istoriya-shkoly-1968-2024"),
        ("Already latin-slug", "already-latin-slug"),
    ],
)
def test_a_title_in_kyrgyz_or_russian_becomes_a_latin_address(title, slug):
    assert latin_slug(title) == slug


def test_a_long_title_is_cut_at_a_word(db):
    slug = latin_slug("Мектептин " * 12)
    assert len(slug) <= 60 and slug.endswith("mekteptin")


def test_the_admin_saves_the_address_wagtail_typed_in_cyrillic_in_latin_letters(
    admin_client, demo_site
):
    """Wagtail's editor fills the address from the Kyrgyz title as typed (in Cyrillic)."""
    response = add_general_page(
        admin_client,
        demo_site.root_page,
        "action-publish",
        ("Мектептин тарыхы", "История школы"),
        "мектептин-тарыхы",
        BODY,
        BODY,
    )
    assert response.status_code == 200
    page = Page.objects.child_of(demo_site.root_page).get(title_ky="Мектептин тарыхы")
    assert page.slug == "mekteptin-taryhy"
    assert page.url_path.endswith("/mekteptin-taryhy/")
    # The same address in both languages: /ky/mekteptin-taryhy/ and /ru/mekteptin-taryhy/.
    assert admin_client.get("/ru/mekteptin-taryhy/").status_code == 200

    again = add_general_page(
        admin_client,
        demo_site.root_page,
        "action-publish",
        ("Мектептин тарыхы", "История школы (2)"),
        "мектептин-тарыхы",
        BODY,
        BODY,
    )
    html = unescape(again.content.decode())
    assert "'mekteptin-taryhy' дареги (slug) бул жогорку беттин астында мурунтан эле" in html
    assert (
        Page.objects.child_of(demo_site.root_page).filter(title_ky="Мектептин тарыхы").count() == 1
    )
