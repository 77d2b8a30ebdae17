import pytest
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.module_loading import import_string
from wagtail.models import ModelLogEntry

from accounts.lockout import LOCKOUT_MESSAGE
from accounts.roles import EDITOR
from tests.people import PASSWORD, make_member
from tests.processes import last_lines, run_in_production

OFFICE_IP = "203.0.113.7"
HOME_IP = "198.51.100.23"


def attempt(client, username, password, ip):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_six_wrong_passwords_lock_the_account_from_that_address_only(school):
    teacher = make_member(school.site, EDITOR, username="teacher")
    colleague = make_member(school.site, EDITOR, username="colleague")
    office = Client()
    for _ in range(5):
        assert attempt(office, "teacher", "wrong password", OFFICE_IP).status_code == 200
    locked = attempt(office, "teacher", "wrong password", OFFICE_IP)
    assert locked.status_code == 429
    with translation.override("ky"):
        kyrgyz = str(LOCKOUT_MESSAGE)
    with translation.override("en"):
        assert kyrgyz != str(LOCKOUT_MESSAGE), "the lockout message has a Kyrgyz translation"
    assert escape(kyrgyz) in locked.content.decode()

    even_the_right_password = attempt(office, "teacher", PASSWORD, OFFICE_IP)
    assert even_the_right_password.status_code == 429
    assert attempt(Client(), "teacher", PASSWORD, HOME_IP).status_code == 302
    assert attempt(Client(), "colleague", PASSWORD, OFFICE_IP).status_code == 302

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(teacher.pk)).values_list("action", flat=True)
    )
    assert {"mektep.account.login_failed", "mektep.account.locked_out"} <= actions
    assert ModelLogEntry.objects.filter(
        object_id=str(colleague.pk), action="mektep.account.login"
    ).exists()


def test_sign_in_and_sign_out_are_in_the_audit_log(client, school):
    teacher = make_member(school.site, EDITOR, username="teacher")
    attempt(client, "teacher", PASSWORD, OFFICE_IP)
    client.post("/admin/logout/")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(teacher.pk)).values_list("action", flat=True)
    )
    assert "mektep.account.login" in actions
    assert "mektep.account.logout" in actions


def test_passwords_are_hashed_with_argon2_outside_the_test_suite():
    from schoolsite.settings import base

    hasher = import_string(base.PASSWORD_HASHERS[0])()
    assert hasher.algorithm == "argon2"
    assert hasher.verify("a long passphrase", hasher.encode("a long passphrase", hasher.salt()))


def test_a_short_or_common_password_is_refused(school):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short1!", "password1234"]:
        try:
            validate_password(weak)
        except ValidationError:
            continue
        raise AssertionError(f"{weak!r} was accepted")


def test_a_session_lasts_one_working_day(settings):
    assert settings.SESSION_COOKIE_AGE == 9 * 60 * 60


def test_behind_the_proxy_the_lockout_counts_per_visitor_address(school, settings):
    settings.MEKTEP_TRUSTED_PROXIES = 1
    make_member(school.site, EDITOR, username="teacher")
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(6):
        Client().post(
            "/admin/login/",
            {"username": "teacher", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=OFFICE_IP,
            **proxy,
        )
    from_home = Client().post(
        "/admin/login/",
        {"username": "teacher", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR=HOME_IP,
        **proxy,
    )
    assert from_home.status_code == 302


def test_a_client_reaching_the_server_directly_cannot_escape_the_lockout_by_forging_addresses(
    school, settings
):
    """Production counts one proxy; a client that reaches the application server itself, not
    through nginx, writes whatever X-Forwarded-For it likes. It is still counted by its own
    address, so the seventh guess is refused like the others."""
    settings.MEKTEP_TRUSTED_PROXIES = 1
    make_member(school.site, EDITOR, username="teacher")
    statuses = [
        Client()
        .post(
            "/admin/login/",
            {"username": "teacher", "password": "wrong"},
            REMOTE_ADDR=OFFICE_IP,
            HTTP_X_FORWARDED_FOR=f"10.0.0.1, 192.0.2.{guess}",
        )
        .status_code
        for guess in range(8)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3
    right_password = Client().post(
        "/admin/login/",
        {"username": "teacher", "password": PASSWORD},
        REMOTE_ADDR=OFFICE_IP,
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert right_password.status_code == 429


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded", "counted_as"),
    [
        (0, "127.0.0.1", "198.51.100.23", "127.0.0.1"),  # development: no proxy is trusted
        (1, "127.0.0.1", "198.51.100.23", "198.51.100.23"),  # through nginx
        (1, "127.0.0.1", "6.6.6.6, 198.51.100.23", "198.51.100.23"),  # visitor's own header
        (1, "127.0.0.1", "", "127.0.0.1"),  # not through a proxy after all
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
        (1, "203.0.113.7", "198.51.100.23", "203.0.113.7"),  # not from the proxy's address
        (2, "127.0.0.1", "198.51.100.23, 10.0.0.5", "198.51.100.23"),  # load balancer + nginx
        (2, "127.0.0.1", "10.0.0.5", "127.0.0.1"),  # fewer hops than proxies
    ],
)
def test_the_visitors_address_is_read_only_from_trusted_proxies(
    rf, settings, proxies, peer, forwarded, counted_as
):
    from accounts.lockout import client_ip

    settings.MEKTEP_TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == counted_as


def test_with_production_settings_a_forged_header_from_a_direct_client_is_ignored(tmp_path):
    """The attack as found: production settings, a client talking to gunicorn directly and
    changing the last X-Forwarded-For address on each guess."""
    script = (
        "from django.test import RequestFactory; from accounts.lockout import client_ip; "
        "print(client_ip(RequestFactory().get('/', REMOTE_ADDR='203.0.113.7', "
        "HTTP_X_FORWARDED_FOR='192.0.2.1'))); "
        "print(client_ip(RequestFactory().get('/', REMOTE_ADDR='127.0.0.1', "
        "HTTP_X_FORWARDED_FOR='192.0.2.1')))"
    )
    result = run_in_production("manage.py", "shell", "-c", script, tmp_path=tmp_path)
    direct, through_nginx = last_lines(result, 2)
    assert direct == "203.0.113.7"
    assert through_nginx == "192.0.2.1"
