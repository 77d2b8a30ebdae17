"""Issue 15: moderators are e-mailed only when the automatic check flagged something for them;
the director is told of every page waiting for approval."""

import pytest
from django.core import mail

from .test_workflow import CLEAN_KY, CLEAN_RU, FLAGGED_KY, FLAGGED_RU, submit_home_page

pytestmark = pytest.mark.django_db


def told(people) -> set[str]:
    addresses = {address for message in mail.outbox for address in message.to}
    return {role for role, person in people.items() if person.email in addresses}


def test_a_clean_page_goes_to_the_director_without_a_word_to_the_moderators(
    client, demo_site, people, login_as
):
    login_as(client, people["editor"])
    mail.outbox.clear()
    submit_home_page(client, demo_site, introduction_ky=CLEAN_KY, introduction_ru=CLEAN_RU)
    assert told(people) == {"director"}


def test_a_flagged_page_is_e_mailed_to_the_moderators(client, demo_site, people, login_as):
    login_as(client, people["editor"])
    mail.outbox.clear()
    submit_home_page(client, demo_site, introduction_ky=FLAGGED_KY, introduction_ru=FLAGGED_RU)
    assert "moderator" in told(people)
    assert "director" not in told(people)
