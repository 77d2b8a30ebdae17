"""Helpers for general pages: their admin form's StreamField fields, as the browser posts them,
and pages built directly for tests of the public side."""

from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from cms_pages.models import GeneralPage
from tests.admin_forms import form_data


def block_fields(prefix: str, kind: str, value) -> dict:
    if kind == "heading":
        return {prefix: value}
    if kind == "paragraph":
        return {prefix: rich_text(value)}
    if kind == "table":
        data = {
            f"{prefix}-caption": value.get("caption", ""),
            f"{prefix}-column-count": str(len(value["headings"])),
            f"{prefix}-row-count": str(len(value["rows"])),
        }
        for j, heading in enumerate(value["headings"]):
            data.update(
                {
                    f"{prefix}-column-{j}-type": "text",
                    f"{prefix}-column-{j}-order": str(j),
                    f"{prefix}-column-{j}-heading": heading,
                    f"{prefix}-column-{j}-deleted": "",
                }
            )
        for r, row in enumerate(value["rows"]):
            data.update({f"{prefix}-row-{r}-order": str(r), f"{prefix}-row-{r}-deleted": ""})
            for j, cell in enumerate(row):
                data[f"{prefix}-cell-{r}-{j}"] = cell
        return data
    # Struct blocks: one field per child; the call-out's text is rich text.
    return {
        f"{prefix}-{name}": rich_text(child) if (kind, name) == ("callout", "text") else child
        for name, child in value.items()
    }


def stream_fields(name: str, blocks: list[tuple[str, object]]) -> dict:
    data = {f"{name}-count": str(len(blocks))}
    for i, (kind, value) in enumerate(blocks):
        data.update(
            {
                f"{name}-{i}-type": kind,
                f"{name}-{i}-deleted": "",
                f"{name}-{i}-order": str(i),
                f"{name}-{i}-id": "",
            }
        )
        data.update(block_fields(f"{name}-{i}-value", kind, value))
    return data


def add_general_page(client, parent, action: str, title: tuple[str, str], slug: str, ky, ru):
    """Fill in the admin's "add general page" form under `parent` and press `action`."""
    url = reverse("wagtailadmin_pages:add", args=["cms_pages", "generalpage", parent.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = form_data(response.content.decode(), containing="title_ky")
    data.update({"title_ky": title[0], "title_ru": title[1], "slug": slug, action: "1"})
    data.update(stream_fields("body_ky", ky))
    data.update(stream_fields("body_ru", ru))
    return client.post(url, data, follow=True)


def stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """Blocks in the stored (JSON) form a StreamField accepts."""
    return [{"type": kind, "value": value} for kind, value in blocks]


def publish_general_page(parent, slug, title_ky, title_ru, body_ky, body_ru, **fields):
    """A general page published as the gate would let it (for tests of the public side)."""
    page = GeneralPage(
        slug=slug,
        title=title_ky,
        title_ky=title_ky,
        title_ru=title_ru,
        body_ky=stream(body_ky),
        body_ru=stream(body_ru),
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
