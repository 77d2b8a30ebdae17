"""Names of the school's leadership checked against its published leadership page, through the
admin: an editor writes a news article, submits it, and the check and the moderation queue name
both the name in the text and the one on record."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms_pages.models import Leader, LeadershipPage, NewsIndexPage, NewsPage
from moderation.facts import school_facts
from moderation.models import ContentCheckTaskState
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

# The demo school's head (cms_pages/data/demo_disclosure.yaml) and a deputy.
HEAD_KY = "Бекмуратова Айнура Калый кызы"
HEAD_RU = "Бекмуратова Айнура Калыевна"
DEPUTY_RU = "Орозбаев Мирлан Токтоматович"
DEPUTY_POSITION_RU = "Заместитель директора по учебно-воспитательной работе"


def submit_article(client, site, slug, intro_ky, intro_ru) -> NewsPage:
    """The editor adds a news article in the admin and presses "Submit for moderation"."""
    news = NewsIndexPage.objects.child_of(site.root_page).get()
    url = reverse("wagtailadmin_pages:add", args=["cms_pages", "newspage", news.pk])
    data = form_data(client.get(url).content.decode(), containing="intro_ky")
    data.update(
        title_ky="Бүтүрүүчүлөр куттукталды",
        title_ru="Выпускников поздравили",
        slug=slug,
        date=datetime.date(2025, 6, 1).isoformat(),
        intro_ky=intro_ky,
        intro_ru=intro_ru,
    )
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(slug=slug).specific


def check_of(page) -> ContentCheckTaskState:
    return ContentCheckTaskState.objects.get(workflow_state=page.current_workflow_state)


def test_the_facts_hold_the_published_head_and_deputies_with_their_titles(demo_site):
    facts = school_facts(demo_site)
    assert facts.head_names() == {"ky": [HEAD_KY], "ru": [HEAD_RU]}
    deputy = next(leader for leader in facts.leaders if leader.name["ru"] == DEPUTY_RU)
    assert (deputy.role, deputy.position["ru"]) == ("deputy", DEPUTY_POSITION_RU)
    assert facts.site_id == demo_site.pk


def test_a_draft_of_the_leadership_page_is_not_the_record(demo_site):
    page = LeadershipPage.objects.descendant_of(demo_site.root_page).get()
    head = page.leaders.get(role=Leader.HEAD)
    head.surname_ky = head.surname_ru = "Бакирова"
    page.leaders = [head, *page.leaders.exclude(pk=head.pk)]
    page.save_revision()  # a draft waiting for approval
    assert school_facts(demo_site).head_names()["ru"] == [HEAD_RU]


def test_a_news_article_with_a_wrong_directors_name_names_both_in_the_check_and_the_queue(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_article(
        client,
        demo_site,
        "graduates",
        intro_ky="Мектептин директору Бакиров Нурлан бүтүрүүчүлөрдү куттуктады.",
        intro_ru="Директор школы Бакиров Нурлан поздравил выпускников.",
    )
    check = check_of(page)
    found = {f["lang"]: f for f in check.findings if f["rule_id"] == "discrepancy.director"}
    assert set(found) == {"ky", "ru"}
    assert found["ru"]["excerpt"] == "Бакиров Нурлан" and found["ru"]["action"] == "review"
    assert "Бакиров Нурлан" in found["ru"]["message"]["ru"]
    assert HEAD_RU in found["ru"]["message"]["ru"]
    assert HEAD_KY in found["ky"]["message"]["ky"]
    assert page.current_workflow_state.current_task_state.task.specific.__class__.__name__ == (
        "ModeratorReviewTask"
    )

    login_as(client, people["moderator"])
    queue = client.get(reverse("moderation_queue")).content.decode()
    assert "<mark>Бакиров Нурлан</mark>" in queue
    assert HEAD_KY in queue  # the reasons are in the moderator's language


def test_a_deputy_called_director_in_a_news_article_names_the_recorded_title(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    page = submit_article(
        client,
        demo_site,
        "meeting",
        intro_ky="Мектептин директору Орозбаев Мирлан ата-энелер менен жолукту.",
        intro_ru="Директор школы Орозбаев Мирлан встретился с родителями.",
    )
    [finding] = [
        f
        for f in check_of(page).findings
        if f["rule_id"] == "discrepancy.leader_title" and f["lang"] == "ru"
    ]
    assert DEPUTY_RU in finding["message"]["ru"]
    assert DEPUTY_POSITION_RU in finding["message"]["ru"]
    assert HEAD_RU in finding["message"]["ru"]


def test_the_recorded_directors_name_passes(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    page = submit_article(
        client,
        demo_site,
        "congratulations",
        intro_ky="Мектептин директору Бекмуратова Айнура бүтүрүүчүлөрдү куттуктады.",
        intro_ru="Директор школы А. К. Бекмуратова поздравила выпускников.",
    )
    assert [f for f in check_of(page).findings if f["category"] == "discrepancy"] == []
