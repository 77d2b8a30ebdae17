import pytest

pytestmark = pytest.mark.django_db

NAME_KY = "«Ала-Тоо» жалпы орто билим берүүчү мектеби"
NAME_RU = "Средняя общеобразовательная школа «Ала-Тоо»"


def test_root_redirects_to_kyrgyz_when_the_browser_does_not_say(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/"


def test_root_redirects_a_russian_browser_to_russian(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


@pytest.mark.parametrize(
    ("lang", "name", "other_name"),
    [("ky", NAME_KY, NAME_RU), ("ru", NAME_RU, NAME_KY)],
)
def test_home_page_shows_the_school_in_the_language_of_its_prefix(
    client, demo_site, lang, name, other_name
):
    response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert name in html
    assert other_name not in html


def test_home_page_lists_both_language_alternates(client, demo_site):
    html = client.get("/ky/").content.decode()
    assert '<link rel="alternate" hreflang="ky" href="http://testserver/ky/">' in html
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/">' in html


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, demo_site):
    html = client.get("/ru/").content.decode()
    assert '<a href="/ky/" hreflang="ky" lang="ky">Кыргызча</a>' in html
    assert '<span aria-current="true" lang="ru">Русский</span>' in html


def test_interface_strings_are_translated(client, demo_site):
    ky = client.get("/ky/").content.decode()
    ru = client.get("/ru/").content.decode()
    assert "Иштөө убактысы" in ky and "Байланыштар" in ky and "Бардык иш-чаралар" in ky
    assert "Режим работы" in ru and "Контакты" in ru and "Все мероприятия" in ru


def test_footer_shows_the_contacts_from_the_profile(client, demo_site):
    html = client.get("/ru/").content.decode()
    assert '<a href="tel:+996313321456">+996 3133 2-14-56</a> (Приёмная)' in html
    assert 'href="mailto:kabyl@ala-too-mektep.kg"' in html
    assert "г. Кара-Балта, ул. Токтогула, 45" in html


def test_home_page_shows_hours_and_founding_date(client, demo_site):
    html = client.get("/ky/").content.decode()
    assert '<time datetime="1968-09-01">' in html
    assert "Дүйшөмбү – жума: 08:00–18:00<br>Ишемби: 08:00–14:00" in html


def test_unknown_page_is_a_404(client, demo_site):
    assert client.get("/ky/no-such-page/").status_code == 404


def test_a_missing_admin_or_api_url_is_a_404_not_a_redirect_to_the_public_site(
    admin_client, demo_site
):
    assert admin_client.get("/admin/no-such-screen/").status_code == 404
    assert admin_client.get("/api/v2/no-such-endpoint/").status_code == 404
