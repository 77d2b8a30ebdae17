import io
import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.models import Site

from tests.html_checker import vnu_command
from tests.live_server_lock import share_the_test_connection
from tests.quick_flush import use_delete_to_flush
from tests.schools import TEST_SCHOOLS, build_school
from tests.template_database import install as copy_test_databases_from_a_template

# Where the tests' schools come from. `make test` runs the suite in three parts
# (MEKTEP_TEST_PART), each in its own test databases:
# - "demo": the tests that use `demo_site` inside a rolled-back transaction. The demo school is
#   loaded once per test database (once per xdist worker), and each test sees it as new:
#   whatever a test changes is rolled back with its transaction;
# - "schools": likewise, the tests that use the two test schools of tests/schools.py;
# - "others": every other test (an empty database, both kinds of school, or data committed for
#   the browser tests' live server), building what it needs itself.
# Unset, every test runs and builds its schools itself.
TEST_PART = os.environ.get("MEKTEP_TEST_PART", "")
# Every test database after the first is a copy of a migrated one (tests/template_database.py).
copy_test_databases_from_a_template()
PARTS = ("demo", "schools", "others")
COMMITTING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def part_of(item) -> str:
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    commits = names & COMMITTING_FIXTURES or (
        marker is not None
        and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )
    demo, schools = "demo_site" in names, "preloaded_schools" in names
    if commits or demo == schools:
        return "others"
    return "demo" if demo else "schools"


def pytest_collection_modifyitems(config, items):
    if TEST_PART not in PARTS:
        return
    kept = [item for item in items if part_of(item) == TEST_PART]
    deselected = [item for item in items if part_of(item) != TEST_PART]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with the part's schools in it, committed."""
    if connection.vendor == "postgresql":
        use_delete_to_flush()
    with django_db_blocker.unblock():
        if TEST_PART == "demo":
            call_command("load_demo", stdout=io.StringIO())
        elif TEST_PART == "schools":
            for hostname, name in TEST_SCHOOLS.items():
                build_school(hostname, name)


@pytest.fixture
def preloaded_schools(db) -> bool:
    """Whether tests/schools.py's two test schools are already in the database; the tests that
    use them ask for this fixture, which puts them in the "schools" part."""
    return TEST_PART == "schools"


@pytest.fixture
def demo_site(db) -> Site:
    """The demo school, loaded through the same command `make run` uses."""
    if TEST_PART != "demo":
        call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def live_server(live_server):
    """pytest-django's live server (one per session), on the test thread's own connection to an
    in-memory SQLite database and using it one request at a time (tests/live_server_lock.py)."""
    share_the_test_connection(live_server)
    return live_server


@pytest.fixture
def vnu() -> list[str]:
    """The Nu Html Checker's command line (tests/html_checker.py)."""
    return vnu_command()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="platform-admin", email="admin@example.org", password="correct horse battery"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache.

    The test cache is one directory per worker process, and a test's transaction is rolled back
    but its cache entries are not: an entry left by an earlier test (Wagtail's site root paths,
    image renditions) could be read, or expire, in the middle of the next test and change what
    it measures (a query budget was once one query over, on PostgreSQL only).
    """
    for alias in ("default", "statistics"):
        caches[alias].clear()
    yield
    for alias in ("default", "statistics"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever the previous request activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_terminal_summary(terminalreporter):
    """The fuzz tests' total (tests/schoolsite/test_fuzz.py), from every xdist worker."""
    totals = {"fuzz_requests": 0, "fuzz_server_errors": 0}
    tests = 0
    for reports in terminalreporter.stats.values():
        for report in reports:
            properties = dict(getattr(report, "user_properties", ()))
            if "fuzz_requests" in properties:
                tests += 1
                for name in totals:
                    totals[name] += properties.get(name, 0)
    if tests:
        terminalreporter.write_line(
            f"fuzz: {totals['fuzz_requests']} requests from {tests} tests, "
            f"{totals['fuzz_server_errors']} server errors ({connection.vendor})"
        )
