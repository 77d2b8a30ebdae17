"""Wagtail's initial data gives two groups, "Moderators" and "Editors", rights on the root page
and the root collection, which hold every school. School roles have their own groups with rights
on their own school only (accounts.provisioning), so the default groups lose every right; an
empty one is deleted."""

from django.db import migrations

DEFAULT_GROUPS = ("Moderators", "Editors")


def remove_default_group_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    SchoolRole = apps.get_model("accounts", "SchoolRole")
    school_groups = SchoolRole.objects.values("group_id")
    # No group but a school's holds rights on the root page or root collection.
    GroupPagePermission.objects.filter(page__depth=1).exclude(group__in=school_groups).delete()
    GroupCollectionPermission.objects.filter(collection__depth=1).exclude(
        group__in=school_groups
    ).delete()
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS).exclude(pk__in=school_groups):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(remove_default_group_rights, migrations.RunPython.noop)]
