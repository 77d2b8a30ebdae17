"""Read an admin form's current values from its HTML, as a browser would submit them."""

from html.parser import HTMLParser

from django.urls import reverse


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, str]] = []
        self._form: dict[str, str] | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._option_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._form[name] = attrs.get("value", "on")
            elif kind not in {"submit", "button", "file", "image"}:
                self._form[name] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self._form[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._form.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self._form[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form[self._textarea] += data


def form_data(html: str, containing: str) -> dict[str, str]:
    """The values of the form on the page that has a field named `containing`.

    Empty inline-form templates (`__prefix__`) are left out, as a browser never submits them.
    """
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        if containing in form:
            return {
                key: value.removeprefix("\n")
                for key, value in form.items()
                if "__prefix__" not in key
            }
    raise AssertionError(f"No form with a field named {containing!r} on the page")


def publish_page_with(client, page, **changes):
    """Open a page's editor, change some fields and press Publish, as its signed-in user would."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url).content.decode(), containing="title_ru")
    data.update(changes)
    data["action-publish"] = "1"
    return client.post(url, data, follow=True)
