"""A form field's input tied to its hint and error message for screen readers."""

from django import template

register = template.Library()


@register.simple_tag
def described_field(field):
    """The field's widget with aria-describedby naming its hint and error, and aria-invalid
    when it has an error (the ids are those feedback_field.html gives them)."""
    described_by = []
    attrs = {}
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
