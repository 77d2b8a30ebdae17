"""A deleted page's log entry keeps the school it was deleted from.

A log entry names its page by id; once the page is deleted nothing ties the entry to a school,
so a report could not list the deletion. Wagtail logs a deletion while the page still exists,
and at that moment the school is written into the entry's data (`site_id`).
"""

from wagtail.models import Page, PageLogEntry

from ..scope import site_of_page

DELETE = "wagtail.delete"


def remember_the_school_of_a_deleted_page(sender, instance, created, **kwargs):
    if not created or instance.action != DELETE or "site_id" in (instance.data or {}):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    site = site_of_page(page) if page is not None else None
    if site is not None:
        data = {**(instance.data or {}), "site_id": site.pk}
        PageLogEntry.objects.filter(pk=instance.pk).update(data=data)
        instance.data = data
