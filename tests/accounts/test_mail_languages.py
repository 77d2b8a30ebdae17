"""Issue 15: every e-mail to a member of staff is written in their admin language (Kyrgyz unless
they chose Russian), whoever's action sent it and in whatever language that person works."""

from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from accounts.compromise import notify_site_administrators
from accounts.membership import send_invitation
from accounts.roles import EDITOR, SITE_ADMIN
from tests.people import make_member


def reads(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def test_an_invitation_is_written_in_the_new_accounts_language(school):
    kyrgyz = make_member(school.site, EDITOR, "kyrgyz.reader")
    russian = reads(make_member(school.site, EDITOR, "russian.reader"), "ru")
    with translation.override("ru"):  # the site administrator works in Russian
        send_invitation(kyrgyz)
    with translation.override("ky"):
        send_invitation(russian)
    assert [message.subject for message in mail.outbox] == [
        "Мектептин сайтындагы каттоо эсебиңиз",
        "Ваша учётная запись на сайте школы",
    ]
    assert "Эч качан" in mail.outbox[0].body or "сырсөз" in mail.outbox[0].body.lower()
    assert "пароль" in mail.outbox[1].body


def test_each_site_administrator_hears_of_a_compromised_account_in_their_language(school):
    reads(make_member(school.site, SITE_ADMIN, "admin.ru"), "ru")
    make_member(school.site, SITE_ADMIN, "admin.ky")
    victim = make_member(school.site, EDITOR, "victim")
    notify_site_administrators(victim)
    subjects = {message.to[0].split("@")[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "admin.ky": "victim каттоо эсеби бузулган деп билдирилди",
        "admin.ru": "О компрометации учётной записи victim сообщено",
    }
