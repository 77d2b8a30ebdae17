import os
import subprocess
import sys

from django.conf import settings


def run_check(**env):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="schoolsite.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(ALLOWED_HOSTS="school.kg")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_a_development_key():
    result = run_check(ALLOWED_HOSTS="school.kg", SECRET_KEY="dev-" + "x" * 60)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_key_and_hosts():
    result = run_check(ALLOWED_HOSTS="school.kg", SECRET_KEY="k" * 20 + "9fQ2-xZ" * 8)
    assert result.returncode == 0, result.stderr
