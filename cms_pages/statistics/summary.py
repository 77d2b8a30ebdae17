"""A school's usage figures for a period, as the admin's statistics screen and the site report
show them. Only the school's own rows are read; `end` is exclusive."""

import datetime

from django.db.models import Count, Sum
from django.utils import timezone
from wagtail.models import Page

from ..models import DisclosureIndexPage, Topic, VisitorMessage
from ..models.statistics import EmptySearchDay, PageViewDay, SchoolVisitorsDay

TOP_PAGES = 10
TOP_SEARCHES = 20


def usage_summary(site, start: datetime.date, end: datetime.date) -> dict:
    views = PageViewDay.objects.filter(site=site, day__gte=start, day__lt=end)
    return {
        "views": views.aggregate(total=Sum("views"))["total"] or 0,
        "unique_visitors": SchoolVisitorsDay.objects.filter(
            site=site, day__gte=start, day__lt=end
        ).aggregate(total=Sum("visitors"))["total"]
        or 0,
        "by_day": views_by_day(views, start, end),
        "top_pages": top_pages(views),
        "top_sections": top_sections(site, views),
        "searches_without_results": searches_without_results(site, start, end),
        "messages_by_topic": messages_by_topic(site, start, end),
    }


def days_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [start + datetime.timedelta(days=n) for n in range((end - start).days)]


def views_by_day(views, start, end) -> list[tuple[datetime.date, int]]:
    counted = dict(views.values("day").annotate(total=Sum("views")).values_list("day", "total"))
    return [(day, counted.get(day, 0)) for day in days_between(start, end)]


def top_pages(views) -> list[tuple[str, str, int]]:
    """The most read pages, both languages together; an address outside the page tree (or of a
    page deleted since) by its address."""
    on_pages = (
        views.filter(page__isnull=False)
        .values("page")
        .annotate(total=Sum("views"))
        .order_by("-total", "page")[:TOP_PAGES]
    )
    elsewhere = (
        views.filter(page__isnull=True)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")[:TOP_PAGES]
    )
    totals = {row["page"]: row["total"] for row in on_pages}
    pages = Page.objects.in_bulk(list(totals))
    found = [
        (page.title, page.get_full_url() or page.url_path, totals[pk]) for pk, page in pages.items()
    ]
    found += [(row["path"], row["path"], row["total"]) for row in elsewhere]
    return sorted(found, key=lambda entry: (-entry[2], entry[0]))[:TOP_PAGES]


def top_sections(site, views) -> list[tuple[str, int]]:
    """Views of each disclosure subsection, its own pages below it included."""
    index = DisclosureIndexPage.objects.child_of(site.root_page).first()
    if index is None:
        return []
    below = (
        views.filter(page__path__startswith=index.path, page__depth__gt=index.depth)
        .values("page__path")
        .annotate(total=Sum("views"))
    )
    section_end = Page.steplen * (index.depth + 1)
    totals = {}
    for row in below:
        section = row["page__path"][:section_end]
        totals[section] = totals.get(section, 0) + row["total"]
    titles = dict(Page.objects.filter(path__in=list(totals)).values_list("path", "title"))
    found = [(titles[path], total) for path, total in totals.items() if path in titles]
    return sorted(found, key=lambda entry: (-entry[1], entry[0]))


def searches_without_results(site, start, end) -> list[tuple[str, int]]:
    rows = (
        EmptySearchDay.objects.filter(site=site, day__gte=start, day__lt=end)
        .values("query")
        .annotate(total=Sum("searches"))
        .order_by("-total", "query")[:TOP_SEARCHES]
    )
    return [(row["query"], row["total"]) for row in rows]


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def messages_by_topic(site, start, end) -> list[tuple[str, int]]:
    """Messages visitors sent in the period, by topic; those a moderator rejected are left out."""
    rows = (
        VisitorMessage.objects.filter(
            site=site,
            received_at__gte=local_midnight(start),
            received_at__lt=local_midnight(end),
        )
        .exclude(screening=VisitorMessage.Screening.REJECTED)
        .values("topic")
        .annotate(total=Count("pk"))
        .order_by("-total", "topic")
    )
    return [(str(Topic(row["topic"]).label), row["total"]) for row in rows]
