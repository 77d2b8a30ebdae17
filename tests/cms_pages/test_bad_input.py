"""No input gives a server error: the search, feeds, calendar, static export and create_school
with what outside testers sent them (issue 10, finding 3), and control characters in saved text.

The test client re-raises a view's exception, so a server error fails these tests outright.
"""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from cms_pages.models import GeneralPage, NewsPage, SchoolProfile
from tests.admin_forms import form_data

from .public_site import events_page, publish_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        *(('"', True), ('a"b', True), ('"""', True), ("a\x00b", True), ("🙂", True), ("-", True)),
        *(("\x00", False), ("\x0c", False), ("\x1f", False)),
    ],
)
def test_search_with_quotes_or_control_characters_answers_nothing_found(
    client, demo_site, query, shown
):
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    # Control characters alone are no query: the page shows just the form.
    assert ("ничего не найдено" in response.content.decode()) == shown


def test_search_keeps_the_query_as_typed_and_finds_words_in_quotes(client, demo_site):
    html = client.get("/ru/search/", {"q": '"библиотека"'}).content.decode()
    assert "найдено 2 страницы" in html
    assert "В библиотеку поступили новые книги" in html
    assert 'value="&quot;библиотека&quot;"' in html


def test_search_for_a_lone_quote_says_nothing_was_found_for_it(client, demo_site):
    html = client.get("/ru/search/", {"q": 'a"b\x00'}).content.decode()
    assert "ничего не найдено" in html
    assert "a&quot;b" in html
    assert "\x00" not in html


def feed_titles(response) -> list[str]:
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [title.text for title in root.iter("{http://www.w3.org/2005/Atom}title")]


def test_a_control_character_typed_into_a_title_is_stripped_on_save(demo_site):
    article = publish_article(demo_site, "form-feed", "Ба\x0cш", "За\x0cго\x00ловок")
    article.refresh_from_db()
    assert (article.title_ky, article.title_ru) == ("Баш", "Заголовок")
    assert article.intro_ky == "Баш: кыскача"


def test_multi_line_text_keeps_its_line_breaks_and_tabs(demo_site):
    article = publish_article(demo_site, "lines", "Баш", "Заголовок")
    article.intro_ru = "Первая\r\nвторая\tстрока\x07"
    article.save()
    article.refresh_from_db()
    assert article.intro_ru == "Первая\r\nвторая\tстрока"


def test_a_single_line_field_gets_spaces_for_line_breaks(demo_site):
    event = events_page(demo_site).events.first()
    event.title = "Ата-энелер\nжыйыны\x0b"
    event.save()
    event.refresh_from_db()
    assert event.title == "Ата-энелер жыйыны"


def test_the_feed_is_valid_xml_with_a_control_character_in_a_title(client, demo_site):
    publish_article(demo_site, "form-feed", "Ба\x0cш", "За\x0cголовок")
    assert "Заголовок" in feed_titles(client.get("/ru/news/feed.atom"))


def test_feed_and_calendar_drop_control_characters_already_in_the_database(client, demo_site):
    # Text stored before the save-time cleaning (or written around it) must not break them.
    article = publish_article(demo_site, "old", "Эски", "Старая")
    NewsPage.objects.filter(pk=article.pk).update(title_ru="Ста\x0cрая", intro_ru="Кра\x01тко")
    Page.objects.filter(pk=article.pk).update(title_ru="Ста\x0cрая")
    events = events_page(demo_site)
    events.events.filter(pk=events.events.first().pk).update(title_ru="Со\x0bбрание")

    assert "Старая" in feed_titles(client.get("/ru/news/feed.atom"))
    calendar = client.get("/ru/events/calendar.ics")
    assert calendar.status_code == 200
    assert "SUMMARY:Собрание" in calendar.content.decode()


def test_a_control_character_typed_in_the_admin_does_not_break_the_feed(
    admin_client, demo_site, client
):
    url = reverse(
        "wagtailsnippets_cms_pages_schoolprofile:edit",
        args=[SchoolProfile.for_site(demo_site).pk],
    )
    data = form_data(admin_client.get(url).content.decode(), containing="full_name_ky")
    data.update(short_name_ru="Ала\x0cТоо", full_name_ru="Школа «Ала-Тоо»\x1b")
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    profile = SchoolProfile.for_site(demo_site)
    assert (profile.short_name_ru, profile.full_name_ru) == ("АлаТоо", "Школа «Ала-Тоо»")
    assert "Новости — АлаТоо" in feed_titles(client.get("/ru/news/feed.atom"))


def test_static_export_succeeds_with_a_control_character_in_a_title(demo_site, tmp_path):
    article = publish_article(demo_site, "form-feed", "Ба\x0cш", "Заголовок")
    NewsPage.objects.filter(pk=article.pk).update(title_ru="Заго\x0cловок")
    Page.objects.filter(pk=article.pk).update(title_ru="Заго\x0cловок")
    out = io.StringIO()
    call_command("export_static", "--site", "localhost", "--output", str(tmp_path), stdout=out)
    assert "No broken internal links." in out.getvalue()
    ET.fromstring((tmp_path / "ru" / "news" / "feed.atom").read_bytes())


def create_school(*args):
    call_command("create_school", *args, stdout=io.StringIO())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name-ky", "а" * 300, "--name-ru", "Школа"], "255"),
        (["--name-ky", "Мектеп", "--name-ru", "ш" * 256], "255"),
        (["--name-ky", "Мектеп", "--name-ru", "Школа", "--short-name-ky", "к" * 121], "120"),
        (["--name-ky", "Мектеп", "--name-ru", "Школа", "--short-name-ru", "к" * 121], "120"),
        (["--name-ky", "\x01\x02", "--name-ru", "Школа"], "на кыргызском языке обязательно"),
        (["--name-ky", "Мектеп", "--name-ru", " \x0c "], "на русском языке обязательно"),
    ],
)
def test_create_school_refuses_names_that_do_not_fit_with_a_clear_message(db, args, message):
    with pytest.raises(CommandError, match=message):
        create_school("--hostname", "school7.osh.kg", "--language", "ru", *args)
    assert not SchoolProfile.objects.exists()


def test_create_school_names_the_limit_in_the_operators_language(db):
    with pytest.raises(CommandError, match="не длиннее 255 символов"):
        create_school(
            "--hostname", "school7.osh.kg", "--name-ky", "а" * 300, "--name-ru", "Школа",
            "--language", "ru",
        )  # fmt: skip


@pytest.mark.parametrize(
    "hostname", ["", "школа.kg", "a b.kg", "a\x00.kg", "-a.kg", "a" * 254, "a..kg", "a.kg:80"]
)
def test_create_school_refuses_a_junk_host_name(db, hostname):
    with pytest.raises(CommandError, match="недопустимое имя хоста"):
        create_school(
            f"--hostname={hostname}", "--name-ky", "Мектеп", "--name-ru", "Школа",
            "--language", "ru",
        )  # fmt: skip


def test_create_school_refuses_a_port_out_of_range(db):
    with pytest.raises(CommandError, match="65535"):
        create_school(
            "--hostname", "a.kg", "--port", "99999999999999999999", "--name-ky", "М",
            "--name-ru", "Ш",
        )  # fmt: skip


def test_an_admin_form_without_its_block_counts_is_a_clear_400_and_saves_nothing(
    admin_client, demo_site
):
    """Wagtail reads a StreamField's "-count" field without checking it was sent; a truncated or
    hand-made POST was a server error."""
    page = GeneralPage.objects.descendant_of(demo_site.root_page).first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin_client.get(edit_url).content.decode(), containing="title_ru")
    truncated = {key: value for key, value in data.items() if not key.startswith("body_")}
    truncated.update(title_ky="Жаңы аталыш", **{"action-publish": "1"})
    add_url = reverse("wagtailadmin_pages:add", args=["cms_pages", "generalpage", page.pk])
    pages = Page.objects.count()

    posts = [(edit_url, truncated), (edit_url, {"title_ky": "x"}), (add_url, {"title_ky": "x"})]
    for url, posted in posts:
        response = admin_client.post(url, posted, HTTP_ACCEPT_LANGUAGE="ky")
        assert response.status_code == 400
        assert "Форманын бир бөлүгү серверге жеткен жок" in response.content.decode()

    assert Page.objects.count() == pages
    assert Page.objects.get(pk=page.pk).title_ky == page.title_ky
