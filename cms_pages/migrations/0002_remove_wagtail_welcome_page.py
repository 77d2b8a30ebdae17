"""Wagtail's first migration creates a placeholder "Welcome" page and a localhost site.

Schools are created by `create_school` (or `load_demo`), each with its own Site and HomePage, so
the placeholder is removed while it is still untouched: a plain Page with no children.
"""

from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    for page in Page.objects.filter(depth=2, content_type=page_type, numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]
