"""The main menu: the school's live, public top-level pages marked "show in menus", in tree
order, in the visitor's language, the current one marked, read in one query."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms_pages.models import ContactsPage, GeneralPage
from cms_pages.templatetags.school_tags import main_menu

from .general_pages import publish_general_page

pytestmark = pytest.mark.django_db

BODY_KY = [("paragraph", "<p>Мектеп 1968-жылы ачылган.</p>")]
BODY_RU = [("paragraph", "<p>Школа открылась в 1968 году.</p>")]


def menu_of(html: str) -> str:
    return html.split('<nav class="main-menu"', 1)[1].split("</nav>", 1)[0]


def menu_links(client, path: str) -> list[str]:
    menu = menu_of(client.get(path).content.decode())
    return [part.split('"', 1)[0] for part in menu.split('href="')[1:]]


def history(site, **fields):
    return publish_general_page(
        site.root_page, "history", "Мектептин тарыхы", "История школы", BODY_KY, BODY_RU, **fields
    )


def test_demo_menu_has_the_disclosure_section_news_events_and_contacts_in_order(client, demo_site):
    assert menu_links(client, "/ru/") == [
        "/ru/",
        "/ru/sveden/",
        "/ru/news/",
        "/ru/events/",
        "/ru/contacts/",
        "/ru/faq/",
    ]
    ky = menu_of(client.get("/ky/").content.decode())
    assert ">Жаңылыктар</a>" in ky and ">Байланыштар</a>" in ky
    # The page for parents is published but not marked for the menu.
    assert "/ru/parents/" not in menu_links(client, "/ru/")


def test_show_in_menus_adds_a_page_in_both_languages_and_marks_it_current(client, demo_site):
    page = history(demo_site)
    assert "/ru/history/" not in menu_links(client, "/ru/")
    page.show_in_menus = True
    page.save_revision().publish()
    assert menu_links(client, "/ru/")[-1] == "/ru/history/"
    ru = menu_of(client.get("/ru/history/").content.decode())
    assert '<a href="/ru/history/" aria-current="page">История школы</a>' in ru
    ky = menu_of(client.get("/ky/history/").content.decode())
    assert '<a href="/ky/history/" aria-current="page">Мектептин тарыхы</a>' in ky
    assert ru.count("aria-current") == 1
    # A page below it marks the menu item as the current section.
    publish_general_page(page, "founders", "Негиздөөчүлөр", "Основатели", BODY_KY, BODY_RU)
    below = menu_of(client.get("/ru/history/founders/").content.decode())
    assert '<a href="/ru/history/" aria-current="true">' in below
    assert "/ru/history/founders/" not in below  # only top-level pages


def test_unpublished_and_private_pages_are_never_in_the_menu(client, demo_site):
    page = history(demo_site, show_in_menus=True)
    assert "/ru/history/" in menu_links(client, "/ru/")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "/ru/history/" not in menu_links(client, "/ru/")
    restriction.delete()
    page.unpublish()
    assert "/ru/history/" not in menu_links(client, "/ru/")
    # A draft marked for the menu is not shown either.
    draft = GeneralPage(
        slug="draft", title="Долбоор", title_ky="Долбоор", title_ru="Черновик", live=False
    )
    draft.show_in_menus = True
    demo_site.root_page.add_child(instance=draft)
    assert "/ru/draft/" not in menu_links(client, "/ru/")


def test_a_restriction_on_the_home_page_hides_the_menu_pages_below_it(client, demo_site):
    PageViewRestriction.objects.create(
        page=demo_site.root_page, restriction_type=PageViewRestriction.LOGIN
    )
    request = RequestFactory().get("/ru/")
    assert [item["is_home"] for item in main_menu({"request": request, "page": None})] == [True]


def test_the_menu_takes_out_contacts_when_the_school_unticks_it(client, demo_site):
    contacts = ContactsPage.objects.child_of(demo_site.root_page).get()
    contacts.show_in_menus = False
    contacts.save_revision().publish()
    assert "/ru/contacts/" not in menu_links(client, "/ru/")
    assert client.get("/ru/contacts/").status_code == 200


def test_another_schools_pages_are_not_in_this_schools_menu(client, demo_site, new_school):
    publish_general_page(
        new_school.root_page, "osh-only", "Ош", "Ош", BODY_KY, BODY_RU, show_in_menus=True
    )
    assert "/ru/osh-only/" not in menu_links(client, "/ru/")
    other = menu_links(client.__class__(HTTP_HOST="school5.osh.kg"), "/ru/")
    assert other == [
        "/ru/",
        "/ru/sveden/",
        "/ru/news/",
        "/ru/events/",
        "/ru/contacts/",
        "/ru/faq/",
        "/ru/osh-only/",
    ]


def menu_for_a_new_request():
    return main_menu({"request": RequestFactory().get("/ru/"), "page": None})


def test_the_menu_is_read_in_one_query_however_many_pages_it_has(demo_site):
    menu_for_a_new_request()  # reads the site root paths into the cache
    with CaptureQueriesContext(connection) as few:
        items = menu_for_a_new_request()
    for number in range(8):
        publish_general_page(
            demo_site.root_page,
            f"extra-{number}",
            f"Барак {number}",
            f"Страница {number}",
            BODY_KY,
            BODY_RU,
            show_in_menus=True,
        )
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug="extra-0"), restriction_type=PageViewRestriction.LOGIN
    )
    with CaptureQueriesContext(connection) as many:
        more = menu_for_a_new_request()
    # The site, then its page tree (cms_pages/request_tree.py), which the request keeps:
    assert len(few) == len(many) == 2
    assert len(more) == len(items) + 7
    request = RequestFactory().get("/ru/")
    main_menu({"request": request, "page": None})
    with CaptureQueriesContext(connection) as again:
        assert main_menu({"request": request, "page": None}) == more
    assert len(again) == 0
