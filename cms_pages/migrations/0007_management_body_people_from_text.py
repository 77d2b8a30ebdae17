"""Each line of a management body's free-text head and members becomes a person record.

The records are created without consent, so the people stop being published until the school
enters the date of each signed consent. No text is lost: the head becomes the chair, each line of
members a member, Kyrgyz and Russian lines paired by position. The body's phone and e-mail were
shown beside the head's name and may be the head's own, so they move to the head's record (kept,
unpublished until consent); a body without a head keeps them. Drafts (page revisions) are
converted the same way, so an unpublished edit keeps its people too.
"""

from django.db import migrations

ROLE_CHAIR = "chair"
ROLE_MEMBER = "member"


def lines(text) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def people_from_text(body: dict) -> tuple[list[dict], dict]:
    """The person records of one body (as field values) and the body's remaining contact."""
    people = []
    contact = {"phone": body.get("phone") or "", "email": body.get("email") or ""}
    head_ky = (body.get("head_ky") or body.get("head") or "").strip()
    head_ru = (body.get("head_ru") or "").strip()
    if head_ky or head_ru:
        people.append(
            {"ky": head_ky, "ru": head_ru, "role": ROLE_CHAIR, **contact},
        )
        contact = {"phone": "", "email": ""}
    members_ky = lines(body.get("members_ky") or body.get("members"))
    members_ru = lines(body.get("members_ru"))
    for index in range(max(len(members_ky), len(members_ru))):
        people.append(
            {
                "ky": members_ky[index] if index < len(members_ky) else "",
                "ru": members_ru[index] if index < len(members_ru) else "",
                "role": ROLE_MEMBER,
                "phone": "",
                "email": "",
            }
        )
    return people, contact


def record_fields(person: dict, order: int) -> dict:
    return {
        "full_name": person["ky"] or person["ru"],
        "full_name_ky": person["ky"],
        "full_name_ru": person["ru"],
        "role": person["role"],
        "phone": person["phone"],
        "email": person["email"],
        "sort_order": order,
        "consent_date": None,
    }


OLD_FIELDS = ("head", "head_ky", "head_ru", "members", "members_ky", "members_ru")


def forward(apps, schema_editor):
    ManagementBody = apps.get_model("cms_pages", "ManagementBody")
    ManagementBodyMember = apps.get_model("cms_pages", "ManagementBodyMember")
    for body in ManagementBody.objects.all():
        values = {name: getattr(body, name) for name in (*OLD_FIELDS, "phone", "email")}
        people, contact = people_from_text(values)
        for order, person in enumerate(people):
            ManagementBodyMember.objects.create(body=body, **record_fields(person, order))
        if contact["phone"] != body.phone or contact["email"] != body.email:
            body.phone, body.email = contact["phone"], contact["email"]
            body.save(update_fields=["phone", "email"])
    convert_revisions(apps)


def convert_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    structure = ContentType.objects.filter(app_label="cms_pages", model="structurepage").first()
    if structure is None:
        return
    for revision in Revision.objects.filter(content_type=structure).iterator():
        bodies = revision.content.get("management_bodies") or []
        for body in bodies:
            if "people" in body:
                continue
            people, contact = people_from_text(body)
            body["people"] = [
                {
                    "pk": None,
                    "body": body.get("pk"),
                    "consent_recorded_by": None,
                    "consent_document": None,
                    **record_fields(person, order),
                }
                for order, person in enumerate(people)
            ]
            body.update(contact)
            for name in OLD_FIELDS:
                body.pop(name, None)
        revision.save(update_fields=["content"])


def backward(apps, schema_editor):
    ManagementBody = apps.get_model("cms_pages", "ManagementBody")
    ManagementBodyMember = apps.get_model("cms_pages", "ManagementBodyMember")
    for body in ManagementBody.objects.all():
        people = list(ManagementBodyMember.objects.filter(body=body).order_by("sort_order"))
        chairs = [person for person in people if person.role == ROLE_CHAIR]
        others = [person for person in people if person.role != ROLE_CHAIR]
        for lang in ("ky", "ru"):
            head = getattr(chairs[0], f"full_name_{lang}") if chairs else ""
            members = "\n".join(getattr(person, f"full_name_{lang}") or "" for person in others)
            setattr(body, f"head_{lang}", head or "")
            setattr(body, f"members_{lang}", members)
        body.head, body.members = body.head_ky, body.members_ky
        if chairs and not body.phone and not body.email:
            body.phone, body.email = chairs[0].phone, chairs[0].email
        body.save()
        ManagementBodyMember.objects.filter(body=body).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0006_people_and_consent"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
