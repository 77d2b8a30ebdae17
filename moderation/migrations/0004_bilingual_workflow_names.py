"""The workflows and tasks made before their names carried both languages (issue 15): the English
word after the school's name becomes the Kyrgyz and Russian ones, as new schools get them."""

from django.db import migrations

NAMES = {
    "automatic content check": "мазмунду автоматтык текшерүү / автоматическая проверка содержимого",
    "moderator review": "модератордун текшерүүсү / проверка модератором",
    "director approval": "директордун бекитүүсү / утверждение директором",
    "publishing": "жарыялоо / публикация",
}


def rename(apps, schema_editor):
    for model in (apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")):
        for english, bilingual in NAMES.items():
            for item in model.objects.filter(name__endswith=f": {english}"):
                item.name = item.name[: -len(english)] + bilingual
                item.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_page_reports"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
