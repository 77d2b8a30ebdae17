"""Running the project in another process, as a second server process or production would."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
    "SECRET_KEY": "k" * 20 + "9fQ2-xZ" * 8,
    "ALLOWED_HOSTS": "school5.osh.kg",
}


def run_python(*args, **env) -> subprocess.CompletedProcess:
    """`python *args` in the project folder, with this environment plus `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_in_production(*args, tmp_path, **env) -> subprocess.CompletedProcess:
    return run_python(*args, **PRODUCTION_ENV, MEKTEP_VAR_DIR=str(tmp_path), **env)


def last_lines(result: subprocess.CompletedProcess, count: int) -> list[str]:
    """The last `count` lines a `manage.py shell -c` script printed (the shell announces its
    automatic imports first)."""
    assert result.returncode == 0, result.stderr
    return result.stdout.split()[-count:]
