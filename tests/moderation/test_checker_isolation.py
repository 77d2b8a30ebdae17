"""The checker is plain Python: nothing in moderation/checker imports Django."""

import ast
from pathlib import Path

import moderation.checker

PACKAGE = Path(moderation.checker.__file__).resolve().parent


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_checker_package_does_not_import_django():
    sources = sorted(PACKAGE.glob("*.py"))
    assert len(sources) > 5
    for source in sources:
        offending = {
            m for m in _imported_modules(source) if m.split(".")[0] in {"django", "wagtail"}
        }
        assert not offending, f"{source.name} imports {offending}"


def test_import_scan_detects_django(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from django.db import models\nimport wagtail.models\n", encoding="utf-8")
    assert _imported_modules(sample) == {"django.db", "wagtail.models"}
