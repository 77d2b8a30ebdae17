"""The sections every school site starts with besides its home page: news, events, contacts and
the questions-and-answers page in the main menu (the school can take any of them out with "show
in menus"), the "write to the school" form and the privacy notice, which the header and footer
link to at their fixed addresses.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Page

from .models import (
    AdmissionsPage,
    ContactsPage,
    EventIndexPage,
    FeedbackPage,
    HomePage,
    HomeQuickLink,
    NewsIndexPage,
    NutritionPage,
    PrivacyNoticePage,
    QuestionsPage,
    TeachingStaffPage,
)
from .privacy_notice import default_privacy_notice

# (page type, slug, title, shown in the main menu)
SECTIONS = (
    (NewsIndexPage, "news", gettext_noop("News"), True),
    (EventIndexPage, "events", gettext_noop("Events"), True),
    (ContactsPage, ContactsPage.fixed_slug, gettext_noop("Contacts"), True),
    (QuestionsPage, QuestionsPage.fixed_slug, gettext_noop("Questions and answers"), True),
    (FeedbackPage, FeedbackPage.fixed_slug, gettext_noop("Write to the school"), False),
    (PrivacyNoticePage, PrivacyNoticePage.fixed_slug, gettext_noop("Privacy notice"), False),
)

# The home page's quick links a new school starts with: what parents look for most. The school
# changes, reorders or removes them on its home page.
DEFAULT_QUICK_LINKS = (
    (AdmissionsPage, gettext_noop("Admission")),
    (TeachingStaffPage, gettext_noop("Teachers")),
    (NutritionPage, gettext_noop("School meals")),
    (EventIndexPage, gettext_noop("Events")),
    (FeedbackPage, gettext_noop("Ask a question")),
    (ContactsPage, gettext_noop("Contacts")),
)


def bilingual(message: str) -> dict[str, str]:
    """A message in Kyrgyz and Russian, from the interface translations."""
    result = {}
    for code in ("ky", "ru"):
        with translation.override(code):
            result[code] = _(message)
    return result


def create_public_sections(home: HomePage) -> None:
    """Add and publish the sections missing under a school's home page."""
    for model, slug, title, in_menu in SECTIONS:
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
            show_in_menus=in_menu,
        )
        if model is PrivacyNoticePage:
            for code, body in default_privacy_notice().items():
                setattr(section, f"body_{code}", body)
        home.add_child(instance=section)
        section.save_revision().publish()


def add_default_quick_links(home: HomePage) -> bool:
    """Give a home page without quick links the default ones, published; False if it has some
    (the school's own choice is kept)."""
    if home.quick_links.exists():
        return False
    below = Page.objects.descendant_of(home)
    links = []
    for model, label in DEFAULT_QUICK_LINKS:
        target = below.type(model).first()
        if target is None:
            continue
        names = bilingual(label)
        links.append(
            HomeQuickLink(
                link_page=target, label=names["ky"], label_ky=names["ky"], label_ru=names["ru"]
            )
        )
    if not links:
        return False
    home.quick_links = links
    home.save_revision().publish()
    return True
