import base64
import re
from html import unescape

from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.roles import DIRECTOR, EDITOR, SITE_ADMIN
from tests.people import PASSWORD, current_code, make_member


def password_only(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_site_administrator_must_enrol_and_gets_ten_recovery_codes(client, school):
    admin = make_member(school.site, SITE_ADMIN)
    password_only(client, admin)
    assert client.get("/admin/pages/").url.startswith("/admin/two-factor/enrol/")

    page = client.get("/admin/two-factor/enrol/").content.decode()
    assert "<svg" in page
    # Typed by hand: the key in groups of four, not the long otpauth:// address.
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    key = re.search(r'class="secret-key">([^<]+)<', page).group(1)
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key)
    assert base64.b32decode(key.replace(" ", "") + "=" * (-len(key.replace(" ", "")) % 8)) == (
        device.bin_key
    )
    assert "otpauth://" not in unescape(page)

    done = client.post("/admin/two-factor/enrol/", {"token": current_code(device)})
    assert len(re.findall(r"<li><code>", done.content.decode())) == 10
    assert client.get("/admin/").status_code == 200


def test_a_director_with_a_device_must_give_a_code_before_any_admin_page(client, school):
    director = make_member(school.site, DIRECTOR)
    device = TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
    password_only(client, director)
    for path in ["/admin/", "/admin/pages/", "/admin/two-factor/enrol/"]:
        assert client.get(path).url.startswith("/admin/two-factor/"), path
    response = client.post("/admin/two-factor/", {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(school):
    director = make_member(school.site, DIRECTOR)
    TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
    static = director.staticdevice_set.create(name="recovery codes")
    static.token_set.create(token=StaticToken.random_token())
    code = static.token_set.get().token

    first = password_only(Client(), director)
    assert first.post("/admin/two-factor/", {"token": code}).status_code == 302
    second = password_only(Client(), director)
    assert second.post("/admin/two-factor/", {"token": code}).status_code == 200


def test_an_editor_may_work_without_two_factor_but_may_turn_it_on(client, school):
    editor = make_member(school.site, EDITOR)
    password_only(client, editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/two-factor/enrol/").status_code == 200


def test_a_wrong_code_is_refused_and_the_admin_stays_closed(client, school):
    director = make_member(school.site, DIRECTOR)
    device = TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
    password_only(client, director)
    wrong = str((int(current_code(device)) + 1) % 1_000_000).zfill(6)
    assert client.post("/admin/two-factor/", {"token": wrong}).status_code == 200
    assert client.get("/admin/").url.startswith("/admin/two-factor/")


def test_the_admins_background_requests_get_a_refusal_not_the_verification_page(client, school):
    """Redirected, a script of the admin drew the verification page inside the page that asked
    and made itself the page to return to; now only the page the person opens is redirected."""
    director = make_member(school.site, DIRECTOR)
    TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
    password_only(client, director)
    opened = client.get("/admin/pages/", headers={"Sec-Fetch-Mode": "navigate"})
    assert opened.status_code == 302 and opened.url.startswith("/admin/two-factor/")
    for headers in (
        {"Sec-Fetch-Mode": "cors", "Accept": "text/html"},
        {"X-Requested-With": "XMLHttpRequest"},
        {"Accept": "application/json"},
    ):
        fetched = client.get("/admin/api/main/pages/", headers=headers)
        assert fetched.status_code == 403, headers
        assert fetched.content == b""
    sent = client.post("/admin/editing-sessions/ping/", headers={"Sec-Fetch-Mode": "same-origin"})
    assert sent.status_code == 403
