"""The public fields of a school's profile, declared once for the disclosure document and for
the home page in the pages API (its name, address, hours, contacts and logo)."""

from .serialization import DisclosureFields, Nested

PROFILE_FIELDS = DisclosureFields(
    texts=(
        "full_name",
        "short_name",
        "address",
        "working_hours",
        "responsible_name",
        "responsible_position",
    ),
    facts=(
        "founding_date",
        "email",
        "latitude",
        "longitude",
        "responsible_phone",
        "responsible_email",
    ),
)
PHONE_FIELDS = DisclosureFields(texts=("label",), facts=("number",))
SCHOOL_FIELDS = DisclosureFields(
    texts=PROFILE_FIELDS.texts,
    facts=PROFILE_FIELDS.facts,
    images={"logo": None, "photo": "photo_alt"},
    nested={"phones": Nested("phones", PHONE_FIELDS)},
)
