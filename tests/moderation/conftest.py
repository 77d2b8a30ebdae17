import pytest

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from tests.people import make_member, sign_in


@pytest.fixture
def login_as():
    """Sign a user in through the real login (and two-factor) pages of a client."""

    def login(client, user):
        client.logout()
        return sign_in(client, user)

    return login


@pytest.fixture
def people(demo_site):
    """One holder of each school role in the demo school."""
    return {
        "editor": make_member(demo_site, EDITOR, "aigul.editor"),
        "moderator": make_member(demo_site, MODERATOR, "bakyt.moderator"),
        "director": make_member(demo_site, DIRECTOR, "cholpon.director"),
        "site_admin": make_member(demo_site, SITE_ADMIN, "dastan.admin"),
    }
