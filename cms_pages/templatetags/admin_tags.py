"""Template helpers for the admin's own templates."""

from django import template
from django.db import models

register = template.Library()


@register.filter
def record_title(instance) -> str:
    """What a saved record of an inline list is called (a person's name, a document's title),
    for its heading in the editor instead of "Staff members 7"; empty for a new record or a
    model that names nothing."""
    if instance is None or getattr(instance, "pk", None) is None:
        return ""
    if type(instance).__str__ is models.Model.__str__:
        return ""
    return str(instance).strip()
