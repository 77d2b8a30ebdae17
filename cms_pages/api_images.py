"""An image as the headless API gives it: a few sizes ready to show, and its alternative text in
both languages. The original file is not offered: renditions are re-encoded, so they carry no
camera metadata, and a client never needs more than the largest size."""

# Boxes the image is fitted into, keeping its proportions (never enlarged, never cropped).
RENDITIONS = {"small": "max-360x360", "medium": "max-720x720", "large": "max-1200x1200"}


def image_data(image, alt_texts: dict[str, str], request=None) -> dict | None:
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITIONS.values())
    data = {"id": image.pk, "width": image.width, "height": image.height}
    data.update({f"alt_{lang}": text or "" for lang, text in alt_texts.items()})
    data["renditions"] = {
        size: rendition_data(renditions[spec], request) for size, spec in RENDITIONS.items()
    }
    return data


def rendition_data(rendition, request) -> dict:
    url = rendition.url
    return {
        "url": request.build_absolute_uri(url) if request else url,
        "width": rendition.width,
        "height": rendition.height,
    }
