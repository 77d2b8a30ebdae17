"""The Atom feed of a school's news, in the language of its URL prefix."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from .models import SchoolProfile


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        profile = SchoolProfile.for_site(Site.find_for_request(self.request))
        return f"{index.title} — {profile.short_name or profile.full_name}"

    def link(self, index):
        return index.url

    def subtitle(self, index):
        return index.introduction

    def items(self, index):
        return index.articles()[: index.feed_length]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at
