import pytest

from .public_site import announce

pytestmark = pytest.mark.django_db


def test_an_announcement_in_force_shows_on_every_page_in_the_visitors_language(client, demo_site):
    announce(demo_site, "Эртең мектеп жабык.", "Завтра школа закрыта.")
    for path in ("/ru/", "/ru/news/", "/ru/news/fire-drill/", "/ru/events/", "/ru/site-map/"):
        html = client.get(path).content.decode()
        assert "<strong>Опасность:</strong> Завтра школа закрыта." in html, path
    assert "Эртең мектеп жабык." in client.get("/ky/").content.decode()


def test_an_announcement_shows_only_between_its_start_and_end(client, demo_site):
    announce(demo_site, "Келечек", "Будущее", hours=(1, 3))
    announce(demo_site, "Өткөн", "Прошлое", hours=(-3, -1))
    announce(demo_site, "Мөөнөтсүз", "Бессрочное", severity="info", hours=(-1, None))
    html = client.get("/ru/").content.decode()
    assert "Будущее" not in html and "Прошлое" not in html
    assert "Бессрочное" in html


def test_the_most_serious_announcement_comes_first(client, demo_site):
    announce(demo_site, "Маалымат", "Информация для родителей", severity="info")
    announce(demo_site, "Коркунуч", "Эвакуация", severity="danger")
    html = client.get("/ru/").content.decode()
    assert html.index("Эвакуация") < html.index("Информация для родителей")


def test_another_schools_announcement_is_not_shown(client, demo_site):
    from cms_pages.provisioning import SchoolNames, create_school

    other = create_school("school2.example.kg", SchoolNames(full_ky="Башка", full_ru="Другая"))
    announce(other, "Башка мектеп", "Другая школа закрыта")
    assert "Другая школа закрыта" not in client.get("/ru/").content.decode()
