"""Issue 10, finding 4: Wagtail's own admin screens show a school's people only its own school.

Every admin screen a school role can open is fetched with the ids of another school's pages,
revisions, workflows, documents, images, tags, accounts and announcements; what comes back
must be that school's nothing: a refusal, or a page without a trace of it. The four leaks the
outside testers found have a test each; a platform administrator still sees everything.
"""

import io
import json
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, TaskState, UploadedFile

from accounts.membership import set_active, set_roles
from accounts.roles import DIRECTOR, EDITOR, MODERATOR, ROLES, SITE_ADMIN
from accounts.site_reports.build import build
from accounts.site_reports.models import SiteReport
from cms_pages.models import SchoolProfile
from cms_pages.models.alerts import SiteAlert
from tests.people import make_member, sign_in

pytestmark = pytest.mark.django_db

SECRET = "Мектеп 2 жашыруун долбоор"
# What of the second school must never reach the first school's people: its name (in page,
# site, workflow and task names), its host name (in its accounts' and groups' names), its
# newest draft's title and its tag.
THEIRS = ["Мектеп 2", "school2.test", "жашыруун", "тег2"]


@dataclass
class Holdings:
    """One school with something of every kind an admin screen can show."""

    school: object
    people: dict
    draft: Page  # a draft waiting in the school's publishing workflow
    live: Page  # a live page, locked
    task_state: TaskState
    document: Document
    image: Image
    upload: UploadedFile
    alert: SiteAlert
    session: EditingSession
    report: SiteReport  # this month's report on the site's operation, a draft

    @property
    def site(self):
        return self.school.site

    @property
    def home(self):
        return self.school.site.root_page


def stock(school, number: int, people: dict) -> Holdings:
    title = SECRET if number == 2 else "Мектеп 1 долбоор"
    draft = school.site.root_page.add_child(
        instance=Page(title=title, title_ky=title, title_ru=title, slug="secret", live=False)
    )
    draft.save_revision(user=people[EDITOR], log_action=True)
    workflow_state = draft.get_workflow().start(draft, people[EDITOR])
    live = school.live_page
    live.title = live.title_ky = live.title_ru = f"Мектеп {number} кабар"
    live.save_revision(user=people[DIRECTOR], log_action=True).publish(user=people[DIRECTOR])
    live.locked, live.locked_by, live.locked_at = True, people[SITE_ADMIN], timezone.now()
    live.save()
    PageLogEntry.objects.log_action(live, "wagtail.lock", user=people[SITE_ADMIN])
    collection = SchoolProfile.for_site(school.site).collection
    document = Document(title=f"Мектеп {number} документ", collection=collection)
    document.file.save(f"school{number}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    document.tags.add(f"тег{number}")
    image = Image(title=f"Мектеп {number} сүрөт", collection=collection)
    png = io.BytesIO()
    PILImage.new("RGB", (2, 2)).save(png, "PNG")
    image.file.save(f"school{number}.png", ContentFile(png.getvalue()), save=False)
    image.width = image.height = 2
    image.save()
    image.tags.add(f"тег{number}")
    return Holdings(
        school=school,
        people=people,
        draft=draft,
        live=live,
        task_state=TaskState.objects.filter(workflow_state=workflow_state).latest("pk"),
        document=document,
        image=image,
        upload=UploadedFile.objects.create(
            for_content_type=ContentType.objects.get_for_model(Document),
            file=ContentFile(b"x", name="upload.pdf"),
            uploaded_by_user=people[EDITOR],
        ),
        alert=SiteAlert.objects.create(site=school.site, message=f"Мектеп {number} тревога"),
        session=EditingSession.objects.create(
            user=people[EDITOR],
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(draft.pk),
            last_seen_at=timezone.now(),
        ),
        report=build(school.site, timezone.localdate().replace(day=1), timezone.localdate()),
    )


@pytest.fixture
def ours(school) -> Holdings:
    return stock(school, 1, {key: make_member(school.site, key, f"{key}-ours") for key in ROLES})


@pytest.fixture
def theirs(other_school, ours) -> Holdings:
    # Made after ours: the newest draft of every page type is theirs.
    people = {key: make_member(other_school.site, key) for key in ROLES}
    return stock(other_school, 2, people)


def screens(t: Holdings) -> list[str]:
    """Every admin screen a school role can reach by GET, aimed at `t`'s school."""
    draft, live, home = t.draft.pk, t.live.pk, t.home.pk
    revision = t.draft.latest_revision_id
    state, task = t.task_state, t.task_state.task_id
    workflow = t.task_state.workflow_state.workflow_id
    site, account, doc, img = t.site.pk, t.people[EDITOR].pk, t.document.pk, t.image.pk
    group = t.people[EDITOR].groups.get().pk
    profile = SchoolProfile.for_site(t.site).pk
    return [
        # Dashboard, account, explorer, search
        "/admin/",
        "/admin/account/",
        "/admin/pages/",
        f"/admin/pages/{home}/",
        f"/admin/pages/{home}/results/?q=Мектеп",
        "/admin/pages/search/?q=долбоор",
        "/admin/pages/search/results/?q=долбоор",
        "/admin/pages/usage/wagtailcore/page/",
        "/admin/pages/usage/cms_pages/homepage/results/",
        "/admin/pages/create/wagtailcore/page",
        # The admin API behind the explorer and the editors
        f"/admin/api/main/pages/?child_of={home}",
        f"/admin/api/main/pages/{draft}/",
        "/admin/api/main/pages/?search=Мектеп",
        "/admin/api/main/documents/",
        f"/admin/api/main/documents/{doc}/",
        "/admin/api/main/images/",
        f"/admin/api/main/images/{img}/",
        # One page's screens
        f"/admin/pages/{draft}/edit/",
        f"/admin/pages/{draft}/edit/preview/",
        f"/admin/pages/{draft}/view_draft/",
        f"/admin/pages/{draft}/usage/",
        f"/admin/pages/{draft}/delete/",
        f"/admin/pages/{live}/unpublish/",
        f"/admin/pages/{draft}/copy/",
        f"/admin/pages/{draft}/move/",
        f"/admin/pages/{draft}/move/{home}/confirm/",
        f"/admin/pages/{draft}/privacy/",
        f"/admin/pages/{home}/add_subpage/",
        f"/admin/pages/add/wagtailcore/page/{home}/",
        f"/admin/pages/{draft}/history/",
        f"/admin/pages/{draft}/history/results/",
        f"/admin/pages/{draft}/revisions/",
        f"/admin/pages/{draft}/revisions/{revision}/view/",
        f"/admin/pages/{draft}/revisions/{revision}/revert/",
        f"/admin/pages/{draft}/revisions/{revision}/unschedule/",
        f"/admin/pages/{draft}/revisions/compare/earliest...latest/",
        f"/admin/pages/{draft}/workflow_history/",
        f"/admin/pages/{draft}/workflow_history/detail/{state.workflow_state_id}/",
        f"/admin/pages/workflow/confirm_cancellation/{draft}/",
        f"/admin/pages/workflow/preview/{draft}/{task}/",
        f"/admin/pages/workflow/action/{draft}/approve/{state.pk}/",
        f"/admin/pages/workflow/collect_action_data/{draft}/approve/{state.pk}/",
        f"/admin/pages/{live}/take-down/",
        # Bulk actions' confirmations
        f"/admin/bulk/wagtailcore/page/delete/?id={draft}",
        f"/admin/bulk/wagtailcore/page/publish/?id={draft}",
        f"/admin/bulk/wagtailcore/page/unpublish/?id={live}",
        f"/admin/bulk/wagtailcore/page/move/?id={draft}",
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={home}",
        f"/admin/bulk/wagtaildocs/document/delete/?id={doc}",
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={doc}",
        f"/admin/bulk/wagtailimages/image/add_tags/?id={img}",
        f"/admin/bulk/auth/user/delete/?id={account}",
        f"/admin/bulk/cms_pages/sitealert/delete/?id={t.alert.pk}",
        # Choosers
        "/admin/choose-page/",
        f"/admin/choose-page/{home}/",
        "/admin/choose-page/?page_type=wagtailcore.page",
        "/admin/choose-page/?page_type=cms_pages.newsindexpage",
        "/admin/choose-page/search/?q=долбоор",
        f"/admin/choose-page/chosen-multiple/?id={draft}&id={live}",
        "/admin/documents/chooser/?q=Мектеп",
        f"/admin/documents/chooser/chosen/{doc}/",
        f"/admin/documents/chooser/chosen-multiple/?id={doc}",
        "/admin/images/chooser/",
        f"/admin/images/chooser/chosen/{img}/",
        f"/admin/images/chooser/{img}/select_format/",
        "/admin/snippets/choose/cms_pages/sitealert/",
        f"/admin/snippets/choose/cms_pages/sitealert/chosen/{t.alert.pk}/",
        "/admin/workflows/task_chooser/",
        f"/admin/workflows/task_chooser/{task}/",
        "/admin/tag-autocomplete/?term=тег",
        "/admin/tag-autocomplete/taggit/tag/?term=тег",
        # Reports, with filters aimed at the other school
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        f"/admin/reports/workflow/?requested_by={account}",
        "/admin/reports/workflow_tasks/",
        f"/admin/reports/workflow_tasks/?workflow={workflow}",
        "/admin/reports/site-history/",
        f"/admin/reports/site-history/results/?user={account}",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        f"/admin/reports/page-types-usage/results/?site={t.home.path}",
        "/admin/reports/site-history/?export=csv",
        "/admin/reports/workflow/?export=csv",
        "/admin/reports/page-types-usage/?export=csv",
        "/admin/reports/account-events/",
        f"/admin/reports/account-events/?school={site}",
        "/admin/statistics/",
        f"/admin/statistics/?school={site}",
        f"/admin/statistics/csv/?school={site}",
        # Documents, images, collections, workflows, snippets, settings, accounts
        "/admin/documents/",
        f"/admin/documents/edit/{doc}/",
        f"/admin/documents/usage/{doc}/",
        "/admin/images/",
        f"/admin/images/{img}/",
        f"/admin/images/usage/{img}/",
        f"/admin/images/{img}/preview/original/",
        "/admin/collections/",
        f"/admin/collections/{t.document.collection_id}/privacy/",
        "/admin/workflows/list/",
        f"/admin/workflows/usage/{workflow}/",
        f"/admin/workflows/tasks/edit/{task}/",
        "/admin/forms/",
        "/admin/redirects/",
        "/admin/snippets/cms_pages/sitealert/",
        "/admin/snippets/cms_pages/sitealert/?export=csv",
        f"/admin/snippets/cms_pages/sitealert/edit/{t.alert.pk}/",
        f"/admin/snippets/cms_pages/sitealert/history/{t.alert.pk}/",
        "/admin/snippets/cms_pages/schoolprofile/",
        f"/admin/snippets/cms_pages/schoolprofile/edit/{profile}/",
        f"/admin/snippets/cms_pages/schoolprofile/history/{profile}/",
        "/admin/sites/",
        "/admin/users/",
        f"/admin/users/edit/{account}/",
        f"/admin/groups/edit/{group}/",
        "/admin/school-accounts/",
        f"/admin/school-accounts/{site}/",
        f"/admin/school-accounts/{site}/{account}/roles/",
        "/admin/moderation/",
        "/admin/moderation/rules/",
        "/admin/site-reports/",
        f"/admin/site-reports/{site}/",
        f"/admin/site-reports/report/{t.report.pk}/",
        f"/admin/site-reports/report/{t.report.pk}/approve/",
        f"/admin/site-reports/report/{t.report.pk}/report.html",
        f"/admin/site-reports/report/{t.report.pk}/report.pdf",
    ]


def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    try:  # the admin API and modal responses escape non-ASCII letters
        return text + json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def what_leaks(client, url: str) -> list[str]:
    """What of the other school `url` shows; a refusal shows nothing."""
    response = client.get(url)
    if response.status_code == 302 and response.url in {"/admin/", "/admin/two-factor/"}:
        return []  # Wagtail's "permission denied": back to the dashboard (a screen above)
    if response.status_code == 302:
        response = client.get(response.url, follow=True)
    if response.status_code in {400, 403, 404, 405}:
        return []
    assert response.status_code == 200, (url, response.status_code)
    text = text_of(response)
    return [mark for mark in THEIRS if mark in text]


@pytest.mark.parametrize("role", [EDITOR, SITE_ADMIN, MODERATOR, DIRECTOR])
def test_no_admin_screen_shows_another_schools_data(client, ours, theirs, role):
    """Aimed at the other school's objects, and at one's own (whose screens offer choices)."""
    sign_in(client, ours.people[role])
    urls = screens(theirs) + screens(ours)
    leaks = {url: found for url in urls if (found := what_leaks(client, url))}
    assert not leaks, leaks


# The four leaks the outside testers reported ----------------------------------------------


def test_page_types_usage_shows_the_newest_draft_of_ones_own_school(client, ours, theirs):
    sign_in(client, ours.people[EDITOR])
    page = client.get("/admin/reports/page-types-usage/").content.decode()
    assert SECRET not in page and "Мектеп 2" not in page
    assert "Мектеп 1 долбоор" in page or "Мектеп 1 кабар" in page


def test_user_filters_of_site_history_and_workflow_reports_list_only_ones_own_school(
    client, ours, theirs
):
    sign_in(client, ours.people[DIRECTOR])
    for url in [
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ]:
        page = client.get(url).content.decode()
        assert "school2.test" not in page and "Мектеп 2" not in page, url
    assert "editor-ours" in client.get("/admin/reports/site-history/").content.decode()
    assert "editor-ours" in client.get("/admin/reports/workflow/").content.decode()


def test_the_workflow_cancellation_confirmation_shows_only_ones_own_pages(client, ours, theirs):
    sign_in(client, ours.people[DIRECTOR])
    response = client.get(
        f"/admin/pages/workflow/confirm_cancellation/{theirs.draft.pk}/",
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code in {403, 404}
    assert "Мектеп 2" not in response.content.decode()
    own = client.get(f"/admin/pages/workflow/confirm_cancellation/{ours.draft.pk}/")
    assert own.status_code == 200 and "Мектеп 1" in text_of(own)


def test_an_account_in_two_schools_has_each_schools_events_seen_only_by_that_school(
    client, school, other_school
):
    shared = make_member(school.site, EDITOR, username="shared-person")
    their_admin = make_member(other_school.site, SITE_ADMIN)
    set_roles(other_school.site, their_admin, shared, [EDITOR, MODERATOR])
    set_active(other_school.site, their_admin, make_member(other_school.site, EDITOR), False)
    sign_in(Client(), shared)

    sign_in(client, make_member(school.site, SITE_ADMIN, username="admin-ours"))
    page = client.get("/admin/reports/account-events/").content.decode()
    assert "shared-person" in page  # the account is also ours, with its own sign-in
    assert their_admin.username not in page  # who granted it roles at the other school

    # Someone who administers both schools reads each school's events apart.
    both = make_member(school.site, SITE_ADMIN, username="admin-of-both")
    both.groups.add(their_admin.groups.get())
    client.logout()
    sign_in(client, both)
    first = client.get(f"/admin/reports/account-events/?school={school.site.pk}")
    second = client.get(f"/admin/reports/account-events/?school={other_school.site.pk}")
    assert their_admin.username not in first.content.decode()
    assert their_admin.username in second.content.decode()


# What is scoped still works, and a platform administrator still sees everything ---------------


def test_scoped_screens_still_offer_ones_own_school(client, ours, theirs):
    sign_in(client, ours.people[DIRECTOR])
    explorer = client.get(f"/admin/pages/{ours.home.pk}/").content.decode()
    assert "editor-ours" in explorer  # "edited by" filter
    privacy = client.get(f"/admin/pages/{ours.live.pk}/privacy/")
    assert "school1.test · editor" in text_of(privacy)
    assert "тег1" in client.get("/admin/images/").content.decode()
    assert "тег1" in text_of(client.get("/admin/images/chooser/"))
    assert client.get("/admin/tag-autocomplete/?term=тег").json() == ["тег1"]
    chooser = client.get(f"/admin/choose-page/{ours.home.pk}/")
    assert "Мектеп 1 долбоор" in text_of(chooser)
    chosen = client.get(f"/admin/choose-page/chosen-multiple/?id={ours.live.pk}")
    assert "Мектеп 1 кабар" in text_of(chosen)
    api = client.get("/admin/api/main/documents/").json()
    assert [item["title"] for item in api["items"]] == ["Мектеп 1 документ"]


def test_a_platform_administrator_still_sees_every_school(admin_client, ours, theirs):
    sign_in(Client(), theirs.people[EDITOR])
    for url, expected in [
        ("/admin/reports/page-types-usage/", "Мектеп 2"),
        ("/admin/reports/site-history/", "editor-school2.test"),
        ("/admin/reports/workflow/", "editor-school2.test"),
        (f"/admin/pages/workflow/confirm_cancellation/{theirs.draft.pk}/", "Мектеп 2"),
        (f"/admin/choose-page/{theirs.home.pk}/", SECRET),
        ("/admin/choose-page/search/?q=жашыруун", SECRET),
        ("/admin/tag-autocomplete/?term=тег", "тег2"),
        ("/admin/api/main/documents/", "Мектеп 2 документ"),
        ("/admin/workflows/task_chooser/", "Мектеп 2"),
        ("/admin/snippets/choose/cms_pages/sitealert/", "Мектеп 2 тревога"),
        (f"/admin/bulk/wagtailcore/page/delete/?id={theirs.draft.pk}", SECRET),
        (f"/admin/reports/account-events/?school={theirs.site.pk}", "editor-school2.test"),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200 and expected in text_of(response), url
