"""A teacher's education and qualification category are chosen from a list, with "other" written
out: the public page names the choice in the reader's language, the API gives its code, "other"
without a text is refused on the field, and the texts saved before the lists existed became
choices."""

import importlib

import pytest
from django.apps import apps

from accounts.roles import DIRECTOR
from cms_pages.models import TeachingStaffPage
from tests.admin_forms import publish_page_with as publish_with
from tests.people import make_member, sign_in

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "cms_pages.migrations.0013_staff_education_and_category_choices"
)


@pytest.fixture
def director(client, demo_site):
    sign_in(client, make_member(demo_site, DIRECTOR, "cholpon.director"))


def staff_page(demo_site):
    return TeachingStaffPage.objects.descendant_of(demo_site.root_page).get()


def test_a_chosen_category_is_named_in_each_language_and_coded_in_the_api(
    client, demo_site, director
):
    page = staff_page(demo_site)
    member = page.staff_members.order_by("sort_order", "pk").first()

    publish_with(
        client,
        page,
        **{
            "staff_members-0-education": "incomplete_higher",
            "staff_members-0-qualification_category": "second",
            # A text left over beside a choice would go stale: it is not kept.
            "staff_members-0-qualification_ky": "Жогорку категория",
            "staff_members-0-qualification_ru": "Высшая категория",
        },
    )

    member = page.staff_members.get(pk=member.pk)
    assert (member.education, member.qualification_category) == ("incomplete_higher", "second")
    assert member.qualification_ky == "" and member.qualification_ru == ""
    client.logout()
    ky = client.get("/ky/sveden/employees/").content.decode()
    ru = client.get("/ru/sveden/employees/").content.decode()
    assert '<dd itemprop="qualification">Экинчи категория</dd>' in ky
    assert '<dd itemprop="teachingLevel">Толук эмес жогорку</dd>' in ky
    assert '<dd itemprop="qualification">Вторая категория</dd>' in ru
    assert '<dd itemprop="teachingLevel">Неполное высшее</dd>' in ru
    sections = client.get("/api/v2/disclosure/").json()["sections"]
    staff = next(s for s in sections if s["slug"] == "employees")["content"]["staff"]
    entry = next(item for item in staff if item["full_name_ru"] == member.full_name_ru)
    assert (entry["education"], entry["qualification_category"]) == ("incomplete_higher", "second")
    assert entry["qualification_ky"] == entry["qualification_ru"] == ""


def test_other_needs_its_text_and_keeps_what_was_typed(client, demo_site, director):
    page = staff_page(demo_site)
    member = page.staff_members.order_by("sort_order", "pk").first()

    response = publish_with(
        client,
        page,
        **{
            "staff_members-0-qualification_category": "other",
            "staff_members-0-qualification_ky": "",
            "staff_members-0-qualification_ru": "",
            "staff_members-0-publications_ky": "Жаңы макала, 2026",
        },
    )

    html = response.content.decode()
    assert "Бул жерге жазыңыз же тизмеден тандаңыз." in html
    assert "Жаңы макала, 2026" in html
    assert page.staff_members.get(pk=member.pk).qualification_category == "highest"

    publish_with(
        client,
        page,
        **{
            "staff_members-0-qualification_category": "other",
            "staff_members-0-qualification_ky": "Педагог-методист",
            "staff_members-0-qualification_ru": "Педагог-методист",
        },
    )
    client.logout()
    assert '<dd itemprop="qualification">Педагог-методист</dd>' in (
        client.get("/ru/sveden/employees/").content.decode()
    )


def test_texts_saved_before_the_lists_became_choices(demo_site):
    page = staff_page(demo_site)
    members = list(page.staff_members.order_by("sort_order", "pk")[:3])
    old = [
        ("Жогорку", "Высшее", "Жогорку категория", "высшая категория."),
        ("Толук эмес жогорку", "", "", "Без категории"),
        ("Жогорку, магистр", "Высшее, магистр", "Педагог-методист", "Педагог-методист"),
    ]
    for member, (edu_ky, edu_ru, cat_ky, cat_ru) in zip(members, old, strict=True):
        member.education = member.qualification_category = ""
        member.education_level_ky, member.education_level_ru = edu_ky, edu_ru
        member.qualification_ky, member.qualification_ru = cat_ky, cat_ru
        member.save()

    migration.to_choices(apps, None)

    found = [page.staff_members.get(pk=member.pk) for member in members]
    assert [(m.education, m.qualification_category) for m in found] == [
        ("higher", "highest"),
        ("incomplete_higher", "none"),
        ("other", "other"),
    ]
    assert (found[0].education_level_ky, found[0].qualification_ru) == ("", "")
    assert (found[2].education_level_ru, found[2].qualification_ky) == (
        "Высшее, магистр",
        "Педагог-методист",
    )
