"""Which language a translated text is shown in, so that a fallback is never silent.

modeltranslation shows the other language's text when the visitor's is missing. Everything that
prints a translated field to the public asks here instead: the text comes with the language it
is really in, and a text in another language than the page's is marked with a `lang` attribute
and a visible note in the visitor's language (HTML), or the note alone where no markup is
possible (feeds, calendars, page titles).
"""

from dataclasses import dataclass

from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order


def page_language() -> str:
    return (get_language() or "ky").split("-")[0]


def untranslated_note() -> str:
    """The short note beside a text shown in another language, in the visitor's language."""
    return gettext("not yet translated into this language")


def untranslated_notice() -> str:
    """The sentence above a longer text shown in another language."""
    return gettext("This text has not been translated into this language yet.")


@dataclass(frozen=True)
class TranslatedText:
    """A text and the language it is in; rendered in a template it marks itself if foreign."""

    text: str
    lang: str
    page_lang: str
    keep_line_breaks: bool = False

    @property
    def is_fallback(self) -> bool:
        return bool(self.text) and self.lang != self.page_lang

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text

    def plain(self) -> str:
        """The text with the note in parentheses, for outputs that cannot carry markup."""
        if self.is_fallback:
            return f"{self.text} ({untranslated_note()})"
        return self.text

    def __html__(self) -> SafeString:
        if self.keep_line_breaks:
            body = linebreaksbr(self.text, autoescape=True)
        else:
            body = format_html("{}", self.text)
        return marked_inline(body, self.lang) if self.is_fallback else body


def marked_inline(content, lang: str) -> SafeString:
    """Content (escaped unless safe) in another language: its `lang`, then the short note."""
    return format_html(
        '<span lang="{}" class="untranslated">{}</span> '
        '<small class="untranslated-note">({})</small>',
        lang,
        content,
        untranslated_note(),
    )


def localized_fields(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def translated_text(obj, *names: str, keep_line_breaks: bool = False) -> TranslatedText:
    """The first of `names` filled in the page's language; else in the next language to fall
    back to. A field that is not translated is read as it is, in the page's language."""
    lang = page_language()
    # obj.__class__, not type(obj): the profile reaches templates as a lazy object.
    translated = localized_fields(obj.__class__)
    for candidate in resolution_order(lang):
        for name in names:
            if name in translated:
                value = getattr(obj, build_localized_fieldname(name, candidate), None)
            elif candidate == lang:
                value = getattr(obj, name, None)
            else:
                continue
            if value is not None and str(value).strip():
                return TranslatedText(str(value), candidate, lang, keep_line_breaks)
    return TranslatedText("", lang, lang, keep_line_breaks)
