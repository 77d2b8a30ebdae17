import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms_pages.models import SchoolProfile

pytestmark = pytest.mark.django_db


def create_school(*args):
    out = io.StringIO()
    call_command("create_school", *args, stdout=out)
    return out.getvalue()


def test_second_school_is_served_on_its_own_host_and_the_first_is_unchanged(client, demo_site):
    output = create_school(
        "--hostname",
        "school5.osh.kg",
        "--name-ky",
        "Ош шаарындагы № 5 орто мектеп",
        "--name-ru",
        "Средняя школа № 5 города Ош",
    )
    assert "school5.osh.kg" in output

    second = client.get("/ru/", HTTP_HOST="school5.osh.kg").content.decode()
    assert "Средняя школа № 5 города Ош" in second
    assert "«Ала-Тоо»" not in second
    assert (
        "Ош шаарындагы № 5 орто мектеп"
        in client.get("/ky/", HTTP_HOST="school5.osh.kg").content.decode()
    )

    first = client.get("/ru/", HTTP_HOST="localhost").content.decode()
    assert "Средняя общеобразовательная школа «Ала-Тоо»" in first
    assert "Средняя школа № 5 города Ош" not in first
    assert "+996 3133 2-14-56" in first


def test_new_school_gets_a_site_a_published_home_page_and_a_profile(db):
    create_school(
        "--hostname",
        "new.school.kg",
        "--port",
        "8080",
        "--name-ky",
        "Жаңы мектеп",
        "--name-ru",
        "Новая школа",
    )
    site = Site.objects.get(hostname="new.school.kg", port=8080)
    home = site.root_page.specific
    assert home.live and home.title_ky == "Жаңы мектеп" and home.title_ru == "Новая школа"
    profile = SchoolProfile.for_site(site)
    assert (profile.full_name_ky, profile.full_name_ru) == ("Жаңы мектеп", "Новая школа")


def test_duplicate_hostname_is_refused_and_changes_nothing(demo_site):
    pages, sites = Page.objects.count(), Site.objects.count()
    with pytest.raises(CommandError, match="localhost:80"):
        create_school("--hostname", "localhost", "--name-ky", "Башка", "--name-ru", "Другая")
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)


def test_blank_name_is_refused_with_a_reason_and_changes_nothing(db):
    with pytest.raises(CommandError) as error:
        create_school("--hostname", "blank.kg", "--name-ky", "  ", "--name-ru", "Школа")
    assert "кыргыз тилиндеги толук аталышы" in str(error.value)
    assert not Site.objects.filter(hostname="blank.kg").exists()
    assert Page.objects.filter(depth=2).count() == 0


def test_a_name_the_automatic_check_rejects_is_refused_and_changes_nothing(db):
    with pytest.raises(CommandError) as error:
        create_school(
            "--hostname",
            "bad.kg",
            "--name-ky",
            "Мугалимдерди уруп салгыла, мектепти өрттөгүлө",
            "--name-ru",
            "Бейте учителей, сожгите школу",
        )
    assert "автоматтык текшерүү" in str(error.value).lower()
    assert not Site.objects.filter(hostname="bad.kg").exists()
    assert Page.objects.filter(depth=2).count() == 0


def test_missing_name_argument_is_refused(db):
    with pytest.raises(CommandError, match="--name-ru"):
        create_school("--hostname", "noname.kg", "--name-ky", "Мектеп")
    assert not Site.objects.exists()


def test_invalid_hostname_is_refused(db):
    with pytest.raises(CommandError, match="bad host!"):
        create_school("--hostname", "bad host!", "--name-ky", "Мектеп", "--name-ru", "Школа")


def test_errors_can_be_read_in_russian(db):
    with pytest.raises(CommandError, match="на русском языке обязательно"):
        create_school(
            "--hostname", "ru.kg", "--name-ky", "Мектеп", "--name-ru", "", "--language", "ru"
        )


def test_a_new_school_starts_with_news_and_events_sections_in_both_languages(client, db):
    create_school("--hostname", "school7.kg", "--name-ky", "№ 7 мектеп", "--name-ru", "Школа № 7")
    ky = client.get("/ky/news/", HTTP_HOST="school7.kg").content.decode()
    ru = client.get("/ru/events/", HTTP_HOST="school7.kg").content.decode()
    assert "<h1>Жаңылыктар</h1>" in ky and "Азырынча жаңылыктар жок." in ky
    assert "<h1>Мероприятия</h1>" in ru and "Сейчас мероприятий не запланировано." in ru


def test_a_school_can_be_created_after_the_database_was_emptied(db):
    try:
        call_command("flush", "--no-input", stdout=io.StringIO())
        assert not Page.objects.exists()
        create_school("--hostname", "fresh.kg", "--name-ky", "Мектеп", "--name-ru", "Школа")
        assert Site.objects.get(hostname="fresh.kg").root_page.get_parent().is_root()
    finally:
        # flush re-created the content types inside this test's transaction, which is rolled
        # back; the cached ids must not outlive it.
        ContentType.objects.clear_cache()


def test_new_school_starts_with_news_events_and_contacts_in_its_menu(client, db):
    create_school("--hostname", "menu.school.kg", "--name-ky", "Мектеп", "--name-ru", "Школа")
    site = Site.objects.get(hostname="menu.school.kg")
    in_menu = site.root_page.get_children().live().in_menu().specific()
    assert [(type(page).__name__, page.slug) for page in in_menu] == [
        ("DisclosureIndexPage", "sveden"),
        ("NewsIndexPage", "news"),
        ("EventIndexPage", "events"),
        ("ContactsPage", "contacts"),
        ("QuestionsPage", "faq"),
    ]
    contacts = client.get("/ru/contacts/", HTTP_HOST="menu.school.kg").content.decode()
    assert "<h1>Контакты</h1>" in contacts and "Школа" in contacts
    assert (
        '<a href="/ky/contacts/">Байланыштар</a>'
        in client.get("/ky/", HTTP_HOST="menu.school.kg").content.decode()
    )


def test_a_new_schools_pages_are_found_by_the_site_search_on_its_own_host(client):
    # create_school indexes each new page once, at the end (cms_pages/indexing.py): the pages
    # must be in the index as published, with their titles in both languages.
    create_school(
        "--hostname", "school7.osh.kg", "--name-ky", "№ 7 мектеп", "--name-ru", "Школа № 7"
    )
    client.defaults["HTTP_HOST"] = "school7.osh.kg"
    links = {
        "ru": client.get("/ru/search/", {"q": "безопасность"}).content.decode(),
        "ky": client.get("/ky/search/", {"q": "коопсуздук"}).content.decode(),
    }
    for language, html in links.items():
        assert f'href="/{language}/sveden/safety/"' in html.split('<ol class="search-results"')[1]
