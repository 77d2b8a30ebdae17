"""School events (meetings, holidays, open days) kept as records on one events page, which
lists the coming ones and publishes them all as an iCalendar file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from .. import page_cache
from ..ical import CalendarEvent, render_calendar
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage, field_texts
from ..serialization import DisclosureFields
from ..translated_text import translated_text


class EventIndexPage(SearchablePage, TreeRoutedPage, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel("events", label=_("Events")),
    ]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    disclosure_fields = DisclosureFields(
        texts=("title", "introduction"), records={"events": "public_events"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("events page")
        verbose_name_plural = _("events pages")

    def searchable_texts(self, language: str) -> list[str]:
        # Every event, past ones too: the page's calendar file publishes them all.
        texts = field_texts(self, "introduction", language)
        for event in self.events.order_by("start", "pk"):
            parts = [*field_texts(event, "title", language), *field_texts(event, "place", language)]
            parts += field_texts(event, "description", language)
            texts.append(", ".join(parts))
        return texts

    def upcoming_events(self):
        """Events not yet over, soonest first (a preview's unsaved events included)."""
        return not_over(self.events)

    def public_events(self) -> list["Event"]:
        """Every event, past ones included, in the order they happen."""
        return list(self.events.order_by("start", "pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = listed_until_over(request, self.upcoming_events())
        return context

    def get_cached_paths(self):
        return ["/", "calendar.ics"]

    def serve_file(self, request, filename):
        if filename != "calendar.ics":
            raise Http404
        site = self.get_site()
        page_url = self.get_full_url(request)
        events = [
            CalendarEvent(
                uid=f"event-{event.pk}@{site.hostname}",
                # A calendar line carries no markup: a text in the other language says so.
                title=translated_text(event, "title").plain(),
                description=translated_text(event, "description").plain(),
                place=translated_text(event, "place").plain(),
                start=event.start,
                end=event.end,
                url=page_url,
            )
            for event in self.public_events()
        ]
        name = translated_text(self, "title").plain()
        body = render_calendar(events, name=name, now=timezone.now())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="calendar.ics"'
        return response


class Event(Orderable):
    page = ParentalKey(EventIndexPage, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("place"),
        FieldPanel("start"),
        FieldPanel("end"),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "description", "place"), facts=("start", "end")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})


def not_over(events):
    """Of these events (a queryset or a page's own list of them), those not yet over, soonest
    first."""
    now = timezone.now()
    over = Q(end__lt=now) | Q(end__isnull=True, start__lt=now)
    return events.exclude(over).order_by("start", "pk")


def listed_until_over(request, events) -> list:
    """The events, for a page that lists them: a cached copy of the page lasts until the first
    of them is over, so the list shortens by itself."""
    events = list(events)
    page_cache.until(request, min((e.end or e.start for e in events), default=None))
    return events
