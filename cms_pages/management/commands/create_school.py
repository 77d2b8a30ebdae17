from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cms_pages.provisioning import SchoolCreationError, SchoolNames, create_school
from moderation.gate import PublishRefused


class Command(BaseCommand):
    help = "Create a new school: its site, home page and profile."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="e.g. school12.karabalta.kg")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--name-ky", required=True, help="Full name in Kyrgyz")
        parser.add_argument("--name-ru", required=True, help="Full name in Russian")
        parser.add_argument("--short-name-ky", default="")
        parser.add_argument("--short-name-ru", default="")
        parser.add_argument(
            "--default", action="store_true", help="Serve this school for unknown host names"
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages (default: %(default)s)",
        )

    def handle(self, *args, **options):
        names = SchoolNames(
            full_ky=options["name_ky"],
            full_ru=options["name_ru"],
            short_ky=options["short_name_ky"],
            short_ru=options["short_name_ru"],
        )
        try:
            with translation.override(options["language"]):
                site = create_school(
                    options["hostname"],
                    names,
                    port=options["port"],
                    is_default_site=options["default"],
                )
        except SchoolCreationError as error:
            raise CommandError(str(error)) from error
        except PublishRefused as refused:
            reasons = "; ".join(
                f"{f.location} ({f.lang}): {f.message['ru']}" for f in refused.review.findings
            )
            raise CommandError(f"{refused} {reasons}") from refused
        self.stdout.write(
            self.style.SUCCESS(f"Created school {names.full_ru} at {site.hostname}:{site.port}")
        )
