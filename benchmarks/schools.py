"""Does the 500th school cost what the first does? One install with many schools, built through
the real `create_school` command, measured on its first and its last school.

Prints `create_school`'s time (first, median, last); then, for the first and the last school, the
uncached request rate (production server, MEKTEP_PAGE_CACHE_SECONDS=0; the median of three turns
that alternate between the two schools) and SQL queries of the home page, a disclosure
subsection, a news article and the disclosure document, with the ratio first/last (issue 13's
target: within 1.1 × either way); and the time and queries of the admin explorer of
the school's home page and of the admin dashboard, for the school's site administrator.

Each school gets what `create_school` gives it; the first and the last also get one published
news article, so that page exists to be measured.

Run: .venv/bin/python benchmarks/schools.py [--schools 500] [--seconds 3]
(or `make benchmark-schools`). DATABASE_URL, when set, must name an empty database the
benchmark may fill.
"""

import argparse
import contextlib
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serving

TARGET = 1.1  # the first and the last school's rates within this factor of each other
ROUNDS = 3  # measurements of each page of each school; the median counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=500, help="schools to build (500)")
    parser.add_argument("--seconds", type=float, default=3, help="load per URL (default 3)")
    options = parser.parse_args()
    if options.schools < 2:
        parser.error("--schools must be at least 2")
    with serving.throwaway_install("mektep-schools-") as var_dir:
        return measure(var_dir, options.schools, options.seconds)


def build_schools(count: int) -> list[float]:
    from django.core.management import call_command

    durations = []
    for n in range(1, count + 1):
        started = time.perf_counter()
        call_command(
            "create_school",
            hostname=f"school{n}.bench.kg",
            name_ky=f"№{n} жалпы орто билим берүүчү мектеби",
            name_ru=f"Средняя общеобразовательная школа №{n}",
            stdout=io.StringIO(),
        )
        durations.append(time.perf_counter() - started)
        if n % 50 == 0:
            print(f"  … {n} schools built", file=sys.stderr, flush=True)
    return durations


def admin_costs(site) -> dict[str, tuple[float, int]]:
    """Median time and queries of the explorer and the dashboard for the school's site
    administrator, signed in through the real login and two-step pages."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.roles import SITE_ADMIN
    from tests.people import make_member, sign_in

    client = sign_in(Client(), make_member(site, SITE_ADMIN))
    costs = {}
    urls = {"explorer": f"/admin/pages/{site.root_page_id}/", "dashboard": "/admin/"}
    for name, url in urls.items():
        if client.get(url).status_code != 200:
            raise RuntimeError(f"{url} did not open for the site administrator")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        count = len(queries)  # before the next request empties Django's query log
        costs[name] = (serving.median_time(lambda url=url: client.get(url)), count)
    return costs


def request_rates(port, paths, hosts, seconds) -> dict:
    """Each page of each school, the two schools' turns alternating, ROUNDS times after a
    warm-up; the median round of each. Measured one after the other, a slower start (a worker's
    first requests) or a busier moment would count against whichever school came first."""
    for which, school_paths in paths.items():
        for path in school_paths.values():
            serving.request_rate(port, path, hosts[which], 1)
    samples = {which: {name: [] for name in school_paths} for which, school_paths in paths.items()}
    for turn in range(ROUNDS):
        order = list(paths) if turn % 2 == 0 else list(reversed(paths))
        for name in paths["first"]:
            for which in order:
                rate = serving.request_rate(port, paths[which][name], hosts[which], seconds)
                samples[which][name].append(rate)
    return {
        which: {
            name: sorted(rates, key=lambda rate: rate.per_second)[len(rates) // 2]
            for name, rates in school_samples.items()
        }
        for which, school_samples in samples.items()
    }


def measure(var_dir: str, count: int, seconds: float) -> int:
    from wagtail.models import Site

    serving.collect_static()
    started = time.perf_counter()
    durations = build_schools(count)
    built_in = time.perf_counter() - started
    sites = {"first": Site.objects.get(hostname="school1.bench.kg")}
    sites["last"] = Site.objects.get(hostname=f"school{count}.bench.kg")
    from tests.cms_pages.public_site import publish_article

    with contextlib.redirect_stdout(io.StringIO()):
        for site in sites.values():
            publish_article(site, "first-bell", "Биринчи коңгуроо", "Первый звонок")
    paths = {which: serving.public_paths(site) for which, site in sites.items()}
    hosts = {which: serving.host_of(site) for which, site in sites.items()}
    queries = {
        which: {
            name: serving.query_count(path, hosts[which]) for name, path in paths[which].items()
        }
        for which in sites
    }
    admin = {which: admin_costs(site) for which, site in sites.items()}
    with serving.gunicorn(var_dir, {"MEKTEP_PAGE_CACHE_SECONDS": "0"}) as port:
        rates = request_rates(port, paths, hosts, seconds)

    print(
        f"Mektep with {count} schools: {serving.database_label()}, production settings; "
        f"page rates uncached from gunicorn with {serving.WORKERS} sync workers on loopback, "
        f"load from {serving.LOAD_GENERATOR}, {seconds:g} s per URL"
    )
    print(
        f"create_school: first {durations[0]:.2f} s, median {statistics.median(durations):.2f} s, "
        f"{ordinal(count)} {durations[-1]:.2f} s; {count} schools in {built_in:.0f} s"
    )
    print(f"public pages (first school {hosts['first']}, {ordinal(count)} {hosts['last']}):")
    worst = 0.0
    for name in paths["first"]:
        first, last = rates["first"][name], rates["last"][name]
        ratio = first.per_second / last.per_second
        # Within 1.1 × of each other: the first school no faster, and no slower, than the last.
        worst = max(worst, ratio, 1 / ratio)
        errors = first.errors + last.errors
        print(
            f"  {name:<22} first {first.per_second:7.1f} req/s {queries['first'][name]:3} queries"
            f" | {ordinal(count)} {last.per_second:7.1f} req/s {queries['last'][name]:3} queries"
            f" | first/{ordinal(count)} {ratio:.2f} ×" + (f"  ({errors} errors)" if errors else "")
        )
    print(
        f"  worst ratio either way {worst:.2f} × (target within {TARGET:g} ×: "
        f"{'met' if worst <= TARGET else 'NOT MET'})"
    )
    print("admin, the school's site administrator (median of 5 requests, in-process):")
    for name in ("explorer", "dashboard"):
        first_time, first_queries = admin["first"][name]
        last_time, last_queries = admin["last"][name]
        print(
            f"  {name:<10} first {first_time * 1000:6.0f} ms {first_queries:3} queries"
            f" | {ordinal(count)} {last_time * 1000:6.0f} ms {last_queries:3} queries"
        )
    return 0 if worst <= TARGET else 1


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


if __name__ == "__main__":
    sys.exit(main())
