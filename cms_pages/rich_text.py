"""The restricted rich text of news articles: what the editor offers and what is kept on save.

The editor only offers the features below, but text can also arrive through the API or a data
file; cleaning on save keeps scripts, styles and unknown markup out of the public pages whatever
the way in.
"""

import nh3

ARTICLE_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

ALLOWED_TAGS = {"p", "br", "h2", "h3", "b", "i", "strong", "em", "ol", "ul", "li", "a"}
# `linktype` and `id` are how Wagtail stores links to its own pages and documents.
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html: str) -> str:
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
    )
