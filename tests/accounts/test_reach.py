"""What no role reaches: Wagtail's default groups hold no rights on the root (every school), and
the automatic check's decisions are logged under its own name, not the submitting editor's."""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, PageLogEntry

from accounts.roles import EDITOR
from moderation.system_account import USERNAME
from tests.accounts.test_permission_matrix import submit_draft


def test_no_group_but_a_schools_holds_rights_on_the_root_page_or_collection(school):
    assert not GroupPagePermission.objects.filter(page__depth=1).exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    # The school's own groups hold their rights on the school's home page only.
    rights = GroupPagePermission.objects.filter(group__school_role__site=school.site)
    assert rights.exists()
    assert set(rights.values_list("page", flat=True)) == {school.site.root_page_id}


def test_the_automatic_check_approves_under_its_own_name(member_client, school):
    client = member_client(EDITOR)
    submit_draft(client, school.draft_page.id)
    decisions = PageLogEntry.objects.filter(
        page=school.draft_page, action="wagtail.workflow.approve"
    ).select_related("user")
    assert decisions.exists()
    assert {entry.user.username for entry in decisions} == {USERNAME}
    assert {entry.user_display_name for entry in decisions} == {
        "Автоматтык текшерүү / Автоматическая проверка"
    }
    submitted = PageLogEntry.objects.get(page=school.draft_page, action="wagtail.workflow.start")
    assert submitted.user.username == f"{EDITOR}-{school.site.hostname}"
    history = client.get(reverse("wagtailadmin_pages:history", args=[school.draft_page.id]))
    assert "Автоматтык текшерүү" in history.content.decode()


def test_the_automatic_checks_account_cannot_sign_in(member_client, school, client):
    member_client(EDITOR)
    submit_draft(client, school.draft_page.id)
    from django.contrib.auth import get_user_model

    account = get_user_model().objects.get(username=USERNAME)
    assert not account.is_active
    assert not account.has_usable_password()
    assert not account.groups.exists()
