"""004 §1.8–1.9: the employee responsible for the site, the head reachable by phone and e-mail,
and the subjects of each programme, on the site, in the disclosure document and in the
completeness check."""

import json

import pytest

from cms_pages.models import EducationProgramme, Leader, SchoolProfile

from .conftest import check_disclosure, section_page

pytestmark = pytest.mark.django_db


def item(slug: str) -> dict:
    _status, output = check_disclosure("--site", "localhost", "--format", "json")
    items = json.loads(output)["schools"][0]["items"]
    return next(entry for entry in items if entry["slug"] == slug)


def test_the_disclosure_document_names_the_responsible_employee_and_the_subjects(client, demo_site):
    document = client.get("/api/v2/disclosure/").json()
    school = document["school"]
    assert school["responsible_name_ru"] == "Сыдыкова Жыпар Маратовна"
    assert school["responsible_name_ky"] == "Сыдыкова Жыпар Марат кызы"
    assert school["responsible_phone"] == "+996 3133 2-17-11"
    assert school["responsible_email"] == "sait@ala-too-mektep.kg"
    education = next(s for s in document["sections"] if s["slug"] == "education")
    programme = education["content"]["programmes"][0]
    assert "Родиноведение" in programme["subjects_ru"]
    assert "Мекен таануу" in programme["subjects_ky"]


def test_the_education_page_lists_each_programmes_subjects(client, demo_site):
    html = client.get("/ru/sveden/education/").content.decode()
    assert "<li>Родиноведение</li>" in html and "<li>Алгебра и начала анализа</li>" in html
    assert "<li>Мекен таануу</li>" in client.get("/ky/sveden/education/").content.decode()


def test_a_head_without_a_phone_or_an_e_mail_leaves_leadership_incomplete(demo_site):
    assert item("managers")["status"] == "present"
    page = section_page(demo_site, "managers")
    Leader.objects.filter(page=page, role=Leader.HEAD).update(email="")
    entry = item("managers")
    assert entry["status"] == "missing"
    assert any("Бекмуратова" in problem and "почта" in problem for problem in entry["problems"])
    Leader.objects.filter(page=page, role=Leader.HEAD).update(
        email="director@ala-too-mektep.kg", phone=""
    )
    assert item("managers")["status"] == "missing"


def test_a_programme_without_subjects_leaves_education_incomplete(demo_site):
    page = section_page(demo_site, "education")
    first = EducationProgramme.objects.filter(page=page, sort_order=0)
    first.update(subjects_ky="", subjects_ru="")
    assert item("education")["status"] == "missing"


def test_a_profile_without_the_responsible_employee_leaves_basic_information_incomplete(
    demo_site,
):
    SchoolProfile.objects.filter(site=demo_site).update(responsible_phone="")
    assert item("common")["status"] == "missing"
    SchoolProfile.objects.filter(site=demo_site).update(
        responsible_phone="+996 3133 2-17-11", responsible_name_ru="", responsible_name_ky=""
    )
    assert item("common")["status"] == "missing"
