"""Wagtail's ``publish_scheduled`` behind the publishing gate.

A revision scheduled earlier is checked again when its time comes (the rules or the school's
records may have changed). One that may not go live is unscheduled, and the refusal is written
to the page's history, while the other scheduled revisions are published as usual.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from moderation.gate import unscheduling_refused


class Command(WagtailCommand):
    def handle(self, *args, **options):
        with unscheduling_refused():
            return super().handle(*args, **options)
