"""The images and documents API list only what a school's live pages show, and originals of
uploaded images are stored under names nobody can guess."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms_pages.models import NewsPage

from .conftest import section_page

pytestmark = pytest.mark.django_db


def new_image(title: str, name: str):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#336699").save(buffer, format="JPEG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=name))


def listed(client, endpoint: str, **filters) -> set[str]:
    response = client.get(f"/api/v2/{endpoint}/", filters)
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def test_a_photo_chosen_only_in_a_draft_is_not_listed_until_published(client, demo_site):
    article = NewsPage.objects.live().first()
    before = article.image.title
    draft = article.get_latest_revision_as_object()
    draft.image = new_image("draft-only photo", "pupils.jpg")
    revision = draft.save_revision()
    titles = listed(client, "images")
    assert "draft-only photo" not in titles
    assert before in titles
    revision.publish()
    assert "draft-only photo" in listed(client, "images")


def test_an_image_no_live_page_uses_is_not_listed(client, demo_site):
    new_image("uploaded, never used", "unused.jpg")
    article = NewsPage.objects.live().first()
    shown = article.image.title
    assert shown in listed(client, "images")
    article.unpublish()
    others = NewsPage.objects.live().filter(image=article.image)
    assert (shown in listed(client, "images")) == others.exists()
    assert "uploaded, never used" not in listed(client, "images")


def test_the_photo_of_a_person_without_consent_is_not_listed(client, demo_site):
    page = section_page(demo_site, "employees")
    member = page.staff_members.filter(consent_date__isnull=True).first()
    assert member is not None
    member.photo = new_image("teacher without consent", "satybaldieva.jpg")
    member.save()
    page.save_revision().publish()
    assert "teacher without consent" not in listed(client, "images")
    consented = page.staff_members.filter(consent_date__isnull=False).first()
    consented.photo = new_image("teacher with consent", "petrenko.jpg")
    consented.save()
    page.save_revision().publish()
    assert "teacher with consent" in listed(client, "images")


def test_documents_are_listed_only_when_a_live_page_links_them(client, demo_site):
    document = get_document_model()(title="Uploaded, never linked")
    document.file.save("draft-plan.pdf", ContentFile(b"%PDF-1.4 plan"), save=True)
    assert listed(client, "documents", title="Uploaded, never linked") == set()
    assert listed(client, "documents"), "the demo school's live pages link documents"


def test_another_schools_images_are_not_listed_here(client, demo_site):
    from cms_pages.provisioning import SchoolNames, create_school

    other = create_school("other.test", SchoolNames(full_ky="Башка мектеп", full_ru="Другая"))
    article = NewsPage.objects.live().first()
    here = listed(client, "images")
    assert article.image.title in here
    there = client.get("/api/v2/images/", HTTP_HOST=other.hostname).json()
    assert there["items"] == []


def test_original_images_are_stored_under_unguessable_names(client, demo_site):
    image = new_image("Asanova", "asanova.jpg")
    assert re.fullmatch(r"original_images/[0-9a-f]{16}_asanova\.jpg", image.file.name)
    other = new_image("Asanova again", "asanova.jpg")
    assert other.file.name != image.file.name
    rendition = image.get_rendition("fill-20x20")
    assert re.match(r"images/[0-9a-f]{16}_asanova\.", rendition.file.name)
    # An image uploaded through the admin gets the same.
    assert all(
        re.match(r"original_images/[0-9a-f]{16}_", name)
        for name in get_image_model().objects.values_list("file", flat=True)
    )


def test_images_uploaded_before_are_renamed_by_the_migration(db):
    import importlib

    from django.apps import apps
    from django.core.files.storage import default_storage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), "#336699").save(buffer, format="JPEG")
    # As FileSystemStorage stored it before: the uploaded name as it was.
    old_name = "original_images/asanova-old.jpg"
    assert default_storage.save(old_name, ContentFile(buffer.getvalue())) == old_name
    image = new_image("Asanova", "placeholder.jpg")
    get_image_model().objects.filter(pk=image.pk).update(file=old_name)
    image.refresh_from_db()
    image.get_rendition("fill-20x20")

    migration = importlib.import_module("cms_pages.migrations.0005_unguessable_image_names")
    migration.rename_originals(apps, None)

    image.refresh_from_db()
    assert re.fullmatch(r"original_images/[0-9a-f]{16}_asanova-old\.jpg", image.file.name)
    assert default_storage.exists(image.file.name)
    assert not default_storage.exists(old_name)
    assert not image.renditions.exists()
    assert re.match(r"images/[0-9a-f]{16}_asanova-old", image.get_rendition("fill-20x20").file.name)
