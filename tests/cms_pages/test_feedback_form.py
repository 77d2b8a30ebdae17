"""Writing to the school through /<lang>/feedback/ (issue 12): the form, its refusals and what
is stored, over HTTP as a visitor's browser sends it."""

import datetime
import io
import json
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.roles import SITE_ADMIN
from cms_pages.models import (
    EmptySearchDay,
    FeedbackPage,
    PrivacyNoticePage,
    QuestionsPage,
    VisitorMessage,
)
from cms_pages.models.visitors import add_working_days
from tests.html_checker import html_errors, saved
from tests.people import make_member
from tests.visitor_messages import PARENT, VIOLENT_TEXT, feedback_form, send_message


@pytest.fixture(autouse=True)
def no_fill_time(settings):
    """The fill time is not what most tests here are about."""
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0


def test_every_school_starts_with_the_feedback_questions_and_privacy_pages(client, demo_site):
    home = demo_site.root_page
    assert FeedbackPage.objects.child_of(home).live().get().slug == "feedback"
    assert QuestionsPage.objects.child_of(home).live().get().show_in_menus
    privacy = PrivacyNoticePage.objects.child_of(home).live().get()
    assert privacy.body_ky and privacy.body_ru
    for lang in ("ky", "ru"):
        page = client.get(f"/{lang}/privacy/").content.decode()
        assert "365" in page
        home_html = client.get(f"/{lang}/").content.decode()
        assert f'href="/{lang}/feedback/"' in home_html
        assert f'href="/{lang}/privacy/"' in home_html


def test_the_retention_period_on_the_privacy_notice_is_the_setting(client, demo_site, settings):
    settings.MEKTEP_VISITOR_DATA_RETENTION_DAYS = 180
    assert "180" in client.get("/ru/privacy/").content.decode()


def test_a_parent_sends_a_question_and_gets_a_reference_and_a_due_date(
    client, demo_site, django_capture_on_commit_callbacks
):
    admin = make_member(demo_site, SITE_ADMIN, username="site-admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = send_message(client)
    assert response.status_code == 302
    assert response.url == "/ky/feedback/?sent=1"
    message = VisitorMessage.objects.get()
    assert message.site == demo_site
    assert message.language == "ky"
    assert message.name == PARENT["name"]
    assert message.may_publish
    assert message.screening == VisitorMessage.Screening.CLEAR
    assert message.status == VisitorMessage.Status.NEW
    assert message.due_on == add_working_days(timezone.localdate(message.received_at), 15)
    page = client.get(response.url).content.decode()
    assert message.reference in page
    assert message.due_on.strftime("%d.%m.%Y").lstrip("0") in page
    # The school's site administrator is told, without the parent's details in the e-mail.
    (notice,) = mail.outbox
    assert notice.to == [admin.email]
    assert message.reference in notice.subject
    assert PARENT["name"] not in notice.body and PARENT["email"] not in notice.body
    # The reference is shown once, to the sender's session only.
    assert message.reference not in client.get("/ky/feedback/").content.decode()


def test_due_dates_count_working_days_only():
    friday = datetime.date(2026, 11, 27)
    assert add_working_days(friday, 1) == datetime.date(2026, 11, 30)
    assert add_working_days(friday, 15) == datetime.date(2026, 12, 18)


def test_a_phone_number_alone_is_enough_but_one_way_to_answer_is_required(client, demo_site):
    response = send_message(client, lang="ru", email="", phone="")
    assert response.status_code == 200
    page = response.content.decode()
    assert "телефон" in page.lower()
    assert 'aria-invalid="true"' in page
    assert not VisitorMessage.objects.exists()
    assert send_message(client, lang="ru", email="", phone="+996 312 123456").status_code == 302
    assert VisitorMessage.objects.get().language == "ru"


BAD_INPUTS = [
    pytest.param({"name": ""}, "name", id="empty name"),
    pytest.param({"email": "not-an-address"}, "email", id="bad e-mail"),
    pytest.param({"phone": "call me"}, "phone", id="bad phone"),
    pytest.param({"topic": "fees"}, "topic", id="unknown topic"),
    pytest.param({"topic": None}, "topic", id="no topic"),
    pytest.param({"text": "   "}, "text", id="empty message"),
    pytest.param({"text": "Ж" * 5001}, "text", id="message too long"),
    pytest.param({"name": "Ы" * 201}, "name", id="name too long"),
    pytest.param({"consent": None}, "consent", id="no consent"),
]


@pytest.mark.parametrize(("change", "field"), BAD_INPUTS)
def test_every_bad_input_is_named_and_everything_typed_is_kept(client, demo_site, change, field):
    response = send_message(client, **change)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert f'id="id_{field}-error"' in page or f"id_{field}_0" in page
    assert not VisitorMessage.objects.exists()
    for name in ("name", "email", "text"):
        value = change.get(name, PARENT[name])
        if value and name != field and len(value) < 300:
            assert value in page


def test_control_characters_and_odd_types_give_no_server_error(client, demo_site):
    form = feedback_form(client)
    odd = form | PARENT | {"name": "Айгүл\x00\x07", "text": "Салам\x0c\x1b мектеп", "topic": ""}
    response = client.post("/ky/feedback/", odd)
    assert response.status_code == 200
    listy = form | PARENT
    response = client.post(
        "/ky/feedback/", {**listy, "topic": ["admission", "other"], "consent": ["on", "x"]}
    )
    assert response.status_code in (200, 302)
    response = client.post("/ky/feedback/", {**PARENT, "name": "\x00"})  # no token at all
    assert response.status_code == 200
    assert "Айгүл" in client.post("/ky/feedback/", PARENT).content.decode()
    for message in VisitorMessage.objects.all():
        assert "\x00" not in message.name and "\x0c" not in message.text


def test_a_filled_honeypot_is_refused_clearly_and_nothing_is_stored(client, demo_site):
    response = send_message(client, website="http://spam.example")
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page
    assert PARENT["text"] in page
    assert not VisitorMessage.objects.exists()
    assert not mail.outbox


def test_a_form_sent_back_too_fast_is_refused(client, demo_site, settings):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 30
    response = send_message(client)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not VisitorMessage.objects.exists()


def test_a_missing_token_is_refused(client, demo_site):
    response = client.post("/ky/feedback/", PARENT)
    assert response.status_code == 200
    assert PARENT["name"] in response.content.decode()
    assert not VisitorMessage.objects.exists()


def test_the_rate_limit_per_address_refuses_with_429(client, demo_site, settings):
    settings.MEKTEP_VISITOR_LIMITS = {"feedback": {"address": (2, 3600)}}
    assert send_message(client).status_code == 302
    assert send_message(client).status_code == 302
    response = send_message(client)
    assert response.status_code == 429
    assert PARENT["text"] in response.content.decode()
    assert VisitorMessage.objects.count() == 2


def test_a_call_to_violence_is_held_for_a_moderator_not_in_the_inbox(
    client, demo_site, django_capture_on_commit_callbacks
):
    make_member(demo_site, SITE_ADMIN, username="site-admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = send_message(client, text=VIOLENT_TEXT)
    # The visitor is not told about the check: the message is received like any other.
    assert response.status_code == 302
    message = VisitorMessage.objects.get()
    assert message.screening == VisitorMessage.Screening.HELD
    assert {flag["category"] for flag in message.flags} == {"violence"}
    assert not VisitorMessage.objects.in_inbox().exists()
    assert not mail.outbox  # nobody at the school is asked to answer it


def test_the_reference_page_cannot_be_guessed(client, demo_site):
    page = client.get("/ky/feedback/?sent=1").content.decode()
    assert 'class="reference"' not in page
    assert re.search(r"<form[^>]+feedback-form", page)


def test_purge_removes_personal_data_of_messages_closed_long_ago(client, demo_site):
    send_message(client)
    send_message(client, name="Бакыт")
    old, recent = VisitorMessage.objects.order_by("pk")
    for message, days in ((old, 400), (recent, 10)):
        message.set_status(VisitorMessage.Status.CLOSED)
        message.closed_at = timezone.now() - datetime.timedelta(days=days)
        message.save()
    call_command("purge_visitor_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.phone, old.text) == ("", "", "", "")
    assert old.anonymised_at is not None
    assert old.reference and old.topic == "admission"
    assert recent.name == "Бакыт" and recent.anonymised_at is None


def test_purge_also_removes_a_held_message_nobody_decided_on(client, demo_site):
    send_message(client, text="Мугалимди өлтүрүү керек!")
    send_message(client, text="Мугалимди өлтүрүү керек, баарыбыз чогулуп сабайбыз!")
    old, recent = VisitorMessage.objects.order_by("pk")
    assert {old.screening, recent.screening} == {VisitorMessage.Screening.HELD}
    old.received_at = timezone.now() - datetime.timedelta(days=400)
    old.save()
    call_command("purge_visitor_data", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.text, old.anonymised_at is not None) == ("", "", True)
    assert recent.text and recent.anonymised_at is None


def test_the_error_state_and_the_success_page_are_valid_html(client, demo_site, tmp_path, vnu):
    pages = {}
    for lang in ("ky", "ru"):
        pages[f"{lang}-error"] = send_message(client, lang=lang, email="", topic=None, consent=None)
        pages[f"{lang}-success"] = client.get(send_message(client, lang=lang).url)
    errors = html_errors(vnu, saved(tmp_path, pages))
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)


def test_purge_deletes_the_words_of_old_searches_that_found_nothing(demo_site):
    today = timezone.localdate()
    for days in (400, 10):
        EmptySearchDay.objects.create(
            site=demo_site,
            query="асанова гүлнара 0555 123 456",
            day=today - datetime.timedelta(days=days),
            searches=1,
        )
    out = io.StringIO()
    call_command("purge_visitor_data", stdout=out)
    assert list(EmptySearchDay.objects.values_list("day", flat=True)) == [
        today - datetime.timedelta(days=10)
    ]
    assert "1 days of searches that found nothing deleted." in out.getvalue()
