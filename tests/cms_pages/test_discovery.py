import re

import pytest

from .public_site import publish_article

pytestmark = pytest.mark.django_db


def test_search_finds_pages_by_their_russian_text_and_shows_russian_titles(client, demo_site):
    html = client.get("/ru/search/", {"q": "библиотека"}).content.decode()
    # The article, and the facilities page whose library is one of its records.
    assert "найдено 2 страницы" in html
    assert '<a href="/ru/news/new-library-books/">В библиотеку поступили новые книги</a>' in html
    assert '<a href="/ru/sveden/objects/">Материально-техническое обеспечение</a>' in html


def test_search_finds_pages_by_their_kyrgyz_text_and_shows_kyrgyz_titles(client, demo_site):
    html = client.get("/ky/search/", {"q": "китепкана"}).content.decode()
    assert '<a href="/ky/news/new-library-books/">Китепканага жаңы китептер келди</a>' in html


def test_search_stays_within_the_visitors_school(client, demo_site):
    from cms_pages.provisioning import SchoolNames, create_school

    other = create_school("school2.example.kg", SchoolNames(full_ky="Башка", full_ru="Другая"))
    publish_article(other, "zebra", "Зебра", "Зебра в зоопарке")
    html = client.get("/ru/search/", {"q": "зебра"}).content.decode()
    assert "Зебра в зоопарке" not in html
    assert "ничего не найдено" in html


def test_empty_search_shows_just_the_form(client, demo_site):
    html = client.get("/ky/search/").content.decode()
    assert '<label for="search-query-main">Сайттан издөө</label>' in html
    assert 'role="status"' not in html


def test_site_map_shows_the_schools_sections_as_nested_lists(client, demo_site):
    html = client.get("/ru/site-map/").content.decode()
    tree = html[html.index('<ul class="site-map">') :]
    assert re.search(
        r'<li><a href="/ru/">Главная</a>\s*<ul><li><a href="/ru/sveden/">'
        r"Сведения об образовательной организации</a>\s*<ul>"
        r'<li><a href="/ru/sveden/common/">Основные сведения</a></li>',
        tree,
    )
    assert re.search(
        r'<li><a href="/ru/news/">Новости</a></li>\s*'
        r'<li><a href="/ru/events/">Мероприятия</a></li>\s*'
        r'<li><a href="/ru/contacts/">Контакты</a></li>\s*'
        r'<li><a href="/ru/faq/">Вопросы и ответы</a></li>\s*'
        r'<li><a href="/ru/feedback/">Написать в школу</a></li>\s*'
        r'<li><a href="/ru/privacy/">Обработка персональных данных</a></li>\s*'
        r'<li><a href="/ru/parents/">Родителям</a></li>\s*</ul></li>',
        tree,
    )
    assert "/ru/news/fire-drill/" not in tree


def test_sitemap_xml_lists_every_page_with_its_language_alternates(client, demo_site):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml
    # Home, the disclosure section and its 12 subsections, news, 7 articles, events, contacts,
    # the page for parents, the feedback, questions and privacy pages, in 2 languages.
    assert xml.count("<url>") == 2 * 28
    # Addresses are the school's own (its site's host name), whoever asks.
    block = xml[xml.index("<loc>http://localhost/ru/news/fire-drill/</loc>") :]
    block = block[: block.index("</url>")]
    assert (
        '<xhtml:link rel="alternate" hreflang="ky" href="http://localhost/ky/news/fire-drill/"/>'
        in block
    )


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_search(client, demo_site):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /ru/search/" in text and "Disallow: /admin/" in text


def test_article_has_open_graph_tags_with_its_image(client, demo_site):
    html = client.get("/ru/news/fire-drill/").content.decode()
    assert '<meta property="og:title" content="Прошла учебная пожарная эвакуация">' in html
    assert '<meta property="og:url" content="http://testserver/ru/news/fire-drill/">' in html
    assert '<meta property="og:locale" content="ru_RU">' in html
    assert '<meta property="og:locale:alternate" content="ky_KG">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/', html)


def test_pages_below_home_have_breadcrumbs_and_the_home_page_has_none(client, demo_site):
    article = client.get("/ky/news/fire-drill/").content.decode()
    assert '<nav class="breadcrumbs" aria-label="Навигациялык чынжыр">' in article
    assert '<li><a href="/ky/news/">Жаңылыктар</a></li>' in article
    assert '<span aria-current="page">Өрткө каршы машыгуу өттү</span>' in article
    assert 'class="breadcrumbs"' not in client.get("/ky/").content.decode()
