"""How many requests per second the production server answers, compared with the fastest thing
it serves: the site's stylesheet through WhiteNoise. Ratios, not absolute rates, are what stays
comparable between machines (issue 13's acceptance targets are ratios).

From one run, on a throw-away install of the demo school (production settings, gunicorn with two
sync workers on loopback): the static-file rate, the home page's rate through the page cache,
and the uncached rate (a second server with MEKTEP_PAGE_CACHE_SECONDS=0) of the home page, a
disclosure subsection, a news article and the disclosure document, each with its SQL queries.

Run: .venv/bin/python benchmarks/throughput.py [--seconds 5]   (or `make benchmark-throughput`)
DATABASE_URL, when set, must name an empty database the benchmark may fill.
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serving

CACHED_TARGET = 0.5  # cached home page, as a share of the static-file rate
UNCACHED_TARGET = 0.04  # uncached home page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5, help="load per URL (default 5)")
    seconds = parser.parse_args().seconds
    with serving.throwaway_install("mektep-throughput-") as var_dir:
        return measure(var_dir, seconds)


def measure(var_dir: str, seconds: float) -> int:
    import contextlib
    import io

    from django.core.management import call_command
    from wagtail.models import Site

    with contextlib.redirect_stdout(io.StringIO()):
        call_command("load_demo", verbosity=0)
    serving.collect_static()
    site = Site.objects.get(is_default_site=True)
    host = serving.host_of(site)
    paths = serving.public_paths(site)
    queries = {name: serving.query_count(path, host) for name, path in paths.items()}

    print(
        f"Mektep throughput: demo school, {serving.database_label()}, gunicorn with "
        f"{serving.WORKERS} sync workers on loopback, load from {serving.LOAD_GENERATOR}, "
        f"{seconds:g} s per URL"
    )
    with serving.gunicorn(var_dir) as port:
        _status, html = serving.fetch(port, paths["home"], host)
        stylesheet = re.search(rb'<link rel="stylesheet" href="([^"]+)"', html).group(1).decode()
        static = serving.request_rate(port, stylesheet, host, seconds)
        cached = serving.request_rate(port, paths["home"], host, seconds)
    with serving.gunicorn(var_dir, {"MEKTEP_PAGE_CACHE_SECONDS": "0"}) as port:
        uncached = {
            name: serving.request_rate(port, path, host, seconds) for name, path in paths.items()
        }

    def line(label, path, rate, queries="", target=None):
        ratio = rate.per_second / static.per_second
        verdict = ""
        if target is not None:
            verdict = f"  target ≥ {target:g} × static: {'met' if ratio >= target else 'NOT MET'}"
        errors = f"  ({rate.errors} errors)" if rate.errors else ""
        print(
            f"  {label:<32} {path:<48} {rate.per_second:9.1f} req/s  {ratio:7.3f} × static"
            f"  {queries:>10}{verdict}{errors}"
        )

    line("static file (stylesheet)", stylesheet, static, "0 queries")
    line("home page, cached", paths["home"], cached, target=CACHED_TARGET)
    print("  uncached (MEKTEP_PAGE_CACHE_SECONDS=0):")
    for name, path in paths.items():
        target = UNCACHED_TARGET if name == "home" else None
        line(f"{name}", path, uncached[name], f"{queries[name]} queries", target)
    met = (
        cached.per_second >= CACHED_TARGET * static.per_second
        and uncached["home"].per_second >= UNCACHED_TARGET * static.per_second
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
