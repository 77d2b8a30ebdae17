import pytest
from django.urls import reverse

from cms_pages.models import SchoolProfile
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


def profile_edit_url(site):
    profile = SchoolProfile.for_site(site)
    return reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])


def test_profile_published_in_the_admin_shows_at_once_on_home_header_and_footer(
    admin_client, demo_site, client
):
    url = profile_edit_url(demo_site)
    data = form_data(admin_client.get(url).content.decode(), containing="full_name_ky")
    data.update(
        full_name_ky="Жаңы аталыштагы мектеп",
        full_name_ru="Школа с новым названием",
        address_ru="г. Кара-Балта, ул. Ленина, 1",
        email="new@ala-too-mektep.kg",
        **{"phones-0-number": "+996 3133 9-99-99", "action-publish": "action-publish"},
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    html = client.get("/ru/").content.decode()
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    footer = html.split("<footer", 1)[1].split("</footer>", 1)[0]
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Школа с новым названием" in header
    assert "Школа с новым названием" in main
    assert "Школа с новым названием" in footer
    assert "г. Кара-Балта, ул. Ленина, 1" in footer
    assert "+996 3133 9-99-99" in footer
    assert "mailto:new@ala-too-mektep.kg" in footer
    assert "Средняя общеобразовательная школа «Ала-Тоо»" not in html
    assert "Жаңы аталыштагы мектеп" in client.get("/ky/").content.decode()


def test_profile_without_russian_name_is_not_published_and_keeps_what_was_typed(
    admin_client, demo_site
):
    url = profile_edit_url(demo_site)
    data = form_data(admin_client.get(url).content.decode(), containing="full_name_ky")
    data.update(full_name_ky="Жаңы аталыш", full_name_ru="", **{"action-publish": "action-publish"})
    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Жаңы аталыш"' in html
    ru_field = html.split('data-contentpath="full_name_ru"', 1)[1].split("data-field-help", 1)[0]
    assert "Бул талааны толтуруу милдеттүү." in ru_field


def test_invalid_phone_number_gets_a_clear_error(admin_client, demo_site):
    url = profile_edit_url(demo_site)
    data = form_data(admin_client.get(url).content.decode(), containing="full_name_ky")
    data["phones-0-number"] = "call the office"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "call the office" in response.content.decode()
    assert "+996 312 62-45-10" in response.content.decode()
