"""The demo school's general pages, from their data file, idempotently."""

from pathlib import Path

import yaml

from .demo_news import demo_image
from .models import GeneralPage, HomePage

PAGES_FILE = Path(__file__).resolve().parent / "data" / "demo_pages.yaml"


def read_pages_data(path: Path = PAGES_FILE) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def stream_data(blocks: list[dict], slug: str) -> list[dict]:
    """The data file's blocks as StreamField content, in its stored (JSON) form."""
    stream = []
    for block in blocks:
        kind = block["type"]
        if kind in ("heading", "paragraph"):
            stream.append({"type": kind, "value": block["value"]})
        elif kind == "table":
            table = {
                "caption": block["caption"],
                "columns": [{"type": "text", "heading": h} for h in block["headings"]],
                "rows": [{"values": row} for row in block["rows"]],
            }
            stream.append({"type": kind, "value": table})
        elif kind == "image":
            image = demo_image(f"{slug}-{len(stream)}", block["colour"])
            value = {"image": image.pk, "description": block["description"]}
            stream.append({"type": kind, "value": {**value, "caption": block.get("caption", "")}})
        else:
            value = {key: val for key, val in block.items() if key != "type"}
            stream.append({"type": kind, "value": value})
    return stream


def fill_general_pages(home: HomePage, data: dict) -> None:
    for item in data["pages"]:
        page = GeneralPage.objects.child_of(home).filter(slug=item["slug"]).first()
        is_new = page is None
        if is_new:
            page = GeneralPage(slug=item["slug"])
        page.title = item["title"]["ky"]
        page.show_in_menus = item.get("show_in_menus", False)
        for code in ("ky", "ru"):
            setattr(page, f"title_{code}", item["title"][code])
            setattr(page, f"body_{code}", stream_data(item["body"][code], item["slug"]))
        if is_new:
            home.add_child(instance=page)
        page.save_revision().publish()
