import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def ensure_superuser():
    out = io.StringIO()
    call_command("ensure_dev_superuser", stdout=out)
    return out.getvalue()


def test_first_run_prints_a_random_password_that_logs_into_the_admin(client):
    output = ensure_superuser()
    password = re.search(r"password: (\S+)", output).group(1)
    assert len(password) >= 12
    response = client.post("/admin/login/", {"username": "admin", "password": password})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_two_databases_get_different_passwords():
    first = re.search(r"password: (\S+)", ensure_superuser()).group(1)
    get_user_model().objects.all().delete()
    second = re.search(r"password: (\S+)", ensure_superuser()).group(1)
    assert first != second


def test_second_run_creates_nobody_and_prints_no_password():
    ensure_superuser()
    output = ensure_superuser()
    assert "password" not in output
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
