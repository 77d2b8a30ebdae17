"""Every interface string has a Kyrgyz and a Russian translation, and the compiled catalogues
that Django reads say what the .po sources say."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# The project's catalogues, and its translations of the libraries' strings (locale/upstream).
CATALOGUES = sorted(str(path.relative_to(LOCALE)) for path in LOCALE.rglob("django.po"))


def test_both_languages_have_a_catalogue():
    assert {"ky/LC_MESSAGES/django.po", "ru/LC_MESSAGES/django.po"} <= set(CATALOGUES)


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_interface_string_is_translated(catalogue):
    po = polib.pofile(str(LOCALE / catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    assert len(po.translated_entries()) > 10


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_compiled_catalogue_matches_its_source(catalogue):
    folder = (LOCALE / catalogue).parent
    po = polib.pofile(str(folder / "django.po"))
    with (folder / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    def compiled(entry) -> str:
        if entry.msgctxt:
            return catalogue.pgettext(entry.msgctxt, entry.msgid)
        return catalogue.gettext(entry.msgid)

    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and compiled(entry) != entry.msgstr
    ]
    assert stale == [], "run `make messages` to recompile the catalogues"
