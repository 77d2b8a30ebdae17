"""Members of management bodies are personal data (003 §6.2): without a recorded consent their
name, phone and e-mail appear nowhere the public reads; with it, everywhere. Driven through the
admin's nested "people" form of a body, as the school's staff use it."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from cms_pages.models import ManagementBodyMember
from tests.admin_forms import form_data

from .conftest import section_page

pytestmark = pytest.mark.django_db

NAME_KY = "Сыдыкова Бермет Асан кызы"
NAME_RU = "Сыдыкова Бермет Асановна"
PHONE = "+996 777 12-34-56"
EMAIL = "bermet.sydykova@example.kg"


def edit_structure(client, site, **changes):
    """Publish the structure page through its admin form, with ``changes`` to the fields."""
    url = reverse("wagtailadmin_pages:edit", args=[section_page(site, "struct").pk])
    data = form_data(client.get(url).content.decode(), containing="title_ky")
    data.update(changes)
    data["action-publish"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return url, data


def add_person_to_first_body(client, site):
    url = reverse("wagtailadmin_pages:edit", args=[section_page(site, "struct").pk])
    data = form_data(client.get(url).content.decode(), containing="title_ky")
    index = int(data["management_bodies-0-people-TOTAL_FORMS"])
    prefix = f"management_bodies-0-people-{index}"
    return edit_structure(
        client,
        site,
        **{
            "management_bodies-0-people-TOTAL_FORMS": str(index + 1),
            f"{prefix}-id": "",
            f"{prefix}-ORDER": str(index + 1),
            f"{prefix}-DELETE": "",
            f"{prefix}-full_name_ky": NAME_KY,
            f"{prefix}-full_name_ru": NAME_RU,
            f"{prefix}-role": "secretary",
            f"{prefix}-phone": PHONE,
            f"{prefix}-email": EMAIL,
            f"{prefix}-consent_date": "",
        },
    )


def public_texts(client, export_dir) -> dict[str, str]:
    """Everything the public can read about the structure page, by where it is read."""
    texts = {
        f"html {lang}": client.get(f"/{lang}/sveden/struct/").content.decode()
        for lang in ("ky", "ru")
    }
    texts["pages api"] = client.get(
        "/api/v2/pages/", {"type": "cms_pages.StructurePage", "fields": "*"}
    ).content.decode()
    texts["disclosure document"] = json.dumps(
        client.get("/api/v2/disclosure/").json(), ensure_ascii=False
    )
    call_command(
        "export_static", "--site", "localhost", "--output", str(export_dir), stdout=io.StringIO()
    )
    for lang in ("ky", "ru"):
        texts[f"export {lang}"] = (
            export_dir / lang / "sveden" / "struct" / "index.html"
        ).read_text(encoding="utf-8")
    return texts


def test_a_body_member_without_consent_is_published_nowhere_until_consent_is_entered(
    client, admin_client, superuser, demo_site, tmp_path
):
    add_person_to_first_body(admin_client, demo_site)
    person = ManagementBodyMember.objects.get(full_name_ru=NAME_RU)
    assert person.consent_date is None and person.consent_recorded_by is None

    client.logout()
    before = public_texts(client, tmp_path / "before")
    for where, text in before.items():
        for personal in (NAME_KY, NAME_RU, PHONE, EMAIL):
            assert personal not in text, (personal, where)
    # The demo's own members, whose consent is on file, are there all along.
    assert "Алымкулов Эмил Сапарбекович" in before["html ky"]
    assert "Алымкулов Эмиль Сапарбекович" in before["html ru"]
    assert "Алымкулов Эмиль Сапарбекович" in before["pages api"]
    assert "Алымкулов Эмиль Сапарбекович" in before["export ru"]
    search = client.get("/ru/search/", {"q": "Сыдыкова"}).content.decode()
    assert NAME_RU not in search and NAME_KY not in search

    index = next(
        i
        for i, member in enumerate(person.body.people.order_by("sort_order"))
        if member.pk == person.pk
    )
    admin_client.force_login(superuser)
    edit_structure(
        admin_client,
        demo_site,
        **{f"management_bodies-0-people-{index}-consent_date": "2025-10-15"},
    )
    person.refresh_from_db()
    assert str(person.consent_date) == "2025-10-15"
    assert person.consent_recorded_by == superuser

    client.logout()
    after = public_texts(client, tmp_path / "after")
    for where in ("html ru", "export ru"):
        assert NAME_RU in after[where] and PHONE in after[where] and EMAIL in after[where], where
    for where in ("html ky", "export ky"):
        assert NAME_KY in after[where], where
    for where in ("pages api", "disclosure document"):
        assert NAME_KY in after[where] and NAME_RU in after[where], where
        assert PHONE in after[where] and EMAIL in after[where], where
    body = next(
        item
        for item in json.loads(after["disclosure document"])["sections"]
        if item["slug"] == "struct"
    )["content"]["management_bodies"][0]
    assert {
        "full_name_ky": NAME_KY,
        "full_name_ru": NAME_RU,
        "role": "secretary",
        "phone": PHONE,
        "email": EMAIL,
    } in body["members"]


def test_a_body_whose_people_lack_consent_still_shows_its_name_regulation_and_contact(
    client, demo_site
):
    page = section_page(demo_site, "struct")
    ManagementBodyMember.objects.filter(body__page=page).update(consent_date=None)
    page.save_revision().publish()
    html = client.get("/ru/sveden/struct/").content.decode()
    assert "Педагогический совет" in html and "+996 3133 2-14-56" in html
    assert "Бекмуратова" not in html and "Алымкулов" not in html
    api = client.get("/api/v2/pages/", {"type": "cms_pages.StructurePage", "fields": "*"}).json()
    bodies = api["items"][0]["management_bodies"]
    assert [body["members"] for body in bodies] == [[], [], [], []]
    assert bodies[0]["regulation"]["format"] == "pdf"


def test_a_bad_phone_or_date_of_a_body_member_is_refused_and_what_was_typed_is_kept(
    admin_client, demo_site
):
    page = section_page(demo_site, "struct")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin_client.get(url).content.decode(), containing="title_ky")
    data.update(
        {
            "management_bodies-1-people-0-phone": "звоните вечером",
            "management_bodies-1-people-1-consent_date": "31.02.2025",
            "action-publish": "1",
        }
    )
    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "звоните вечером" in html and "31.02.2025" in html
    assert "+996 312 62-45-10" in html  # the phone error says what a number looks like
    assert not ManagementBodyMember.objects.filter(phone="звоните вечером").exists()
    assert "звоните вечером" not in admin_client.get("/ru/sveden/struct/").content.decode()
