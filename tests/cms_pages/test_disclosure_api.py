import json
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms_pages.models import SchoolProfile, StaffMember, TeachingStaffPage

from .conftest import section_page

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(settings.BASE_DIR) / "cms_pages" / "schemas" / "disclosure.schema.json").read_text()
)
HIDDEN_TEACHER = ("Сатыбалдиева", "Нургуль Эмилбековна")


def disclosure(client, lang="ky") -> dict:
    response = client.get("/api/v2/disclosure/", HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    return response.json()


def staff_api(client) -> str:
    response = client.get("/api/v2/pages/", {"type": "cms_pages.TeachingStaffPage", "fields": "*"})
    return response.content.decode()


def section(document: dict, slug: str) -> dict:
    return next(item for item in document["sections"] if item["slug"] == slug)


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_disclosure_document_validates_against_its_schema(client, demo_site, lang):
    document = disclosure(client, lang)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)
    assert document["complete"] is True
    staff = section(document, "employees")["content"]["staff"]
    assert len(staff) == 12
    assert staff[2]["full_name_ky"] == "Жумабеков Нурлан Бакыт уулу"
    assert staff[2]["full_name_ru"] == "Жумабеков Нурлан Бакытович"
    licence = section(document, "document")["content"]["documents"][1]
    assert licence["document"]["url"].startswith("http://testserver/documents/")
    assert licence["document"]["format"] == "pdf"


def test_pages_api_gives_every_text_in_both_languages(client, demo_site):
    data = json.loads(staff_api(client))
    page = data["items"][0]
    assert (page["title_ky"], page["title_ru"]) == ("Педагогикалык курам", "Педагогический состав")
    assert page["staff"][0]["position_ru"] == "Учитель кыргызского языка и литературы"
    assert page["staff"][0]["position_ky"] == "Кыргыз тили жана адабияты мугалими"


def test_a_teacher_without_consent_appears_nowhere_public(client, demo_site):
    assert StaffMember.objects.filter(full_name_ru__startswith=HIDDEN_TEACHER[0]).exists()
    for text in (
        client.get("/ru/sveden/employees/").content.decode(),
        json.dumps(disclosure(client), ensure_ascii=False),
        staff_api(client),
    ):
        assert HIDDEN_TEACHER[0] not in text
        assert "Петренко Ольга Викторовна" in text


def test_the_signed_consent_file_is_never_shown_or_listed(client, demo_site):
    profile = SchoolProfile.for_site(demo_site)
    private = profile.collection.get_children().get()
    scan = get_document_model()(title="Consent scan Petrenko", collection=private)
    scan.file.save("consent-petrenko.pdf", ContentFile(b"%PDF-1.4 scan"), save=True)
    page = section_page(demo_site, "employees")
    member = page.staff_members.get(full_name_ru="Петренко Ольга Викторовна")
    member.consent_document = scan
    member.save()
    for text in (
        client.get("/ru/sveden/employees/").content.decode(),
        json.dumps(disclosure(client), ensure_ascii=False),
        staff_api(client),
        client.get("/api/v2/documents/").content.decode(),
    ):
        assert "consent-petrenko" not in text and "Consent scan" not in text
    assert client.get(scan.url).status_code != 200


def test_a_saved_but_unpublished_change_stays_private(client, demo_site):
    page = section_page(demo_site, "employees")
    draft = page.get_latest_revision_as_object()
    member = draft.staff_members.get(full_name_ru="Петренко Ольга Викторовна")
    member.full_name_ru = "Черновикова Ольга"
    draft.save_revision()
    for text in (
        client.get("/ru/sveden/employees/").content.decode(),
        json.dumps(disclosure(client), ensure_ascii=False),
        staff_api(client),
    ):
        assert "Черновикова" not in text
        assert "Петренко Ольга Викторовна" in text


def test_an_unpublished_page_disappears_from_html_and_api(client, demo_site):
    section_page(demo_site, "employees").unpublish()
    assert client.get("/ru/sveden/employees/").status_code == 404
    assert '"total_count": 0' in staff_api(client)
    document = disclosure(client)
    employees = section(document, "employees")
    assert (employees["status"], employees["content"]) == ("missing", None)
    assert document["complete"] is False
    assert "Петренко" not in json.dumps(document, ensure_ascii=False)
    nav = client.get("/ru/sveden/common/").content.decode()
    assert "/ru/sveden/employees/" not in nav
    assert TeachingStaffPage.objects.live().count() == 0
