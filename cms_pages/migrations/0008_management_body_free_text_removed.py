"""The free-text head and members of management bodies, now person records (0007)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0007_management_body_people_from_text"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="managementbody",
            name="head",
        ),
        migrations.RemoveField(
            model_name="managementbody",
            name="head_ky",
        ),
        migrations.RemoveField(
            model_name="managementbody",
            name="head_ru",
        ),
        migrations.RemoveField(
            model_name="managementbody",
            name="members",
        ),
        migrations.RemoveField(
            model_name="managementbody",
            name="members_ky",
        ),
        migrations.RemoveField(
            model_name="managementbody",
            name="members_ru",
        ),
    ]
