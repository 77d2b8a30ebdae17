"""Images uploaded before schoolsite.storage gave originals random names are renamed the same
way, and their renditions (named after the original) are dropped to be made again under the new
name. A file missing from storage is left as it is."""

import posixpath

from django.core.files.storage import default_storage
from django.db import migrations


def rename_originals(apps, schema_editor):
    from schoolsite.storage import has_token, with_token

    Image = apps.get_model("wagtailimages", "Image")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    for image in Image.objects.exclude(file=""):
        old = image.file.name
        if has_token(old) or posixpath.dirname(old) != "original_images":
            continue
        if not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as content:
            new = default_storage.save(with_token(old), content)
        Image.objects.filter(pk=image.pk).update(file=new)
        for rendition in Rendition.objects.filter(image_id=image.pk):
            if rendition.file.name and default_storage.exists(rendition.file.name):
                default_storage.delete(rendition.file.name)
            rendition.delete()
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0004_public_site"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(rename_originals, migrations.RunPython.noop)]
