"""Writing the buffered counts (buffer.py) to the database in bulk: a few queries per flush
whatever the number of views, and none on the requests that counted them."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from ..models.statistics import EmptySearchDay, PageViewDay, SchoolVisitorsDay
from . import buffer


def buffered_days() -> list[datetime.date]:
    today = timezone.localdate()
    return [today - datetime.timedelta(days=back) for back in range(buffer.KEPT_DAYS)]


def flush() -> int | None:
    """Writes every buffered count; the number of counters written, or None when another flush
    is running."""
    if not buffer.lock():
        return None
    try:
        counters = buffer.pending(buffered_days())
        if counters:
            with transaction.atomic():
                write(counters)
            for counter in counters:
                buffer.take(*counter)
        return len(counters)
    finally:
        buffer.unlock()


def write(counters) -> None:
    pages = defaultdict(lambda: {"views": 0, "visitors": 0})
    schools = defaultdict(int)
    searches = defaultdict(int)
    for day, row, measure, count in counters:
        kind, site_id, *rest = row
        if kind == "page":
            path, language = rest
            pages[(site_id, day, path, language)][measure] += count
        elif kind == "school":
            schools[(site_id, day)] += count
        elif kind == "search":
            searches[(site_id, day, rest[0])] += count
    site_ids = {row[1] for _day, row, _measure, _count in counters}
    # A school deleted since its views were counted takes its figures with it.
    sites = Site.objects.select_related("root_page").in_bulk(site_ids)
    write_pages(pages, sites)
    write_rows(
        SchoolVisitorsDay,
        {key: {"visitors": n} for key, n in schools.items() if key[0] in sites},
        ("site_id", "day"),
    )
    write_rows(
        EmptySearchDay,
        {key: {"searches": n} for key, n in searches.items() if key[0] in sites},
        ("site_id", "day", "query"),
    )


def page_of_paths(pages, sites) -> dict[tuple[int, str, str], int]:
    """The page each counted address named: /ky/about/ of a school is the page at its home
    page's tree address plus about/."""
    wanted = defaultdict(set)  # a page's address in each language names the same tree path
    for site_id, _day, path, language in pages:
        prefix = f"/{language}/"
        if site_id in sites and path.startswith(prefix):
            url_path = sites[site_id].root_page.url_path + path[len(prefix) :]
            wanted[url_path].add((site_id, path, language))
    found = Page.objects.filter(url_path__in=list(wanted)).values_list("url_path", "pk")
    return {key: pk for url_path, pk in found for key in wanted[url_path]}


def write_pages(pages, sites) -> None:
    page_ids = page_of_paths(pages, sites)
    rows = {}
    for (site_id, day, path, language), counts in pages.items():
        if site_id in sites:
            counts = {**counts, "page_id": page_ids.get((site_id, path, language))}
            rows[(site_id, day, path, language)] = counts
    write_rows(PageViewDay, rows, ("site_id", "day", "path", "language"))


def write_rows(model, rows: dict[tuple, dict], key_fields: tuple[str, ...]) -> None:
    """Adds the counts to the rows with these keys, creating the missing ones: one query to read
    them, one to update, one to create."""
    if not rows:
        return
    existing = model.objects.filter(
        site_id__in={key[0] for key in rows}, day__in={key[1] for key in rows}
    )
    by_key = {tuple(getattr(row, name) for name in key_fields): row for row in existing}
    changed, new = [], []
    for key, values in rows.items():
        row = by_key.get(key)
        if row is None:
            row = model(**dict(zip(key_fields, key, strict=True)))
            new.append(row)
        else:
            changed.append(row)
        for name, value in values.items():
            if name == "page_id":
                row.page_id = value or row.page_id
            else:
                setattr(row, name, getattr(row, name) + value)
    if changed:
        fields = sorted({name for values in rows.values() for name in values})
        model.objects.bulk_update(changed, fields)
    model.objects.bulk_create(new)
