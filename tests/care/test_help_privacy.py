"""Help found in a private note stays with its author; who helped whom when a writer
names the person they helped; an unreachable SMTP server is a message, not an error."""

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from carefor.care.capture import note_capture
from carefor.care.help import help_decide, help_log
from carefor.care.introductions import intro_propose
from carefor.care.models import Help, Introduction
from carefor.cli import main
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record
from carefor.teams.models import Membership
from tests.factories import PASSWORD, IdentityFactory, MembershipFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def test_help_from_a_private_note_is_the_authors_alone(workspace, user):
    colleague = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    PersonFactory(workspace=workspace, name="Marcus Fenwick")
    found = note_capture(
        workspace=workspace, person=ann, author=user,
        body="Ann's mother has dementia and she is struggling to cope. "
        "Marcus Fenwick introduced me to Dana, a dementia nurse.",
    )  # fmt: skip
    assert found.note.visibility == "carers"  # dementia: for Ann's carers, and I am not one
    (item,) = found.help
    client = Client()
    assert client.login(email=colleague.email, password=PASSWORD)
    assert "dementia" not in client.get(reverse("help")).content.decode()
    refused = post_with_csrf(client, reverse("help"), reverse("help-action", args=[item.pk]),
                             {"action": "confirm"})  # fmt: skip
    assert refused.status_code == 404
    assert Help.objects.get(pk=item.pk).state == "suggested"
    help_decide(workspace=workspace, help_id=item.pk, accept=True, user=user)
    assert [h.pk for h in help_log(workspace=workspace, user=user)] == [item.pk]
    assert list(help_log(workspace=workspace, user=colleague)) == []
    listed = CliRunner().invoke(main, ["help-log", "list", "--json", "--user", colleague.email])
    assert "Dana" not in listed.output
    today = CliRunner().invoke(main, ["today", "--json", "--user", colleague.email])
    assert "Dana" not in today.output


def test_inbound_help_to_a_named_person_is_between_them(workspace, user):
    ben = PersonFactory(workspace=workspace, name="Ben Ode")
    sara = PersonFactory(workspace=workspace, name="Sara Kim")
    message = interaction_record(
        workspace=workspace, kind=Interaction.Kind.MESSAGE, direction=Interaction.Direction.INBOUND,
        body="I introduced Sara Kim to Dana last week.",
        participants=[(ben, Participant.Role.FROM, "")],
    )  # fmt: skip
    from carefor.care.help import help_detect

    help_detect(workspace=workspace, interactions=[message])
    (item,) = Help.objects.all()
    assert (item.giver, item.receiver, item.direction) == (ben, sara, "between")


def test_an_unreachable_smtp_server_is_a_message(signed_in, workspace, user, settings):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    a = PersonFactory(workspace=workspace, name="Ann Lee")
    IdentityFactory(workspace=workspace, person=a, value="ann@example.org")
    intro = intro_propose(workspace=workspace, user=user, a=a, b=PersonFactory(workspace=workspace))
    page = reverse("introduction", args=[intro.pk])
    response = post_with_csrf(signed_in, page, page, {"event": "ask_a", "how": "send"}, follow=True)
    assert response.status_code == 200
    assert "could not be reached" in response.content.decode()
    assert Introduction.objects.get(pk=intro.pk).state == "proposed"
