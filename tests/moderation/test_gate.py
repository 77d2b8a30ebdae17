"""One gate on every way to publish, driven through the admin as the school's staff use it:
the director's own Publish, bulk publish, scheduled publishing, revert, copy, the workflow's last
approval, a moderator's edit during review, the school profile and announcements."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from cms_pages.models import NewsPage, SchoolProfile, SiteAlert
from moderation.models import ContentCheckTaskState
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

VIOLENT_RU = "Давайте побьём этого учителя, пусть знает своё место."
VIOLENT_KY = "Бул мугалимди уруп салгыла, ал ордун билсин."
# Doubtful, not prohibited: a phone that is not among the school's own (a review finding).
FLAGGED_RU = "По вопросам приёма звоните по номеру +996 3133 2-99-99."
FLAGGED_KY = "Кабыл алуу боюнча +996 3133 2-99-99 номерине чалыңыз."
CLEAN_KY = "Жаңы окуу жылы 2-сентябрда салтанаттуу линейка менен башталат."
CLEAN_RU = "Новый учебный год начнётся 2 сентября с торжественной линейки."


def edit_home(client, site, action: str, **changes):
    home = site.root_page
    url = reverse("wagtailadmin_pages:edit", args=[home.pk])
    data = form_data(client.get(url).content.decode(), containing="introduction_ky")
    data.update(changes)
    data[action] = "1"
    return client.post(url, data, follow=True)


def public(client, lang="ru") -> str:
    return client.get(f"/{lang}/").content.decode()


def home(site):
    return Page.objects.get(pk=site.root_page_id).specific


def test_the_directors_publish_of_a_call_to_violence_is_refused_with_the_reasons(
    client, demo_site, people, login_as
):
    login_as(client, people["director"])
    response = edit_home(
        client, demo_site, "action-publish", introduction_ky=VIOLENT_KY, introduction_ru=VIOLENT_RU
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[demo_site.root_page_id]
    )
    assert "автоматтык текшерүү" in html.lower()  # "the automatic check", in Kyrgyz
    assert "<mark>" in html and "побьём" in html
    assert VIOLENT_RU not in public(client) and VIOLENT_KY not in public(client, "ky")
    # The director's text is kept as a draft: nothing typed is lost.
    assert VIOLENT_RU in home(demo_site).get_latest_revision_as_object().introduction_ru


def test_the_directors_publish_of_flagged_text_waits_for_a_moderator(
    client, demo_site, people, login_as
):
    login_as(client, people["director"])
    html = edit_home(
        client, demo_site, "action-publish", introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU
    ).content.decode()
    assert "модератор" in html
    assert FLAGGED_RU not in public(client)

    # Clean text is published by the same button at once.
    edit_home(
        client, demo_site, "action-publish", introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU
    )
    assert CLEAN_RU in public(client) and CLEAN_KY in public(client, "ky")


def news_pages(site):
    return list(NewsPage.objects.descendant_of(site.root_page).live().order_by("pk")[:2])


def save_draft(page, **fields):
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    return page.save_revision()


def test_bulk_publish_publishes_nothing_when_one_page_is_refused(
    client, demo_site, people, login_as
):
    bad, good = news_pages(demo_site)
    save_draft(bad, intro_ru=VIOLENT_RU, intro_ky=VIOLENT_KY)
    save_draft(good, title_ru="Новый заголовок новости", title_ky="Жаңылыктын жаңы аталышы")
    login_as(client, people["director"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(
        f"{url}?id={bad.pk}&id={good.pk}&next=/admin/", {"include_descendants": ""}, follow=True
    )
    assert response.status_code == 200
    assert "<mark>" in response.content.decode()
    bad.refresh_from_db()
    good.refresh_from_db()
    assert VIOLENT_RU not in bad.specific.intro_ru
    assert good.specific.title_ru != "Новый заголовок новости"
    assert bad.has_unpublished_changes and good.has_unpublished_changes

    # Without the refused page, bulk publish goes ahead.
    client.post(f"{url}?id={good.pk}&next=/admin/", {"include_descendants": ""})
    good.refresh_from_db()
    assert good.specific.title_ru == "Новый заголовок новости"


def test_scheduled_publishing_checks_again_when_the_time_comes(demo_site):
    bad, good = news_pages(demo_site)
    past = timezone.now() - timedelta(minutes=5)
    for page, fields in (
        (bad, {"intro_ru": VIOLENT_RU, "intro_ky": VIOLENT_KY}),
        (good, {"title_ru": "Заголовок по расписанию", "title_ky": "Мөөнөттүү аталыш"}),
    ):
        revision = save_draft(page, **fields)
        revision.approved_go_live_at = past
        revision.save()

    call_command("publish_scheduled")

    bad.refresh_from_db()
    good.refresh_from_db()
    assert VIOLENT_RU not in bad.specific.intro_ru
    assert good.specific.title_ru == "Заголовок по расписанию"
    assert bad.get_latest_revision().approved_go_live_at is None  # not retried every minute
    assert PageLogEntry.objects.filter(page=bad, action="mektep.publish.refused").exists()


def test_scheduling_refused_content_is_refused_at_once(client, demo_site, people, login_as):
    login_as(client, people["director"])
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    edit_home(
        client,
        demo_site,
        "action-publish",
        introduction_ky=VIOLENT_KY,
        introduction_ru=VIOLENT_RU,
        go_live_at=later,
    )
    assert home(demo_site).get_latest_revision().approved_go_live_at is None


def test_reverting_to_a_refused_revision_is_refused(client, demo_site, people, login_as):
    page = news_pages(demo_site)[0]
    old = save_draft(page, intro_ru=VIOLENT_RU, intro_ky=VIOLENT_KY)
    save_draft(page, intro_ru="Обычный текст", intro_ky="Жөнөкөй текст")
    login_as(client, people["director"])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk])
    data = form_data(client.get(url).content.decode(), containing="intro_ky")
    assert VIOLENT_RU in data["intro_ru"]
    data["action-publish"] = "1"
    html = client.post(url, data, follow=True).content.decode()
    assert "<mark>" in html
    page.refresh_from_db()
    assert VIOLENT_RU not in page.specific.intro_ru


def test_copying_with_publish_is_refused_for_content_that_would_not_pass(
    client, demo_site, people, login_as
):
    page = news_pages(demo_site)[0].specific
    # Live text from before a rule existed: the database holds it as published.
    NewsPage.objects.filter(pk=page.pk).update(intro_ru=VIOLENT_RU, intro_ky=VIOLENT_KY)
    login_as(client, people["director"])
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    count = NewsPage.objects.count()
    data = {
        "new_title_ky": "Көчүрмө",
        "new_title_ru": "Копия",
        "new_title": "Көчүрмө",
        "new_slug": "copy-of-news",
        "new_parent_page": page.get_parent().pk,
        "publish_copies": "on",
    }
    html = client.post(url, data, follow=True).content.decode()
    assert "<mark>" in html
    assert NewsPage.objects.count() == count

    # A copy kept as a draft is allowed: nothing goes live.
    data.pop("publish_copies")
    client.post(url, data)
    assert NewsPage.objects.count() == count + 1
    assert not NewsPage.objects.get(slug="copy-of-news").live


def test_the_last_approval_is_refused_whole_when_the_revision_no_longer_passes(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    edit_home(
        client, demo_site, "action-submit", introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU
    )
    page = home(demo_site)
    state = page.current_workflow_state
    task_state = state.current_task_state
    # A revision that reached the workflow without the edit view (e.g. an older client).
    save_draft(page, introduction_ru=VIOLENT_RU, introduction_ky=VIOLENT_KY)

    login_as(client, people["director"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert "<mark>" in response.content.decode()
    assert VIOLENT_RU not in public(client)
    task_state.refresh_from_db()
    state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS  # rolled back whole
    assert state.status == state.STATUS_IN_PROGRESS


def test_a_moderators_save_during_review_restarts_the_workflow_from_the_check(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    edit_home(
        client, demo_site, "action-submit", introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU
    )
    first = home(demo_site).current_workflow_state
    assert first.current_task_state.task.specific.__class__.__name__ == "ModeratorReviewTask"

    login_as(client, people["moderator"])
    html = edit_home(
        client, demo_site, "action-save", introduction_ky=VIOLENT_KY, introduction_ru=VIOLENT_RU
    ).content.decode()
    assert "автоматтык текшерүү" in html.lower()
    first.refresh_from_db()
    assert first.status == first.STATUS_CANCELLED
    state = home(demo_site).current_workflow_state
    assert state.requested_by == people["editor"]
    check = ContentCheckTaskState.objects.filter(workflow_state=state).get()
    assert check.revision_id == home(demo_site).get_latest_revision().pk
    assert check.verdict == "reject"
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert VIOLENT_RU not in public(client)


def test_a_rejected_submission_is_shown_and_e_mailed_as_a_rejection(
    client, demo_site, people, login_as
):
    editor = people["editor"]
    login_as(client, editor)
    response = edit_home(
        client, demo_site, "action-submit", introduction_ky=VIOLENT_KY, introduction_ru=CLEAN_RU
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"/pages/{demo_site.root_page_id}/edit/")
    assert "текшерүүгө жөнөтүлдү" not in html.lower()  # no green "submitted" message
    assert "<mark>" in html and "уруп" in html
    assert "Зомбулук" in html  # the category, in Kyrgyz
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "уруп" in message.body and "автоматтык" in message.subject.lower()


def profile_url(site):
    profile = SchoolProfile.for_site(site)
    return reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])


def test_a_school_profile_with_prohibited_text_is_not_published_and_keeps_what_was_typed(
    admin_client, demo_site
):
    url = profile_url(demo_site)
    data = form_data(admin_client.get(url).content.decode(), containing="full_name_ky")
    data["working_hours_ru"] = "Пн–Пт 8:00–17:00. " + VIOLENT_RU
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url
    assert "<mark>" in html and "побьём" in html and "автоматтык текшерүү" in html.lower()
    assert VIOLENT_RU not in admin_client.get("/ru/").content.decode()
    assert VIOLENT_RU not in SchoolProfile.for_site(demo_site).working_hours_ru
    # The draft keeps what was typed, to be corrected.
    assert VIOLENT_RU in admin_client.get(url).content.decode()


def test_an_announcement_with_prohibited_text_is_not_published(admin_client, demo_site):
    url = reverse("wagtailsnippets_cms_pages_sitealert:add")
    data = form_data(admin_client.get(url).content.decode(), containing="message_ky")
    data.update(
        site=str(demo_site.pk),
        severity="danger",
        message_ky=VIOLENT_KY,
        message_ru=VIOLENT_RU,
        **{"action-publish": "action-publish"},
    )
    html = admin_client.post(url, data, follow=True).content.decode()
    assert "<mark>" in html and "уруп" in html
    alert = SiteAlert.objects.get()
    assert not alert.live
    assert VIOLENT_RU not in admin_client.get("/ru/").content.decode()

    edit = reverse("wagtailsnippets_cms_pages_sitealert:edit", args=[alert.pk])
    data.update(message_ky="Эртең суу болбойт.", message_ru="Завтра не будет воды.")
    assert admin_client.post(edit, data).status_code == 302
    alert.refresh_from_db()
    assert alert.live and alert.message_ru == "Завтра не будет воды."
    assert "Завтра не будет воды." in admin_client.get("/ru/").content.decode()


def test_moving_a_live_page_whose_text_would_not_pass_is_refused(
    client, demo_site, people, login_as
):
    page = news_pages(demo_site)[0]
    NewsPage.objects.filter(pk=page.pk).update(intro_ru=VIOLENT_RU, intro_ky=VIOLENT_KY)
    parent_before = page.get_parent().pk
    login_as(client, people["director"])
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, demo_site.root_page_id])
    html = client.post(url, follow=True).content.decode()
    assert "<mark>" in html
    page.refresh_from_db()
    assert page.get_parent().pk == parent_before
