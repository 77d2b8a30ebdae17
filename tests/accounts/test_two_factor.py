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
    uri = unescape(re.search(r'class="otpauth-uri">([^<]+)<', page).group(1))
    assert uri.startswith("otpauth://totp/") and "secret=" in uri
    assert "<svg" in page

    device = TOTPDevice.objects.get(user=admin, confirmed=False)
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
