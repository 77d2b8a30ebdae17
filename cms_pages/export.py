"""Exporting a school's public site as plain files any static web server can serve.

The export walks the site through the same door a visitor uses (HTTP requests to the public
URLs, here answered in-process by Django's test client), so it contains exactly what the public
may see. Every internal link found in HTML and CSS is followed; the files are written under the
output folder by URL path (`/ky/sveden/` -> `ky/sveden/index.html`) and internal links are
rewritten to relative ones, so the copy also works from a sub-folder.
"""

import html as htmlmod
import mimetypes
import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client

CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
HTML_TYPES = ("text/html",)
CSS_TYPES = ("text/css",)
# Not part of the public static site: the admin, the API and the language-switch endpoint.
EXCLUDED_PREFIXES = ("/admin/", "/api/", "/i18n/", "/django-admin/")


HTML_LINK = re.compile(r"""\b(href|src|srcset|poster|data)=(["'])(.*?)\2""", re.DOTALL)


def _map_srcset(value: str, mapper) -> str:
    parts = []
    for candidate in value.split(","):
        words = candidate.split()
        if words:
            words[0] = mapper(words[0]) or words[0]
        parts.append(" ".join(words))
    return ", ".join(parts)


def rewrite_html(html: str, mapper) -> str:
    """`html` with each link attribute passed through `mapper` (None keeps the link)."""

    def replace(match):
        name, quote, value = match.groups()
        unescaped = htmlmod.unescape(value)
        is_srcset = name == "srcset"
        new = _map_srcset(unescaped, mapper) if is_srcset else (mapper(unescaped) or unescaped)
        if new == unescaped:
            return match.group(0)
        return f"{name}={quote}{htmlmod.escape(new, quote=True)}{quote}"

    return HTML_LINK.sub(replace, html)


def rewrite_css(css: str, mapper) -> str:
    def replace(match):
        quote, value = match.groups()
        return f"url({quote}{mapper(value) or value}{quote})"

    return CSS_URL.sub(replace, css)


def html_links(html: str) -> list[str]:
    links = []
    rewrite_html(html, links.append)
    return links


def css_links(css: str) -> list[str]:
    links = []
    rewrite_css(css, links.append)
    return links


@dataclass
class Fetched:
    content_type: str
    body: bytes | None
    location: str = ""
    status: int = 200


def guess_type(path: str) -> str:
    return mimetypes.guess_type(path.partition("?")[0])[0] or "application/octet-stream"


def read_static(name: str) -> bytes | None:
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    found = finders.find(name)
    return Path(found).read_bytes() if found else None


def read_media(name: str) -> bytes | None:
    if not default_storage.exists(name):
        return None
    with default_storage.open(name) as handle:
        return handle.read()


@dataclass
class ExportReport:
    pages: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)
    # Paths the site answered with a server error (logged with its traceback), not exported.
    server_errors: list[str] = field(default_factory=list)
    bytes_written: int = 0


class SiteExporter:
    def __init__(self, hostname: str, output: Path, port: int = 80):
        self.hostname = hostname
        self.output = Path(output)
        host = hostname if port in (80, 443) else f"{hostname}:{port}"
        # A page that fails is reported, not raised: the export goes on and says which.
        self.client = Client(HTTP_HOST=host, raise_request_exception=False)
        self.host_prefixes = (f"http://{host}", f"https://{host}")

    def internal_path(self, link: str, base: str) -> str | None:
        """The site path a link points to, or None when it leaves the public site."""
        link = urldefrag(link.strip())[0]
        if not link or link.startswith(("mailto:", "tel:", "data:", "javascript:", "#")):
            return None
        for prefix in self.host_prefixes:
            if link.startswith(prefix):
                link = link[len(prefix) :] or "/"
        # Images in a shared bucket (schoolsite/object_storage.py) are copied like those on disk.
        bucket = getattr(default_storage, "public_url_prefix", "")
        if bucket and link.startswith(bucket):
            link = settings.MEDIA_URL + link[len(bucket) :]
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            return None
        path = posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
        if path.startswith(EXCLUDED_PREFIXES):
            return None
        return path + (f"?{parts.query}" if parts.query else "")

    @staticmethod
    def file_for(path: str) -> str:
        """Where a site path is stored in the export, relative to the output folder."""
        path, _sep, query = path.partition("?")
        path = unquote(path).lstrip("/")
        if query:
            stem = re.sub(r"[^A-Za-z0-9_-]+", "-", query).strip("-")
            return posixpath.join(path, f"index-{stem}.html")
        if not path or path.endswith("/"):
            return posixpath.join(path, "index.html")
        return path

    def relative_link(self, from_path: str, to_path: str) -> str:
        target = self.file_for(to_path)
        if target.endswith("/index.html") or target == "index.html":
            target = target[: -len("index.html")]
        source_dir = posixpath.dirname(self.file_for(from_path))
        relative = posixpath.relpath(target or ".", source_dir or ".")
        if target.endswith("/") or not target:
            relative = relative.rstrip("/") + "/"
        return "./" if relative in (".", "./") else relative

    def fetch(self, path: str) -> Fetched:
        """A path's content: static and media files from storage (a production server serves
        them itself, not Django), everything else through the public site."""
        for prefix, read in ((settings.STATIC_URL, read_static), (settings.MEDIA_URL, read_media)):
            if prefix and path.startswith(prefix):
                body = read(unquote(path[len(prefix) :].partition("?")[0]))
                return Fetched(guess_type(path), body)
        response = self.client.get(path, follow=False)
        if response.status_code in (301, 302) and response.has_header("Location"):
            return Fetched("", None, location=response["Location"])
        if response.status_code != 200:
            return Fetched("", None, status=response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return Fetched(response.get("Content-Type", ""), body)

    def export(self, start_paths: list[str]) -> ExportReport:
        report = ExportReport()
        queue, seen, linked_from = deque(start_paths), set(start_paths), {}
        self.output.mkdir(parents=True, exist_ok=True)
        while queue:
            path = queue.popleft()
            fetched = self.fetch(path)
            if fetched.location:
                target = self.internal_path(fetched.location, path)
                if target and target not in seen:
                    seen.add(target)
                    queue.append(target)
                if target:
                    self.write_redirect(path, target, report)
                continue
            if fetched.body is None and fetched.status >= 500:
                report.server_errors.append(path)
                continue
            if fetched.body is None:
                report.broken.append((linked_from.get(path, "(start)"), path))
                continue
            content_type, body = fetched.content_type, fetched.body
            if content_type.startswith(HTML_TYPES + CSS_TYPES):
                text = body.decode("utf-8")

                def follow(link, path=path):
                    target = self.internal_path(link, path)
                    if target is None:
                        return None
                    if target not in seen:
                        seen.add(target)
                        linked_from[target] = path
                        queue.append(target)
                    # Absolute links (hreflang alternates, Open Graph) stay absolute.
                    if link.startswith(self.host_prefixes):
                        return None
                    return self.relative_link(path, target)

                rewrite = rewrite_html if content_type.startswith(HTML_TYPES) else rewrite_css
                body = rewrite(text, follow).encode("utf-8")
            self.write(path, body, report, is_page=content_type.startswith(HTML_TYPES))
        return report

    def write(self, path: str, body: bytes, report: ExportReport, is_page: bool) -> None:
        target = self.output / self.file_for(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        report.bytes_written += len(body)
        (report.pages if is_page else report.files).append(path)

    def write_redirect(self, path: str, target: str, report: ExportReport) -> None:
        link = self.relative_link(path, target)
        html = (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={link}">'
            f'<link rel="canonical" href="{link}"><title>{link}</title></head>'
            f'<body><a href="{link}">{link}</a></body></html>'
        )
        self.write(path, html.encode("utf-8"), report, is_page=True)


def start_paths() -> list[str]:
    # The machine-read files are linked from no page, so they are named here.
    languages = [f"/{code}/" for code, _name in settings.LANGUAGES]
    return ["/", *languages, "/robots.txt", "/sitemap.xml"]


def check_links(output: Path) -> list[tuple[str, str]]:
    """Every relative link in the exported HTML and CSS that points to no file."""
    broken = []
    for file in sorted(Path(output).rglob("*")):
        if file.suffix not in {".html", ".css"}:
            continue
        text = file.read_text(encoding="utf-8")
        links = html_links(text) if file.suffix == ".html" else css_links(text)
        for link in links:
            link = urldefrag(link)[0]
            parts = urlsplit(link)
            if not link or parts.scheme or parts.netloc or link.startswith(("/", "#")):
                continue
            target = (file.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(file.relative_to(output)), link))
    return broken
