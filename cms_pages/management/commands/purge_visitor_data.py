"""Remove visitors' personal data once it is no longer needed (003 §6.2, issue 12).

A message closed more than MEKTEP_VISITOR_DATA_RETENTION_DAYS days ago (365 unless set) loses
its author's name, e-mail and phone and also its text and the answer, which may name people too;
so does a message the checker held that no moderator decided on within that period.
What remains (the reference, topic, dates and status) keeps the school's statistics. A question
published on the questions page is a separate record, written without the author's details, and
stays. The words of searches that found nothing (usage statistics) may be anything a visitor
typed, a name or a phone too: the days older than the same period are deleted. Run daily
(README, "Visitors' messages").
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms_pages.models import EmptySearchDay, VisitorMessage
from cms_pages.models.visitors import retention_days


class Command(BaseCommand):
    help = (
        "Anonymise visitors' messages closed (or held by the check and never decided) more than "
        "MEKTEP_VISITOR_DATA_RETENTION_DAYS days ago: their author's name, e-mail, phone, the "
        "text and the answer are removed; the words of searches that found nothing, kept "
        "longer than that, are deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the messages that would be purged."
        )

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=retention_days())
        closed = Q(status=VisitorMessage.Status.CLOSED, closed_at__lt=cutoff)
        held = Q(screening=VisitorMessage.Screening.HELD, received_at__lt=cutoff)
        due = VisitorMessage.objects.filter(closed | held, anonymised_at__isnull=True)
        searches = EmptySearchDay.objects.filter(day__lt=cutoff.date())
        if options["dry_run"]:
            self.stdout.write(f"{due.count()} messages would be anonymised.")
            self.stdout.write(f"{searches.count()} days of searches would be deleted.")
            return
        count = 0
        with transaction.atomic():
            for message in due.select_for_update():
                message.erase_personal_data()
                message.save()
                count += 1
            deleted, _by_model = searches.delete()
        self.stdout.write(f"{count} messages anonymised (closed before {cutoff:%Y-%m-%d}).")
        self.stdout.write(f"{deleted} days of searches that found nothing deleted.")
