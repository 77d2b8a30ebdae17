"""Control characters out of stored and written text.

A form feed pasted from a word processor is invisible in the admin but makes the Atom feed (XML
1.0 forbids it) and anything else that writes XML fail; a NUL cannot be stored in PostgreSQL at
all. So every text field of the project's models is cleaned when saved, whoever saves it (the
admin, a command, a signal handler): C0 and C1 control characters are removed, except tab and
line breaks in multi-line text, which become spaces in a single-line field.
"""

import functools
import re

from django.db import models
from django.db.models.signals import pre_save

# C0 except tab, LF and CR; DEL; C1; and the two code points XML 1.0 also forbids.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
LINE_BREAKS = re.compile("[\t\n\r]+")

# The apps whose text reaches the public site, the API, feeds or e-mails.
CLEANED_APPS = frozenset(
    {
        "cms_pages",
        "accounts",
        "moderation",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "taggit",
        "auth",
    }
)


def strip_control_characters(text: str, multiline: bool = True) -> str:
    """`text` without control characters; tab and line breaks stay in multi-line text and
    become one space each run in single-line text."""
    text = CONTROL_CHARACTERS.sub("", text)
    return text if multiline else LINE_BREAKS.sub(" ", text)


def xml_safe(value):
    """A value (or the strings in a list or tuple) without what XML 1.0 cannot carry."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(item) for item in value)
    return value


@functools.cache
def text_fields(model) -> list[tuple[str, bool]]:
    """The model's text columns, each with whether it holds multi-line text."""
    if model._meta.app_label not in CLEANED_APPS:
        return []
    return [
        (field.attname, isinstance(field, models.TextField))
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
    ]


def clean_text_fields(sender, instance, **kwargs):
    """pre_save: strip the control characters from each loaded text field of `instance`."""
    values = instance.__dict__  # loaded fields only: a deferred one is neither read nor written
    for attname, multiline in text_fields(sender):
        value = values.get(attname)
        if isinstance(value, str):
            values[attname] = strip_control_characters(value, multiline=multiline)


def connect():
    pre_save.connect(clean_text_fields, dispatch_uid="cms_pages.clean_text_fields")
