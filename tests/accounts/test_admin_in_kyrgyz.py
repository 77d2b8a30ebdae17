"""Issue 15: a school's staff meet Wagtail's admin in their language, Kyrgyz or Russian.

Every admin screen a school role can open (tests/accounts/test_admin_scope.py lists them) is
rendered in each language, and its visible text (text, labels, placeholders, titles) must hold
no message of Wagtail's English catalogue that has a translation: a text left in English there
means a screen that does not go through the catalogue, or a catalogue that lacks the message.
"""

from html.parser import HTMLParser

import pytest
from wagtail.users.models import UserProfile

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from schoolsite.catalogue_coverage import coverage, english_giveaways
from tests.accounts import test_admin_scope as scope
from tests.people import sign_in

pytestmark = pytest.mark.django_db

# One school with something of every kind an admin screen shows (a fixture of the scope test).
ours = scope.ours

HIDDEN = {"script", "style", "template", "noscript", "svg", "textarea"}
SHOWN_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "aria-description"}


class VisibleText(HTMLParser):
    """The texts a person reads or hears on a page, each as its own line: not those of scripts,
    templates, icons, or elements hidden with the `hidden` attribute."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.open: list[tuple[str, bool]] = []

    @property
    def hidden(self) -> bool:
        return any(hidden for _tag, hidden in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.hidden and "hidden" not in attributes:
            self.texts.extend(value for name, value in attrs if name in SHOWN_ATTRIBUTES and value)
        if tag not in self.VOID:
            self.open.append((tag, tag in HIDDEN or "hidden" in attributes))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data)


def english_on(html: str, english: set[str]) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    texts = {" ".join(text.split()) for text in parser.texts}
    return texts & english


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("role", [EDITOR, SITE_ADMIN, MODERATOR, DIRECTOR])
def test_every_admin_screen_of_a_school_role_reads_in_its_language(client, ours, role, language):
    person = ours.people[role]
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.save()
    sign_in(client, person)
    english = english_giveaways(language, domains=("django",))
    assert len(english) > 1000  # Wagtail's English catalogues were read
    left = {}
    for url in scope.screens(ours):
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if "<html" in html:  # a whole page, not a part of one the screen loads
            assert f'<html lang="{language}"' in html, url
        if found := english_on(html, english):
            left[url] = sorted(found)
    assert left == {}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_catalogues_translate_every_message_of_the_wagtail_apps_a_school_meets(language):
    result = coverage(language)
    print(f"{language}: {result.translated} of {result.total} ({result.share:.4f})")
    assert result.share >= 0.99, result.missing[:20]
