"""Page addresses (slugs) in short Latin letters, the same for both languages (issue 15).

Wagtail makes a slug from the title as it is typed; from a Kyrgyz title that is Cyrillic, which
browsers show percent-encoded (`%D0%9C%D0%B5...`), three times as long. A slug with letters
other than Latin ones is transliterated when the page is saved, by the table below: the
Kyrgyz alphabet's own letters (ң, ө, ү) as in the Kyrgyz Latin spelling in common use
(ng, o, u), the rest as Russian names are usually written in Latin letters.
"""

import re

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

KYRGYZ_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng",
    "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Longer addresses are cut at a word boundary: short enough to read out or type from paper.
MAX_LENGTH = 60


def latin_slug(text: str) -> str:
    """E.g. "Мектептин тарыхы" -> "mekteptin-taryhy", "Өрт коопсуздугу" -> "ort-koopsuzdugu"."""
    latin = "".join(KYRGYZ_TO_LATIN.get(letter, letter) for letter in text.lower())
    slug = slugify(re.sub(r"[^\w]+", " ", latin))
    if len(slug) > MAX_LENGTH:
        slug = slug[: MAX_LENGTH + 1].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    return slug


class LatinSlugPageForm(WagtailAdminPageForm):
    """Every page type's admin form: a slug in other letters than Latin is transliterated
    before Wagtail checks that it is free under the parent page."""

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and re.search(r"[^a-z0-9_-]", slug):
            slug = latin_slug(slug.replace("-", " ")) or slug
        return slug
