"""Which dated archives to keep: the newest of each of the last N days and M ISO weeks.

Archives written with `backup --output-dir` are named after the moment they were made, in UTC
(`mektep-20261201T023000Z.tar.gz`), and the policy reads those names rather than the files'
modification times, which copies and restores change. Files with other names are never touched.
"""

import datetime
import re
from pathlib import Path

NAME = re.compile(r"^mektep-(\d{8}T\d{6}Z)\.tar(\.gz)?(\.enc)?$")
STAMP = "%Y%m%dT%H%M%SZ"


def archive_name(moment: datetime.datetime, compressed: bool = True, encrypted: bool = False):
    suffix = ".tar.gz" if compressed else ".tar"
    return f"mektep-{moment.astimezone(datetime.UTC):{STAMP}}{suffix}{'.enc' if encrypted else ''}"


def dated_archives(folder: Path) -> dict[Path, datetime.datetime]:
    found = {}
    for path in Path(folder).iterdir():
        match = NAME.match(path.name)
        if match and path.is_file():
            moment = datetime.datetime.strptime(match[1], STAMP)
            found[path] = moment.replace(tzinfo=datetime.UTC)
    return found


def to_keep(moments: dict[Path, datetime.datetime], daily: int, weekly: int) -> set[Path]:
    """The newest archive of each of the `daily` most recent days that have one, and of each of
    the `weekly` most recent ISO weeks that have one."""
    newest_first = sorted(moments, key=moments.get, reverse=True)
    kept: set[Path] = set()
    for count, period in ((daily, day_of), (weekly, week_of)):
        seen = []
        for path in newest_first:
            key = period(moments[path])
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                kept.add(path)
    return kept


def day_of(moment: datetime.datetime):
    return moment.date()


def week_of(moment: datetime.datetime):
    return moment.isocalendar()[:2]


def prune(folder: Path, daily: int, weekly: int, keep: Path) -> list[Path]:
    """Deletes the dated archives in `folder` beyond the policy (never `keep`, the archive just
    written); returns the deleted ones, oldest first."""
    moments = dated_archives(folder)
    kept = to_keep(moments, daily, weekly) | {Path(keep)}
    deleted = sorted((path for path in moments if path not in kept), key=moments.get)
    for path in deleted:
        path.unlink()
    return deleted
