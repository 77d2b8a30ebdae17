"""A school cannot publish another school's image or document by sending its id.

The choosers show an editor only their own school's files, but the admin forms accept any id; the
gate refuses the page (or profile) at Publish and names the file, and the other school's file
never reaches the public site. Shared files outside every school's collection stay usable."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from cms_pages.models import NewsPage, SchoolProfile
from cms_pages.provisioning import SchoolNames, create_school
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

REFUSAL_KY = "Бул файл башка мектепке таандык"
REFUSAL_RU = "Этот файл принадлежит другой школе"


def image_in(collection: Collection, title: str):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "#884422").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(buffer, name=f"{title}.png")
    )


@pytest.fixture
def other_school(demo_site):
    site = create_school(
        "other.mektep.test", SchoolNames(full_ky="Экинчи мектеп", full_ru="Вторая школа")
    )
    return SchoolProfile.for_site(site)


def article_edit(client, slug: str):
    page = NewsPage.objects.get(slug=slug)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return page, url, form_data(client.get(url).content.decode(), containing="intro_ky")


def test_a_news_article_with_another_schools_photo_is_refused_and_the_photo_never_shown(
    admin_client, client, demo_site, other_school
):
    theirs = image_in(other_school.collection, "their-pupils")
    page, url, data = article_edit(admin_client, "fire-drill")
    data.update({"image": str(theirs.pk), "action-publish": "1"})

    html = admin_client.post(url, data, follow=True).content.decode()

    assert REFUSAL_KY in html and "their-pupils" in html
    page.refresh_from_db()
    assert page.specific.image_id != theirs.pk  # the live article keeps its own photo
    public = client.get("/ru/news/fire-drill/").content.decode()
    assert "their-pupils" not in public
    assert theirs.pk not in [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    # The draft keeps what was typed, so the editor can choose another photo.
    _page, _url, draft = article_edit(admin_client, "fire-drill")
    assert draft["image"] == str(theirs.pk)


def test_the_schools_own_and_shared_photos_are_published(admin_client, client, demo_site):
    own = image_in(SchoolProfile.for_site(demo_site).collection, "our-pupils")
    shared = image_in(Collection.get_first_root_node(), "shared-emblem")
    for image in (own, shared):
        page, url, data = article_edit(admin_client, "fire-drill")
        data.update({"image": str(image.pk), "action-publish": "1"})
        html = admin_client.post(url, data, follow=True).content.decode()
        assert REFUSAL_KY not in html
        page.refresh_from_db()
        assert page.specific.image_id == image.pk


def test_another_schools_image_inside_a_general_page_block_is_refused(
    admin_client, demo_site, other_school
):
    theirs = image_in(other_school.collection, "their-building")
    page = Page.objects.get(slug="parents").specific
    body = list(page.body_ru.raw_data)
    body.append(
        {
            "type": "image",
            "value": {"image": theirs.pk, "description": "Здание", "caption": ""},
        }
    )
    page.body_ru = body
    revision = page.save_revision()

    from moderation.gate import PublishRefused

    with pytest.raises(PublishRefused) as refused:
        revision.publish()
    [finding] = [f for f in refused.value.review.findings if f.rule_id == "foreign-media"]
    assert "their-building" in finding.location
    assert REFUSAL_RU in finding.message["ru"]
