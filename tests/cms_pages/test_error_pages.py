import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/ky/no-such-page/", "ky", "Бет табылган жок"),
        ("/ru/no-such-page/", "ru", "Страница не найдена"),
    ],
)
def test_a_missing_page_is_a_friendly_404_in_the_language_of_the_address(
    client, demo_site, path, lang, heading
):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/{lang}/site-map/"' in html


def test_the_error_page_renders_without_a_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Кечиресиз, сайтта ката кетти" in html
    assert '<div lang="ru">' in html and "Извините, на сайте произошла ошибка" in html
