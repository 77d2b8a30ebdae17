import re

import pytest

from .public_site import news_index, publish_article

pytestmark = pytest.mark.django_db


def article_titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_news_page_lists_the_newest_articles_first_in_the_language_of_the_prefix(client, demo_site):
    ky = client.get("/ky/news/").content.decode()
    ru = client.get("/ru/news/").content.decode()
    assert article_titles(ky)[0] == "Математика боюнча олимпиаданын жеңүүчүлөрү"
    assert article_titles(ru)[:2] == [
        "Победители олимпиады по математике",
        "В библиотеку поступили новые книги",
    ]
    assert '<time datetime="2025-10-24">24 октября 2025 г.</time>' in ru


def test_news_is_paginated_by_path_so_a_static_copy_needs_no_query_strings(client, demo_site):
    first = client.get("/ru/news/").content.decode()
    second = client.get("/ru/news/page/2/")
    assert len(article_titles(first)) == 6
    assert '<a href="/ru/news/page/2/" rel="next">Старее</a>' in first
    assert second.status_code == 200
    assert article_titles(second.content.decode()) == ["Для выпускников прозвенел последний звонок"]
    assert '<a href="/ru/news/" rel="prev">Новее</a>' in second.content.decode()


def test_page_one_has_one_address_and_pages_past_the_end_do_not_exist(client, demo_site):
    response = client.get("/ky/news/page/1/")
    assert response.status_code == 301 and response["Location"] == "/ky/news/"
    assert client.get("/ky/news/page/3/").status_code == 404


def test_article_shows_its_date_text_and_a_described_image(client, demo_site):
    html = client.get("/ky/news/school-year-begins/").content.decode()
    assert "<h1>Жаңы окуу жылы башталды</h1>" in html
    assert '<time datetime="2025-09-01">' in html
    assert re.search(
        r'<img src="/media/images/[0-9a-f]{16}_demo-school-year-[^"]*\.fill-720x405\.png"'
        r' srcset="[^"]+'
        r' 360w, [^"]+ 720w"[^>]* alt="Мектептин короосунда салтанаттуу линейка">',
        html,
    )


def test_article_text_is_cleaned_of_scripts_and_styles_whatever_the_way_in(demo_site):
    article = publish_article(
        demo_site,
        "unsafe",
        "Сыноо",
        "Проверка",
        body='<p onclick="steal()">Ок<script>steal()</script></p><h2 style="x">Т</h2>',
    )
    article.refresh_from_db()
    assert article.body_ky == "<p>Ок</p><h2>Т</h2>"
    assert article.body_ru == "<p>Ок</p><h2>Т</h2>"


def test_atom_feed_lists_the_articles_in_the_language_of_the_prefix(client, demo_site):
    response = client.get("/ru/news/feed.atom")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert '<feed xml:lang="ru" xmlns="http://www.w3.org/2005/Atom">' in xml
    assert "<title>Победители олимпиады по математике</title>" in xml
    assert '<link href="http://testserver/ru/news/olympiad-winners/" rel="alternate"/>' in xml
    assert xml.count("<entry>") == 7


def test_news_page_links_its_feed_for_readers_and_feed_readers(client, demo_site):
    html = client.get("/ky/news/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/ky/news/feed.atom" type="application/atom+xml"' in html


def test_a_draft_article_is_neither_listed_nor_served_nor_in_the_feed(client, demo_site):
    article = publish_article(demo_site, "draft-news", "Долбоор", "Черновик")
    article.unpublish()
    assert "Черновик" not in client.get("/ru/news/").content.decode()
    assert client.get("/ru/news/draft-news/").status_code == 404
    assert "Черновик" not in client.get("/ru/news/feed.atom").content.decode()


def test_files_of_a_private_page_are_not_served(client, demo_site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=news_index(demo_site), restriction_type="password", password="secret"
    )
    assert client.get("/ru/news/feed.atom").status_code == 404
