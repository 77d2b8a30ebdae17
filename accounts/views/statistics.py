"""A school's usage statistics in the admin: views per day (a chart drawn on the server, and the
same figures as a table), the most read pages and disclosure sections, the searches that found
nothing and the visitors' messages per topic, with the daily figures as CSV.

One school at a time, among those where the user holds `Can.VIEW_STATISTICS` (its site
administrators and director); naming any other school answers 404.
"""

import csv
import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms_pages.models import PageViewDay
from cms_pages.statistics.summary import usage_summary

from ..roles import Can
from ..scope import sites_where

DEFAULT_DAYS = 30
CHART_HEIGHT = 120
BAR_WIDTH = 10
BAR_GAP = 2


class PeriodForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Month"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
    )

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                _("Choose a month as year and month, for example 2026-11.")
            ) from None
        if not 2000 <= month.year <= 2100:
            raise forms.ValidationError(_("Choose a month between 2000 and 2100."))
        return month


def period(month: datetime.date | None) -> tuple[datetime.date, datetime.date]:
    """The chosen month, or the last 30 days up to today; the end is exclusive."""
    if month is None:
        end = timezone.localdate() + datetime.timedelta(days=1)
        return end - datetime.timedelta(days=DEFAULT_DAYS), end
    next_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return month, next_month


def chosen_school(request):
    sites = sites_where(request.user, Can.VIEW_STATISTICS)
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("school", "")
    if not chosen:
        return sites[0], sites
    site = next((site for site in sites if str(site.pk) == chosen), None)
    if site is None:
        raise Http404
    return site, sites


def chosen_period(request):
    form = PeriodForm(request.GET)
    month = form.cleaned_data["month"] if form.is_valid() else None
    return form, period(month)


def bars(by_day) -> list[dict]:
    """One bar a day, as tall as its share of the busiest day."""
    highest = max((views for _day, views in by_day), default=0) or 1
    drawn = []
    for number, (day, views) in enumerate(by_day):
        height = round(CHART_HEIGHT * views / highest)
        drawn.append(
            {
                "x": number * (BAR_WIDTH + BAR_GAP),
                "y": CHART_HEIGHT - height,
                "height": height,
                "day": day,
                "views": views,
            }
        )
    return drawn


def statistics(request):
    site, sites = chosen_school(request)
    form, (start, end) = chosen_period(request)
    summary = usage_summary(site, start, end)
    query = request.GET.copy()
    query["school"] = site.pk
    return render(
        request,
        "accounts/statistics/index.html",
        {
            "page_title": _("Statistics"),
            "site": site,
            "sites": sites,
            "form": form,
            "start": start,
            "last_day": end - datetime.timedelta(days=1),
            "summary": summary,
            "bars": bars(summary["by_day"]),
            "chart_width": max(1, len(summary["by_day"])) * (BAR_WIDTH + BAR_GAP),
            "chart_height": CHART_HEIGHT,
            "bar_width": BAR_WIDTH,
            "query": query.urlencode(),
        },
    )


def statistics_csv(request):
    site, _sites = chosen_school(request)
    _form, (start, end) = chosen_period(request)
    rows = (
        PageViewDay.objects.filter(site=site, day__gte=start, day__lt=end)
        .select_related("page")
        .order_by("day", "path", "language")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"statistics-{site.hostname}-{start.isoformat()}-{end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([_("Day"), _("Address"), _("Page"), _("Language"), _("Views"), _("Visitors")])
    for row in rows:
        title = row.page.title if row.page else ""
        day = row.day.isoformat()
        path, title = spreadsheet_text(row.path), spreadsheet_text(title)
        writer.writerow([day, path, title, row.language, row.views, row.visitors])
    return response


def spreadsheet_text(text: str) -> str:
    """A text a spreadsheet shows as text: one that begins like a formula (a title such as
    "=HYPERLINK(...)") gets a leading apostrophe, so opening the file runs nothing."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
