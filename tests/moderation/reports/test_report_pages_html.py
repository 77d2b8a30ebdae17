"""The Nu Html Checker finds no error in the report form (empty and with its errors), the thanks
and the page that explains a page cannot be reported, in either language."""

import json

from django.test import Client

from tests.html_checker import html_errors, saved

from .visitor import HOST, report_form, scraped_token


def test_the_report_pages_are_valid_html(school, quick_visitors, tmp_path, vnu):
    page_id = school.news_page.pk
    pages = {}
    for lang in ("ky", "ru"):
        client = Client()
        form = report_form(client, page_id, lang)
        pages[f"{lang}-form"] = form
        data = {"page": page_id, "comment": "<b>Ката</b> & «тексте»", "website": ""}
        data["form_token"] = scraped_token(form.content.decode())
        pages[f"{lang}-errors"] = client.post(f"/{lang}/report/", data, HTTP_HOST=HOST)
        thanks = client.post(f"/{lang}/report/", data | {"reason": "other"}, HTTP_HOST=HOST)
        pages[f"{lang}-thanks"] = client.get(thanks.url, HTTP_HOST=HOST)
        pages[f"{lang}-not-reportable"] = report_form(client, "0", lang)
    assert {name: response.status_code for name, response in pages.items()} == {
        name: 404 if name.endswith("not-reportable") else 200 for name in pages
    }
    errors = html_errors(vnu, saved(tmp_path, pages))
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
