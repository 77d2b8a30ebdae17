"""A visitor reports a public page: the footer link, the form, its refusals and odd input."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.users.models import UserProfile

from accounts.roles import EDITOR, MODERATOR
from moderation.models import PageReport
from tests.people import make_member

from .visitor import HOST, OTHER_HOST, report_form, scraped_token, send_report

VIOLENT_RU = "Давайте побьём этого учителя, пусть знает своё место."
TYPED = "На странице неверный номер телефона директора"


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_every_public_page_links_to_its_report_form(client, school, lang):
    html = client.get(f"/{lang}/news/fire-drill/", HTTP_HOST=HOST).content.decode()
    assert f'href="/{lang}/report/?page={school.news_page.pk}"' in html
    label = {"ky": "Катаны же зыяндуу мазмунду билдирүү", "ru": "Сообщить об ошибке"}[lang]
    assert label in html


def test_a_visitor_reports_a_news_page_and_sees_the_thanks(school, quick_visitors):
    response = send_report(school.news_page.pk, "outdated", "Бул маалымат эскирген.", lang="ru")
    assert response.status_code == 302
    assert response.url == f"/ru/report/thanks/?page={school.news_page.pk}"
    report = PageReport.objects.get()
    assert (report.site, report.page_id) == (school.site, school.news_page.pk)
    assert (report.reason, report.comment) == ("outdated", "Бул маалымат эскирген.")
    assert (report.language, report.status) == ("ru", "open")
    assert report.check_verdict == "accept"
    thanks = Client().get(response.url, HTTP_HOST=HOST).content.decode()
    assert "Спасибо за сообщение" in thanks
    assert 'href="/ru/news/fire-drill/"' in thanks


def test_the_comment_is_checked_and_its_verdict_kept(school, quick_visitors):
    send_report(school.news_page.pk, "harmful", VIOLENT_RU, lang="ru")
    report = PageReport.objects.get()
    assert report.check_verdict == "reject"
    assert {finding["category"] for finding in report.check_findings} == {"violence"}


def test_the_first_open_report_of_a_page_mails_its_moderators_in_their_language(
    school, other_school, quick_visitors
):
    moderator = make_member(school.site, MODERATOR, username="moderator")
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "ru"
    profile.save()
    make_member(school.site, EDITOR, username="editor")
    make_member(other_school.site, MODERATOR, username="stranger")
    send_report(school.news_page.pk, "wrong")
    send_report(school.news_page.pk, "outdated", ip="198.51.100.8")
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert mail.outbox[0].subject == "Посетитель сообщил о странице «Учения»"
    assert "Неверные сведения" in mail.outbox[0].body


@pytest.mark.parametrize(
    "page",
    ["", "abc", "-1", "99999999999999999999", "0", "²", "1\x00"],
    ids=["missing", "text", "negative", "huge", "zero", "superscript", "nul"],
)
def test_a_form_for_no_real_page_answers_404_with_an_explanation(client, school, page):
    response = report_form(client, page)
    assert response.status_code == 404
    assert "Бул бетти бул жерден билдирүүгө болбойт" in response.content.decode()


def test_another_schools_page_a_draft_and_a_private_page_cannot_be_reported(
    client, school, other_school
):
    from wagtail.models import PageViewRestriction

    private = school.site.root_page.add_child(
        instance=school.live_page.__class__(title_ky="Жабык", title_ru="Закрыто", slug="private")
    )
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for page in (other_school.news_page, school.draft_page, private):
        assert report_form(client, page.pk).status_code == 404
    assert report_form(client, other_school.news_page.pk, host=OTHER_HOST).status_code == 200


def posted(client, data, lang="ky"):
    """Post the form as a visitor who opened it for the school's news page."""
    return client.post(f"/{lang}/report/", data, HTTP_HOST=HOST)


def fresh_data(client, school, **changes):
    form = report_form(client, school.news_page.pk)
    token = scraped_token(form.content.decode())
    data = {"page": str(school.news_page.pk), "reason": "wrong", "comment": TYPED}
    return {**data, "website": "", "form_token": token, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"page": "other"}, "Бул бетти бул жерден билдирүүгө болбойт"),
        ({"page": "draft"}, "Бул бетти бул жерден билдирүүгө болбойт"),
        ({"page": ""}, "Бул бетти бул жерден билдирүүгө болбойт"),
        ({"reason": "spam"}, "Тизмедеги себептердин бирин тандаңыз."),
        ({"reason": ""}, "Бетте эмне туура эмес экенин тандаңыз."),
        ({"comment": TYPED + "ы" * 2000}, "Комментарий өтө узун: эң көп 2000 белги"),
    ],
    ids=["other school's page", "draft", "no page", "unknown reason", "no reason", "huge comment"],
)
def test_bad_input_names_the_problem_keeps_what_was_typed_and_stores_nothing(
    client, school, other_school, quick_visitors, changes, message
):
    pages = {"other": other_school.news_page.pk, "draft": school.draft_page.pk}
    if changes.get("page") in pages:
        changes = {"page": str(pages[changes["page"]])}
    response = posted(client, fresh_data(client, school, **changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert TYPED in html
    if "reason" not in changes:
        assert 'value="wrong" id="id_reason_0" checked' in html
    assert PageReport.objects.count() == 0


def test_control_characters_in_the_comment_are_dropped(client, school, quick_visitors):
    response = posted(client, fresh_data(client, school, comment="Ката\x00 бар\x07\x1b.\nСаат"))
    assert response.status_code == 302
    assert PageReport.objects.get().comment == "Ката бар.\nСаат"


def assert_refused_keeping_the_text(response, message, status=200):
    html = response.content.decode()
    assert response.status_code == status
    assert message in html
    assert TYPED in html
    assert 'value="wrong" id="id_reason_0" checked' in html
    assert PageReport.objects.count() == 0


def test_a_filled_honeypot_is_refused(client, school, quick_visitors):
    response = posted(client, fresh_data(client, school, website="http://spam.example"))
    assert_refused_keeping_the_text(response, "бош калышы керек болгон талаа толтурулган")


def test_a_form_sent_back_too_fast_is_refused(client, school, settings):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 3
    response = posted(client, fresh_data(client, school))
    assert_refused_keeping_the_text(response, "адам аны мынчалык тез толтура албайт")


@pytest.mark.parametrize("token", ["", "forged", "1700000000.000:abc"])
def test_a_missing_or_forged_token_is_refused(client, school, quick_visitors, token):
    response = posted(client, fresh_data(client, school, form_token=token))
    assert_refused_keeping_the_text(response, "Форманын мөөнөтү өтүп кеткен")


def test_too_many_reports_from_one_address_are_refused_with_429(client, school, settings):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
    settings.MEKTEP_VISITOR_LIMITS = {"report": {"address": (2, 3600)}}
    for _ in range(2):
        assert send_report(school.news_page.pk, ip="198.51.100.50").status_code == 302
    client = Client(REMOTE_ADDR="198.51.100.50")
    response = posted(client, fresh_data(client, school))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Сиздин тармагыңыздан кыска убакытта өтө көп билдирүү жөнөтүлдү" in html
    assert TYPED in html
    assert PageReport.objects.count() == 2
    assert send_report(school.news_page.pk, ip="198.51.100.51").status_code == 302


def test_the_school_limit_refuses_every_address(client, school, settings):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
    settings.MEKTEP_VISITOR_LIMITS = {"report": {"school": (1, 86400)}}
    assert send_report(school.news_page.pk, ip="198.51.100.60").status_code == 302
    response = send_report(school.news_page.pk, ip="198.51.100.61", comment=TYPED)
    assert response.status_code == 429
    assert "Мектеп бүгүн адаттагыдан көп билдирүү алды" in response.content.decode()
    assert PageReport.objects.count() == 1
