"""The report on the site's operation (issue 16, part 3): built for a period from the school's own
changes, disclosures, messages and moderation; approved by the director alone, then frozen;
downloaded as HTML and PDF; invisible to every other school's staff."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from accounts.site_reports.build import build, month_of
from accounts.site_reports.models import SiteReport
from cms_pages.models import SchoolProfile, VisitorMessage
from tests.cms_pages.public_site import news_index
from tests.cms_pages.statistics_visits import GOOGLEBOT, browser, flush_page_views
from tests.pdf_text import pdf_text
from tests.people import make_member, sign_in
from tests.schools import build_school

pytestmark = pytest.mark.django_db

ARTICLE_KY = "Мектептин жаңы спорт залы ачылды"
ARTICLE_RU = "Открылся новый спортзал школы"


def member(site, role_key, username=None) -> Client:
    return sign_in(Client(), make_member(site, role_key, username))


def publish_news(site, user):
    from cms_pages.models import NewsPage

    article = NewsPage(
        slug="new-gym",
        title=ARTICLE_KY,
        title_ky=ARTICLE_KY,
        title_ru=ARTICLE_RU,
        intro_ky="Жаңы спорт зал.",
        intro_ru="Новый спортзал.",
        body_ky="<p>Мектепте жаңы спорт зал ачылды.</p>",
        body_ru="<p>В школе открылся новый спортзал.</p>",
        date=timezone.localdate(),
    )
    news_index(site).add_child(instance=article)
    article.save_revision(user=user).publish(user=user)
    return article


def receive_message(site):
    return VisitorMessage.receive(
        site=site,
        language="ky",
        name="Айгүл Токтогулова",
        email="aigul@example.kg",
        topic="admission",
        text="Биринчи класска кабыл алуу качан башталат?",
        consent_given_at=timezone.now(),
        screening=VisitorMessage.Screening.CLEAR,
    )


@pytest.fixture
def other_site(db) -> Site:
    return build_school("school2.test", "Мектеп 2").site


@pytest.fixture
def director(demo_site):
    return make_member(demo_site, DIRECTOR, "director-reports")


@pytest.fixture
def director_client(director) -> Client:
    # Signed in once: a second sign-in within 30 s would repeat a used two-step code.
    return sign_in(Client(), director)


@pytest.fixture
def report(demo_site, director, director_client) -> SiteReport:
    """This month's report of the demo school after a publish and a visitor's message."""
    publish_news(demo_site, director)
    receive_message(demo_site)
    response = director_client.post(reverse("accounts_site_report_build", args=[demo_site.pk]))
    assert response.status_code == 302
    return SiteReport.objects.get(site=demo_site)


def refused(response) -> bool:
    """Wagtail's answer to a permission refused: back to the dashboard, saying so."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def report_urls(report) -> list[tuple[str, str]]:
    return [
        ("get", reverse("accounts_site_reports", args=[report.site_id])),
        ("post", reverse("accounts_site_report_build", args=[report.site_id])),
        ("get", reverse("accounts_site_report", args=[report.pk])),
        ("get", reverse("accounts_site_report_approve", args=[report.pk])),
        ("post", reverse("accounts_site_report_approve", args=[report.pk])),
        ("post", reverse("accounts_site_report_review_period", args=[report.pk])),
        ("get", reverse("accounts_site_report_html", args=[report.pk])),
        ("get", reverse("accounts_site_report_pdf", args=[report.pk])),
    ]


def test_the_report_lists_this_months_publish_with_who_and_when(
    director_client, demo_site, director, report
):
    client = director_client
    response = client.get(reverse("accounts_site_report", args=[report.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert report.period_start == month_of(timezone.localdate())[0]
    assert report.period_end == timezone.localdate()
    row = html.split(ARTICLE_KY, 1)[0].rsplit('<tr class="site-report-change"', 1)[1]
    assert 'data-action="wagtail.publish"' in row
    assert "director-reports" in html.split(ARTICLE_KY, 1)[1].split("</tr>", 1)[0]
    entry = PageLogEntry.objects.get(action="wagtail.publish", page__title_ky=ARTICLE_KY)
    with translation.override("ky"):
        shown = date_format(timezone.localtime(entry.timestamp), "SHORT_DATETIME_FORMAT")
    assert f"<td>{shown}</td>" in row
    assert 'id="report-completeness"' in html
    assert html.count("data-disclosure-item=") == 12
    assert '<li data-count="received">' in html
    received = html.split('<li data-count="received">', 1)[1].split("</li>", 1)[0]
    assert received.strip().endswith(": 1")
    # Built in Russian too, for readers whose admin is in Russian.
    assert report.content_in("ru")["changes"][0]["title"] == ARTICLE_RU


def test_another_schools_staff_get_404_on_every_report_url(demo_site, report, other_site):
    before = SiteReport.objects.count()
    for role_key in (SITE_ADMIN, DIRECTOR, EDITOR, MODERATOR):
        outsider = member(other_site, role_key, f"outsider-{role_key}")
        for method, url in report_urls(report):
            response = getattr(outsider, method)(url, {"disclosure_review_days": "5"})
            assert response.status_code == 404, (role_key, method, url)
    assert SiteReport.objects.count() == before
    report.refresh_from_db()
    assert not report.is_approved
    assert SchoolProfile.for_site(demo_site).disclosure_review_days == 90


def test_the_platform_administrator_sees_every_school_but_does_not_approve(admin_client, report):
    assert admin_client.get(reverse("accounts_site_report", args=[report.pk])).status_code == 200
    url = reverse("accounts_site_report_approve", args=[report.pk])
    assert refused(admin_client.post(url))
    report.refresh_from_db()
    assert not report.is_approved


def test_the_site_administrator_sees_and_builds_but_cannot_approve(demo_site, report):
    client = member(demo_site, SITE_ADMIN)
    html = client.get(reverse("accounts_site_report", args=[report.pk])).content.decode()
    assert ARTICLE_KY in html
    assert reverse("accounts_site_report_approve", args=[report.pk]) not in html
    assert 'name="disclosure_review_days"' not in html
    assert refused(client.get(reverse("accounts_site_report_approve", args=[report.pk])))
    assert refused(client.post(reverse("accounts_site_report_approve", args=[report.pk])))
    report.refresh_from_db()
    assert report.approved_at is None and report.approved_by is None
    response = client.post(reverse("accounts_site_report_build", args=[demo_site.pk]))
    assert response.status_code == 302
    assert SiteReport.objects.filter(site=demo_site).count() == 1


def test_editors_and_moderators_of_the_school_do_not_see_reports(demo_site, report):
    for role_key in (EDITOR, MODERATOR):
        client = member(demo_site, role_key)
        response = client.get(reverse("accounts_site_report", args=[report.pk]))
        assert response.status_code == 404
        assert refused(client.get(reverse("accounts_site_reports_index")))


def test_the_director_approves_and_the_approved_report_never_changes(
    director_client, demo_site, director, report
):
    client = director_client
    url = reverse("accounts_site_report_approve", args=[report.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert SiteReport.objects.get(pk=report.pk).approved_at is None
    assert client.post(url).status_code == 302
    report.refresh_from_db()
    assert report.approved_by == director and report.approved_at is not None
    approved_at, content = report.approved_at, report.content
    # Approving again, and building the same period again, leave it as it was.
    client.post(url)
    client.post(reverse("accounts_site_report_build", args=[demo_site.pk]))
    report.refresh_from_db()
    assert (report.approved_at, report.content) == (approved_at, content)
    assert SiteReport.objects.filter(site=demo_site).count() == 2
    assert SiteReport.objects.filter(site=demo_site, approved_at__isnull=True).count() == 1


def test_downloads_are_html_and_pdf_with_the_kyrgyz_school_name(
    director_client, demo_site, director, report
):
    client = director_client
    name_ky = SchoolProfile.for_site(demo_site).full_name_ky
    html = client.get(reverse("accounts_site_report_html", args=[report.pk]))
    assert html["Content-Type"].startswith("text/html")
    assert "-draft.html" in html["Content-Disposition"]
    page = html.content.decode()
    assert name_ky in page and ARTICLE_KY in page and 'data-approved="no"' in page
    pdf = client.get(reverse("accounts_site_report_pdf", args=[report.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert name_ky in pdf_text(pdf.content)


@pytest.mark.parametrize("typed", ["0", "abc", "367", ""])
def test_the_review_period_form_refuses_bad_input_and_keeps_it(
    director_client, demo_site, director, report, typed
):
    client = director_client
    response = client.post(
        reverse("accounts_site_report_review_period", args=[report.pk]),
        {"disclosure_review_days": typed},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Күндөрдүн санын 1ден 366га чейинки бүтүн сан менен жазыңыз." in html
    field = html.split('name="disclosure_review_days"', 1)[1].split(">", 1)[0]
    assert f'value="{typed}"' in field if typed else "value=" not in field
    assert SchoolProfile.for_site(demo_site).disclosure_review_days == 90


def test_the_director_sets_the_review_period_and_it_is_logged(
    director_client, demo_site, director, report
):
    client = director_client
    profile = SchoolProfile.for_site(demo_site)
    response = client.post(
        reverse("accounts_site_report_review_period", args=[report.pk]),
        {"disclosure_review_days": "30"},
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.disclosure_review_days == 30
    if profile.latest_revision is not None:
        assert profile.latest_revision.content["disclosure_review_days"] == 30
    entry = ModelLogEntry.objects.filter(object_id=str(profile.pk), action="wagtail.edit").first()
    assert entry.user == director and entry.data["disclosure_review_days"] == [90, 30]
    rebuilt = build(demo_site, report.period_start, report.period_end)
    assert rebuilt.content["ky"]["completeness"]["review_days"] == 30
    # The site administrator may not change it.
    admin = member(demo_site, SITE_ADMIN)
    url = reverse("accounts_site_report_review_period", args=[report.pk])
    assert refused(admin.post(url, {"disclosure_review_days": "7"}))
    profile.refresh_from_db()
    assert profile.disclosure_review_days == 30


def test_the_monthly_command_builds_one_report_per_school_and_is_idempotent(demo_site, other_site):
    out = io.StringIO()
    call_command("build_site_reports", "--month", "2026-10", stdout=out)
    assert "2 reports built for 2026-10" in out.getvalue()
    reports = SiteReport.objects.filter(period_start=datetime.date(2026, 10, 1))
    assert sorted(reports.values_list("site__hostname", "period_end")) == sorted(
        (site.hostname, datetime.date(2026, 10, 31)) for site in (demo_site, other_site)
    )
    assert all(report.built_by is None for report in reports)
    out = io.StringIO()
    call_command("build_site_reports", "--month", "2026-10", stdout=out)
    assert "0 reports built" in out.getvalue()
    assert SiteReport.objects.count() == 2
    with pytest.raises(CommandError, match="YYYY-MM"):
        call_command("build_site_reports", "--month", "October")


def test_last_months_report_leaves_this_months_changes_out(demo_site, director):
    publish_news(demo_site, director)
    call_command("build_site_reports", stdout=io.StringIO())
    last = SiteReport.objects.get(site=demo_site)
    assert last.period_end < month_of(timezone.localdate())[0]
    assert ARTICLE_KY not in str(last.content)


def test_only_the_schools_own_changes_messages_and_decisions_are_counted(
    demo_site, director, other_site
):
    from moderation.models import ModerationDecision
    from tests.cms_pages.public_site import announce

    publish_news(demo_site, director)
    alert = announce(demo_site, "Эртең сабак жок.", "Завтра занятий нет.")
    alert.save_revision(user=director).publish(user=director)
    outsider = make_member(other_site, DIRECTOR, "other-director")
    other_page = Page.objects.child_of(other_site.root_page).get(slug="notices")
    other_page.title_ky = "Башка мектептин жаңылыгы"
    other_page.save_revision(user=outsider).publish(user=outsider)
    receive_message(other_site)
    now = timezone.now()
    answered = receive_message(demo_site)
    answered.received_at = now - datetime.timedelta(days=3)
    answered.answered_at = now
    answered.due_on = timezone.localdate() + datetime.timedelta(days=10)
    answered.status = VisitorMessage.Status.ANSWERED
    answered.save()
    receive_message(demo_site)
    page_type = ContentType.objects.get_for_model(Page)
    for site, decision in ((demo_site, "reject"), (other_site, "approve")):
        ModerationDecision.objects.create(
            site=site, content_type=page_type, object_id="1", object_title="x", decision=decision
        )
    today = timezone.localdate()
    start = min(today.replace(day=1), (now - datetime.timedelta(days=3)).date())
    body = build(demo_site, start, today).content["ky"]
    titles = [row["title"] for row in body["changes"]]
    assert ARTICLE_KY in titles
    assert "Башка мектептин жаңылыгы" not in str(body)
    announcement = next(row for row in body["changes"] if "Эртең сабак жок." in row["title"])
    assert announcement["who"] == "director-reports"
    assert announcement["admin_url"] == reverse(
        "wagtailsnippets_cms_pages_sitealert:edit", args=[alert.pk]
    )
    messages = body["messages"]
    assert messages["received"] == 2
    assert {row["status"]: row["count"] for row in messages["by_status"]} == {
        "new": 1,
        "in_progress": 0,
        "answered": 1,
        "closed": 0,
    }
    assert messages["answered"] == 1 and messages["median_days"] == 3.0
    assert messages["longest_days"] == 3.0 and messages["overdue"] == 0
    assert body["moderation"]["sent_back"] == 1 and body["moderation"]["approved"] == 0


def test_the_statistics_section_shows_the_views_the_school_was_counted(demo_site, director_client):
    """Views and a search that found nothing, counted and flushed as on a running site (part 2
    of the issue), reach the report; a robot's view does not."""
    parent = browser()
    for path in ("/ky/", "/ky/", "/ru/sveden/employees/"):
        assert parent.get(path).status_code == 200
    browser(GOOGLEBOT).get("/ky/")
    parent.get("/ky/search/?q=бассейнзыяр")
    flush_page_views()

    today = timezone.localdate()
    report = build(demo_site, today.replace(day=1), today)

    statistics = report.content["ky"]["statistics"]
    assert (statistics["views"], statistics["unique_visitors"]) == (3, 1)
    assert statistics["searches_without_results"] == [["бассейнзыяр", 1]]
    html = director_client.get(reverse("accounts_site_report", args=[report.pk])).content
    section = html.decode().split('id="report-statistics"', 1)[1].split("</section>", 1)[0]
    assert "Беттерди кароо: 3" in section and "бассейнзыяр: 1" in section
    pdf = director_client.get(reverse("accounts_site_report_pdf", args=[report.pk])).content
    assert "Беттерди кароо: 3" in pdf_text(pdf)


def test_a_deleted_page_is_listed_with_its_title_and_only_for_its_school(
    demo_site, director, other_site
):
    from wagtail.actions.delete_page import DeletePageAction

    article = publish_news(demo_site, director)
    remover = make_member(demo_site, SITE_ADMIN, "site-admin-removes")
    DeletePageAction(article, user=remover).execute(skip_permission_checks=True)
    today = timezone.localdate()
    body = build(demo_site, today.replace(day=1), today).content["ru"]
    deleted = [row for row in body["changes"] if row["action"] == "wagtail.delete"]
    assert [(row["title"], row["who"], row["admin_url"]) for row in deleted] == [
        (ARTICLE_KY, "site-admin-removes", "")
    ]
    elsewhere = build(other_site, today.replace(day=1), today).content["ru"]
    assert not [row for row in elsewhere["changes"] if row["action"] == "wagtail.delete"]
