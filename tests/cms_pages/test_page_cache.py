"""The public page cache: a second anonymous visit is answered from the cache, and whatever
changes what a page shows is on the very next anonymous visit, whoever changed it and how."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms_pages.models import Event, NewsPage, SchoolProfile
from tests.admin_forms import form_data
from tests.people import make_member, sign_in

from .public_site import announce, events_page, publish_article

pytestmark = pytest.mark.django_db

ARTICLE = "/ru/news/fire-drill/"
# How soon a time window opens or closes in the tests that wait for it: long enough for the page
# to be stored and served from the cache first on a busy machine.
SOON = datetime.timedelta(seconds=4)


def wait_until(moment) -> None:
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.1)


def visit(path, client=None, **headers):
    response = (client or Client()).get(path, **headers)
    return response, response.content.decode()


def cached(path, **headers) -> str:
    """The page as the cache now answers it, after making sure it is stored."""
    visit(path, **headers)
    response, html = visit(path, **headers)
    assert response["X-Page-Cache"] == "hit", path
    return html


def test_a_second_anonymous_visit_is_answered_from_the_cache_and_a_revisit_gets_304(demo_site):
    first, html = visit("/ru/")
    assert first["X-Page-Cache"] == "miss"
    second, again = visit("/ru/")
    assert second["X-Page-Cache"] == "hit"
    assert again == html
    assert first["ETag"] == second["ETag"]
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["Content-Type"] == first["Content-Type"]
    # The browser's revalidation of what it holds costs no page.
    revalidated = Client().get("/ru/", HTTP_IF_NONE_MATCH=second["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""
    assert Client().get("/ru/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/ky/",
        "/ru/news/",
        "/ru/news/page/2/",
        ARTICLE,
        "/ru/events/",
        "/ru/sveden/employees/",
        "/ru/site-map/",
        "/ru/news/feed.atom",
        "/ru/events/calendar.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/disclosure/",
        "/api/v2/announcements/",
        "/api/v2/pages/?type=cms_pages.NewsPage",
    ],
)
def test_public_addresses_are_cached(demo_site, path):
    cached(path)


# Search results come from the search index, which `update_index` may rebuild at any time, and
# are one entry per query typed: never stored.
@pytest.mark.parametrize(
    "path", ["/ru/feedback/", "/ru/no-such-page/", "/admin/login/", "/ru/search/?q=психолог"]
)
def test_forms_errors_search_and_the_admin_are_never_cached(demo_site, path):
    visit(path)
    response, _html = visit(path)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_language_and_the_visually_impaired_mode_each_get_their_own_copy(demo_site):
    kyrgyz, russian = cached("/ky/"), cached("/ru/")
    assert kyrgyz != russian and 'lang="ky"' in kyrgyz and 'lang="ru"' in russian
    client = Client()
    client.cookies["mektep_a11y"] = "on"
    visit("/ru/", client)
    response, a11y = visit("/ru/", client)
    assert response["X-Page-Cache"] == "hit"
    assert 'class="a11y' in a11y and 'class="a11y' not in russian


def test_a_publish_in_the_admin_shows_on_the_next_anonymous_visit(demo_site):
    director = make_member(demo_site, "director", "cholpon.director")
    assert "Учебная тревога прошла успешно" not in cached(ARTICLE)
    cached("/ru/news/")
    staff = sign_in(Client(), director)
    article = NewsPage.objects.get(slug="fire-drill")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = form_data(staff.get(url).content.decode(), containing="title_ru")
    data.update(title_ru="Учебная тревога прошла успешно", **{"action-publish": "1"})
    staff.post(url, data, follow=True)
    article.refresh_from_db()
    assert article.title_ru == "Учебная тревога прошла успешно", "the publish went through"

    response, html = visit(ARTICLE)
    assert response["X-Page-Cache"] == "miss"
    assert "Учебная тревога прошла успешно" in html
    assert "Учебная тревога прошла успешно" in visit("/ru/news/")[1]


def test_a_profile_edit_in_the_admin_shows_on_every_page_at_once(demo_site, superuser):
    pages = ["/ru/", ARTICLE, "/ru/sveden/common/", "/api/v2/disclosure/"]
    for path in pages:
        assert "Школа с новым названием" not in cached(path)
    staff = Client()
    staff.force_login(superuser)
    profile = SchoolProfile.for_site(demo_site)
    url = reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])
    data = form_data(staff.get(url).content.decode(), containing="full_name_ky")
    data.update(full_name_ru="Школа с новым названием", **{"action-publish": "action-publish"})
    assert staff.post(url, data).status_code == 302
    for path in pages:
        assert "Школа с новым названием" in visit(path)[1], path


def test_the_remembered_profile_and_phones_follow_an_admin_edit_with_the_page_cache_off(
    demo_site, superuser, settings
):
    # Pages are built every time, but the profile comes from the shared cache
    # (page_cache/profiles.py) until it changes.
    settings.MEKTEP_PAGE_CACHE_SECONDS = 0
    pages = ["/ru/", "/ru/sveden/common/", "/api/v2/disclosure/", "/ru/news/feed.atom"]
    profile = SchoolProfile.for_site(demo_site)
    old_number = profile.phones.first().number
    for path in pages:
        visit(path)
        assert "Школа с новым названием" not in visit(path)[1]
    staff = Client()
    staff.force_login(superuser)
    url = reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])
    data = form_data(staff.get(url).content.decode(), containing="full_name_ky")
    assert data["phones-0-number"] == old_number
    data.update(
        {
            "full_name_ru": "Школа с новым названием",
            "short_name_ru": "Школа с новым названием",
            "phones-0-number": "+996 312 99-88-77",
            "action-publish": "action-publish",
        }
    )
    assert staff.post(url, data).status_code == 302
    for path in pages:
        html = visit(path)[1]
        assert "Школа с новым названием" in html, path
        if path != "/ru/news/feed.atom":  # the feed names the school, not its phones
            assert "99-88-77" in html, path
    # The same number is also a leader's phone on the leadership page: the school's is gone.
    phones = visit("/api/v2/disclosure/")[0].json()["school"]["phones"]
    numbers = [phone["number"] for phone in phones]
    assert "+996 312 99-88-77" in numbers and old_number not in numbers


def test_an_announcement_shows_when_its_window_opens_and_goes_when_it_closes(demo_site):
    now = timezone.now()
    opening = announce(demo_site, "Эртең сабак жок", "Завтра занятий нет", hours=(0, None))
    opening.starts_at = now + SOON
    opening.save()
    closing = announce(demo_site, "Суу өчүрүлөт", "Отключат воду", hours=(-1, None))
    closing.ends_at = now + SOON
    closing.save()
    html = cached("/ru/")
    assert "Завтра занятий нет" not in html and "Отключат воду" in html
    wait_until(opening.starts_at)
    html = visit("/ru/")[1]
    assert "Завтра занятий нет" in html and "Отключат воду" not in html


def test_an_announcement_posted_shows_at_once_and_only_at_its_own_school(demo_site, other_site):
    other_home = cached_of(other_site)
    assert "Карантин" not in cached("/ru/")
    announce(demo_site, "Карантин", "Карантин объявлен")
    assert "Карантин объявлен" in visit("/ru/")[1]
    # The other school's copy was not thrown away.
    response, html = visit("/ru/", HTTP_HOST=other_site.hostname)
    assert response["X-Page-Cache"] == "hit" and html == other_home
    assert "Карантин объявлен" not in html


def test_unpublishing_and_deleting_pages_and_changing_an_image_show_at_once(demo_site):
    article = NewsPage.objects.get(slug="fire-drill")
    cached(ARTICLE)
    article.unpublish()
    assert visit(ARTICLE)[0].status_code == 404

    extra = publish_article(demo_site, "extra", "Кошумча", "Дополнительная")
    assert "Дополнительная" in cached("/ru/news/")
    extra.delete()
    assert "Дополнительная" not in visit("/ru/news/")[1]

    # An image's change (a new file, a new title) reaches the pages that show it.
    shown = NewsPage.objects.live().filter(image__isnull=False).first()
    path = f"/ru/news/{shown.slug}/"
    cached(path)
    image = shown.image
    image.title = "Жаңы сүрөт"
    image.save()
    assert visit(path)[0]["X-Page-Cache"] == "miss"


def test_signed_in_staff_never_get_a_cached_page_nor_fill_the_cache(demo_site):
    editor = make_member(demo_site, "editor", "aigul.editor")
    staff = sign_in(Client(), editor)
    cached("/ru/")
    for _ in range(2):
        response = staff.get("/ru/")
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")
    # A draft the editor saves changes nothing for visitors, and their own visit stored nothing.
    staff.get(ARTICLE)
    assert visit(ARTICLE)[0]["X-Page-Cache"] == "miss"


def test_the_cache_can_be_switched_off(demo_site, settings):
    settings.MEKTEP_PAGE_CACHE_SECONDS = 0
    visit("/ru/")
    assert "X-Page-Cache" not in visit("/ru/")[0]


def test_an_upcoming_event_leaves_the_list_when_it_is_over(demo_site):
    page = events_page(demo_site)
    end = timezone.now() + SOON
    page.events.add(
        Event(
            title_ky="Бүтүрүүчүлөр жолугушуусу",
            title_ru="Встреча выпускников",
            start=timezone.now() - datetime.timedelta(hours=1),
            end=end,
        )
    )
    page.save_revision().publish()
    assert "Встреча выпускников" in cached("/ru/events/")
    wait_until(end)
    response, html = visit("/ru/events/")
    assert response["X-Page-Cache"] == "miss"
    assert "Встреча выпускников" not in html


def cached_of(site) -> str:
    visit("/ru/", HTTP_HOST=site.hostname)
    response, html = visit("/ru/", HTTP_HOST=site.hostname)
    assert response["X-Page-Cache"] == "hit"
    return html


@pytest.fixture
def other_site(demo_site):
    from cms_pages.provisioning import SchoolNames, create_school

    return create_school("other.test", SchoolNames(full_ky="Башка мектеп", full_ru="Другая школа"))


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_a_page_made_private_is_never_served_from_the_cache(demo_site, restriction):
    article = NewsPage.objects.get(slug="fire-drill")
    title = article.title_ru
    assert title in cached(ARTICLE)
    PageViewRestriction.objects.create(
        page=article, restriction_type=restriction, password="secret-word"
    )
    for _ in range(2):
        response, html = visit(ARTICLE)
        assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"
        assert response.status_code in (200, 302) and f"<h1>{title}" not in html


def test_a_new_school_and_a_changed_host_name_are_found_at_once(demo_site, settings):
    """Which school a host name is, is remembered too; adding or changing a school forgets it."""
    from cms_pages.provisioning import SchoolNames, create_school

    settings.MEKTEP_PAGE_CACHE_SECONDS = 0  # the remembered school alone
    demo_name = "Средняя общеобразовательная школа «Ала-Тоо»"
    for _ in range(2):  # an unknown host is the default school's, as Wagtail says
        assert demo_name in visit("/ru/", HTTP_HOST="new.test")[1]
    site = create_school("new.test", SchoolNames(full_ky="Жаңы мектеп", full_ru="Новая школа"))
    assert "Новая школа" in visit("/ru/", HTTP_HOST="new.test")[1]
    site.hostname = "renamed.test"
    site.save()
    assert "Новая школа" in visit("/ru/", HTTP_HOST="renamed.test")[1]
    assert "Новая школа" not in visit("/ru/", HTTP_HOST="new.test")[1]
