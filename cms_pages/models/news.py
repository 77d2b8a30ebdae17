"""News: an index with path-based pagination and an Atom feed, and the articles under it."""

import datetime

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..rich_text import ARTICLE_FEATURES, clean_rich_text
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage
from ..serialization import DisclosureFields
from ..visibility import without_view_restrictions
from .people_shown import PEOPLE_SHOWN_PANEL, ShowsPeople


class NewsIndexPage(RoutablePageMixin, SearchablePage, TreeRoutedPage, Page):
    """The school's news, newest first: /news/, /news/page/2/ ... and /news/feed.atom."""

    introduction = models.TextField(_("introduction"), blank=True)

    # Small pages load quickly over a slow mobile network.
    per_page = 6
    feed_length = 20

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_texts = ("introduction",)
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.NewsPage"]
    max_count_per_parent = 1
    disclosure_fields = DisclosureFields(texts=("title", "introduction"))
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        return public_articles(self).prefetch_related("image__renditions")

    def get_cached_paths(self):
        return ["/", "feed.atom"]

    @path("")
    def first_page(self, request):
        return self.render_listing(request, 1)

    @path("page/<int:number>/")
    def numbered_page(self, request, number):
        # One address per listing: page 1 lives at the index's own URL.
        if number == 1:
            return redirect(self.url, permanent=True)
        return self.render_listing(request, number)

    def render_listing(self, request, number):
        paginator = Paginator(self.articles(), self.per_page)
        try:
            listing = paginator.page(number)
        except EmptyPage as error:
            raise Http404 from error
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "page_links": [
                    {"number": n, "url": self.listing_url(n), "is_current": n == number}
                    for n in paginator.page_range
                ],
                "previous_url": self.listing_url(number - 1) if listing.has_previous() else "",
                "next_url": self.listing_url(number + 1) if listing.has_next() else "",
            },
        )

    def listing_url(self, number: int) -> str:
        if number == 1:
            return self.url
        return self.url + self.reverse_subpage("numbered_page", kwargs={"number": number})

    def serve_file(self, request, filename):
        from ..feeds import NewsFeed

        if filename != "feed.atom":
            raise Http404
        return NewsFeed()(request, index=self)


class NewsPage(ShowsPeople, SearchablePage, TreeRoutedPage, Page):
    date = models.DateField(_("date"), default=datetime.date.today)
    intro = models.TextField(_("summary"), help_text=_("One or two sentences shown in lists."))
    body = RichTextField(_("text"), features=ARTICLE_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for visitors who cannot see it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        PEOPLE_SHOWN_PANEL,
    ]
    search_texts = ("intro", "body")
    parent_page_types = ["cms_pages.NewsIndexPage"]
    subpage_types = []
    disclosure_fields = DisclosureFields(
        texts=("title", "intro"),
        facts=("date",),
        rich_texts=("body",),
        images={"image": "image_alt"},
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        for field in ("body_ky", "body_ru"):
            setattr(self, field, clean_rich_text(getattr(self, field)))
        return super().save(*args, **kwargs)

    @property
    def og_image(self):
        return self.image

    @property
    def published_at(self) -> datetime.datetime:
        """The article's date as a moment, for feeds: midnight in the school's time zone."""
        midnight = datetime.datetime.combine(self.date, datetime.time())
        return timezone.make_aware(midnight)


def public_articles(index: Page):
    """The live, public articles under a news index, newest first, with their images: the
    restrictions are checked in the same query (Wagtail's `.public()` reads them all first)."""
    articles = NewsPage.objects.live().child_of(index).select_related("image")
    return without_view_restrictions(articles).order_by("-date", "-pk")
