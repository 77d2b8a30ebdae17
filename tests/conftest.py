import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from wagtail.models import Site


@pytest.fixture
def demo_site(db) -> Site:
    """The demo school, loaded through the same command `make run` uses."""
    call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


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
    cache.clear()
    yield
    cache.clear()


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
