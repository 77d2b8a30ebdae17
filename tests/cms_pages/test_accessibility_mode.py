import pytest

pytestmark = pytest.mark.django_db


def test_switching_the_mode_on_sets_a_cookie_and_returns_to_the_page(client, demo_site):
    response = client.get("/ru/accessibility/", {"mode": "on", "next": "/ru/news/"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/news/"
    assert response.cookies["mektep_a11y"].value == "on"
    html = client.get("/ru/news/").content.decode()
    assert '<html lang="ru" class="a11y">' in html
    assert '<button type="submit" name="mode" value="off">Обычная версия</button>' in html


def test_without_the_cookie_every_page_offers_the_mode(client, demo_site):
    html = client.get("/ky/").content.decode()
    assert '<html lang="ky">' in html
    assert "Начар көргөндөр үчүн версия" in html
    assert 'action="/ky/accessibility/" method="get"' in html
    assert '<input type="hidden" name="next" value="/ky/">' in html


def test_images_can_be_hidden_in_the_mode_and_their_descriptions_shown(client, demo_site):
    client.get("/ru/accessibility/", {"mode": "on", "next": "/ru/"})
    client.get("/ru/accessibility/", {"images": "off", "next": "/ru/"})
    html = client.get("/ru/news/school-year-begins/").content.decode()
    assert '<html lang="ru" class="a11y no-images">' in html
    assert "<img" not in html
    assert "Изображение: Торжественная линейка во дворе школы" in html


def test_leaving_the_mode_shows_images_again(client, demo_site):
    client.get("/ru/accessibility/", {"mode": "on", "images": "off"})
    client.get("/ru/accessibility/", {"mode": "off"})
    html = client.get("/ru/news/school-year-begins/").content.decode()
    assert '<html lang="ru">' in html and "<img" in html


@pytest.mark.parametrize(
    "target", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"]
)
def test_the_return_address_must_be_on_this_site(client, demo_site, target):
    response = client.get("/ky/accessibility/", {"mode": "on", "next": target})
    assert response["Location"] == "/ky/"
