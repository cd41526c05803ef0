"""Help found in mail and notes: who helped whom follows from who wrote."""

from datetime import timedelta

import pytest
from django.utils import timezone

from carefor.care.capture import note_capture
from carefor.care.models import Help
from carefor.importers.services import import_path
from carefor.people.models import MyIdentity
from tests.factories import IdentityFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _mbox(tmp_path, messages):
    stamp = (timezone.now() - timedelta(days=2)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    text = "".join(
        f"From x Mon Jan  1 00:00:00 2024\nFrom: {frm}\nTo: {to}\nSubject: s{n}\n"
        f"Message-ID: <d{n}@x>\nDate: {stamp}\n\n{body}\n\n"
        for n, (frm, to, body) in enumerate(messages)
    )
    path = tmp_path / "help.mbox"
    path.write_text(text)
    return path


def test_thanks_in_mail_both_ways(workspace, user, tmp_path):
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    path = _mbox(
        tmp_path,
        [
            ("Ann Lee <ann@example.org>", "me@example.org",
             "Thank you so much for the introduction to Marcus. We meet on Friday."),
            ("Me <me@example.org>", "Bo Chen <bo@example.org>",
             "Thanks so much for introducing me to Dana last week."),
            ("Cy <cy@example.org>", "me@example.org", "Could you introduce me to Marcus?"),
        ],
    )  # fmt: skip
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    rows = {h.what: h for h in Help.objects.all()}
    assert set(rows) == {"Introduction to Marcus", "Introduction to Dana"}
    given, received = rows["Introduction to Marcus"], rows["Introduction to Dana"]
    assert (given.direction, given.receiver.name, given.state) == ("given", "Ann Lee", "suggested")
    assert (received.direction, received.giver.name) == ("received", "Bo Chen")
    assert received.thanked_on == received.happened_on  # my mail was the thank-you
    assert given.rule == "help.thanks.introduction"
    import_path(workspace=workspace, user=user, kind="mbox", path=path)  # again: nothing new
    assert Help.objects.count() == 2


def test_notes_name_the_helper(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    marcus = PersonFactory(workspace=workspace, name="Marcus Webb")
    IdentityFactory(workspace=workspace, person=marcus)
    found = note_capture(
        workspace=workspace, person=ann, author=user,
        body="Marcus introduced me to Dana at the conference. I introduced Ann to Priya yesterday.",
    )  # fmt: skip
    pairs = sorted((h.direction, (h.giver or h.receiver).name, h.what) for h in found.help)
    assert pairs == [
        ("given", "Ann Lee", "Introduction to Priya"),
        ("received", "Marcus Webb", "Introduction to Dana"),
    ]


def test_an_unknown_helper_is_not_guessed(workspace, user):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    found = note_capture(
        workspace=workspace, person=ann, author=user, body="Zed introduced me to Dana."
    )
    assert found.help == []
