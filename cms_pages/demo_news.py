"""The demo school's news and events, from their data file, with generated pictures."""

import datetime
import io
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

from .models import Event, EventIndexPage, HomePage, NewsIndexPage, NewsPage
from .sections import create_public_sections

NEWS_FILE = Path(__file__).resolve().parent / "data" / "demo_news.yaml"


def read_news_data(path: Path = NEWS_FILE) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def fill_news_and_events(home: HomePage, data: dict) -> None:
    create_public_sections(home)
    news_index = NewsIndexPage.objects.child_of(home).get()
    for item in data["news"]:
        fill_article(news_index, item)
    fill_events(EventIndexPage.objects.child_of(home).get(), data["events"])


def fill_article(index: NewsIndexPage, item: dict) -> None:
    article = NewsPage.objects.child_of(index).filter(slug=item["slug"]).first()
    is_new = article is None
    if is_new:
        article = NewsPage(slug=item["slug"])
    for field in ("title", "intro", "body", "image_alt"):
        for code in ("ky", "ru"):
            setattr(article, f"{field}_{code}", item[field][code])
    article.title = item["title"]["ky"]
    article.date = item["date"]
    article.image = demo_image(item["slug"], item["image"]["colour"])
    if is_new:
        index.add_child(instance=article)
    article.save_revision().publish()


def fill_events(index: EventIndexPage, items: list[dict]) -> None:
    """Update the events in place, so a calendar that imported them keeps their identities."""
    today = timezone.localdate()
    existing = list(index.events.order_by("sort_order", "pk"))
    for stale in existing[len(items) :]:
        stale.delete()
    for order, item in enumerate(items):
        event = existing[order] if order < len(existing) else Event(page=index)
        day = today + datetime.timedelta(days=item["days_from_today"])
        event.start = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time.fromisoformat(item["start"]))
        )
        event.end = event.start + datetime.timedelta(hours=item["hours"])
        event.sort_order = order
        for field in ("title", "description", "place"):
            for code in ("ky", "ru"):
                setattr(event, f"{field}_{code}", item[field][code])
        event.save()


def demo_image(slug: str, colour: str) -> Image:
    """A simple landscape picture for an article, drawn once and reused on later loads."""
    title = f"demo-{slug}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PillowImage.new("RGB", (960, 540), colour)
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, 540), (300, 200), (560, 540)], fill="#e8eef4")
    draw.polygon([(360, 540), (690, 145), (960, 450), (960, 540)], fill="#ffffff")
    draw.ellipse([(780, 50), (900, 170)], fill="#f2c230")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def demo_school_photo() -> Image:
    """A drawing of the demo school (mountains, a three-storey building, a flag, trees), made
    once and reused on later loads: the repository holds no photographs."""
    title = "demo-school-photo"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = 1440, 600
    picture = PillowImage.new("RGB", (width, height), "#9cc9ec")
    draw = ImageDraw.Draw(picture)
    # The Ala-Too range behind the town, with snow on its peaks.
    peaks = [(0, 330), (180, 170), (330, 280), (520, 120), (700, 290), (900, 150), (1100, 300)]
    peaks += [(1270, 180), (1440, 290), (1440, 420), (0, 420)]
    draw.polygon(peaks, fill="#7d8fa6")
    for x, y in ((180, 170), (520, 120), (900, 150), (1270, 180)):
        draw.polygon([(x - 55, y + 50), (x, y), (x + 55, y + 50)], fill="#ffffff")
    draw.rectangle([(0, 420), (width, height)], fill="#6fa35a")
    # The school: three storeys of windows, a porch and a door.
    draw.rectangle([(380, 230), (1060, 500)], fill="#f1dcc0", outline="#8a6d4d", width=3)
    draw.rectangle([(360, 210), (1080, 235)], fill="#a5503a")
    for row in range(3):
        for column in range(10):
            left, top = 410 + column * 64, 255 + row * 78
            draw.rectangle([(left, top), (left + 38, top + 48)], fill="#5c8fc0", outline="#ffffff")
    draw.rectangle([(660, 420), (780, 500)], fill="#7a4b2a")
    draw.rectangle([(620, 400), (820, 420)], fill="#a5503a")
    draw.rectangle([(540, 500), (900, 520)], fill="#c9c2b6")
    # The flag: red with a yellow sun.
    draw.rectangle([(1150, 240), (1157, 500)], fill="#5a5a5a")
    draw.rectangle([(1157, 240), (1277, 312)], fill="#e8112d")
    draw.ellipse([(1197, 256), (1237, 296)], fill="#ffef00")
    for left in (140, 250, 1300):
        draw.rectangle([(left + 28, 430), (left + 40, 520)], fill="#6b4a2b")
        draw.ellipse([(left, 330), (left + 70, 450)], fill="#2f7d32")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))
