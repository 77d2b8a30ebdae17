"""The school's inbox of visitors' messages (issue 12): each school's site administrators and
director see their own school's messages only, assign, answer (by e-mail in the visitor's
language), change the status, see what is overdue, and send a question to the Q&A page through
the school's workflow; moderators release or reject held messages."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import DIRECTOR, EDITOR, MODERATOR, SITE_ADMIN
from cms_pages.models import PublishedQuestion, VisitorMessage
from tests.admin_forms import form_data
from tests.people import make_member, sign_in
from tests.visitor_messages import PARENT, VIOLENT_TEXT

pytestmark = pytest.mark.django_db

ANSWER_KY = (
    "Кабыл алуу 1-апрелде башталат. Туулгандыгы тууралуу күбөлүк жана медициналык маалымкат керек."
)


def receive(site, screening=VisitorMessage.Screening.CLEAR, **fields):
    values = {
        "site": site,
        "language": "ky",
        "name": PARENT["name"],
        "email": PARENT["email"],
        "topic": "admission",
        "text": PARENT["text"],
        "may_publish": True,
        "consent_given_at": timezone.now(),
        "screening": screening,
    }
    return VisitorMessage.receive(**(values | fields))


def member(site, role_key, username=None):
    return sign_in(Client(), make_member(site, role_key, username))


def message_urls(message) -> list[tuple[str, str]]:
    return [
        ("get", reverse("accounts_inbox_message", args=[message.pk])),
        ("post", reverse("accounts_inbox_update", args=[message.pk])),
        ("post", reverse("accounts_inbox_answer", args=[message.pk])),
        ("post", reverse("accounts_inbox_prepare_question", args=[message.pk])),
    ]


@pytest.mark.parametrize("role_key", [SITE_ADMIN, DIRECTOR])
def test_another_schools_staff_never_see_the_message(school, other_school, role_key):
    message = receive(school.site)
    outsider = member(other_school.site, role_key)
    assert message.reference not in outsider.get(reverse("accounts_inbox")).content.decode()
    for method, url in message_urls(message):
        data = {"status": "closed", "answer": "Жооп", "assigned_to": ""}
        response = getattr(outsider, method)(url, data) if method == "post" else outsider.get(url)
        assert response.status_code == 404, url
    message.refresh_from_db()
    assert message.status == VisitorMessage.Status.NEW and not message.answer
    assert not PublishedQuestion.objects.exists()
    # And the school's own staff do see it.
    insider = member(school.site, role_key)
    assert message.reference in insider.get(reverse("accounts_inbox")).content.decode()
    assert insider.get(message_urls(message)[0][1]).status_code == 200


@pytest.mark.parametrize("role_key", [EDITOR, MODERATOR])
def test_editors_and_moderators_have_no_inbox(school, role_key):
    message = receive(school.site)
    client = member(school.site, role_key)
    assert client.get(reverse("accounts_inbox")).status_code in (302, 403)
    for method, url in message_urls(message):
        assert getattr(client, method)(url).status_code == 404


def test_odd_ids_and_inputs_give_no_server_error(school, other_school):
    message = receive(school.site)
    client = member(school.site, SITE_ADMIN)
    assert client.get("/admin/inbox/999999/").status_code == 404
    assert client.get("/admin/inbox/?status=%00nonsense").status_code == 200
    update = reverse("accounts_inbox_update", args=[message.pk])
    stranger = make_member(other_school.site, SITE_ADMIN, username="stranger")
    for data in (
        {},
        {"status": "deleted"},
        {"status": ["new", "closed"], "assigned_to": "x"},
        {"status": "closed", "assigned_to": str(stranger.pk)},  # another school's person
    ):
        response = client.post(update, data)
        assert response.status_code == 400
    message.refresh_from_db()
    assert message.status == VisitorMessage.Status.NEW and message.assigned_to is None
    answer = reverse("accounts_inbox_answer", args=[message.pk])
    response = client.post(answer, {"answer": "  \x00 "})
    assert response.status_code == 400
    assert client.post(answer, {"answer": "Ж" * 20001}).status_code == 400
    assert not VisitorMessage.objects.get().answer


def test_the_site_administrator_assigns_answers_and_the_visitor_gets_it_in_their_language(
    school,
):
    message = receive(school.site, language="ru", text="Когда начинается приём в первый класс?")
    colleague = make_member(school.site, EDITOR, username="teacher")
    client = member(school.site, SITE_ADMIN)
    update = reverse("accounts_inbox_update", args=[message.pk])
    client.post(update, {"assigned_to": str(colleague.pk), "status": "in_progress"})
    message.refresh_from_db()
    assert message.assigned_to == colleague and message.status == "in_progress"
    listing = client.get(reverse("accounts_inbox") + "?status=in_progress").content.decode()
    assert message.reference in listing
    assert message.reference not in client.get("/admin/inbox/?status=new").content.decode()

    mail.outbox.clear()
    client.post(reverse("accounts_inbox_answer", args=[message.pk]), {"answer": "С 1 апреля."})
    message.refresh_from_db()
    assert message.status == VisitorMessage.Status.ANSWERED
    assert message.answer == "С 1 апреля." and message.answer_emailed_at is not None
    (email,) = mail.outbox
    assert email.to == [PARENT["email"]]
    assert message.reference in email.subject and "ответ" in email.subject.lower()
    assert "С 1 апреля." in email.body


def test_overdue_messages_are_marked_counted_on_the_dashboard_and_sent_to_the_director(
    school, other_school
):
    late = receive(school.site)
    late.due_on = timezone.localdate() - datetime.timedelta(days=1)
    late.save()
    receive(school.site)
    receive(other_school.site).__class__.objects.filter(site=other_school.site).update(
        due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    director = make_member(school.site, DIRECTOR, username="director")
    client = sign_in(Client(), director)
    dashboard = client.get("/admin/").content.decode()
    panel = dashboard.split('id="visitor-messages-heading"', 1)[1].split("</section>", 1)[0]
    assert 'data-count="overdue"><strong class="mektep-overdue">1<' in panel
    assert "Мектеп 2" not in panel
    assert "mektep-overdue" in client.get(reverse("accounts_inbox")).content.decode()

    mail.outbox.clear()
    call_command("notify_overdue_messages", stdout=io.StringIO())
    to_director = [email for email in mail.outbox if email.to == [director.email]]
    assert len(to_director) == 1
    assert late.reference in to_director[0].body
    assert PARENT["name"] not in to_director[0].body


def test_a_held_message_waits_for_the_schools_moderator(school, other_school):
    message = receive(
        school.site,
        screening=VisitorMessage.Screening.HELD,
        text=VIOLENT_TEXT,
        flags=[
            {
                "rule_id": "violence.call.ky",
                "category": "violence",
                "action": "reject",
                "start": 0,
                "end": 9,
                "excerpt": "Мугалимди",
                "location": "text",
                "text": VIOLENT_TEXT,
                "message": {"ky": "Зомбулукка чакыруу", "ru": "Призыв"},
            }
        ],
    )
    admin = member(school.site, SITE_ADMIN)
    assert message.reference not in admin.get(reverse("accounts_inbox")).content.decode()
    assert admin.get(reverse("accounts_inbox_message", args=[message.pk])).status_code == 404
    assert (
        admin.post(
            reverse("accounts_inbox_answer", args=[message.pk]), {"answer": "Жооп"}
        ).status_code
        == 404
    )

    outsider = member(other_school.site, MODERATOR)
    assert message.reference not in outsider.get(reverse("moderation_queue")).content.decode()
    release = reverse("moderation_held_message", args=[message.pk, "release"])
    assert outsider.post(release).status_code == 404

    moderator = member(school.site, MODERATOR)
    queue = moderator.get(reverse("moderation_queue")).content.decode()
    assert message.reference in queue and "<mark>Мугалимди</mark>" in queue
    assert moderator.get(release).status_code == 405
    reject = reverse("moderation_held_message", args=[message.pk, "reject"])
    assert moderator.post(reject).status_code == 302
    message.refresh_from_db()
    assert message.screening == VisitorMessage.Screening.REJECTED
    assert message.status == VisitorMessage.Status.CLOSED
    assert (message.name, message.email, message.text) == ("", "", "")
    assert all("text" not in flag for flag in message.flags)
    assert moderator.post(reject).status_code == 404  # decided already


def test_a_released_message_reaches_the_inbox_and_the_site_administrators(
    school, django_capture_on_commit_callbacks
):
    message = receive(school.site, screening=VisitorMessage.Screening.HELD, flags=[])
    admin_user = make_member(school.site, SITE_ADMIN, username="admin1")
    moderator = member(school.site, MODERATOR)
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(reverse("moderation_held_message", args=[message.pk, "release"]))
    message.refresh_from_db()
    assert message.screening == VisitorMessage.Screening.CLEAR
    assert [email.to for email in mail.outbox] == [[admin_user.email]]
    admin = sign_in(Client(), admin_user)
    assert message.reference in admin.get(reverse("accounts_inbox")).content.decode()


def test_an_answered_question_reaches_the_questions_page_after_the_directors_approval(
    school, client
):
    message = receive(school.site)
    admin = member(school.site, SITE_ADMIN)
    admin.post(reverse("accounts_inbox_answer", args=[message.pk]), {"answer": ANSWER_KY})
    response = admin.post(reverse("accounts_inbox_prepare_question", args=[message.pk]))
    question = PublishedQuestion.objects.get()
    assert response.url == reverse(
        "wagtailsnippets_cms_pages_publishedquestion:edit", args=[question.pk]
    )
    assert not question.live and question.question_ky == PARENT["text"]
    edit = response.url
    data = form_data(admin.get(edit).content.decode(), containing="question_ky")
    assert data["answer_ky"] == ANSWER_KY
    data.update(
        question_ru="Когда начинается приём в первый класс и какие документы нужны?",
        answer_ru="Приём начинается 1 апреля. Нужны свидетельство о рождении и справка.",
        **{"action-submit": "action-submit"},
    )
    assert admin.post(edit, data).status_code == 302
    host = {"HTTP_HOST": school.site.hostname}
    assert ANSWER_KY not in client.get("/ky/faq/", **host).content.decode()

    director = member(school.site, DIRECTOR)
    question.refresh_from_db()
    task_state = question.current_workflow_state.current_task_state
    director.post(
        reverse(
            "wagtailsnippets_cms_pages_publishedquestion:workflow_action",
            args=[question.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    page = client.get("/ky/faq/", **host).content.decode()
    assert ANSWER_KY in page and PARENT["text"] in page
    assert PARENT["name"] not in page and PARENT["email"] not in page
    assert "Приём начинается 1 апреля" in client.get("/ru/faq/", **host).content.decode()


def test_a_question_is_not_prepared_without_the_authors_permission(school):
    message = receive(school.site, may_publish=False, answer="Жооп")
    admin = member(school.site, SITE_ADMIN)
    admin.post(reverse("accounts_inbox_prepare_question", args=[message.pk]))
    assert not PublishedQuestion.objects.exists()
