"""General pages and the Contacts page as visitors, the API and search see them."""

import pytest
from wagtail.models import Page

from cms_pages.models import (
    ContactsPage,
    DisclosureIndexPage,
    EventIndexPage,
    GeneralPage,
    NewsIndexPage,
    NewsPage,
    SchoolPhone,
    SchoolProfile,
)

from .general_pages import publish_general_page, stream

pytestmark = pytest.mark.django_db


def main_of(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_the_demo_page_for_parents_shows_every_block_in_each_language(client, demo_site):
    ru = main_of(client.get("/ru/parents/").content.decode())
    assert "<h1>Родителям</h1>" in ru and "<h2>Учебный день</h2>" in ru
    assert "<p>Уроки начинаются в 08:00. Приводите ребёнка <b>за 10 минут</b>" in ru
    # The table scrolls in its own labelled box on a phone; headings are column headers.
    assert '<div class="table-scroll" role="region" aria-label="Расписание звонков"' in ru
    assert "<caption>Расписание звонков</caption>" in ru
    assert '<th scope="col">Начало</th>' in ru and '<td data-label="Начало">08:55</td>' in ru
    # The five-column table becomes a card per row on a phone; the three-column one fits.
    assert ru.count("table-scroll--stacking") == 1
    assert '<td data-label="Руководитель">Ким В. А.</td>' in ru
    assert 'alt="Игра в волейбол в спортивном зале школы"' in ru
    assert "<figcaption>Спортзал открыт для кружков после уроков</figcaption>" in ru
    assert '<a href="tel:+996313321456">+996 3133 2-14-56</a>' in ru
    assert '<a href="mailto:kabyl@ala-too-mektep.kg">' in ru
    assert '<aside class="callout" aria-label="Обратите внимание">' in ru
    assert "Учебный день" not in client.get("/ky/parents/").content.decode()
    ky = main_of(client.get("/ky/parents/").content.decode())
    assert "<h2>Окуу күнү</h2>" in ky and "<caption>Коңгуроолордун жадыбалы</caption>" in ky


def test_images_hidden_by_the_visitor_leave_their_description(client, demo_site):
    client.cookies["mektep_a11y"] = "on"
    client.cookies["mektep_images"] = "off"
    html = main_of(client.get("/ru/parents/").content.decode())
    assert "<img" not in html
    assert "Игра в волейбол в спортивном зале школы" in html


def test_markup_outside_the_limited_rich_text_is_removed_on_save(demo_site):
    home = demo_site.root_page
    paragraph = '<p onclick="x()">Текст<script>alert(1)</script> <a href="javascript:x()">a</a></p>'
    page = publish_general_page(
        home,
        "markup",
        "Белгилөө",
        "Разметка",
        [("paragraph", paragraph)],
        [("paragraph", "<p>Т</p>")],
    )
    stored = str(GeneralPage.objects.get(pk=page.pk).body_ky.raw_data)
    assert "script" not in stored and "onclick" not in stored and "javascript" not in stored
    assert "Текст" in stored


def test_where_general_pages_may_be_added():
    assert GeneralPage.can_create_at(Page(depth=2)) is False  # only under a school's pages
    allowed = set(GeneralPage.allowed_parent_page_models())
    assert {GeneralPage, DisclosureIndexPage} <= allowed
    assert not {NewsIndexPage, NewsPage, EventIndexPage, ContactsPage} & allowed
    assert ContactsPage.max_count_per_parent == 1


def test_contacts_page_shows_the_profiles_facts(client, demo_site):
    html = main_of(client.get("/ru/contacts/").content.decode())
    assert "<h1>Контакты</h1>" in html
    assert "г. Кара-Балта, ул. Токтогула, 45" in html
    assert 'href="https://www.openstreetmap.org/?mlat=42.814200&amp;mlon=73.848100' in html
    assert '<a href="tel:+996313321456">+996 3133 2-14-56</a> (Приёмная)' in html
    assert '<a href="tel:+996313321709">+996 3133 2-17-09</a> (Учебная часть)' in html
    assert '<a href="mailto:kabyl@ala-too-mektep.kg">kabyl@ala-too-mektep.kg</a>' in html
    assert "Понедельник – пятница: 08:00–18:00<br>Суббота: 08:00–14:00" in html
    assert "Филиал начальных классов: Кыргызская Республика" in html
    ky = main_of(client.get("/ky/contacts/").content.decode())
    assert "Токтогул көчөсү, 45" in ky and "Дүйшөмбү – жума" in ky


def test_contacts_page_follows_the_profile_and_shows_no_empty_facts(client, demo_site):
    profile = SchoolProfile.for_site(demo_site)
    SchoolPhone.objects.filter(profile=profile).delete()
    SchoolPhone.objects.create(profile=profile, number="0(3133) 5-55-55", label_ru="Вахта")
    profile.latitude = profile.longitude = None
    profile.email = ""
    profile.save()
    html = main_of(client.get("/ru/contacts/").content.decode())
    assert '<a href="tel:0313355555">0(3133) 5-55-55</a> (Вахта)' in html
    assert "2-14-56" not in html and "mailto:" not in html
    # Without coordinates the map link searches the address.
    assert "https://www.openstreetmap.org/search?query=%D0%9A%D1%8B%D1%80" in html


def test_contacts_page_adds_the_schools_own_blocks(client, demo_site):
    contacts = ContactsPage.objects.child_of(demo_site.root_page).get()
    contacts.body_ky = stream([("callout", {"title": "", "text": "<p>Кабыл алуу бөлмөсү</p>"})])
    contacts.body_ru = stream(
        [("callout", {"title": "", "text": "<p>Запись на приём по телефону</p>"})]
    )
    contacts.save_revision().publish()
    html = main_of(client.get("/ru/contacts/").content.decode())
    assert "Запись на приём по телефону" in html and "ул. Токтогула, 45" in html


def test_general_page_api_gives_the_body_in_both_languages(client, demo_site):
    response = client.get(
        "/api/v2/pages/",
        {"type": "cms_pages.GeneralPage", "fields": "title_ky,title_ru,body_ky,body_ru"},
    )
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert (item["title_ky"], item["title_ru"]) == ("Ата-энелер үчүн", "Родителям")
    assert item["body_ru"][0] == {
        "type": "heading",
        "html": "Учебный день",
        "id": item["body_ru"][0]["id"],
    }
    assert item["body_ky"][0]["html"] == "Окуу күнү"
    tables = [block["html"] for block in item["body_ru"] if block["type"] == "table"]
    assert tables and all(html.startswith("<") and "<table" in html for html in tables)


@pytest.mark.parametrize(
    ("lang", "query", "title"),
    [("ru", "звонков", "Родителям"), ("ky", "коңгуроолордун", "Ата-энелер үчүн")],
)
def test_search_finds_a_general_page_by_its_blocks(client, demo_site, lang, query, title):
    html = client.get(f"/{lang}/search/", {"q": query}).content.decode()
    assert f'<a href="/{lang}/parents/">{title}</a>' in html
