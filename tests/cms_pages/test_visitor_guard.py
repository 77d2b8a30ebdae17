"""The visitor guard refuses robots, hurried or replayed forms and floods, in the visitor's
language, without storing the address. The forms that use it test it again through HTTP."""

import pytest
from django import forms
from django.core import signing
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from cms_pages.visitor_guard import (
    ADDRESS_LIMIT_MESSAGE,
    HONEYPOT_MESSAGE,
    SCHOOL_LIMIT_MESSAGE,
    TOKEN_MESSAGE,
    TOO_FAST_MESSAGE,
    GuardedForm,
    token_issued_seconds_ago,
)

pytestmark = pytest.mark.django_db


class NoteForm(GuardedForm):
    guard_kind = "feedback"
    text = forms.CharField(max_length=20)


def school(hostname="school1.test") -> Site:
    site, _ = Site.objects.get_or_create(
        hostname=hostname, port=80, defaults={"root_page": Page.get_first_root_node()}
    )
    return site


def sent(data, address="203.0.113.7", site=None):
    request = RequestFactory().post("/ky/feedback/", REMOTE_ADDR=address)
    return NoteForm(data, request=request, site=site or school())


def valid_data(**changes):
    return {"text": "Салам", "website": "", "form_token": token_issued_seconds_ago(10), **changes}


@pytest.fixture
def limits(settings):
    settings.MEKTEP_VISITOR_LIMITS = {"feedback": {"address": (2, 3600), "school": (3, 86400)}}


def test_a_person_who_took_their_time_is_accepted():
    form = sent(valid_data())
    assert form.is_valid(), form.errors
    assert not form.refused


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"website": "http://spam.example"}, HONEYPOT_MESSAGE),
        ({"form_token": lambda: token_issued_seconds_ago(0.5)}, TOO_FAST_MESSAGE),
        ({"form_token": ""}, TOKEN_MESSAGE),
        ({"form_token": "1700000000.000:forged"}, TOKEN_MESSAGE),
        ({"form_token": lambda: token_issued_seconds_ago(2 * 24 * 3600)}, TOKEN_MESSAGE),
    ],
)
def test_robots_hurried_and_stale_forms_are_refused_with_what_was_typed_kept(changes, message):
    # Tokens are made when the test runs, not when it is collected.
    changes = {key: value() if callable(value) else value for key, value in changes.items()}
    form = sent(valid_data(text="Менин суроом", **changes))
    assert not form.is_valid()
    assert form.refused and form.status_code == 200
    assert form.non_field_errors() == [str(message)]
    # The form shown again carries the visitor's text and a new token, never the robot's value.
    assert form["text"].value() == "Менин суроом"
    signing.Signer(salt="mektep.visitor-form").unsign(form.fresh_token())


def test_the_refusal_is_in_the_visitors_language():
    with translation.override("ru"):
        form = sent(valid_data(website="x"))
        assert not form.is_valid()
        assert "Сообщение не отправлено" in form.non_field_errors()[0]


def test_an_address_is_limited_then_the_school(limits):
    site = school()
    for _ in range(2):
        form = sent(valid_data(), site=site)
        assert form.is_valid()
        form.record_accepted()
    blocked = sent(valid_data(), site=site)
    assert not blocked.is_valid()
    assert blocked.status_code == 429
    assert blocked.non_field_errors() == [str(ADDRESS_LIMIT_MESSAGE)]

    other = sent(valid_data(), address="198.51.100.9", site=site)
    assert other.is_valid()
    other.record_accepted()
    school_full = sent(valid_data(), address="192.0.2.44", site=site)
    assert not school_full.is_valid()
    assert school_full.non_field_errors() == [str(SCHOOL_LIMIT_MESSAGE)]
    # Another school's visitors are not held back by this school's flood.
    assert sent(valid_data(), address="192.0.2.44", site=school("school2.test")).is_valid()


def test_field_errors_are_named_alongside_a_refusal():
    form = sent(valid_data(text="ж" * 21, website="x"))
    assert not form.is_valid()
    assert "text" in form.errors and form.refused
