"""A parent writes to the school from a phone, in Kyrgyz; the site administrator answers in the
admin and prepares the question for the Q&A page; after the director's approval it is there in
Kyrgyz without the parent's name (issue 12). Screenshots at 360 px and 1366 px go to
var/screenshots/ to be looked at; axe checks the form's error and success states."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import DIRECTOR, MODERATOR, SITE_ADMIN
from cms_pages.models import PublishedQuestion, VisitorMessage
from tests.browser.admin_session import admin_page
from tests.browser.journeys import assert_fits_the_screen
from tests.browser.screens import SCREENSHOTS
from tests.browser.test_accessibility_with_axe import AXE, violations
from tests.people import make_member, sign_in
from tests.visitor_messages import VIOLENT_TEXT

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 800}
NAME = "Гүлнара Асанова"
QUESTION = "Биринчи класска кабыл алуу качан башталат? Кандай документтер керек?"
ANSWER = (
    "Кабыл алуу 1-апрелде башталат. Туулгандыгы тууралуу күбөлүк жана медициналык маалымкат керек."
)


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0


def shot(page, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), full_page=True)


def check_axe(page):
    if AXE.exists():
        assert violations(page, str(AXE)) == []


def parent_writes(browser, base_url, viewport) -> str:
    """The parent's visit: the form, a mistake, the corrected form, the reference number."""
    context = browser.new_context(viewport=viewport, locale="ky-KG", bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(base_url + "/ky/")
        page.get_by_role("link", name="Мектепке жазуу").first.click()
        page.wait_for_url(re.compile(r"/ky/feedback/$"))
        assert page.locator("h1").inner_text() == "Мектепке жазуу"
        # The honeypot is not there for people: off the screen, out of the tab order.
        honeypot = page.locator("input[name=website]")
        box = honeypot.bounding_box()
        assert box["x"] + box["width"] <= 0 and honeypot.get_attribute("tabindex") == "-1"
        assert_fits_the_screen(page)
        shot(page, "feedback-form", viewport)

        page.fill("input[name=name]", NAME)
        page.fill("textarea[name=text]", QUESTION)
        # The form comes back at the same address: wait for the answer, not for an address.
        with page.expect_navigation():
            page.get_by_role("button", name="Катты жөнөтүү").click()
        summary = page.locator(".error-summary")
        summary.wait_for(state="visible", timeout=10_000)
        assert "электрондук почтаңызды же телефон номериңизди" in summary.inner_text()
        # Everything typed is still there.
        assert page.locator("input[name=name]").input_value() == NAME
        assert page.locator("textarea[name=text]").input_value() == QUESTION
        assert page.locator("input[name=email]").get_attribute("aria-invalid") == "true"
        assert_fits_the_screen(page)
        shot(page, "feedback-errors", viewport)
        check_axe(page)

        page.fill("input[name=email]", "gulnara@example.kg")
        page.get_by_label("Кабыл алуу").check()
        page.get_by_label(re.compile("суроомду жана ага берилген жоопту")).check()
        page.get_by_label(re.compile("жеке маалыматтарымды иштетүүгө макулмун")).check()
        page.get_by_role("button", name="Катты жөнөтүү").click()
        page.wait_for_url(re.compile(r"/ky/feedback/\?sent=1$"))
        reference = page.locator(".reference").inner_text()
        assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
        assert "жооп берет" in page.locator(".form-success").inner_text()
        assert_fits_the_screen(page)
        shot(page, "feedback-sent", viewport)
        check_axe(page)
        return reference
    finally:
        context.close()


def test_a_parent_asks_in_kyrgyz_and_reads_the_approved_answer_on_the_questions_page(
    browser, demo_live_server
):
    site = Site.objects.get(is_default_site=True)
    admin = make_member(site, SITE_ADMIN, "site.admin")
    director = make_member(site, DIRECTOR, "director.person")
    reference = parent_writes(browser, demo_live_server.url, PHONE)
    parent_writes(browser, demo_live_server.url, DESKTOP)
    message = VisitorMessage.objects.get(reference=reference)
    assert message.language == "ky" and message.screening == VisitorMessage.Screening.CLEAR

    with admin_page(browser, demo_live_server.url, admin, PHONE) as page:
        page.goto(demo_live_server.url + reverse("accounts_inbox"))
        page.get_by_role("link", name=reference).click()
        page.wait_for_url(re.compile(r"/admin/inbox/\d+/$"))
        shot(page, "inbox-message-before", PHONE)
        assert NAME in page.locator("main").inner_text(), page.locator("main").inner_text()[:2000]
        page.fill("textarea[name=answer]", ANSWER)
        page.locator("form[action$='/answer/'] button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/inbox/\d+/$"))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
        shot(page, "inbox-message", PHONE)
        page.locator("form[action$='/prepare-question/'] button[type=submit]").click()
        page.wait_for_url(re.compile(r"/admin/snippets/cms_pages/publishedquestion/edit/\d+/"))
        assert page.locator("textarea[name=question_ky]").input_value() == QUESTION
        page.fill("textarea[name=question_ru]", "Когда начинается приём в первый класс?")
        page.fill("textarea[name=answer_ru]", "Приём начинается 1 апреля.")
        submit = page.locator("button[name=action-submit]")
        if not submit.is_visible():
            page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        submit.click()
        page.wait_for_load_state()
    for viewport in (PHONE, DESKTOP):
        with admin_page(browser, demo_live_server.url, admin, viewport) as page:
            page.goto(demo_live_server.url + reverse("accounts_inbox"))
            assert reference in page.content()
            shot(page, "inbox", viewport)

    question = PublishedQuestion.objects.get()
    assert question.current_workflow_state is not None
    # The director approves in the admin (the same workflow action the approve button posts).
    client = sign_in(Client(), director)
    task_state = question.current_workflow_state.current_task_state
    client.post(
        reverse(
            "wagtailsnippets_cms_pages_publishedquestion:workflow_action",
            args=[question.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    question.refresh_from_db()
    assert question.live

    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, locale="ky-KG")
        page = context.new_page()
        page.goto(demo_live_server.url + "/ky/")
        page.get_by_role("link", name="Суроо-жооп").first.click()
        page.wait_for_url(re.compile(r"/ky/faq/$"))
        text = page.locator("main").inner_text()
        assert QUESTION in text and ANSWER in text
        assert NAME not in page.content() and "gulnara@example.kg" not in page.content()
        assert_fits_the_screen(page)
        shot(page, "faq", viewport)
        context.close()


def test_a_moderator_rejects_a_held_message_from_the_queue(browser, demo_live_server):
    site = Site.objects.get(is_default_site=True)
    moderator = make_member(site, MODERATOR, "moderator.person")
    context = browser.new_context(viewport=PHONE, locale="ky-KG")
    page = context.new_page()
    page.goto(demo_live_server.url + "/ky/feedback/")
    page.fill("input[name=name]", NAME)
    page.fill("input[name=phone]", "+996 555 123456")
    page.get_by_label("Коопсуздук").check()
    page.fill("textarea[name=text]", VIOLENT_TEXT)
    page.get_by_label(re.compile("жеке маалыматтарымды иштетүүгө макулмун")).check()
    page.get_by_role("button", name="Катты жөнөтүү").click()
    page.wait_for_url(re.compile(r"\?sent=1$"))
    reference = page.locator(".reference").inner_text()
    context.close()
    assert VisitorMessage.objects.get(reference=reference).screening == "held"

    for viewport in (PHONE, DESKTOP):
        with admin_page(browser, demo_live_server.url, moderator, viewport) as page:
            page.goto(demo_live_server.url + reverse("moderation_queue"))
            item = page.locator(".moderation-item", has_text=reference)
            assert item.locator("mark").count() >= 1
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1
            shot(page, "moderation-held-message", viewport)
            if viewport is DESKTOP:
                item.locator("button.no").click()
                page.wait_for_url(re.compile(r"/admin/moderation/$"))
                assert page.locator(".moderation-item", has_text=reference).count() == 0
                shot(page, "moderation-held-message-rejected", viewport)
    message = VisitorMessage.objects.get(reference=reference)
    assert message.screening == "rejected" and message.name == "" and message.text == ""
