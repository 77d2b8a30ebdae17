import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from cms_pages.models import Leader, SchoolPhone, SchoolProfile, StaffMember

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_school_is_complete_in_both_languages(db):
    load_demo()
    site = Site.objects.get(is_default_site=True)
    profile = SchoolProfile.for_site(site)
    for field in ("full_name", "short_name", "address", "working_hours"):
        for lang in ("ky", "ru"):
            assert getattr(profile, f"{field}_{lang}"), f"{field}_{lang} is empty"
    assert profile.founding_date and profile.email and profile.latitude and profile.longitude
    assert profile.phones.count() == 2
    assert all(phone.label_ky and phone.label_ru for phone in profile.phones.all())
    home = site.root_page.specific
    assert home.introduction_ky and home.introduction_ru


def test_loading_the_demo_twice_changes_nothing_the_second_time(db):
    assert "Created" in load_demo()
    counts = (Site.objects.count(), Page.objects.count(), SchoolPhone.objects.count())
    assert "Updated" in load_demo()
    assert (Site.objects.count(), Page.objects.count(), SchoolPhone.objects.count()) == counts


def test_if_empty_leaves_an_existing_school_alone(db):
    call_command(
        "create_school",
        "--hostname",
        "mine.kg",
        "--name-ky",
        "Менин",
        "--name-ru",
        "Моя",
        stdout=io.StringIO(),
    )
    assert "not loaded" in load_demo("--if-empty")
    assert not Site.objects.filter(hostname="localhost").exists()


def test_loading_the_demo_twice_keeps_the_same_disclosure_records_and_documents(db):
    load_demo()
    Document = get_document_model()
    counts = (StaffMember.objects.count(), Leader.objects.count(), Document.objects.count())
    assert counts == (13, 4, 24)
    load_demo()
    assert (
        StaffMember.objects.count(),
        Leader.objects.count(),
        Document.objects.count(),
    ) == counts


def test_demo_news_and_events_are_complete_in_both_languages_and_load_once(db):
    from cms_pages.models import Event, NewsPage

    load_demo()
    load_demo()
    articles = NewsPage.objects.live()
    assert articles.count() == 7
    for article in articles:
        for field in ("title", "intro", "body", "image_alt"):
            assert getattr(article, f"{field}_ky") and getattr(article, f"{field}_ru")
        assert article.image and article.image.file.name.endswith(".png")
    assert Event.objects.count() == 3
    assert all(event.title_ky and event.place_ru for event in Event.objects.all())
