"""Tell each school's director which visitors' messages were not answered in time (issue 12).
Run once a day (README, "Visitors' messages"); each run sends one e-mail per director of every
school with overdue messages."""

from django.core.management.base import BaseCommand

from accounts.inbox_mail import notify_overdue


class Command(BaseCommand):
    help = "E-mail each school's director the list of overdue visitors' messages."

    def handle(self, *args, **options):
        sent = notify_overdue()
        self.stdout.write(f"{sent} e-mails sent.")
