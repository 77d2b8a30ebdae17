"""Rich text and StreamField content as the headless API gives it: HTML with Wagtail's internal
links expanded to addresses, then cleaned to a fixed set of tags, so a client can insert it as it
is; links and images are absolute addresses on the school's host, since the client may be served
from another. Each language is rendered with that language active, so links point to its pages."""

import nh3
from django.utils import translation
from wagtail.rich_text import expand_db_html

from .rich_text import ALLOWED_TAGS, ALLOWED_URL_SCHEMES

# What rich text allows, plus what content blocks render: images, figures, tables, call-outs.
BLOCK_TAGS = ALLOWED_TAGS | {
    "h4",
    "figure",
    "figcaption",
    "img",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "aside",
    "section",
    "div",
    "span",
    "address",
    "dl",
    "dt",
    "dd",
}
BLOCK_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def clean_html(html: str, request=None) -> str:
    relative = ("rewrite_with_base", request.build_absolute_uri("/")) if request else None
    return nh3.clean(
        html,
        tags=BLOCK_TAGS,
        attributes=BLOCK_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        url_relative=relative,
    ).strip()


def public_rich_text(html: str | None, lang: str, request=None) -> str:
    if not html:
        return ""
    with translation.override(lang):
        return clean_html(expand_db_html(html), request)


def block_list(stream, lang: str, request=None) -> list[dict]:
    """A StreamField's blocks in order: their type, their id and their rendered HTML."""
    if not stream:
        return []
    with translation.override(lang):
        return [
            {
                "type": block.block_type,
                "id": block.id,
                "html": clean_html(str(block.render()), request),
            }
            for block in stream
        ]
