"""The Atom feed of a school's news, in the language of its URL prefix.

A text missing in that language is given in the other one with a note, as a feed entry carries
no markup to mark it with.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from . import page_cache
from .control_characters import xml_safe
from .translated_text import translated_text


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_feed(self, obj, request):
        # Text is cleaned when saved; what was stored before (or around it) must not stop the
        # feed either, as XML 1.0 cannot carry control characters.
        feed = super().get_feed(obj, request)
        feed.feed = {key: xml_safe(value) for key, value in feed.feed.items()}
        feed.items = [{key: xml_safe(value) for key, value in item.items()} for item in feed.items]
        return feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        profile = page_cache.school_profile(Site.find_for_request(self.request))
        school = translated_text(profile, "short_name", "full_name")
        return f"{translated_text(index, 'title').plain()} — {school.plain()}"

    def link(self, index):
        return index.url

    def subtitle(self, index):
        return translated_text(index, "introduction").plain()

    def items(self, index):
        return index.articles()[: index.feed_length]

    def item_title(self, item):
        return translated_text(item, "title").plain()

    def item_description(self, item):
        return translated_text(item, "intro").plain()

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at
