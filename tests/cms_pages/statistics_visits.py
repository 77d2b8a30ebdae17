"""Visitors for the usage-statistics tests: a person's browser, a robot, and the flush that
writes what they were counted for."""

import io

from django.core.management import call_command
from django.test import Client

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def browser(user_agent=FIREFOX, address="198.51.100.7", **headers) -> Client:
    return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address, **headers)


def flush_page_views() -> str:
    out = io.StringIO()
    call_command("flush_page_views", stdout=out)
    return out.getvalue()
