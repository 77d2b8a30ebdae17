"""The services of a district set-up, started for one test on loopback and stopped after it:
Redis from Debian, an S3 endpoint (moto's server), and Gunicorn processes of the project with
production settings. Each runs in its own process, writes its log to the test's folder and is
stopped by the fixture that started it, killed when it does not stop within seconds."""

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote

import requests
from django.conf import settings

REDIS_SERVER = "/usr/bin/redis-server"
# Generous: CI runs this next to browser tests on two cores.
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Service:
    name: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start(name: str, command: list[str], folder: Path, env: dict | None = None) -> Service:
    log = folder / f"{name}.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    return Service(name, process, log)


def wait_until(service: Service, ready, what: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            raise AssertionError(f"{service.name} stopped: {service.output()}")
        try:
            if ready():
                return
        except (OSError, requests.RequestException):
            pass
        time.sleep(0.2)
    seconds = STARTUP_SECONDS
    raise AssertionError(f"{service.name} did not {what} in {seconds} s: {service.output()}")


def start_redis(folder: Path) -> tuple[Service, str]:
    """Redis on a Unix socket only (no TCP port), keeping nothing on disk."""
    socket_path = folder / "redis.sock"
    command = [REDIS_SERVER, "--port", "0", "--unixsocket", str(socket_path)]
    command += ["--unixsocketperm", "700", "--dir", str(folder), "--save", "", "--appendonly", "no"]
    service = start("redis", command, folder)

    def answers() -> bool:
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(str(socket_path))
            client.sendall(b"PING\r\n")
            return client.recv(16).startswith(b"+PONG")

    wait_until(service, answers, "answer PING")
    return service, f"unix://{socket_path}?db=0"


def start_s3(folder: Path) -> tuple[Service, str]:
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    service = start("s3", command, folder)
    endpoint = f"http://127.0.0.1:{port}"
    wait_until(service, lambda: requests.get(endpoint, timeout=2).status_code < 500, "answer")
    return service, endpoint


def database_url(settings_dict: dict) -> str:
    """The address of the test run's database, for the servers' DATABASE_URL."""
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict["USER"], safe="")
    password = quote(settings_dict["PASSWORD"], safe="")
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{settings_dict['NAME']}"


def production_environment(**env) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MEKTEP_", "PYTEST_"))
        and key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="schoolsite.settings.production",
        SECRET_KEY="k" * 20 + "9fQ2-xZ" * 8,
        EMAIL_URL="console://",
        **env,
    )
    return environment


def collect_static(folder: Path, environment: dict) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-4000:]


def start_gunicorn(
    name: str, folder: Path, environment: dict, host: str, workers: int = 1
) -> tuple[Service, str]:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "schoolsite.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"]
    # No control socket: its default path is one per user, which the two servers would share.
    command += ["--graceful-timeout", "5", "--no-control-socket"]
    service = start(name, command, folder, environment)
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        headers = {"Host": host, "X-Forwarded-Proto": "https"}
        response = requests.get(f"{base}/robots.txt", headers=headers, timeout=5)
        return response.status_code == 200

    wait_until(service, answers, "answer /robots.txt")
    return service, base


def stop_all(services: list[Service]) -> None:
    for service in reversed(services):
        service.stop()


def redis_missing() -> bool:
    return shutil.which(REDIS_SERVER) is None


@dataclass
class Browser:
    """A visitor's browser reaching the servers through nginx: the school's host name, HTTPS
    as the proxy reports it, the visitor's address in X-Forwarded-For, and its cookies (Secure
    ones included, as the connection is HTTPS up to nginx), whichever server answers."""

    host: str
    cookies: dict[str, str] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.20",
            "Origin": f"https://{self.host}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def keep_cookies(self, response: requests.Response) -> requests.Response:
        for header in response.raw.headers.getlist("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
        return response

    def get(self, server: str, path: str) -> requests.Response:
        response = requests.get(
            server + path, headers=self.headers(), allow_redirects=False, timeout=60
        )
        return self.keep_cookies(response)

    def post(self, server: str, path: str, data: dict, files=None) -> requests.Response:
        headers = {**self.headers(), "Referer": f"https://{self.host}{path}"}
        response = requests.post(
            server + path,
            data=data,
            files=files,
            headers=headers,
            allow_redirects=False,
            timeout=120,
        )
        return self.keep_cookies(response)
