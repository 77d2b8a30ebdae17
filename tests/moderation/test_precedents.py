"""Learning from moderators, through the admin as editors and moderators use it: every decision
is kept with what was flagged, a text like one sent back is flagged again citing the decision
(only within the school), and the rule statistics show how often moderators upheld each rule."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Site

from accounts.roles import EDITOR, MODERATOR
from cms_pages.models import Leader, LeadershipPage
from moderation.labels import category_label
from moderation.models import ContentCheckTaskState, ModerationDecision
from moderation.precedents import containment, passage, shingles
from tests.admin_forms import form_data
from tests.people import make_member

pytestmark = pytest.mark.django_db

# Flagged for a moderator (not rejected): the text names someone else as the school's director.
CLAIM_KY = (
    "Ата-энелер жыйынын мектептин директору Бакиров Нурлан 15-сентябрда саат 18:00дө өткөрөт."
)
CLAIM_RU = "Родительское собрание проведёт директор школы Бакиров Нурлан 15 сентября в 18:00."
# The editor's second try: a few words changed in each language, the wrong name kept.
CLAIM_KY_AGAIN = (
    "Жалпы мектептик ата-энелер жыйынын мектептин директору Бакиров Нурлан 15-сентябрда "
    "саат 18:30да өткөрөт."
)
CLAIM_RU_AGAIN = (
    "Общешкольное родительское собрание проведёт директор школы Бакиров Нурлан 15 сентября в 18:30."
)
CLEAN_KY = "Жаңы окуу жылы 2-сентябрда салтанаттуу линейка менен башталат."
CLEAN_RU = "Новый учебный год начнётся 2 сентября с торжественной линейки."
COMMENT = "Директор школы — Бекмуратова, исправьте имя."


@pytest.fixture
def other_school(demo_site):
    call_command(
        "create_school", "--hostname", "other.kg", "--name-ky", "Башка", "--name-ru", "Другая"
    )
    site = Site.objects.get(hostname="other.kg")
    # The other school's published leadership page records its own head.
    leadership = LeadershipPage.objects.live().descendant_of(site.root_page).get()
    Leader.objects.create(
        page=leadership,
        surname_ky="Сыдыкова",
        surname_ru="Сыдыкова",
        name_ky="Жылдыз",
        name_ru="Жылдыз",
        position_ky="Мектептин директору",
        position_ru="Директор школы",
        role=Leader.HEAD,
    )
    return {
        "site": site,
        "editor": make_member(site, EDITOR, "other.editor"),
        "moderator": make_member(site, MODERATOR, "other.moderator"),
    }


def edit_home_page(client, site, button="action-submit", **changes):
    """The editor changes the home page and presses a button of the edit page's action menu:
    "Submit for moderation" or, once changes were requested, "Restart workflow"."""
    home = site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    data = form_data(client.get(url).content.decode(), containing="introduction_ky")
    data.update(changes)
    data[button] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(pk=home.pk).specific


def latest_check(page) -> ContentCheckTaskState:
    return (
        ContentCheckTaskState.objects.filter(workflow_state__object_id=str(page.pk))
        .order_by("-started_at", "-pk")
        .first()
    )


def moderator_decides(client, page, decision, comment):
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("moderation_decide", args=[task_state.pk, decision]), {"comment": comment}
    )
    assert response.status_code == 302
    return task_state


def precedents(check) -> list[dict]:
    return [finding for finding in check.findings if finding["category"] == "precedent"]


def send_back_the_claim(client, site, people, login_as):
    login_as(client, people["editor"])
    page = edit_home_page(client, site, introduction_ky=CLAIM_KY, introduction_ru=CLAIM_RU)
    login_as(client, people["moderator"])
    task_state = moderator_decides(client, page, "reject", COMMENT)
    return page, task_state


# Recording -------------------------------------------------------------------------------


def test_a_decision_in_the_queue_is_kept_once_with_its_flags_and_texts(
    client, demo_site, people, login_as
):
    page, task_state = send_back_the_claim(client, demo_site, people, login_as)
    flagged = {flag["rule_id"] for flag in latest_check(page).flags}
    assert flagged

    decision = ModerationDecision.objects.get()
    assert decision.site == demo_site
    assert decision.decision == "reject"
    assert decision.comment == COMMENT
    assert decision.moderator == people["moderator"]
    assert decision.task_state_id == task_state.pk
    assert decision.revision_id == task_state.revision_id
    assert decision.object_id == str(page.pk) and decision.object_title == page.title
    assert {finding["rule_id"] for finding in decision.findings} == flagged
    assert all(finding["category"] and finding["excerpt"] for finding in decision.findings)
    assert any(finding["passage"] == CLAIM_RU for finding in decision.findings)
    texts = {(text["lang"], text["text"]) for text in decision.texts}
    assert ("ru", CLAIM_RU) in texts and ("ky", CLAIM_KY) in texts


def test_a_decision_through_wagtails_own_workflow_action_is_kept_too(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = edit_home_page(client, demo_site, introduction_ky=CLAIM_KY, introduction_ru=CLAIM_RU)
    task_state = page.current_workflow_state.current_task_state
    login_as(client, people["moderator"])
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Факт проверен."},
    )
    assert response.status_code in (200, 302)

    decision = ModerationDecision.objects.get()
    assert (decision.decision, decision.comment) == ("approve", "Факт проверен.")
    assert decision.moderator == people["moderator"] and decision.findings
    # The director's approval that follows is not a moderator's decision.
    login_as(client, people["director"])
    page.refresh_from_db()
    director_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", director_state.pk]),
        {"comment": ""},
    )
    assert ModerationDecision.objects.count() == 1


def test_content_that_nothing_flagged_leaves_no_decision(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    edit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU)
    assert not ModerationDecision.objects.exists()


# Precedents ------------------------------------------------------------------------------


def test_a_near_duplicate_of_a_text_a_moderator_sent_back_gets_a_finding_that_cites_that_decision(
    client, demo_site, people, login_as
):
    page, _task_state = send_back_the_claim(client, demo_site, people, login_as)
    decision = ModerationDecision.objects.get()

    login_as(client, people["editor"])
    page = edit_home_page(
        client, demo_site, introduction_ky=CLAIM_KY_AGAIN, introduction_ru=CLAIM_RU_AGAIN
    )
    check = latest_check(page)
    assert check.revision_id == page.latest_revision_id  # the new text was checked
    found = {finding["lang"]: finding for finding in precedents(check)}
    assert set(found) == {"ky", "ru"}
    date = timezone.localtime(decision.decided_at).strftime("%d.%m.%Y")
    for lang, finding in found.items():
        assert finding["action"] == "review"
        assert finding["rule_id"] == "precedent.sent_back"
        message = finding["message"][lang]
        assert f"№{decision.pk}" in message and date in message
        assert COMMENT in message and page.title in message
    assert found["ru"]["excerpt"] == CLAIM_RU_AGAIN
    assert workflow_task_name(page) == "ModeratorReviewTask"

    login_as(client, people["moderator"])
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert f"№{decision.pk}" in queue and COMMENT in queue


def test_a_text_without_the_passage_sent_back_gets_no_precedent_after_a_restart(
    client, demo_site, people, login_as
):
    send_back_the_claim(client, demo_site, people, login_as)
    login_as(client, people["editor"])
    page = edit_home_page(
        client,
        demo_site,
        "action-restart-workflow",
        introduction_ky=CLEAN_KY,
        introduction_ru=CLEAN_RU,
    )
    assert precedents(latest_check(page)) == []
    assert workflow_task_name(page) == "GroupApprovalTask"


def test_another_school_with_the_same_text_gets_no_finding_from_this_schools_decisions(
    client, demo_site, people, other_school, login_as
):
    send_back_the_claim(client, demo_site, people, login_as)
    assert ModerationDecision.objects.get().site == demo_site

    login_as(client, other_school["editor"])
    page = edit_home_page(
        client, other_school["site"], introduction_ky=CLAIM_KY, introduction_ru=CLAIM_RU
    )
    check = latest_check(page)
    assert check.flags  # the same rules flag it ...
    assert precedents(check) == []  # ... but no other school's decision is cited
    assert "исправьте имя" not in str(check.findings)


def workflow_task_name(page) -> str:
    page.refresh_from_db()
    state = page.current_workflow_state
    return state.current_task_state.task.specific.__class__.__name__ if state else ""


def test_shingles_tolerate_small_edits_and_obfuscation_but_not_a_removed_passage():
    sent_back = shingles(CLAIM_RU)
    assert containment(sent_back, shingles(CLAIM_RU_AGAIN)) >= 0.8
    disguised = (
        "Родительское собрание проведёт ДИРЕКТОР школы Б а к и р о в Нурлан 15 сентября в 18:00"
    )
    assert containment(sent_back, shingles(disguised)) >= 0.8
    longer = f"<p>{CLEAN_RU}</p><p>{CLAIM_RU} Приходите.</p>"
    assert containment(sent_back, shingles(longer)) == 1.0
    assert containment(sent_back, shingles(CLEAN_RU)) < 0.2


def test_the_passage_kept_is_the_flagged_sentence_widened_to_a_readable_length():
    text = "<p>Первое предложение здесь.</p><p>Говорят, директор болел. Это правда?</p>"
    start = text.index("болел")
    assert passage(text, start, start + 5) == (
        "Первое предложение здесь. Говорят, директор болел. Это правда?"
    )
    long_text = f"{CLEAN_RU} {CLAIM_RU} {CLEAN_RU}"
    start = long_text.index("Бакиров")
    assert passage(long_text, start, start + 7) == CLAIM_RU


# Rule statistics -------------------------------------------------------------------------


def statistics_rows(html: str) -> dict[str, tuple[int, int, int, str]]:
    rows = re.findall(
        r'<tr class="rule-statistics-row" data-rule="([^"]+)">.*?<td class="reviewed">(\d+)</td>'
        r'\s*<td class="upheld">(\d+)</td>\s*<td class="overruled">(\d+)</td>'
        r'\s*<td class="share">(\d+%)</td>',
        html,
        re.S,
    )
    return {rule: (int(r), int(u), int(o), share) for rule, r, u, o, share in rows}


def test_rule_statistics_count_upheld_and_overruled_flags_per_school(
    client, demo_site, people, other_school, login_as
):
    page, _ = send_back_the_claim(client, demo_site, people, login_as)  # upheld
    flagged = {flag["rule_id"] for flag in latest_check(page).flags}
    login_as(client, people["editor"])
    page = edit_home_page(
        client,
        demo_site,
        "action-restart-workflow",
        introduction_ky=CLAIM_KY_AGAIN,
        introduction_ru=CLAIM_RU_AGAIN,
    )
    login_as(client, people["moderator"])
    moderator_decides(client, page, "approve", "Факт проверен.")  # overruled
    assert ModerationDecision.objects.count() == 2

    url = reverse("moderation_rule_statistics")
    for person in ("moderator", "director", "site_admin"):
        login_as(client, people[person])
        response = client.get(url)
        assert response.status_code == 200, person
        rows = statistics_rows(response.content.decode())
        for rule_id in flagged:
            assert rows[rule_id] == (2, 1, 1, "50%"), (person, rule_id)
        assert rows["precedent.sent_back"] == (1, 0, 1, "0%")
        # Weakest first: the precedent, overruled once, leads.
        assert next(iter(rows)) == "precedent.sent_back"

    login_as(client, people["moderator"])
    response = client.get(url, {"sort": "reviewed"})
    html = response.content.decode()
    assert next(iter(statistics_rows(html))) in flagged
    with translation.override(response["Content-Language"]):
        for category in {flag["category"] for flag in latest_check(page).flags}:
            assert f"<td>{category_label(category)}</td>" in html

    login_as(client, other_school["moderator"])
    response = client.get(url)
    assert response.status_code == 200
    assert statistics_rows(response.content.decode()) == {}


def refused(response) -> bool:
    """Wagtail refuses with 403, or by sending the person back to the dashboard (never 500)."""
    return response.status_code in {403, 404} or (
        response.status_code == 302 and response.url.rstrip("/") == "/admin"
    )


def test_rule_statistics_are_closed_to_editors_and_strangers(client, demo_site, people, login_as):
    url = reverse("moderation_rule_statistics")
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response.url
    login_as(client, people["editor"])
    assert refused(client.get(url))
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    login_as(client, people["moderator"])
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_superuser_sees_every_schools_rule_statistics(
    client, demo_site, people, superuser, login_as
):
    send_back_the_claim(client, demo_site, people, login_as)
    client.force_login(superuser)
    rows = statistics_rows(client.get(reverse("moderation_rule_statistics")).content.decode())
    assert rows and all(row == (1, 1, 0, "100%") for row in rows.values())


# The near-duplicate search itself, with decisions on record ------------------------------


def record(site, decision, lang, passage_text, comment="Нельзя."):
    from django.contrib.contenttypes.models import ContentType

    return ModerationDecision.objects.create(
        site=site,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(site.root_page_id),
        object_title="Жаңылык",
        decision=decision,
        comment=comment,
        findings=[
            {
                "rule_id": "defamation.heads.ru",
                "category": "defamation",
                "lang": lang,
                "excerpt": "x",
                "passage": passage_text,
            }
        ],
    )


def test_only_the_schools_own_decisions_sent_back_in_the_same_language_are_cited(
    demo_site, other_school
):
    from moderation.checker import SchoolFacts
    from moderation.content import TextField
    from moderation.precedents import precedent_findings

    sent_back = record(demo_site, "reject", "ru", CLAIM_RU)
    record(demo_site, "approve", "ru", CLAIM_RU_AGAIN)  # approvals are not precedents
    text = TextField("Введение", "ru", f"<p>{CLEAN_RU}</p><p>{CLAIM_RU_AGAIN}</p>")

    [finding] = precedent_findings([text], SchoolFacts(site_id=demo_site.pk))
    assert (finding.category, finding.action) == ("precedent", "review")
    assert f"№{sent_back.pk}" in finding.message["ru"] and "«Нельзя.»" in finding.message["ru"]
    assert text.text[finding.start : finding.end] == finding.excerpt == CLAIM_RU_AGAIN
    assert precedent_findings([text], SchoolFacts(site_id=other_school["site"].pk)) == []
    assert precedent_findings([text], SchoolFacts()) == []
    assert (
        precedent_findings(
            [TextField("Киришүү", "ky", CLAIM_RU)], SchoolFacts(site_id=demo_site.pk)
        )
        == []
    )


def test_the_search_reads_the_decisions_in_one_query(demo_site, django_assert_num_queries):
    from moderation.checker import SchoolFacts
    from moderation.content import TextField
    from moderation.precedents import precedent_findings

    for _ in range(20):
        record(demo_site, "reject", "ru", CLAIM_RU)
    texts = [TextField(f"Поле {i}", "ru", CLAIM_RU_AGAIN) for i in range(10)]
    with django_assert_num_queries(1):
        findings = precedent_findings(texts, SchoolFacts(site_id=demo_site.pk))
    assert len(findings) == 10 * 3  # each text cites the three newest decisions at most
