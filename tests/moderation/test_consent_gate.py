"""People named or pictured in a news article need a recorded consent before it is published
(003 §6.2): the gate refuses the article, at Publish and at submission, and tells the editor
which person and what to do, in both languages; what was typed is kept."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms_pages.models import NewsIndexPage, PersonShown
from moderation.models import ContentCheckTaskState
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

PUPIL = "Асанов Тимур"
REFUSAL_KY = f"«{PUPIL}» үчүн жарыялоого макулдук катталган эмес"
REFUSAL_RU = f"У человека «{PUPIL}» не записано согласие на публикацию"


def article_form(client, site, slug, url=None):
    news = NewsIndexPage.objects.child_of(site.root_page).get()
    url = url or reverse("wagtailadmin_pages:add", args=["cms_pages", "newspage", news.pk])
    data = form_data(client.get(url).content.decode(), containing="intro_ky")
    return url, data


def with_pupil(data: dict, consent_date="", given_by="") -> dict:
    index = int(data["people_shown-TOTAL_FORMS"])
    prefix = f"people_shown-{index}"
    data.update(
        {
            "people_shown-TOTAL_FORMS": str(index + 1),
            f"{prefix}-id": "",
            f"{prefix}-ORDER": str(index + 1),
            f"{prefix}-DELETE": "",
            f"{prefix}-full_name": PUPIL,
            f"{prefix}-kind": PersonShown.PUPIL,
            f"{prefix}-image": "",
            f"{prefix}-consent_given_by": given_by,
            f"{prefix}-consent_date": consent_date,
        }
    )
    return data


def article(slug: str, **fields) -> dict:
    return {
        "title_ky": "Олимпиаданын жеңүүчүсү",
        "title_ru": "Победитель олимпиады",
        "slug": slug,
        "date": datetime.date(2025, 11, 20).isoformat(),
        "intro_ky": "Тимур математика боюнча райондук олимпиадада биринчи орунду алды.",
        "intro_ru": "Тимур занял первое место на районной олимпиаде по математике.",
        **fields,
    }


def test_an_article_with_a_pupil_without_consent_is_refused_at_publish_until_consent_is_entered(
    client, demo_site, people, login_as
):
    login_as(client, people["director"])
    url, data = article_form(client, demo_site, "olympiad")
    data = with_pupil({**data, **article("olympiad")})
    data["action-publish"] = "1"
    response = client.post(url, data, follow=True)
    html = response.content.decode()
    page = Page.objects.get(slug="olympiad").specific
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert REFUSAL_KY in html
    assert "кол коюлган макулдуктун күнүн жазыңыз" in html  # what to do, in Kyrgyz
    assert client.get("/ru/news/olympiad/").status_code == 404
    assert not page.live
    # What the director typed is kept as a draft, the pupil included.
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    _url, draft = article_form(client, demo_site, "olympiad", url=edit_url)
    assert draft["people_shown-0-full_name"] == PUPIL
    assert draft["intro_ru"] == article("olympiad")["intro_ru"]

    # A pupil's consent names the parent or guardian who gave it.
    draft["people_shown-0-consent_date"] = "2025-11-18"
    draft["action-publish"] = "1"
    response = client.post(edit_url, draft)
    assert response.status_code == 200
    assert "ким кол койгонун жазыңыз" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).live

    draft["people_shown-0-consent_given_by"] = "апасы, Асанова Гүлзат"
    response = client.post(edit_url, draft)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.live
    assert client.get("/ru/news/olympiad/").status_code == 200
    person = page.people_shown.get()
    assert (person.consent_recorded_by, str(person.consent_date)) == (
        people["director"],
        "2025-11-18",
    )
    # The consent record is the school's, not the public's.
    assert "Асанова Гүлзат" not in client.get("/ru/news/olympiad/").content.decode()


def test_a_submission_naming_a_person_without_consent_is_rejected_with_the_reason_in_both_languages(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    url, data = article_form(client, demo_site, "olympiad-submitted")
    data = with_pupil({**data, **article("olympiad-submitted")})
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get(slug="olympiad-submitted")
    check = ContentCheckTaskState.objects.get(workflow_state=page.current_workflow_state)
    assert check.verdict == "reject"
    consent = [f for f in check.findings if f["rule_id"] == "consent-missing"]
    assert len(consent) == 1
    assert REFUSAL_KY in consent[0]["message"]["ky"]
    assert REFUSAL_RU in consent[0]["message"]["ru"]
    assert "уберите этого человека и его фото" in consent[0]["message"]["ru"]
    assert not page.live
