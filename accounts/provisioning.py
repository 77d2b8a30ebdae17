"""A new school's four role groups and their Wagtail permissions (answers `school_created`)."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

from cms_pages.models import SchoolProfile

from .models import SchoolRole
from .roles import ROLES, collection_permissions, page_permissions


def create_school_groups(sender, site, home_page, profile, **kwargs):
    provision_school_groups(site)


@transaction.atomic
def provision_school_groups(site: Site) -> dict[str, Group]:
    """The school's group for every role in the table, created with its permissions if missing."""
    existing = {record.role_key: record.group for record in site.school_roles.all()}
    missing = [key for key in ROLES if key not in existing]
    if not missing:
        return existing
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    collection = school_collection(site)
    for key in missing:
        group = Group.objects.create(name=f"{site.hostname} · {key}")
        SchoolRole.objects.create(site=site, role_key=key, group=group)
        group.permissions.add(access_admin)
        for codename in page_permissions(ROLES[key]):
            GroupPagePermission.objects.create(
                group=group, page=site.root_page, permission=page_permission(codename)
            )
        for codename in collection_permissions(ROLES[key]):
            GroupCollectionPermission.objects.create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label__in=["wagtaildocs", "wagtailimages"],
                    codename=codename,
                ),
            )
        existing[key] = group
    return existing


def page_permission(codename: str) -> Permission:
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    return Permission.objects.get(content_type=page_type, codename=codename)


def school_collection(site: Site) -> Collection:
    """The school's own collection of documents and images.

    `SchoolProfile.collection` (kept by cms_pages) is the record when it exists. Until then the
    agreed rule is: the child of the root collection named exactly after the site's host name.
    """
    collection = getattr(SchoolProfile.for_site(site), "collection", None)
    if collection is not None:
        return collection
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=site.hostname).first() or root.add_child(
        name=site.hostname
    )
