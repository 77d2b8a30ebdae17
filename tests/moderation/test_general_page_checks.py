"""The automatic checks read every text of a general page's blocks, in both languages: a
prohibited sentence in a table cell or a call-out is refused at publishing with its place, and a
block left untranslated is refused like any missing translation. Driven through the admin."""

import pytest
from wagtail.models import Page

from cms_pages.models import GeneralPage
from tests.cms_pages.general_pages import add_general_page

pytestmark = pytest.mark.django_db

VIOLENT_RU = "Давайте побьём этого учителя, пусть знает своё место."
VIOLENT_KY = "Бул мугалимди уруп салгыла, ал ордун билсин."

HISTORY_KY = [
    ("heading", "Мектептин тарыхы"),
    ("paragraph", "<p>Мектеп 1965-жылы ачылган.</p>"),
    ("table", {"caption": "Жылдар", "headings": ["Жыл", "Окуя"], "rows": [["1965", "Ачылыш"]]}),
]
HISTORY_RU = [
    ("heading", "История школы"),
    ("paragraph", "<p>Школа открылась в 1965 году.</p>"),
    ("table", {"caption": "Годы", "headings": ["Год", "Событие"], "rows": [["1965", "Открытие"]]}),
]


def with_cell(blocks, text):
    table = dict(blocks[2][1], rows=[["1966", text]])
    return [*blocks[:2], ("table", table)]


def publish(client, demo_site, ky, ru, slug="history"):
    response = add_general_page(
        client,
        demo_site.root_page,
        "action-publish",
        ("Мектептин тарыхы", "История школы"),
        slug,
        ky,
        ru,
    )
    return response, response.content.decode()


def live_page(slug="history"):
    page = GeneralPage.objects.filter(slug=slug).first()
    return page if page is not None and page.live else None


def test_clean_bilingual_page_is_published_and_shown_in_each_language(
    client, demo_site, people, login_as
):
    login_as(client, people["director"])
    response, _html = publish(client, demo_site, HISTORY_KY, HISTORY_RU)
    assert response.status_code == 200
    assert live_page() is not None
    ru = client.get("/ru/history/").content.decode()
    assert "<h2>История школы</h2>" in ru and ">Открытие</td>" in ru
    assert "Ачылыш" not in ru
    assert ">Ачылыш</td>" in client.get("/ky/history/").content.decode()


@pytest.mark.parametrize(("lang", "text"), [("ru", VIOLENT_RU), ("ky", VIOLENT_KY)])
def test_prohibited_text_in_a_table_cell_is_refused_with_its_place(
    client, demo_site, people, login_as, lang, text
):
    login_as(client, people["director"])
    ky = with_cell(HISTORY_KY, text) if lang == "ky" else HISTORY_KY
    ru = with_cell(HISTORY_RU, text) if lang == "ru" else HISTORY_RU
    _response, html = publish(client, demo_site, ky, ru)
    assert live_page() is None
    assert "<mark>" in html
    # The place, in the director's (Kyrgyz) admin: the body, table 1, row 1, the column.
    assert "Мазмуну: Таблица 1, сап 1, " in html
    # What was typed is kept as a draft.
    draft = Page.objects.get(slug="history").get_latest_revision_as_object()
    assert text in str(getattr(draft, f"body_{lang}").raw_data)


def test_prohibited_text_in_a_call_out_is_refused(client, demo_site, people, login_as):
    login_as(client, people["director"])
    ky = [*HISTORY_KY, ("callout", {"title": "Эскертүү", "text": f"<p>{VIOLENT_KY}</p>"})]
    ru = [*HISTORY_RU, ("callout", {"title": "Внимание", "text": "<p>Будьте внимательны.</p>"})]
    _response, html = publish(client, demo_site, ky, ru)
    assert live_page() is None
    assert "<mark>" in html


def test_a_table_missing_in_russian_is_refused_as_untranslated(client, demo_site, people, login_as):
    login_as(client, people["director"])
    _response, html = publish(client, demo_site, HISTORY_KY, HISTORY_RU[:2])
    assert live_page() is None
    assert "орусча толтурулган эмес" in html or "на русском языке" in html


def test_a_body_in_one_language_only_is_refused(client, demo_site, people, login_as):
    login_as(client, people["director"])
    _response, html = publish(client, demo_site, HISTORY_KY, [])
    assert live_page() is None
    assert "орусча толтурулган эмес" in html or "на русском языке" in html


def test_an_image_without_a_description_is_refused_by_the_form(client, demo_site, people, login_as):
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    login_as(client, people["director"])
    block = ("image", {"image": str(image.pk), "description": "", "caption": ""})
    _response, html = publish(client, demo_site, [*HISTORY_KY, block], HISTORY_RU)
    assert live_page() is None
    assert not GeneralPage.objects.filter(slug="history").exists()
    assert "Мектептин тарыхы" in html  # the form comes back with what was typed
