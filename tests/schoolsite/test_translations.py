"""Every interface string has a Kyrgyz and a Russian translation, and the compiled catalogues
that Django reads say what the .po sources say."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_every_interface_string_is_translated(lang):
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    assert len(po.translated_entries()) > 40


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_compiled_catalogue_matches_its_source(lang):
    folder = LOCALE / lang / "LC_MESSAGES"
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
