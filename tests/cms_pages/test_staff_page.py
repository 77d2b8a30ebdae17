"""The teaching staff page: the leadership first, then the teachers grouped by subject area, with
an index to jump to a group (issue 14)."""

import re

import pytest

from cms_pages.models import Leader, TeachingStaffPage

pytestmark = pytest.mark.django_db

STAFF = "/{lang}/sveden/employees/"


def staff_html(client, lang: str) -> str:
    response = client.get(STAFF.format(lang=lang))
    assert response.status_code == 200
    return response.content.decode()


def groups(html: str) -> list[tuple[str, str, list[str]]]:
    """Each group's anchor, heading and the names in it, in page order."""
    found = []
    for anchor, body in re.findall(
        r'<section class="staff-group" id="([\w-]+)".*?>(.*?)</section>', html, re.S
    ):
        heading = re.search(r"<h2[^>]*>([^<]+)</h2>", body).group(1)
        names = re.findall(r'<(?:h3 itemprop="fio"|p class="person-card__name")>([^<]+)<', body)
        found.append((anchor, heading, names))
    return found


@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        (
            "ru",
            [
                "Руководство",
                "Языки и литература",
                "Математика и информатика",
                "Начальные классы",
                "Естественные науки",
                "Физическая культура",
                "Общественные науки",
                "Психологическая служба",
                "Искусство и технология",
            ],
        ),
        (
            "ky",
            [
                "Жетекчилик",
                "Тилдер жана адабият",
                "Математика жана информатика",
                "Башталгыч класстар",
                "Табигый илимдер",
                "Дене тарбия",
                "Коомдук илимдер",
                "Психологиялык кызмат",
                "Искусство жана технология",
            ],
        ),
    ],
)
def test_leaders_come_first_then_each_subject_area_in_the_schools_order(
    client, demo_site, lang, headings
):
    html = staff_html(client, lang)
    found = groups(html)
    assert [heading for _anchor, heading, _names in found] == headings
    # Every published teacher once, every leader once.
    page = TeachingStaffPage.objects.get(slug="employees")
    teachers = sum(len(names) for _a, _h, names in found[1:])
    assert teachers == len(page.public_staff()) == 12  # the thirteenth gave no consent
    assert len(found[0][2]) == 4
    maths = dict((heading, names) for _a, heading, names in found)[headings[2]]
    assert len(maths) == 2 and maths[0].startswith("Жумабеков")
    # The index lists every group and leads to it.
    index = re.search(r'<nav class="staff-index".*?</nav>', html, re.S).group(0)
    targets = re.findall(r'<a href="#([\w-]+)">', index)
    assert targets == [anchor for anchor, _h, _n in found]


def test_a_teacher_without_an_area_is_listed_under_the_first_subject_and_else_apart(
    client, demo_site
):
    page = TeachingStaffPage.objects.get(slug="employees")
    members = list(page.staff_members.all())
    maths = next(member for member in members if member.full_name_ru.startswith("Жумабеков"))
    maths.subject_area_ru = maths.subject_area_ky = maths.subject_area = ""
    psychologist = next(member for member in members if member.subject_area_ru.startswith("Псих"))
    psychologist.subject_area_ru = psychologist.subject_area_ky = ""
    psychologist.subjects_ru = psychologist.subjects_ky = psychologist.subjects = ""
    page.staff_members = members
    page.save_revision().publish()
    found = {heading: names for _a, heading, names in groups(staff_html(client, "ru"))}
    assert [name[:9] for name in found["Алгебра"]] == ["Жумабеков"]
    assert len(found["Другие сотрудники"]) == 1
    assert "Психологическая служба" not in found


def test_a_leader_without_consent_is_not_shown_on_the_staff_page(client, demo_site):
    leader = Leader.objects.filter(role=Leader.HEAD).get()
    name = leader.surname_ru
    assert name in staff_html(client, "ru")
    page = leader.page.specific
    leaders = list(page.leaders.all())
    for person in leaders:
        if person.pk == leader.pk:
            person.consent_date = None
    page.leaders = leaders
    page.save_revision().publish()
    leadership = groups(staff_html(client, "ru"))[0]
    assert leadership[1] == "Руководство"
    assert all(name not in person for person in leadership[2])
