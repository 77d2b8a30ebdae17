"""How much of Wagtail's admin reads in Kyrgyz and in Russian: the messages of Wagtail's English
catalogues (the apps a school's staff meet, Python and JavaScript) that the installation
translates, through the catalogues Django really uses (schoolsite/catalogue_coverage.py).

Run: .venv/bin/python benchmarks/catalogue_coverage.py   (or `make catalogue-coverage`)
"""

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolsite.settings.dev")
    import django

    django.setup()
    from schoolsite.catalogue_coverage import coverage

    below = False
    for language in ("ky", "ru"):
        result = coverage(language)
        by_domain = Counter(domain for domain, *_rest in result.missing)
        print(
            f"{language}: {result.translated:,} of {result.total:,} messages translated "
            f"({result.share:.4f}); missing: {dict(by_domain) or 'none'}"
        )
        below = below or result.share < 0.99
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
