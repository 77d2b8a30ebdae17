import pytest

from tests.people import sign_in


@pytest.fixture
def login_as():
    """Sign a user in through the real login (and two-factor) pages of a client."""

    def login(client, user):
        client.logout()
        return sign_in(client, user)

    return login
