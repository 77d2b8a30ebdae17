"""The one table of a school's roles and what each may do (REQUIREMENTS R4, R5).

Code, the README and the permission-matrix test all read `ROLES`; nothing else decides who may
do what. Each capability maps to the Wagtail permissions it needs in `PAGE_GRANTS` and
`COLLECTION_GRANTS`; capabilities that Wagtail has no permission for (taking content down,
managing accounts, the audit report) are checked by our own views against this table.

A platform administrator (a Django superuser) is not a school role: only they create schools
and grant superuser status, and the school roles never carry Django's user or group
permissions, so Wagtail's own Users and Groups screens stay closed to every school account.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Can(StrEnum):
    """What a person may do in their school's admin."""

    OPEN_ADMIN = "open_admin"
    EDIT = "edit"  # write drafts of pages, upload documents and images
    SUBMIT = "submit"  # send a draft into the publishing workflow
    PUBLISH = "publish"  # publish directly, bypassing nobody: the director is the last step
    TAKE_DOWN = "take_down"  # unpublish a live page at once
    DELETE = "delete"
    APPROVE = "approve"  # the director's workflow step
    REVIEW_FLAGGED = "review_flagged"  # the moderation queue
    # Visitors' reports of public pages in the moderation queue: take the page down or dismiss.
    HANDLE_REPORTS = "handle_reports"
    MANAGE_ACCOUNTS = "manage_accounts"  # create, deactivate, reactivate the school's accounts
    GRANT_ROLES = "grant_roles"  # give and take the school's roles (never superuser)
    VIEW_AUDIT = "view_audit"  # the school's account-event report
    # The school profile and announcements: drafts, submission, and (with PUBLISH) publishing.
    EDIT_SCHOOL_RECORDS = "edit_school_records"
    SET_REVIEW_PERIOD = "set_review_period"  # how often disclosures must be reviewed (004 §1.9)
    # The school's inbox of visitors' messages: read, assign, answer, close (issue 12).
    ANSWER_VISITORS = "answer_visitors"
    # The report on the site's operation: read, download and build it (issue 16).
    VIEW_SITE_REPORTS = "view_site_reports"
    # Approve it: the head's decision alone (004 §1.8).
    APPROVE_SITE_REPORT = "approve_site_report"
    # The school's usage statistics: views, searches that found nothing, messages per topic.
    VIEW_STATISTICS = "view_statistics"


@dataclass(frozen=True)
class Role:
    key: str
    name: Promise
    capabilities: frozenset[Can]
    requires_two_factor: bool
    # The roles this role may give and take at its school (with Can.GRANT_ROLES). The director
    # appoints the site administrator (004), never the reverse: a site administrator who could
    # make a second account a director would gain publishing through it.
    grants: frozenset[str] = frozenset()

    def can(self, capability: Can) -> bool:
        return capability in self.capabilities

    def may_grant(self, role_key: str) -> bool:
        return self.can(Can.GRANT_ROLES) and role_key in self.grants


EDITOR = "editor"
SITE_ADMIN = "site_admin"
MODERATOR = "moderator"
DIRECTOR = "director"
STAFF_ROLES = frozenset({EDITOR, MODERATOR})
ALL_ROLES = frozenset({EDITOR, MODERATOR, SITE_ADMIN, DIRECTOR})

ROLES: dict[str, Role] = {
    role.key: role
    for role in (
        Role(
            EDITOR,
            _("Editor"),
            frozenset({Can.OPEN_ADMIN, Can.EDIT, Can.SUBMIT}),
            requires_two_factor=False,
        ),
        Role(
            SITE_ADMIN,
            _("Site administrator"),
            frozenset(
                {
                    Can.OPEN_ADMIN,
                    Can.EDIT,
                    Can.SUBMIT,
                    Can.TAKE_DOWN,
                    Can.DELETE,
                    Can.MANAGE_ACCOUNTS,
                    Can.GRANT_ROLES,
                    Can.VIEW_AUDIT,
                    Can.EDIT_SCHOOL_RECORDS,
                    Can.ANSWER_VISITORS,
                    Can.VIEW_SITE_REPORTS,
                    Can.VIEW_STATISTICS,
                }
            ),
            requires_two_factor=True,
            grants=STAFF_ROLES,
        ),
        Role(
            MODERATOR,
            _("Content moderator"),
            frozenset({Can.OPEN_ADMIN, Can.TAKE_DOWN, Can.REVIEW_FLAGGED, Can.HANDLE_REPORTS}),
            requires_two_factor=False,
        ),
        Role(
            DIRECTOR,
            _("Director"),
            frozenset(
                {
                    Can.OPEN_ADMIN,
                    Can.EDIT,
                    # The director may also send their own draft through the checks first.
                    Can.SUBMIT,
                    Can.PUBLISH,
                    Can.TAKE_DOWN,
                    Can.APPROVE,
                    Can.MANAGE_ACCOUNTS,
                    Can.GRANT_ROLES,
                    Can.VIEW_AUDIT,
                    Can.EDIT_SCHOOL_RECORDS,
                    Can.SET_REVIEW_PERIOD,
                    Can.ANSWER_VISITORS,
                    Can.VIEW_SITE_REPORTS,
                    Can.APPROVE_SITE_REPORT,
                    Can.VIEW_STATISTICS,
                }
            ),
            requires_two_factor=True,
            grants=ALL_ROLES,
        ),
    )
}

# Wagtail page permissions (codenames of wagtailcore.Page) each capability needs on the school's
# home page. Lock alone lets a moderator browse the school's pages in the explorer and hold a
# flagged page still while reviewing it, without the right to edit or publish it.
PAGE_GRANTS: dict[Can, frozenset[str]] = {
    Can.EDIT: frozenset({"add_page", "change_page", "lock_page"}),
    Can.PUBLISH: frozenset({"publish_page", "unlock_page"}),
    Can.DELETE: frozenset({"bulk_delete_page"}),
    Can.TAKE_DOWN: frozenset({"lock_page"}),
}
COLLECTION_GRANTS: dict[Can, frozenset[str]] = {
    Can.EDIT: frozenset(
        {
            "add_document",
            "change_document",
            "choose_document",
            "add_image",
            "change_image",
            "choose_image",
        }
    ),
}


def page_permissions(role: Role) -> frozenset[str]:
    return frozenset().union(*(PAGE_GRANTS.get(can, frozenset()) for can in role.capabilities))


def collection_permissions(role: Role) -> frozenset[str]:
    return frozenset().union(
        *(COLLECTION_GRANTS.get(can, frozenset()) for can in role.capabilities)
    )


def school_group(site, role_key: str):
    """The Django Group that holds `role_key` at the school `site` (e.g. a workflow's approvers).

    Provisions the school's groups first if they do not exist yet, so callers need not depend
    on the order in which apps answer `school_created`.
    """
    from .provisioning import provision_school_groups

    return provision_school_groups(site)[role_key]
