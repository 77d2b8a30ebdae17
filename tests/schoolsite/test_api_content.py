"""What the headless API gives of news, events, the home page and announcements: both languages,
sanitised HTML, image sizes, times in the school's zone; nothing of another school and no one
without consent."""

import io
import json
from types import SimpleNamespace

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import RequestFactory
from PIL import Image as PillowImage
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms_pages.api_schema import object_schema
from cms_pages.models import StaffMember
from cms_pages.provisioning import SchoolNames, create_school
from cms_pages.serialization import DisclosureFields, object_data
from tests.cms_pages.public_site import announce, publish_article

pytestmark = pytest.mark.django_db

OTHER_HOST = "school2.example.kg"


def get_json(client, url, host="localhost", **params) -> dict:
    response = client.get(url, params, HTTP_HOST=host)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


def page_of_type(client, page_type: str, host="localhost", **filters) -> dict:
    listing = get_json(client, "/api/v2/pages/", host, type=page_type, **filters)
    return get_json(client, f"/api/v2/pages/{listing['items'][0]['id']}/", host)


def all_page_details(client, host="localhost") -> list[dict]:
    total = get_json(client, "/api/v2/pages/", host)["meta"]["total_count"]
    details = []
    for offset in range(0, total, 20):
        for item in get_json(client, "/api/v2/pages/", host, offset=offset)["items"]:
            details.append(get_json(client, f"/api/v2/pages/{item['id']}/", host))
    return details


@pytest.fixture
def other_school(demo_site):
    return create_school(OTHER_HOST, SchoolNames(full_ky="Экинчи мектеп", full_ru="Вторая школа"))


def test_a_news_article_gives_its_date_summary_clean_body_and_image_sizes(client, demo_site):
    document = get_document_model()(title="Расписание")
    document.file.save("raspisanie.pdf", ContentFile(b"%PDF-1.4"), save=True)
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#336699").save(buffer, format="JPEG")
    image = get_image_model().objects.create(
        title="linejka", file=ImageFile(buffer, name="linejka.jpg")
    )
    body = f'<p>Жадыбал: <a linktype="document" id="{document.pk}">файл</a></p>'
    article = publish_article(demo_site, "schedule", "Жадыбал", "Расписание", body=body)
    article.image = image
    article.image_alt_ky, article.image_alt_ru = "Линейка", "Линейка во дворе"
    article.save_revision().publish()

    page = page_of_type(client, "cms_pages.NewsPage", slug="schedule")
    assert (page["title_ky"], page["title_ru"]) == ("Жадыбал", "Расписание")
    assert (page["intro_ru"], page["date"]) == ("Расписание: кратко", "2025-11-01")
    assert page["body_ru"] == (
        f'<p>Жадыбал: <a href="http://localhost/documents/{document.pk}/raspisanie.pdf">'
        "файл</a></p>"
    )
    assert page["image"]["alt_ru"] == "Линейка во дворе"
    assert (page["image"]["width"], page["image"]["height"]) == (1600, 900)
    sizes = {
        name: (size["width"], size["height"]) for name, size in page["image"]["renditions"].items()
    }
    assert sizes == {"small": (360, 202), "medium": (720, 405), "large": (1200, 675)}
    assert page["image"]["renditions"]["small"]["url"].startswith("http://localhost/media/images/")


def test_events_give_their_place_and_times_in_the_schools_time_zone(client, demo_site):
    page = page_of_type(client, "cms_pages.EventIndexPage")
    event = page["events"][0]
    assert event["title_ru"] == "Родительское собрание 7-х классов"
    assert event["place_ky"] == "Актовый зал, 2-кабат"
    assert event["start"].endswith("T18:00:00+06:00")
    assert event["end"].endswith("T19:30:00+06:00")


def test_the_home_page_names_its_own_school_in_both_languages(client, other_school):
    ours = page_of_type(client, "cms_pages.HomePage")["school"]
    theirs = page_of_type(client, "cms_pages.HomePage", host=OTHER_HOST)["school"]
    assert ours["full_name_ru"] == "Средняя общеобразовательная школа «Ала-Тоо»"
    assert ours["phones"][0] == {
        "label_ky": "Кабыл алуу бөлмөсү",
        "label_ru": "Приёмная",
        "number": "+996 3133 2-14-56",
    }
    assert (theirs["full_name_ky"], theirs["full_name_ru"]) == ("Экинчи мектеп", "Вторая школа")


def test_a_school_sees_only_its_own_announcements_in_force(client, demo_site, other_school):
    announce(demo_site, "Эртең жабык.", "Завтра закрыто.")
    announce(demo_site, "Өткөн.", "Прошедшее.", hours=(-5, -1))
    announce(other_school, "Суу жок.", "Нет воды.", severity="warning")
    ours = get_json(client, "/api/v2/announcements/")
    theirs = get_json(client, "/api/v2/announcements/", OTHER_HOST)
    assert [item["message_ru"] for item in ours["items"]] == ["Завтра закрыто."]
    assert ours["items"][0]["severity"] == "danger"
    assert [item["message_ky"] for item in theirs["items"]] == ["Суу жок."]


def test_nothing_of_one_school_is_served_at_another_schools_address(client, other_school):
    ours = all_page_details(client)
    theirs = all_page_details(client, OTHER_HOST)
    assert not {page["id"] for page in ours} & {page["id"] for page in theirs}
    for page in ours:
        response = client.get(f"/api/v2/pages/{page['id']}/", HTTP_HOST=OTHER_HOST)
        assert response.status_code == 404, page["meta"]["type"]
    their_text = json.dumps(theirs, ensure_ascii=False)
    assert "Ала-Тоо" not in their_text
    for kind in ("images", "documents"):
        assert get_json(client, f"/api/v2/{kind}/")["items"], kind
        assert get_json(client, f"/api/v2/{kind}/", OTHER_HOST)["items"] == [], kind
    disclosure = get_json(client, "/api/v2/disclosure/", OTHER_HOST)
    assert disclosure["school"]["hostname"] == OTHER_HOST
    assert "Ала-Тоо" not in json.dumps(disclosure, ensure_ascii=False)


def test_a_teacher_without_consent_is_nowhere_in_the_api(client, demo_site):
    hidden = StaffMember.objects.get(full_name_ru__startswith="Сатыбалдиева")
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 50), "#663399").save(buffer, format="JPEG")
    hidden.photo = get_image_model().objects.create(
        title="satybaldieva", file=ImageFile(buffer, name="satybaldieva.jpg")
    )
    hidden.save()
    page = hidden.page
    page.save_revision().publish()
    everything = json.dumps(
        [
            all_page_details(client),
            get_json(client, "/api/v2/disclosure/"),
            get_json(client, "/api/v2/images/", fields="*"),
        ],
        ensure_ascii=False,
    )
    assert "Петренко Ольга Викторовна" in everything
    assert "Сатыбалдиева" not in everything
    assert "satybaldieva" not in everything


class NoticeBlock(blocks.StructBlock):
    text = blocks.CharBlock()

    class Meta:
        template = None

    def render_basic(self, value, context=None):
        return f'<aside onclick="steal()"><p>{value["text"]}</p><script>x()</script></aside>'


BODY = blocks.StreamBlock([("paragraph", blocks.RichTextBlock()), ("notice", NoticeBlock())])


def test_a_streamfield_body_gives_each_language_as_blocks_of_clean_html():
    page = SimpleNamespace(
        body_ky=BODY.to_python(
            [
                {"type": "paragraph", "value": "<p>Тарых</p>", "id": "a1"},
                {"type": "notice", "value": {"text": "Көңүл буруңуз"}, "id": "b2"},
            ]
        ),
        body_ru=BODY.to_python(
            [
                {
                    "type": "paragraph",
                    "value": '<p><a href="/ru/history/">История</a></p>',
                    "id": "a1",
                }
            ]
        ),
    )
    spec = DisclosureFields(streams=("body",))
    data = object_data(page, spec, RequestFactory().get("/api/v2/pages/", HTTP_HOST="school.kg"))
    assert data == {
        "body_ky": [
            {"type": "paragraph", "id": "a1", "html": "<p>Тарых</p>"},
            {"type": "notice", "id": "b2", "html": "<aside><p>Көңүл буруңуз</p></aside>"},
        ],
        "body_ru": [
            {
                "type": "paragraph",
                "id": "a1",
                "html": '<p><a href="http://school.kg/ru/history/">История</a></p>',
            }
        ],
    }
    jsonschema.validate(data, object_schema(None, spec))
    data["body_ru"][0]["html"] = None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, object_schema(None, spec))
