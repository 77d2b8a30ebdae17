import json

import pytest

from cms_pages.models import SECTION_SLUGS, DisclosureIndexPage, TeachingStaffPage

pytestmark = pytest.mark.django_db

# One fact per subsection as the visitor reads it in each language, with its microdata property.
FACTS = {
    "common": ("regDate", "1968", "1968"),
    "struct": ("structOrgUprav", "Камкорчулар кеңеши", "Попечительский совет"),
    "document": (
        "licenseDocLink",
        "Билим берүү ишмердүүлүгүнө лицензия",
        "Лицензия на образовательную деятельность",
    ),
    "education": ("eduLevel", "башталгыч жалпы билим берүү", "начальное общее образование"),
    "eduStandarts": (
        "eduStandartDocLink",
        "мамлекеттик билим берүү стандарты",
        "Государственный образовательный стандарт",
    ),
    "managers": ("rucovodstvo", "Калый кызы", "Калыевна"),
    "employees": ("teachingStaff", "Жумабеков Нурлан Бакыт уулу", "Жумабеков Нурлан Бакытович"),
    "objects": ("purposeLibr", "Китепкана жана окуу залы", "Библиотека и читальный зал"),
    "vacant": ("vacant", "1-класска балдар 6 жаштан", "В 1 класс принимаются дети с 6 лет"),
    "budget": (
        "finRas",
        "Камкорчулар кеңешинин 2024-жылдагы",
        "Отчёт попечительского совета о пожертвованиях",
    ),
    "catering": ("meals", "акысыз ысык тамак", "бесплатное горячее питание"),
    "safety": ("psychologicalSupport", "Балдар үчүн ишеним телефону", "Детский телефон доверия"),
}
TITLES = {"ky": "Педагогикалык курам", "ru": "Педагогический состав"}


def test_every_subsection_shows_its_facts_in_the_language_of_the_prefix_with_microdata(
    client, demo_site
):
    for lang in ("ky", "ru"):
        for slug in SECTION_SLUGS:
            response = client.get(f"/{lang}/sveden/{slug}/")
            html = response.content.decode()
            itemprop, fact_ky, fact_ru = FACTS[slug]
            shown, other = (fact_ky, fact_ru) if lang == "ky" else (fact_ru, fact_ky)
            assert response.status_code == 200
            assert f'<html lang="{lang}">' in html
            assert f'itemprop="{itemprop}"' in html, slug
            assert shown in html, (lang, slug)
            assert shown == other or other not in html, (lang, slug)


def test_every_subsection_shows_the_same_section_navigation_marking_the_current_page(
    client, demo_site
):
    for lang in ("ky", "ru"):
        for slug in SECTION_SLUGS:
            html = client.get(f"/{lang}/sveden/{slug}/").content.decode()
            nav = html.split('<nav class="section-nav"', 1)[1].split("</nav>", 1)[0]
            links = [f'href="/{lang}/sveden/{other}/"' for other in SECTION_SLUGS]
            assert all(link in nav for link in links)
            assert nav.count('aria-current="page"') == 1
            assert f'<a href="/{lang}/sveden/{slug}/" aria-current="page">' in nav
        assert TITLES[lang] in nav


def test_home_page_and_main_menu_link_to_the_disclosure_section(client, demo_site):
    html = client.get("/ru/").content.decode()
    main = html.split("<main", 1)[1]
    menu = html.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/ru/sveden/"' in main
    assert 'href="/ru/sveden/"' in menu
    assert "Сведения об образовательной организации" in menu
    staff_page = client.get("/ru/sveden/employees/").content.decode()
    staff_menu = staff_page.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/ru/sveden/" aria-current="true">' in staff_menu


def test_section_index_lists_all_twelve_subsections(client, demo_site):
    html = client.get("/ky/sveden/").content.decode()
    assert all(f'href="/ky/sveden/{slug}/"' in html for slug in SECTION_SLUGS)


def test_home_page_describes_the_school_as_schema_org_json_ld_from_the_profile(client, demo_site):
    html = client.get("/ru/").content.decode()
    payload = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(payload)
    assert data["@type"] == "School"
    assert data["name"] == "Средняя общеобразовательная школа «Ала-Тоо»"
    assert data["foundingDate"] == "1968-09-01"
    assert data["email"] == "kabyl@ala-too-mektep.kg"
    assert data["telephone"][0] == "+996 3133 2-14-56"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 42.8142, "longitude": 73.8481}
    assert data["url"] == "http://testserver/ru/"


def test_documents_listing_shows_kind_number_date_format_and_size(client, demo_site):
    html = client.get("/ru/sveden/document/").content.decode()
    row = html.split("Лицензия на образовательную деятельность", 1)[1].split("</tr>", 1)[0]
    # Each cell says what it is: a phone shows the rows as cards with these labels.
    assert '<td data-label="Вид">лицензия</td>' in row
    assert '<td data-label="Номер">LS170000123</td>' in row
    assert '<time datetime="2019-03-12">12.03.2019</time>' in row
    assert 'itemprop="licenseDocLink"' in row
    assert "(PDF, 6" in row and "байт" in row


def test_basic_information_comes_from_the_school_profile_with_its_branches(client, demo_site):
    html = client.get("/ky/sveden/common/").content.decode()
    assert '<time itemprop="regDate" datetime="1968-09-01">' in html
    assert 'itemprop="workTime">Дүйшөмбү – жума: 08:00–18:00' in html
    assert '<span itemprop="nameFil">Башталгыч класстардын филиалы</span>' in html


def test_section_page_types_can_only_be_created_where_the_regulation_puts_them(demo_site):
    home = demo_site.root_page.specific
    index = DisclosureIndexPage.objects.child_of(home).get()
    assert not DisclosureIndexPage.can_create_at(home)  # one per school, and it exists
    assert not TeachingStaffPage.can_create_at(home)
    assert not TeachingStaffPage.can_create_at(index)  # one per section, and it exists
    assert TeachingStaffPage.allowed_parent_page_models() == [DisclosureIndexPage]
