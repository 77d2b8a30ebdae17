"""People of a school and signing them in through the real login and two-factor pages."""

from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from accounts.roles import ROLES, school_group

PASSWORD = "Tynchtyk-Zhol-2024!"


def make_member(site: Site, role_key: str, username: str | None = None, **fields):
    user = get_user_model().objects.create_user(
        username=username or f"{role_key}-{site.hostname}",
        email=f"{username or role_key}@{site.hostname}",
        password=PASSWORD,
        **fields,
    )
    user.groups.add(school_group(site, role_key))
    return user


def current_code(device: TOTPDevice) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(value).zfill(device.digits)


def sign_in(client, user, password=PASSWORD, ip="203.0.113.10"):
    """Sign in through Wagtail's login page, then give a TOTP code when the role requires one."""
    response = client.post(
        "/admin/login/", {"username": user.username, "password": password}, REMOTE_ADDR=ip
    )
    assert response.status_code == 302, response.content[:500]
    if any(ROLES[r.school_role.role_key].requires_two_factor for r in user.groups.all()):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
        response = client.post("/admin/two-factor/", {"token": current_code(device)})
        assert response.status_code == 302, response.content[:500]
    return client
