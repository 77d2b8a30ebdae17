"""The sections every school site starts with besides its home page: news and events."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import EventIndexPage, HomePage, NewsIndexPage

SECTIONS = (
    (NewsIndexPage, "news", gettext_noop("News")),
    (EventIndexPage, "events", gettext_noop("Events")),
)


def bilingual(message: str) -> dict[str, str]:
    """A message in Kyrgyz and Russian, from the interface translations."""
    result = {}
    for code in ("ky", "ru"):
        with translation.override(code):
            result[code] = _(message)
    return result


def create_public_sections(home: HomePage) -> None:
    """Add and publish the news and events pages under a school's home page, those missing."""
    for model, slug, title in SECTIONS:
        if model.objects.child_of(home).exists():
            continue
        names = bilingual(title)
        section = model(title=names["ky"], title_ky=names["ky"], title_ru=names["ru"], slug=slug)
        home.add_child(instance=section)
        section.save_revision().publish()
