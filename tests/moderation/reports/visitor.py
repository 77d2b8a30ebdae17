"""A visitor who reports a page through the form, as a browser would send it."""

import re

from django.test import Client

HOST, OTHER_HOST = "school1.test", "school2.test"


def scraped_token(html: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def report_form(client: Client, page_id, lang="ky", host=HOST):
    return client.get(f"/{lang}/report/", {"page": page_id}, HTTP_HOST=host)


def send_report(
    page_id, reason="wrong", comment="", lang="ky", host=HOST, ip="198.51.100.7", **extra
):
    """A visitor opens the form from the page's footer link and sends it."""
    client = Client(REMOTE_ADDR=ip)
    form = report_form(client, page_id, lang, host)
    assert form.status_code == 200, form.content[:300]
    data = {
        "page": str(page_id),
        "reason": reason,
        "comment": comment,
        "website": "",
        "form_token": scraped_token(form.content.decode()),
    } | extra
    return client.post(f"/{lang}/report/", data, HTTP_HOST=host)
