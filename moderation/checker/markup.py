"""Rich text reaches the checker as HTML. Its tags are not words: "<p>Мектептен ..." made "p"
the first word of the sentence, so "Мектептен" counted as a person's name in the middle of one,
and a harmless sentence about asking the school to correct data was sent to review as an
accusation.

The tags are blanked out in place, so every offset the checker reports still points into the
text as stored (the queue highlights excerpts by offset): a block tag (paragraph, heading,
list item, line break, table cell) becomes a line break, which ends a sentence; an inline tag
(bold, link) becomes spaces, so a sentence that runs through a link stays one sentence. The
common character entities become spaces too.
"""

import re

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<!--.*?-->", re.S)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "table", "tr", "td", "th", "thead", "tbody", "section", "article", "hr", "figure",
    "figcaption", "pre", "dl", "dt", "dd", "embed",
}  # fmt: skip


def _blank(match: re.Match) -> str:
    length = len(match.group(0))
    name = (match.group(2) or "").lower()
    if name in BLOCK_TAGS:
        return "\n" + " " * (length - 1)
    return " " * length


def blank_markup(text: str) -> str:
    """``text`` with its HTML tags and entities replaced by as many blanks (see above)."""
    if "<" not in text and "&" not in text:
        return text
    return ENTITY.sub(lambda m: " " * len(m.group(0)), TAG.sub(_blank, text))
