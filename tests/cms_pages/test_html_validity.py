"""The Nu Html Checker (vnu) finds no error in any public page type, in either language."""

import json

import pytest
from django.template.loader import render_to_string

from tests.html_checker import html_errors

from .public_site import PAGE_TYPE_PATHS as PAGES
from .public_site import announce

pytestmark = pytest.mark.django_db


def test_every_public_page_type_is_valid_html(client, demo_site, tmp_path, vnu):
    announce(demo_site, "Кулактандыруу", "Объявление")
    files = []
    for lang in ("ky", "ru"):
        for number, template in enumerate(PAGES):
            response = client.get(template.format(lang=lang))
            file = tmp_path / f"{lang}-{number}.html"
            file.write_bytes(response.content)
            files.append(str(file))
    (tmp_path / "500.html").write_text(render_to_string("500.html"), encoding="utf-8")
    files.append(str(tmp_path / "500.html"))
    errors = html_errors(vnu, files)
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
