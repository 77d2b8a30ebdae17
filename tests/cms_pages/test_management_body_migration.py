"""The data migration that turns a management body's free-text head and members into person
records: nothing typed is lost, nobody is published until their consent is entered, and drafts
are converted too. Run as ``migrate`` runs it, backwards to the old shape and forwards again."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from cms_pages.models import ManagementBodyMember, StructurePage

from .conftest import section_page

BEFORE = ("cms_pages", "0006_people_and_consent")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def old_shape(demo_site):
    """The demo school's database as it was before management bodies had people."""
    apps = migrate([BEFORE])
    yield apps
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
def test_head_and_member_lines_become_people_without_consent(demo_site, old_shape):
    page_id = section_page(demo_site, "struct").pk
    ManagementBody = old_shape.get_model("cms_pages", "ManagementBody")
    body = ManagementBody.objects.filter(page_id=page_id).order_by("sort_order").first()
    body.head_ky, body.head_ru = "Бакиева Асель", "Бакиева Асель"
    body.members_ky = "Осмонов Темир\n\nТоктогулова Айжан\nАбдыкадыров Нурбек"
    body.members_ru = "Осмонов Темир\nТоктогулова Айжан"
    body.phone, body.email = "+996 555 11-22-33", "aselbakieva@example.kg"
    body.save()
    # A draft saved before the change, in the old shape.
    revision = Page.objects.get(pk=page_id).specific.save_revision()
    old_body = {
        "pk": body.pk,
        "name_ky": "Кеңеш",
        "name_ru": "Совет",
        "head_ky": "Бакиева Асель",
        "head_ru": "Бакиева Асель",
        "members_ky": "Осмонов Темир",
        "members_ru": "Осмонов Темир",
        "phone": "+996 555 11-22-33",
        "email": "",
    }
    revision.content["management_bodies"] = [old_body]
    revision.save(update_fields=["content"])

    migrate_to_latest()

    people = list(ManagementBodyMember.objects.filter(body_id=body.pk).order_by("sort_order"))
    assert [(p.full_name_ky, p.full_name_ru, p.role) for p in people] == [
        ("Бакиева Асель", "Бакиева Асель", "chair"),
        ("Осмонов Темир", "Осмонов Темир", "member"),
        ("Токтогулова Айжан", "Токтогулова Айжан", "member"),
        ("Абдыкадыров Нурбек", "", "member"),
    ]
    assert all(person.consent_date is None for person in people)
    # The phone and e-mail shown beside the head's name go with the head, unpublished.
    assert (people[0].phone, people[0].email) == ("+996 555 11-22-33", "aselbakieva@example.kg")
    body = people[0].body
    assert (body.phone, body.email) == ("", "")
    page = StructurePage.objects.get(pk=page_id)
    assert all(not b.public_members() for b in page.public_management_bodies() if b.pk == body.pk)

    draft = page.revisions.get(pk=revision.pk).as_object()
    drafted = draft.management_bodies.all()[0]
    assert [(p.full_name_ru, p.role, p.consent_date) for p in drafted.people.all()] == [
        ("Бакиева Асель", "chair", None),
        ("Осмонов Темир", "member", None),
    ]
    assert drafted.phone == ""
