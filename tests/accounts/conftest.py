"""Two schools, their role holders, and signing in through the real login and 2FA pages."""

import pytest

from tests.people import make_member, sign_in
from tests.schools import TEST_SCHOOLS, School, build_school, built_school


def school_for(hostname: str, preloaded: bool) -> School:
    if preloaded:
        return built_school(hostname)
    return build_school(hostname, TEST_SCHOOLS[hostname])


@pytest.fixture
def school(preloaded_schools) -> School:
    return school_for("school1.test", preloaded_schools)


@pytest.fixture
def other_school(preloaded_schools) -> School:
    return school_for("school2.test", preloaded_schools)


@pytest.fixture
def member_client(client, school):
    """A factory: a client signed in as a new holder of `role_key` at `school`."""

    def signed_in(role_key: str):
        return sign_in(client, make_member(school.site, role_key))

    return signed_in
