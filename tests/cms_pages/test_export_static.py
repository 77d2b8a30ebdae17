import io
import re

import pytest
from django.core.management import CommandError, call_command

from cms_pages.export import check_links

pytestmark = pytest.mark.django_db


def export(output, site="localhost"):
    out = io.StringIO()
    call_command("export_static", "--site", site, "--output", str(output), stdout=out)
    return out.getvalue()


def test_export_writes_every_language_with_static_files_and_reports_it(demo_site, tmp_path):
    output = export(tmp_path)
    assert "Wrote " in output and "No broken internal links." in output
    ky = (tmp_path / "ky" / "index.html").read_text(encoding="utf-8")
    ru = (tmp_path / "ru" / "index.html").read_text(encoding="utf-8")
    assert "«Ала-Тоо» жалпы орто билим берүүчү мектеби" in ky
    assert "Средняя общеобразовательная школа «Ала-Тоо»" in ru
    assert (tmp_path / "static" / "css" / "site.css").exists()
    assert 'href="../static/css/site.css"' in ru
    assert 'href="../ky/"' in ru


def test_the_root_of_the_export_sends_visitors_to_kyrgyz(demo_site, tmp_path):
    export(tmp_path)
    root = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=ky/"' in root


def test_exported_links_all_resolve(demo_site, tmp_path):
    export(tmp_path)
    assert check_links(tmp_path) == []


def test_link_check_finds_a_missing_file(demo_site, tmp_path):
    export(tmp_path)
    (tmp_path / "static" / "css" / "site.css").unlink()
    assert ("ky/index.html", "../static/css/site.css") in check_links(tmp_path)


def test_unknown_site_is_refused_with_the_known_ones(demo_site, tmp_path):
    with pytest.raises(CommandError, match="known: localhost"):
        export(tmp_path, site="nowhere.kg")


def test_export_contains_news_pages_images_feeds_and_site_maps(demo_site, tmp_path):
    export(tmp_path)
    for name in (
        "ru/news/index.html",
        "ru/news/page/2/index.html",
        "ky/news/fire-drill/index.html",
        "ru/news/feed.atom",
        "ky/events/calendar.ics",
        "ky/site-map/index.html",
        "sitemap.xml",
        "robots.txt",
    ):
        assert (tmp_path / name).is_file(), name
    article = (tmp_path / "ru" / "news" / "fire-drill" / "index.html").read_text(encoding="utf-8")
    # Image files start with a random token (schoolsite/storage.py).
    assert re.search(r'src="\.\./\.\./\.\./media/images/[0-9a-f]{16}_demo-fire-drill', article)
    assert list((tmp_path / "media" / "images").glob("*_demo-fire-drill*.fill-720x405.png"))
    news = (tmp_path / "ru" / "news" / "index.html").read_text(encoding="utf-8")
    assert 'href="page/2/"' in news and 'href="feed.atom"' in news


def test_search_stays_a_form_that_the_link_check_does_not_follow(demo_site, tmp_path):
    export(tmp_path)
    home = (tmp_path / "ky" / "index.html").read_text(encoding="utf-8")
    assert 'action="/ky/search/" method="get"' in home
    assert not (tmp_path / "ky" / "search").exists()
