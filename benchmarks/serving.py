"""What the throughput and many-schools benchmarks share: a throw-away production install, the
production server (gunicorn) started on loopback, a load generator, and the SQL query count of
a page measured in this process against the same database.

Both benchmarks measure the real thing: production settings, the real `migrate`, `load_demo`,
`create_school` and `collectstatic` commands, gunicorn with sync workers, WhiteNoise for the
static files. Rates are requests per second from `wrk` (8 connections) when it is installed,
else from a small load generator of 8 Python threads; each benchmark says which.
"""

import contextlib
import http.client
import io
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONNECTIONS = 8
WORKERS = 2
WRK = shutil.which("wrk")
LOAD_GENERATOR = f"wrk, {CONNECTIONS} connections" if WRK else f"{CONNECTIONS} Python threads"


def production_environment(var_dir: str) -> dict[str, str]:
    """The environment of every process of the benchmark: production settings in `var_dir`,
    plain HTTP on loopback (no TLS redirect), SQLite unless DATABASE_URL is set."""
    return {
        "MEKTEP_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "schoolsite.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "*",
        "SECURE_SSL_REDIRECT": "0",
    }


@contextlib.contextmanager
def throwaway_install(prefix: str):
    """Set up Django in this process on a new var directory (and database), migrated."""
    var_dir = tempfile.mkdtemp(prefix=prefix)
    # Stopped with SIGTERM, still stop the server and remove the directory (the finally blocks).
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))
    try:
        os.environ.update(production_environment(var_dir))
        # Query counts are of uncached pages (the page cache is off in this process).
        os.environ["MEKTEP_PAGE_CACHE_SECONDS"] = "0"
        os.makedirs(Path(var_dir) / "static")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        with contextlib.redirect_stdout(io.StringIO()):
            call_command("migrate", "--noinput", verbosity=0)
        yield var_dir
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def database_label() -> str:
    from django.db import connection

    return connection.vendor


def collect_static() -> None:
    from django.core.management import call_command

    with contextlib.redirect_stdout(io.StringIO()):
        call_command("collectstatic", "--noinput", verbosity=0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(var_dir: str, extra_env: dict[str, str] | None = None):
    """The production server on a free loopback port; yields the port."""
    from django.db import connections

    # The server must see every write this process made; SQLite's file is then shared.
    connections.close_all()
    port = free_port()
    env = {**os.environ, **production_environment(var_dir), **(extra_env or {})}
    env.pop("MEKTEP_PAGE_CACHE_SECONDS", None)
    env.update(extra_env or {})
    command = [PYTHON, "-m", "gunicorn", "schoolsite.wsgi", "--workers", str(WORKERS)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    log = open(Path(var_dir) / f"gunicorn-{port}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        wait_until_serving(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wait_until_serving(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            status, _body = fetch(port, "/static/", "localhost")
            if status:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def fetch(port: int, path: str, host: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Rate:
    per_second: float
    errors: int  # responses other than 200, and failed connections


def request_rate(port: int, path: str, host: str, seconds: float) -> Rate:
    """Requests per second for one URL, after a short warm-up."""
    status, _body = fetch(port, path, host)
    if status != 200:
        raise RuntimeError(f"{host}{path} answered {status}")
    if WRK:
        return wrk_rate(port, path, host, seconds)
    return threaded_rate(port, path, host, seconds)


def wrk_rate(port: int, path: str, host: str, seconds: float) -> Rate:
    command = [WRK, "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds:g}s", "--timeout", "30s"]
    command += ["-H", f"Host: {host}", f"http://127.0.0.1:{port}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    count = int(errors.group(1)) if errors else 0
    if socket_errors:
        count += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return Rate(rate, count)


def threaded_rate(port: int, path: str, host: str, seconds: float) -> Rate:
    counts, errors = [0] * CONNECTIONS, [0] * CONNECTIONS
    stop = time.monotonic() + seconds

    def load(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            try:
                connection.request("GET", path, headers={"Host": host})
                response = connection.getresponse()
                response.read()
                counts[slot] += 1
                errors[slot] += response.status != 200
            except OSError:
                errors[slot] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=load, args=(slot,)) for slot in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Rate(sum(counts) / (time.monotonic() - started), sum(errors))


def query_count(path: str, host: str) -> int:
    """SQL queries of one anonymous request for `path` (after a warm-up request), in this
    process with Django's test client, against the benchmark's database."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=host)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{host}{path} answered {response.status_code}")
    return len(queries)


def public_paths(site) -> dict[str, str]:
    """The pages both benchmarks measure, of one school: the home page, a disclosure
    subsection, a news article and the disclosure document."""
    from cms_pages.models import DisclosureIndexPage, NewsPage

    home = site.root_page.specific
    index = DisclosureIndexPage.objects.descendant_of(home).live().get()
    subsection = index.get_children().live().order_by("path").first()
    article = NewsPage.objects.descendant_of(home).live().order_by("path").first()
    paths = {"home": home, "disclosure subsection": subsection, "news article": article}
    urls = {name: page.get_url(current_site=site) for name, page in paths.items() if page}
    urls["disclosure document"] = "/api/v2/disclosure/"
    return urls


def host_of(site) -> str:
    return site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"


def median_time(action, times: int = 5) -> float:
    durations = []
    for _n in range(times):
        started = time.perf_counter()
        action()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations)
