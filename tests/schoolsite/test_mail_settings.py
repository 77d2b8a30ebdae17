import pytest
from django.core.exceptions import ImproperlyConfigured

from schoolsite.settings.mail import CONSOLE, SMTP, email_settings


def test_an_email_url_with_the_submission_port_uses_starttls_and_decodes_the_password():
    values = email_settings(
        {
            "EMAIL_URL": "smtp://school%40mail.kg:p%40ss%3Aword@mail.kg:587",
            "DEFAULT_FROM_EMAIL": "x@y",
        }
    )
    assert values == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.kg",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "school@mail.kg",
        "EMAIL_HOST_PASSWORD": "p@ss:word",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "x@y",
    }


def test_smtps_means_tls_from_the_first_byte_on_port_465():
    values = email_settings({"EMAIL_URL": "smtps://u:p@mail.kg"})
    assert (values["EMAIL_PORT"], values["EMAIL_USE_SSL"], values["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )


def test_console_and_the_separate_variables():
    assert email_settings({"EMAIL_URL": "console://"})["EMAIL_BACKEND"] == CONSOLE
    values = email_settings({"EMAIL_HOST": "relay.kg", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "1"})
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == (
        "relay.kg",
        2525,
        True,
    )


@pytest.mark.parametrize(
    "environ",
    [
        {"EMAIL_URL": "imap://mail.kg"},
        {"EMAIL_URL": "smtp://"},
        {"EMAIL_URL": "smtp://mail.kg:notaport"},
        {"EMAIL_PORT": "twenty-five"},
        {"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
    ],
)
def test_a_wrong_setting_stops_the_start_with_a_clear_message(environ):
    with pytest.raises(ImproperlyConfigured):
        email_settings(environ)
