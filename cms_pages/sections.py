"""The sections every school site starts with besides its home page: news, events and contacts,
all in the main menu (the school can take any of them out with "show in menus").

A Questions page joins them when it exists (issue 11 leaves it to another change).
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page

from .models import ContactsPage, EventIndexPage, HomePage, NewsIndexPage

SECTIONS = (
    (NewsIndexPage, "news", gettext_noop("News")),
    (EventIndexPage, "events", gettext_noop("Events")),
    (ContactsPage, ContactsPage.fixed_slug, gettext_noop("Contacts")),
)


def bilingual(message: str) -> dict[str, str]:
    """A message in Kyrgyz and Russian, from the interface translations."""
    result = {}
    for code in ("ky", "ru"):
        with translation.override(code):
            result[code] = _(message)
    return result


def create_public_sections(home: HomePage) -> None:
    """Add and publish the news, events and contacts pages under a school's home page, those
    missing, each shown in the main menu."""
    for model, slug, title in SECTIONS:
        # A page of the school's own already at the address is left alone.
        if Page.objects.child_of(home).filter(slug=slug).exists():
            continue
        if model.objects.child_of(home).exists():
            continue
        names = bilingual(title)
        section = model(
            title=names["ky"],
            title_ky=names["ky"],
            title_ru=names["ru"],
            slug=slug,
            show_in_menus=True,
        )
        home.add_child(instance=section)
        section.save_revision().publish()
