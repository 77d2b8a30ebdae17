"""Visitors writing to a school through its real form (issue 12), for the tests."""

from tests.admin_forms import form_data

PARENT = {
    "name": "Айгүл Токтогулова",
    "email": "aigul@example.kg",
    "phone": "",
    "topic": "admission",
    "text": "Биринчи класска кабыл алуу качан башталат жана кандай документтер керек?",
    "may_publish": "on",
    "consent": "on",
}
# A call to violence: the checker holds it for a moderator.
VIOLENT_TEXT = "Мугалимди өлтүрүү керек, баарыбыз чогулуп сабайбыз!"


def feedback_form(client, lang="ky", host="testserver") -> dict:
    """The form as a visitor's browser would send it: its token and guard fields, blank."""
    response = client.get(f"/{lang}/feedback/", HTTP_HOST=host)
    assert response.status_code == 200
    return form_data(response.content.decode(), containing="form_token")


def send_message(client, lang="ky", host="testserver", **fields):
    """Open the form, fill it with the parent's message (changed by `fields`), send it."""
    data = feedback_form(client, lang, host) | PARENT | fields
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(f"/{lang}/feedback/", data, HTTP_HOST=host)
