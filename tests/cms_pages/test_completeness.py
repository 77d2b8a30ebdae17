import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection

from cms_pages.models import SECTION_SLUGS, DisclosureDocument, Leader, SchoolProfile
from tests.admin_forms import form_data

from .conftest import check_disclosure, section_page

pytestmark = pytest.mark.django_db


def statuses(output: str, hostname: str) -> dict[str, str]:
    schools = json.loads(output)["schools"]
    school = next(school for school in schools if school["hostname"] == hostname)
    return {item["slug"]: item["status"] for item in school["items"]}


def test_demo_school_reports_every_item_present(demo_site):
    status, output = check_disclosure("--site", "localhost", "--format", "json")
    assert status == 0
    assert statuses(output, "localhost") == dict.fromkeys(SECTION_SLUGS, "present")


def test_new_school_gets_the_whole_section_published_and_reports_every_item_missing(
    client, new_school
):
    host = {"HTTP_HOST": "school5.osh.kg"}
    assert client.get("/ru/sveden/employees/", **host).status_code == 200
    assert "Педагогикалык курам" in client.get("/ky/sveden/employees/", **host).content.decode()
    status, output = check_disclosure("--site", "school5.osh.kg", "--format", "json")
    assert status == 1
    missing = dict.fromkeys(SECTION_SLUGS, "missing")
    # The profile already holds the name in both languages, but no address, hours or contacts.
    assert statuses(output, "school5.osh.kg") == missing


def test_new_school_gets_its_own_collection_with_a_private_one_for_consents(new_school):
    profile = SchoolProfile.for_site(new_school)
    assert profile.collection.get_parent() == Collection.get_first_root_node()
    assert profile.collection.name == "Средняя школа № 5 города Ош"
    consents = profile.collection.get_children().get()
    assert consents.get_view_restrictions().exists()


def test_adding_the_head_in_the_admin_turns_leadership_present_and_records_who_entered_consent(
    admin_client, superuser, new_school
):
    page = section_page(new_school, "managers")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(admin_client.get(url).content.decode(), containing="title_ky")
    data.update(
        {
            "leaders-TOTAL_FORMS": "1",
            "leaders-0-id": "",
            "leaders-0-ORDER": "1",
            "leaders-0-surname_ky": "Токтогулова",
            "leaders-0-surname_ru": "Токтогулова",
            "leaders-0-name_ky": "Айгерим",
            "leaders-0-name_ru": "Айгерим",
            "leaders-0-patronymic_ky": "Бакыт кызы",
            "leaders-0-patronymic_ru": "Бакытовна",
            "leaders-0-position_ky": "Мектептин директору",
            "leaders-0-position_ru": "Директор школы",
            "leaders-0-role": "head",
            "leaders-0-phone": "+996 3222 5-55-55",
            "leaders-0-email": "director@school5.osh.kg",
            "leaders-0-consent_date": "2025-09-01",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    head = Leader.objects.get(page=page)
    assert head.consent_recorded_by == superuser
    _status, output = check_disclosure("--site", "school5.osh.kg", "--format", "json")
    assert statuses(output, "school5.osh.kg")["managers"] == "present"
    assert statuses(output, "school5.osh.kg")["employees"] == "missing"


def test_text_in_one_language_only_is_reported_with_the_missing_language(demo_site):
    page = section_page(demo_site, "safety")
    # The publishing gate refuses a page with one language missing, so this is live content
    # from before it (or from an import), written to the database directly.
    type(page).objects.filter(pk=page.pk).update(support_ru="")
    status, output = check_disclosure("--site", "localhost", "--format", "json")
    item = next(
        item for item in json.loads(output)["schools"][0]["items"] if item["slug"] == "safety"
    )
    assert status == 1
    assert (item["status"], item["languages_missing"]) == ("missing_language", ["ru"])


def test_an_expired_accreditation_is_reported_and_fails_the_check(demo_site):
    page = section_page(demo_site, "document")
    records = list(page.documents.all())
    for record in records:
        if record.kind == DisclosureDocument.ACCREDITATION:
            record.valid_until = datetime.date(2020, 6, 30)
    page.documents = records
    page.save_revision().publish()
    status, output = check_disclosure("--site", "localhost")
    assert status == 1
    assert "document      expired" in output


def test_a_page_not_republished_within_the_review_period_is_reported_but_still_complete(
    demo_site,
):
    page = section_page(demo_site, "budget")
    type(page).objects.filter(pk=page.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=91)
    )
    status, output = check_disclosure("--site", "localhost", "--format", "json")
    assert status == 0
    assert statuses(output, "localhost")["budget"] == "not_reviewed"


def test_admin_dashboard_shows_the_completeness_of_each_school(admin_client, demo_site):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-disclosure-item="employees" data-status="present"' in html
