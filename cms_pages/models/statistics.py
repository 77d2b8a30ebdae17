"""Daily usage figures of a school's public site: page views and the searches that found
nothing. Only counts are kept: no address, no cookie, no visitor hash reaches the database
(cms_pages/statistics explains how they are counted)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PATH_LENGTH = 255
QUERY_LENGTH = 100


class PageViewDay(models.Model):
    """Views of one address of a school in one language on one day."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    # The page the address named when the figures were written; empty for an address outside
    # the page tree (the site map) or a page deleted since.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    path = models.CharField(_("address"), max_length=PATH_LENGTH)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)
    # Distinct visitors of this address that day (told apart by a hash that changes every day).
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    class Meta:
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views of a day")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "day", "path", "language"], name="unique_page_view_day"
            )
        ]
        indexes = [models.Index(fields=["site", "day"], name="page_view_site_day")]

    def __str__(self):
        return f"{self.day} {self.path}: {self.views}"


class SchoolVisitorsDay(models.Model):
    """Distinct visitors of a school's public site on one day, whatever they read."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    day = models.DateField(_("day"))
    visitors = models.PositiveIntegerField(_("visitors"), default=0)

    class Meta:
        verbose_name = _("visitors of a day")
        verbose_name_plural = _("visitors of a day")
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="unique_school_visitors_day")
        ]

    def __str__(self):
        return f"{self.day}: {self.visitors}"


class EmptySearchDay(models.Model):
    """How often visitors searched a school's site for a query that found nothing, on one day."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    query = models.CharField(_("query"), max_length=QUERY_LENGTH)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("searches without results of a day")
        verbose_name_plural = _("searches without results of a day")
        constraints = [
            models.UniqueConstraint(fields=["site", "day", "query"], name="unique_empty_search_day")
        ]
        indexes = [models.Index(fields=["site", "day"], name="empty_search_site_day")]

    def __str__(self):
        return f"{self.day} {self.query}: {self.searches}"
