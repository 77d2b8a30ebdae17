"""The list of schools is shared by every server process: a school added or changed through one
process is seen at once by the others (Wagtail keeps the sites' root paths in the cache and
clears them when a Site is saved)."""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from cms_pages.provisioning import SchoolNames, create_school
from tests.processes import last_lines, run_in_production, run_python


def cached_root_paths():
    return cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


def test_a_change_of_schools_in_another_process_reaches_this_one(db):
    create_school("first.test", SchoolNames(full_ky="Биринчи мектеп", full_ru="Первая школа"))
    assert Site.get_site_root_paths()  # this process now holds the list in the cache
    assert cached_root_paths() is not None
    # What Wagtail does in the process that saves a Site (its post_save handler).
    result = run_python(
        "manage.py",
        "shell",
        "-c",
        "from wagtail.models import Site; Site.clear_site_root_paths_cache()",
        DJANGO_SETTINGS_MODULE="schoolsite.settings.test",
        MEKTEP_CACHE_DIR=settings.CACHES["default"].get("LOCATION", ""),
    )
    assert result.returncode == 0, result.stderr
    assert cached_root_paths() is None


def production_cache(tmp_path, **env) -> str:
    script = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_in_production("manage.py", "shell", "-c", script, tmp_path=tmp_path, **env)
    return last_lines(result, 1)[0]


def test_production_shares_its_cache_between_processes_and_servers(tmp_path):
    assert production_cache(tmp_path) == "django.core.cache.backends.filebased.FileBasedCache"
    redis = production_cache(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    assert redis == "django.core.cache.backends.redis.RedisCache"
