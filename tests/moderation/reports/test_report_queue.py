"""Visitors' reports in the moderators' queue: grouped per page, scoped to the moderator's school,
and resolved by taking the page down or dismissing them."""

import pytest
from django.test import Client
from wagtail.models import Page, PageLogEntry

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from moderation.models import PageReport
from tests.people import make_member, sign_in

from .visitor import HOST, OTHER_HOST, send_report

QUEUE = "/admin/moderation/"

pytestmark = pytest.mark.usefixtures("quick_visitors")


def take_down_url(page) -> str:
    return f"/admin/moderation/reports/{page.pk}/take-down/"


def dismiss_url(page) -> str:
    return f"/admin/moderation/reports/{page.pk}/dismiss/"


def signed_in(site, role_key, username) -> Client:
    return sign_in(Client(), make_member(site, role_key, username=username))


def report_three_times(page, host=HOST):
    send_report(page.pk, "wrong", "Телефон туура эмес.", host=host, ip="198.51.100.1")
    send_report(page.pk, "outdated", "", host=host, ip="198.51.100.2")
    send_report(page.pk, "wrong", "Дарек эскирген.", host=host, ip="198.51.100.3")


def public_status(page, host=HOST) -> int:
    """What a visitor gets at the page's Kyrgyz address (the tests run in Kyrgyz)."""
    return Client().get(page.relative_url(None), HTTP_HOST=host).status_code


def test_repeated_reports_of_a_page_are_one_entry_with_counts(school):
    report_three_times(school.news_page)
    send_report(school.live_page.pk, "harmful", "", ip="198.51.100.4")
    moderator = signed_in(school.site, MODERATOR, "moderator")
    html = moderator.get(QUEUE).content.decode()
    assert html.count('class="moderation-item page-report"') == 2
    entry = html.split(f'id="page-report-{school.news_page.pk}"')[1].split("</article>")[0]
    assert "3 каралбаган билдирүү" in entry
    assert "Туура эмес маалымат: 2" in entry
    assert "Эскирген маалымат: 1" in entry
    assert entry.index("Дарек эскирген.") < entry.index("Телефон туура эмес.")  # latest first
    assert f'href="/admin/pages/{school.news_page.pk}/edit/"' in entry
    assert 'href="http://school1.test/ky/news/fire-drill/"' in entry


def test_a_moderator_takes_the_page_down_and_it_answers_404(school):
    report_three_times(school.news_page)
    assert public_status(school.news_page) == 200
    moderator = signed_in(school.site, MODERATOR, "moderator")
    response = moderator.post(take_down_url(school.news_page), {"note": "Жалган маалымат"})
    assert response.status_code == 302
    assert not Page.objects.get(pk=school.news_page.pk).live
    assert public_status(school.news_page) == 404
    statuses = set(PageReport.objects.values_list("status", "resolution_note"))
    assert statuses == {("taken_down", "Жалган маалымат")}
    actions = set(
        PageLogEntry.objects.filter(page=school.news_page).values_list("action", flat=True)
    )
    assert {"wagtail.unpublish", "mektep.reports.taken_down"} <= actions
    queue = moderator.get(QUEUE).content.decode()
    assert f'id="page-report-{school.news_page.pk}"' not in queue
    assert "Келүүчүлөрдөн каралбаган билдирүүлөр жок." in queue


def test_taking_down_needs_a_reason(school):
    report_three_times(school.news_page)
    moderator = signed_in(school.site, MODERATOR, "moderator")
    response = moderator.post(take_down_url(school.news_page), {"note": "  "}, follow=True)
    assert "Бет эмне үчүн сайттан алынып жатканын бир нече сөз менен жазыңыз." in (
        response.content.decode()
    )
    assert Page.objects.get(pk=school.news_page.pk).live
    assert PageReport.objects.filter(status="open").count() == 3


def test_the_home_page_is_never_taken_down_from_a_report_but_its_reports_can_be_dismissed(
    school, superuser
):
    home = school.site.root_page
    send_report(home.pk, "wrong", "Башкы бетте ката бар.")
    platform_admin = sign_in(Client(), superuser, password="correct horse battery")
    for client in (signed_in(school.site, MODERATOR, "moderator"), platform_admin):
        html = client.post(take_down_url(home), {"note": "Ката"}, follow=True).content.decode()
        assert "Мектептин башкы бетин сайттан алууга болбойт" in html
        assert Page.objects.get(pk=home.pk).live
    moderator = signed_in(school.site, MODERATOR, "moderator2")
    moderator.post(dismiss_url(home), {"note": "Редактор оңдойт"})
    report = PageReport.objects.get()
    assert (report.status, report.resolution_note) == ("dismissed", "Редактор оңдойт")
    assert public_status(home) == 200


def test_dismissing_keeps_the_page_and_the_reports_as_history(school):
    report_three_times(school.news_page)
    moderator = signed_in(school.site, MODERATOR, "moderator")
    response = moderator.post(dismiss_url(school.news_page), {"note": ""}, follow=True)
    assert "билдирүүлөр четке кагылды; бет сайтта калат" in response.content.decode()
    assert Page.objects.get(pk=school.news_page.pk).live
    assert list(PageReport.objects.values_list("status", flat=True)) == ["dismissed"] * 3
    assert PageLogEntry.objects.filter(
        page=school.news_page, action="mektep.reports.dismissed"
    ).exists()
    # A later report starts a new entry.
    send_report(school.news_page.pk, "other", ip="198.51.100.9")
    assert "1 каралбаган билдирүү" in moderator.get(QUEUE).content.decode()


def test_another_schools_moderator_never_sees_or_acts_on_the_reports(school, other_school):
    report_three_times(school.news_page)
    stranger = signed_in(other_school.site, MODERATOR, "stranger")
    queue = stranger.get(QUEUE).content.decode()
    assert "Өрт машыгуусу" not in queue
    assert "Телефон туура эмес." not in queue
    for url in (take_down_url(school.news_page), dismiss_url(school.news_page)):
        assert stranger.get(url).status_code == 404
        assert stranger.post(url, {"note": "Жок"}).status_code == 404
    assert Page.objects.get(pk=school.news_page.pk).live
    assert PageReport.objects.filter(status="open").count() == 3


@pytest.mark.parametrize("role_key", [EDITOR, SITE_ADMIN, DIRECTOR])
def test_other_roles_of_the_school_do_not_handle_reports(school, role_key):
    """Reports are for the content moderators (Can.HANDLE_REPORTS in accounts/roles.py)."""
    report_three_times(school.news_page)
    client = signed_in(school.site, role_key, role_key)
    queue = client.get(QUEUE)
    assert (queue.status_code, queue.url) == (302, "/admin/")  # Wagtail's refusal
    for url in (take_down_url(school.news_page), dismiss_url(school.news_page)):
        assert client.post(url, {"note": "Жок"}).status_code == 404
    assert PageReport.objects.filter(status="open").count() == 3


def test_the_platform_administrator_sees_and_acts_on_every_schools_reports(
    school, other_school, superuser
):
    report_three_times(school.news_page)
    report_three_times(other_school.news_page, host=OTHER_HOST)
    admin = sign_in(Client(), superuser, password="correct horse battery")
    html = admin.get(QUEUE).content.decode()
    assert f'id="page-report-{school.news_page.pk}"' in html
    assert f'id="page-report-{other_school.news_page.pk}"' in html
    admin.post(dismiss_url(other_school.news_page), {"note": "Маалымат туура"})
    assert PageReport.objects.filter(status="dismissed").count() == 3
    history = admin.get(f"/admin/pages/{other_school.news_page.pk}/history/").content.decode()
    assert "Келүүчүлөрдүн билдирүүлөрү четке кагылды" in history
    assert "Маалымат туура" in history


def test_action_urls_answer_only_post_and_only_for_open_reports(school):
    report_three_times(school.news_page)
    moderator = signed_in(school.site, MODERATOR, "moderator")
    assert moderator.get(take_down_url(school.news_page)).status_code == 405
    assert moderator.post(take_down_url(school.live_page), {"note": "x"}).status_code == 404
    assert moderator.post("/admin/moderation/reports/999999/dismiss/").status_code == 404


def test_a_comment_the_checker_flags_is_marked_for_the_moderator(school):
    send_report(school.news_page.pk, "harmful", "Давайте побьём этого учителя, пусть знает.")
    send_report(school.news_page.pk, "wrong", "Дата туура эмес.", ip="198.51.100.5")
    html = signed_in(school.site, MODERATOR, "moderator").get(QUEUE).content.decode()
    comments = html.split('class="page-report-comments"')[1].split("</ul>")[0].split("<li>")[1:]
    assert "Автоматтык текшерүү бул комментарийди белгиледи:" not in comments[0]
    flagged = "Автоматтык текшерүү бул комментарийди белгиледи:</strong> Зомбулук же коркутуу"
    assert flagged in comments[1]


def test_deleting_a_reported_page_closes_its_reports(school, superuser):
    # A live page is deleted by whoever may both delete and publish: the platform administrator.
    report_three_times(school.news_page)
    admin = sign_in(Client(), superuser, password="correct horse battery")
    response = admin.post(f"/admin/pages/{school.news_page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=school.news_page.pk).exists()
    reports = PageReport.objects.all()
    assert [(report.status, report.page_id) for report in reports] == [("page_deleted", None)] * 3
    assert all(report.resolved_at for report in reports)
    # The deleted page's title stays with the reports, for the history.
    assert {report.page_title for report in reports} == {school.news_page.title}
