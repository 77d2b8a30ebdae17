"""No input gives a server error (issue 10, finding 3): generated values (control characters,
NUL, quotes, huge numbers, any Unicode, very long text) sent to every public URL family, every
parameter of the API and the public forms, on whichever database the suite runs on (CI runs it
on SQLite and on PostgreSQL). Any answer of 500 or more fails.

The demo school is loaded once for the module, in a transaction rolled back at its end; each
request runs in a savepoint of its own, so a database error in one cannot hide behind or spill
into the next. Hypothesis runs derandomized and keeps no example database, so a run depends
only on the code (Hypothesis also draws on string constants it finds in it); each test reports
how many requests it sent (printed, and summed at the end of the run by tests/conftest.py).
"""

import io
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client, override_settings
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Values that broke something once, or that commonly do.
NASTY = [
    "",
    " ",
    '"',
    'a"b',
    '"""',
    "'",
    "\\",
    "\x00",
    "a\x00b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\uffff",
    "🙂",
    "-",
    "--",
    "*",
    "%",
    "%00",
    "../..",
    "//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "<script>",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-12:00",
    "2025-13-45",
    "true",
    "null",
    "AND OR NOT NEAR",
    "a:b",
    "title,-id",
    "random",
    "*,-title",
    "_,title(id)",
    "cms_pages.NewsPage",
    "wagtailcore.Page,auth.User",
    "root",
    "ky",
    "ru",
    "en",
    "and",
    "or",
    "ы" * 201,
    "a" * 5000,
]
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(max_codepoint=0x9F), max_size=20),
    st.integers().map(str),
    st.text(min_size=200, max_size=3000),
)
# Marked so that pytest-django sets up the test database (and each test runs in a savepoint);
# the module's demo school is loaded below that, once.
pytestmark = pytest.mark.django_db

ITEM_IDS = st.one_of(st.integers(min_value=-5, max_value=120), st.integers().map(abs))


def as_wsgi(header: str) -> str:
    """A header as a WSGI server hands it to Django: the bytes sent (UTF-8 here), each read as
    one Latin-1 character (PEP 3333)."""
    return header.encode("utf-8", "surrogatepass").decode("latin-1")


class Sender:
    """Sends requests with a fresh client each and counts them; fails at the first 500."""

    def __init__(self):
        self.count = 0
        self.server_errors = 0

    def send(self, method, path, data=None, **extra):
        self.count += 1
        client = Client(raise_request_exception=False)
        for name, value in extra.pop("cookies", {}).items():
            client.cookies[name] = as_wsgi(value)
        extra = {name: as_wsgi(value) for name, value in extra.items()}
        if method == "OPTIONS":  # its data is the body; the parameters go in the query
            request, path, data = client.options, f"{path}?{urlencode(data or {})}", ""
        else:
            request = getattr(client, method.lower())
        try:
            with transaction.atomic():
                response = request(path, data, **extra)
        except DatabaseError as error:  # the savepoint could not be released: the DB failed
            self.server_errors += 1
            raise AssertionError(f"{method} {path} {data!r}: database error {error}") from error
        self.server_errors += response.status_code >= 500
        if response.status_code >= 500:
            error = response.exc_info[1] if response.exc_info else None
            raise AssertionError(
                f"{method} {path} {data!r} {extra!r}: server error {response.status_code} {error!r}"
            )
        return response


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo school, for the whole module: paths of its pages and ids of its files."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        site = Site.objects.get(is_default_site=True)
        paths = set()
        for page in Page.objects.live().descendant_of(site.root_page, inclusive=True):
            for code in LANGUAGES:
                with translation.override(code):
                    paths.add(page.url)
        documents = [
            (document.pk, document.filename) for document in get_document_model().objects.all()
        ]
        demo = {
            "paths": sorted(paths),
            "documents": documents,
            "images": list(get_image_model().objects.values_list("pk", flat=True)),
            "pages": list(Page.objects.values_list("pk", flat=True)),
        }
        yield demo
        transaction.set_rollback(True)


@pytest.fixture
def fuzz(demo, record_property, request):
    sender = Sender()
    yield sender
    record_property("fuzz_requests", sender.count)
    record_property("fuzz_server_errors", sender.server_errors)
    print(
        f"\nfuzz {request.node.name} ({connection.vendor}): {sender.count} requests, "
        f"{sender.server_errors} server errors"
    )


def public_paths(demo):
    feeds = [f"/{code}/news/feed.atom" for code in LANGUAGES]
    calendars = [f"/{code}/events/calendar.ics" for code in LANGUAGES]
    files = [f"/documents/{pk}/{quote(name)}" for pk, name in demo["documents"]]
    api = ["/api/v2/disclosure/", "/api/v2/announcements/", "/api/v2/schema/"]
    fixed = ["/", "/sitemap.xml", "/robots.txt", *api, "/i18n/setlang/"]
    per_language = ["search/", "site-map/", "accessibility/", "news/page/2/", "no-such-page/"]
    per_language += ["report/", "report/thanks/"]
    return sorted(
        {*demo["paths"], *feeds, *calendars, *files, *fixed}
        | {f"/{code}/{path}" for code in LANGUAGES for path in per_language}
    )


def query(valid: dict[str, list[str]]):
    """Query parameters: some of `valid`'s names, each with one of its valid values or a
    generated one, and now and then a name nobody knows."""

    def value(name):
        if not valid.get(name):
            return TEXT
        valid_value = st.sampled_from(valid[name])
        return st.one_of(valid_value, valid_value, TEXT)  # mostly valid: the rest goes deeper

    known = st.lists(st.sampled_from(sorted(valid)), min_size=1, max_size=4, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({name: value(name) for name in chosen})
    )
    unknown = st.one_of(st.just({}), st.just({}), st.just({}), st.dictionaries(TEXT, TEXT))
    return st.tuples(known, unknown).map(lambda both: {**both[1], **both[0]})


PAGE_PARAMETERS = {
    "q": ["мектеп", "школа", '"китепкана"'],
    "page": ["1", "2", "last"],
    "next": ["/ru/", "/ky/news/"],
    "mode": ["on", "off"],
    "images": ["on", "off"],
    "format": [],
    "language": ["ky", "ru"],
    "utm_source": [],
    "reason": ["wrong", "personal_data"],
    "comment": [],
    "form_token": [],
}


def test_every_public_url_with_any_parameters_cookies_and_method(fuzz, demo):
    paths = public_paths(demo)

    @settings(FUZZ, max_examples=300)
    @given(
        path=st.sampled_from(paths),
        method=st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS"]),
        params=query(PAGE_PARAMETERS),
        cookies=st.dictionaries(st.sampled_from(["mektep_a11y", "mektep_images"]), TEXT),
        language=st.one_of(st.none(), TEXT),
    )
    def check(path, method, params, cookies, language):
        extra = {"cookies": cookies}
        if language is not None:
            extra["HTTP_ACCEPT_LANGUAGE"] = language
        fuzz.send(method, path, params, **extra)

    check()


def test_any_path_under_the_language_prefixes_and_the_documents(fuzz, demo):
    known = [pk for pk, _name in demo["documents"]]

    @settings(FUZZ, max_examples=250)
    @given(
        prefix=st.sampled_from([*(f"/{code}/" for code in LANGUAGES), "/", "/documents/"]),
        segments=st.lists(TEXT, min_size=1, max_size=4),
        trailing=st.sampled_from(["/", "", "/feed.atom", "/calendar.ics", "/page/2/"]),
        document=st.one_of(st.sampled_from(known), ITEM_IDS),
    )
    def check(prefix, segments, trailing, document):
        path = prefix + "/".join(quote(segment, safe="") for segment in segments) + trailing
        fuzz.send("GET", path)
        fuzz.send("GET", f"/documents/{document}/{quote(segments[0], safe='')}")

    check()


def test_search_and_display_preferences(fuzz, demo):
    @settings(FUZZ, max_examples=200)
    @given(
        language=st.sampled_from(LANGUAGES),
        query=TEXT,
        page=TEXT,
        next_url=TEXT,
        mode=TEXT,
        images=TEXT,
    )
    def check(language, query, page, next_url, mode, images):
        fuzz.send("GET", f"/{language}/search/", {"q": query, "page": page})
        fuzz.send(
            "GET",
            f"/{language}/accessibility/",
            {"next": next_url, "mode": mode, "images": images},
        )
        # The other forms anyone may send: Django's language switch and the admin's sign-in and
        # password reset.
        fuzz.send("POST", "/i18n/setlang/", {"language": mode, "next": next_url})
        fuzz.send("POST", "/admin/login/", {"username": query, "password": page, "next": next_url})
        fuzz.send("POST", "/admin/password_reset/", {"email": query})

    check()


def test_the_feedback_form_with_any_values(fuzz, demo):
    """A message that passes the guard (a valid token, no fill-time or rate limit in the way) is
    validated, stored and screened by the checker: generated values in every field."""
    from cms_pages.models import Topic
    from cms_pages.visitor_guard import token_issued_seconds_ago

    unlimited = {"address": (10**9, 3600), "school": (10**9, 86400)}
    # Mostly valid values, so that many messages get past validation to the store and the
    # checker; the generated ones go wherever they can.
    valid_email = st.sampled_from(["ata@example.kg", "ata@example.kg", ""])
    valid_phone = st.sampled_from(["+996 312 123456", ""])
    valid_text = st.sampled_from(["Биринчи класска качан кабыл алынат?", "Когда приём в 1 класс?"])

    @settings(FUZZ, max_examples=120)
    @given(
        language=st.sampled_from(LANGUAGES),
        name=st.one_of(st.just("Гүлнара"), TEXT),
        email=st.one_of(valid_email, valid_email, TEXT),
        phone=st.one_of(valid_phone, valid_phone, TEXT),
        topic=st.one_of(st.sampled_from(Topic.values), st.sampled_from(Topic.values), TEXT),
        text=st.one_of(valid_text, valid_text, TEXT),
        may_publish=st.sampled_from(["on", "", "0"]),
        consent=st.one_of(st.just("on"), st.just("on"), TEXT),
    )
    def check(language, name, email, phone, topic, text, may_publish, consent):
        form = {"name": name, "email": email, "phone": phone, "topic": topic, "text": text}
        form |= {"may_publish": may_publish, "consent": consent, "website": ""}
        form["form_token"] = token_issued_seconds_ago(60)
        fuzz.send("POST", f"/{language}/feedback/", form)

    from cms_pages.models import VisitorMessage

    before = VisitorMessage.objects.count()
    with override_settings(
        MEKTEP_VISITOR_MIN_FILL_SECONDS=0, MEKTEP_VISITOR_LIMITS={"feedback": unlimited}
    ):
        check()
    assert VisitorMessage.objects.count() > before  # the generated values reached the store too


# Fields that page types add to the pages endpoint's filters when ?type= names them.
PAGE_TYPE_FIELDS = [
    "title_ky",
    "title_ru",
    "date",
    "intro_ru",
    "leaders",
    "documents",
    "programmes",
    "management_bodies",
    "facilities",
    "menus",
    "standards",
    "financial_reports",
    "available_places",
    "rules_document",
    "regulation_document",
    "evacuation_plan",
    "emergency_contacts",
    "overview_ru",
    "admission_rules_ky",
]
PAGE_TYPES = [
    "cms_pages.NewsPage",
    "cms_pages.HomePage",
    "cms_pages.LeadershipPage",
    "cms_pages.StructurePage",
    "cms_pages.AdmissionsPage",
    "cms_pages.SafetyPage",
    "cms_pages.EducationPage",
    "cms_pages.NutritionPage",
    "wagtailcore.Page",
    "cms_pages.NewsPage,cms_pages.EventIndexPage",
]


def api_parameters(demo) -> dict[str, list[str]]:
    page_ids = [str(pk) for pk in demo["pages"]]
    return {
        "search": ["мектеп", "китепкана", "школа библиотека", "Ала-Тоо"],
        "search_operator": ["and", "or", "AND"],
        "offset": ["0", "1", "5", "20"],
        "limit": ["0", "1", "20", "21"],
        "order": ["title", "-title", "id", "-first_published_at", "random", "slug,title"],
        "fields": ["*", "_", "title", "-title", "*,-title", "parent", "body", "leaders(*)"],
        "type": PAGE_TYPES,
        "child_of": [*page_ids, "root"],
        "ancestor_of": page_ids,
        "descendant_of": [*page_ids, "root"],
        "translation_of": page_ids,
        "locale": ["ky", "ru", "en"],
        "site": ["localhost", "localhost:80", "localhost:abc"],
        "first_published_at": ["2025-09-01", "2025-09-01T08:00:00Z"],
        "slug": ["news", "sveden"],
        "title": ["Новости"],
        "id": page_ids,
        "show_in_menus": ["true", "false", "1"],
        "seo_title": [],
        "search_description": [],
        "alias_of": page_ids,
        "rich_text_format": ["html", "raw", "draftail"],
        "format": ["json", "api"],
        "tags": ["a,b"],
        "width": ["100"],
        "height": ["100"],
        "_": ["1"],
        **{name: ["1", "2"] for name in PAGE_TYPE_FIELDS},
    }


COMMON = ["search", "search_operator", "offset", "limit", "order", "fields", "format", "_"]
ENDPOINT_PARAMETERS = {
    "images": [*COMMON, "rich_text_format", "id", "title", "tags", "width", "height"],
    "documents": [*COMMON, "rich_text_format", "id", "title", "tags"],
    "pages": [
        *COMMON,
        "rich_text_format",
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
        "site",
        "first_published_at",
        "slug",
        "title",
        "id",
        "show_in_menus",
        "seo_title",
        "search_description",
        "alias_of",
    ],
}


def test_every_api_parameter_of_pages_images_and_documents(fuzz, demo):
    ids = {
        "pages": demo["pages"],
        "images": demo["images"],
        "documents": [pk for pk, _name in demo["documents"]],
    }
    valid = api_parameters(demo)

    def endpoint_query(endpoint):
        names = ENDPOINT_PARAMETERS[endpoint]
        if endpoint == "pages":
            names = [*names, *PAGE_TYPE_FIELDS]
        parameters = query({name: valid[name] for name in names})
        return st.tuples(st.just(endpoint), parameters)

    @settings(FUZZ, max_examples=500)
    @given(
        endpoint_params=st.sampled_from(["pages", "pages", "images", "documents"]).flatmap(
            endpoint_query
        ),
        view=st.sampled_from(["listing", "listing", "listing", "detail", "find"]),
        page_type=st.one_of(
            st.none(), st.sampled_from(PAGE_TYPES), st.sampled_from(PAGE_TYPES), TEXT
        ),
        item=st.one_of(ITEM_IDS, st.sampled_from(sorted({*ids["images"], *ids["documents"]}))),
        found=query({"id": [str(pk) for pk in demo["pages"]], "html_path": demo["paths"]}),
    )
    def check(endpoint_params, view, page_type, item, found):
        endpoint, params = endpoint_params
        if page_type is not None and endpoint == "pages":
            params = {**params, "type": page_type}
        if view == "detail":
            path = f"/api/v2/{endpoint}/{item}/"
        elif view == "find":
            path, params = f"/api/v2/{endpoint}/find/", {**params, **found}
        else:
            path = f"/api/v2/{endpoint}/"
        fuzz.send("GET", path, params)

    check()


def test_the_disclosure_document_with_any_language_and_host(fuzz, demo):
    @settings(FUZZ, max_examples=100)
    @given(params=query({"format": ["json"], "site": ["localhost"]}), language=TEXT, host=TEXT)
    def check(params, language, host):
        fuzz.send("GET", "/api/v2/disclosure/", params, HTTP_ACCEPT_LANGUAGE=language)
        fuzz.send("GET", "/ky/", HTTP_HOST=host)
        fuzz.send("GET", "/api/v2/announcements/", params, HTTP_HOST=host)

    check()
