"""The home page welcomes a parent: the school's photo, quick links the school chose, the latest
news as cards, the next events and the contacts with a map link (issue 14)."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms_pages.models import Event, HomeQuickLink, SchoolProfile
from cms_pages.page_cache import school_profile
from cms_pages.provisioning import SchoolNames, create_school
from tests.admin_forms import form_data

from .public_site import events_page

pytestmark = pytest.mark.django_db


def home_html(lang: str, client=None) -> str:
    response = (client or Client()).get(f"/{lang}/")
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, css_class: str) -> str:
    """The element with this class, up to the end of its list or section."""
    match = re.search(rf'<(nav|section|figure) class="{css_class}".*?</\1>', html, re.S)
    assert match, css_class
    return match.group(0)


@pytest.mark.parametrize(
    ("lang", "alt"),
    [
        ("ky", "Мектептин үч кабаттуу имараты, анын артында Ала-Тоо тоолору (сүрөт)"),
        ("ru", "Трёхэтажное здание школы, за ним горы Ала-Тоо (рисунок)"),
    ],
)
def test_the_schools_photo_is_served_in_webp_at_three_widths(demo_site, lang, alt):
    figure = section(home_html(lang), "home-photo")
    sources = re.findall(r"(/media/images/\S+\.webp) (\d+)w", figure)
    assert [width for _url, width in sources] == ["480", "960", "1440"]
    assert f'alt="{alt}"' in figure
    # The first thing on the page: fetched early, never lazily.
    assert 'fetchpriority="high"' in figure and "loading=" not in figure
    for url, _width in sources:
        with default_storage.open(url.removeprefix(settings.MEDIA_URL)) as image:
            assert image.read(12)[8:] == b"WEBP"


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("ky", ["Кабыл алуу", "Мугалимдер", "Тамактануу", "Иш-чаралар", "Суроо берүү"]),
        ("ru", ["Приём", "Учителя", "Питание", "Мероприятия", "Задать вопрос", "Контакты"]),
    ],
)
def test_quick_links_lead_to_the_pages_parents_look_for_in_the_schools_order(
    demo_site, lang, labels
):
    links = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a></li>', section(home_html(lang), "quick-links")
    )
    assert [label for _href, label in links][: len(labels)] == labels
    hrefs = [href for href, _label in links]
    assert hrefs[:3] == [
        f"/{lang}/sveden/vacant/",
        f"/{lang}/sveden/employees/",
        f"/{lang}/sveden/catering/",
    ]
    for href in hrefs:
        assert Client().get(href).status_code == 200, href


def test_a_quick_link_shows_the_pages_title_without_a_label_and_hides_an_unpublished_page(
    demo_site,
):
    home = demo_site.root_page.specific
    links = list(home.quick_links.all())
    links[0].label_ky = links[0].label_ru = links[0].label = ""
    links[1].link_page.unpublish()
    home.quick_links = links
    home.save_revision().publish()
    quick = section(home_html("ru"), "quick-links")
    title = links[0].link_page.specific.title_ru
    assert title != "Приём"
    assert f">{title}</a>" in quick
    assert "/ru/sveden/employees/" not in quick
    assert len(re.findall(r"<li>", quick)) == len(links) - 1


def test_the_latest_news_are_cards_with_image_date_and_summary(demo_site):
    latest = section(home_html("ru"), "latest-news")
    cards = re.findall(r'<li class="news-tile">.*?</li>', latest, re.S)
    assert len(cards) == 3
    for card in cards:
        assert re.search(r'srcset="\S+\.webp 360w, \S+\.webp 720w"', card)
        assert 'loading="lazy"' in card
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [а-я]+ \d{4} г\.</time>', card)
        assert '<p class="news-tile__summary">' in card


def test_the_next_events_are_listed_soonest_first_and_an_event_over_is_not(demo_site):
    page = events_page(demo_site)
    now = timezone.now()
    page.events.add(
        Event(
            title_ky="Өткөн", title_ru="Прошедшее событие", start=now - datetime.timedelta(days=1)
        )
    )
    page.events.add(
        Event(
            title_ky="Эртең",
            title_ru="Завтрашняя встреча",
            start=now + datetime.timedelta(hours=20),
        )
    )
    page.save_revision().publish()
    events = section(home_html("ru"), "next-events")
    titles = re.findall(r'<span class="event-card__title">([^<]+)</span>', events)
    assert titles[0] == "Завтрашняя встреча"
    assert len(titles) == 3
    assert "Прошедшее событие" not in events
    assert 'href="/ru/events/"' in events


def test_the_contacts_have_tappable_phones_an_email_and_a_map_link(demo_site):
    contacts = section(home_html("ky"), "home-contacts")
    assert '<a href="tel:+996313321456">+996 3133 2-14-56</a> (Кабыл алуу бөлмөсү)' in contacts
    assert '<a href="mailto:kabyl@ala-too-mektep.kg">' in contacts
    assert (
        'href="https://www.openstreetmap.org/?mlat=42.814200&amp;mlon=73.848100'
        '#map=17/42.814200/73.848100"' in contacts
    )
    assert "<script" not in home_html("ky").split("<main", 1)[1]


def test_a_new_school_starts_with_six_quick_links_to_its_own_pages(db):
    site = create_school(
        "new.example.kg", SchoolNames(full_ky="Жаңы мектеп", full_ru="Новая школа")
    )
    home = site.root_page.specific
    links = list(home.quick_links.all())
    assert [link.label_ru for link in links] == [
        "Приём",
        "Учителя",
        "Питание",
        "Мероприятия",
        "Задать вопрос",
        "Контакты",
    ]
    assert all(link.link_page.path.startswith(home.path) for link in links)
    assert type(home).objects.get(pk=home.pk).live_revision.content["quick_links"]


def test_the_admin_refuses_a_quick_link_to_another_schools_page(demo_site, superuser):
    other = create_school(
        "other.example.kg", SchoolNames(full_ky="Башка мектеп", full_ru="Другая школа")
    )
    foreign = Page.objects.descendant_of(other.root_page).get(slug="contacts")
    staff = Client()
    staff.force_login(superuser)
    home = demo_site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    data = form_data(staff.get(url).content.decode(), containing="title_ky")
    data["quick_links-0-link_page"] = str(foreign.pk)
    data["action-publish"] = "action-publish"
    response = staff.post(url, data)
    assert response.status_code == 200
    assert "Ушул мектептин сайтындагы, башкы бетинин астындагы бетти тандаңыз." in (
        response.content.decode()
    )
    kept = HomeQuickLink.objects.filter(home_id=home.pk).values_list("link_page_id", flat=True)
    assert len(kept) == 6 and foreign.pk not in kept


def test_a_new_photo_shows_at_once_and_an_edited_image_is_read_again(demo_site, superuser):
    before = section(home_html("ru"), "home-photo")
    profile = SchoolProfile.for_site(demo_site)
    photo = profile.photo
    photo.title = "Здание школы, 2026"
    photo.save()
    assert school_profile(demo_site).photo.title == "Здание школы, 2026"
    profile.photo_alt_ru = "Школа весной"
    profile.save()
    after = section(home_html("ru"), "home-photo")
    assert 'alt="Школа весной"' in after and after != before
