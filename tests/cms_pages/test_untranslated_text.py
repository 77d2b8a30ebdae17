"""A text missing in the visitor's language is never shown silently.

Content published before the bilingual check, or saved around it, can still lack one language;
the public site then shows the other language's text inside an element carrying its `lang`, with
a note in the visitor's language. The Russian column is blanked directly in the database, as
such old content would be, and the pages are read as a visitor reads them.
"""

import json

import pytest
from bs4 import BeautifulSoup

from cms_pages.models import (
    DisclosureDocument,
    EducationProgramme,
    EmergencyContact,
    Event,
    Facility,
    FinancialReport,
    Leader,
    ManagementBody,
    ManagementBodyMember,
    NewsPage,
    SchoolProfile,
    StaffMember,
)
from tests.cms_pages.public_site import PAGE_TYPE_PATHS, announce
from tests.html_checker import html_errors

pytestmark = pytest.mark.django_db

NOTE = {"ru": "(ещё не переведено на русский)", "ky": "(кыргызчага азырынча которула элек)"}
NOTICE = {
    "ru": "Этот текст ещё не переведён на русский язык.",
    "ky": "Бул текст азырынча кыргыз тилине которула элек.",
}
OTHER = {"ru": "ky", "ky": "ru"}


def blank(obj, field: str, lang: str) -> str:
    """Empty one language of a field as old content may have it; return the other's text."""
    type(obj).objects.filter(pk=obj.pk).update(**{f"{field}_{lang}": ""})
    return getattr(obj, f"{field}_{OTHER[lang]}")


def marked(html: str, text: str, lang: str) -> list:
    """Elements that show `text` in the other language, each followed by the note."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(lang=OTHER[lang], class_="untranslated"):
        if " ".join(text.split()) not in " ".join(element.get_text().split()):
            continue
        note = element.find_next_sibling()
        if note is not None and "untranslated-note" in note.get("class", []):
            assert note.get_text() == NOTE[lang]
        else:
            notice = element.find_previous_sibling()
            assert notice.get_text() == NOTICE[lang], "a marked text without its note"
        found.append(element)
    return found


def first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip()


def test_a_news_article_missing_its_russian_text_shows_the_kyrgyz_marked(client, demo_site):
    article = NewsPage.objects.get(slug="fire-drill")
    title = blank(article, "title", "ru")
    intro = blank(article, "intro", "ru")
    blank(article, "body", "ru")
    alt = blank(article, "image_alt", "ru")

    html = client.get("/ru/news/fire-drill/").content.decode()

    soup = BeautifulSoup(html, "html.parser")
    assert marked(str(soup.h1), title, "ru")
    assert marked(html, intro, "ru")
    body = soup.find("div", class_="untranslated", lang="ky")
    assert body.find(class_="rich-text") and body.find_previous_sibling().text == NOTICE["ru"]
    assert soup.find("img", alt=alt)["lang"] == "ky"
    # In the head no markup is possible: the element says the language of its text.
    assert soup.title["lang"] == "ky" and soup.title.text.startswith(title)
    assert soup.find("meta", property="og:title")["lang"] == "ky"
    assert soup.html["lang"] == "ru"
    for path in ("/ru/news/", "/ru/", "/ru/search/?q=машыгуу"):
        assert marked(client.get(path).content.decode(), title, "ru"), path
    assert marked(client.get("/ru/news/").content.decode(), intro, "ru")


def test_the_feed_and_the_calendar_say_in_words_what_is_not_translated(client, demo_site):
    title = blank(NewsPage.objects.get(slug="fire-drill"), "title", "ru")
    event = Event.objects.order_by("start").last()
    event_title = blank(event, "title", "ru")

    feed = client.get("/ru/news/feed.atom").content.decode()
    calendar = client.get("/ru/events/calendar.ics").content.decode().replace("\r\n ", "")

    assert f"<title>{title} {NOTE['ru']}</title>" in feed
    assert f"SUMMARY:{event_title} {NOTE['ru']}" in calendar
    assert feed.count("не переведено") == 1 and calendar.count("не переведено") == 1


def test_an_event_missing_its_russian_text_is_marked_on_the_events_page(client, demo_site):
    event = Event.objects.order_by("start").last()
    title = blank(event, "title", "ru")
    description = blank(event, "description", "ru")

    html = client.get("/ru/events/").content.decode()

    assert marked(html, title, "ru")
    assert marked(html, first_line(description), "ru")


# Every kind of disclosure record, the field a visitor reads, and where it is shown.
RECORDS = [
    (StaffMember, "position", "/ru/sveden/employees/"),
    (StaffMember, "professional_development", "/ru/sveden/employees/"),
    (Leader, "position", "/ru/sveden/managers/"),
    (Leader, "surname", "/ru/sveden/managers/"),
    (ManagementBody, "name", "/ru/sveden/struct/"),
    (ManagementBodyMember, "full_name", "/ru/sveden/struct/"),
    (DisclosureDocument, "title", "/ru/sveden/document/"),
    (EducationProgramme, "name", "/ru/sveden/education/"),
    (Facility, "name", "/ru/sveden/objects/"),
    (FinancialReport, "title", "/ru/sveden/budget/"),
    (EmergencyContact, "name", "/ru/sveden/safety/"),
]


@pytest.mark.parametrize(("model", "field", "path"), RECORDS)
def test_a_disclosure_record_missing_its_russian_text_is_marked(
    client, demo_site, model, field, path
):
    record = model.objects.exclude(**{f"{field}_ky": ""}).order_by("pk").first()
    text = blank(record, field, "ru")

    html = client.get(path).content.decode()

    assert marked(html, first_line(text), "ru"), f"{model.__name__}.{field} on {path}"


def test_the_school_profile_missing_its_russian_address_is_marked_everywhere(client, demo_site):
    profile = SchoolProfile.for_site(demo_site)
    address = blank(profile, "address", "ru")
    hours = blank(profile, "working_hours", "ru")

    for path in ("/ru/", "/ru/sveden/common/", "/ru/news/"):
        html = client.get(path).content.decode()
        assert marked(html, address, "ru"), path
    assert marked(client.get("/ru/sveden/common/").content.decode(), first_line(hours), "ru")


def test_a_section_title_missing_in_russian_is_marked_in_menu_navigation_and_heading(
    client, demo_site
):
    index = demo_site.root_page.get_children().get(slug="sveden").specific
    title = blank(index, "title", "ru")
    section = index.get_children().get(slug="employees").specific
    section_title = blank(section, "title", "ru")

    soup = BeautifulSoup(client.get("/ru/sveden/employees/").content.decode(), "html.parser")

    assert marked(str(soup.find("nav", class_="main-menu")), title, "ru")
    assert marked(str(soup.find("nav", class_="breadcrumbs")), title, "ru")
    assert marked(str(soup.h1), section_title, "ru")
    common = client.get("/ru/sveden/common/").content.decode()
    assert marked(
        str(BeautifulSoup(common, "html.parser").find("nav", class_="section-nav")),
        section_title,
        "ru",
    )
    assert marked(client.get("/ru/site-map/").content.decode(), section_title, "ru")


def test_an_announcement_missing_its_russian_text_is_marked(client, demo_site):
    alert = announce(demo_site, "Эртең мектеп жабык.", "Завтра школа закрыта.")
    blank(alert, "message", "ru")

    assert marked(client.get("/ru/").content.decode(), "Эртең мектеп жабык.", "ru")


def test_the_kyrgyz_site_marks_a_russian_text_with_a_note_in_kyrgyz(client, demo_site):
    article = NewsPage.objects.get(slug="fire-drill")
    title = blank(article, "title", "ky")
    blank(article, "body", "ky")
    member = StaffMember.objects.order_by("pk").first()
    position = blank(member, "position", "ky")

    html = client.get("/ky/news/fire-drill/").content.decode()
    soup = BeautifulSoup(html, "html.parser")

    assert marked(str(soup.h1), title, "ky")
    assert soup.find("div", class_="untranslated", lang="ru")
    assert NOTICE["ky"] in html
    assert marked(client.get("/ky/sveden/employees/").content.decode(), position, "ky")


def test_with_both_languages_present_no_page_carries_a_note(client, demo_site):
    announce(demo_site, "Кулактандыруу", "Объявление")
    for lang in ("ky", "ru"):
        for template in PAGE_TYPE_PATHS:
            html = client.get(template.format(lang=lang)).content.decode()
            assert "untranslated" not in html, template.format(lang=lang)
            assert NOTE[lang] not in html and NOTICE[lang] not in html


def test_pages_with_marked_texts_stay_valid_html(client, demo_site, tmp_path, vnu):
    article = NewsPage.objects.get(slug="school-year-begins")  # one of PAGE_TYPE_PATHS
    for field in ("title", "intro", "body", "image_alt"):
        blank(article, field, "ru")
    blank(SchoolProfile.for_site(demo_site), "working_hours", "ru")
    blank(Leader.objects.order_by("pk").first(), "surname", "ru")
    blank(ManagementBodyMember.objects.order_by("pk").first(), "full_name", "ru")
    blank(Event.objects.order_by("start").last(), "description", "ru")
    announce(demo_site, "Эртең\nмектеп жабык.", "")
    files = []
    for number, template in enumerate(PAGE_TYPE_PATHS):
        html = client.get(template.format(lang="ru")).content.decode()
        file = tmp_path / f"ru-{number}.html"
        file.write_text(html, encoding="utf-8")
        files.append(str(file))
    assert "untranslated-notice" in (tmp_path / "ru-3.html").read_text(encoding="utf-8")
    errors = html_errors(vnu, files)
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
