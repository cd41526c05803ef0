"""Keep in touch: a cadence resets on any interaction, whatever its kind or source."""

from datetime import timedelta

import pytest
from django.utils import timezone

from carefor.care.today import today_queue
from carefor.care.today_actions import today_act
from carefor.conversations.models import Interaction, Participant
from carefor.conversations.services import interaction_record, note_add
from carefor.importers.services import import_path
from carefor.people.models import MyIdentity
from tests.factories import IdentityFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _overdue_person(workspace):
    """Ann: keep in touch every 30 days, last in touch 45 days ago (so overdue)."""
    ann = PersonFactory(workspace=workspace, name="Ann Lee", cadence_days=30)
    IdentityFactory(workspace=workspace, person=ann, kind="email", value="ann@example.org")
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.CALL,
        occurred_at=timezone.now() - timedelta(days=45),
        participants=[(ann, Participant.Role.ATTENDEE, "")],
    )
    return ann


def _touch_items(workspace, user):
    return [
        i for i in today_queue(workspace=workspace, user=user).items if i.kind == "keep_in_touch"
    ]


def _stamp(days_ago: float) -> str:
    return (timezone.now() - timedelta(days=days_ago)).strftime("%a, %d %b %Y %H:%M:%S +0000")


def _mail_from_them(tmp_path, workspace, user):
    path = tmp_path / "in.mbox"
    path.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Ann Lee <ann@example.org>\n"
        f"To: me@example.org\nSubject: Hello\nMessage-ID: <a1@x>\nDate: {_stamp(1)}\n\nHi!\n"
    )
    import_path(workspace=workspace, user=user, kind="mbox", path=path)


def _mail_from_me(tmp_path, workspace, user):
    path = tmp_path / "out.mbox"
    path.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Me <me@example.org>\n"
        f"To: Ann Lee <ann@example.org>\nSubject: Hi\nMessage-ID: <o1@x>\nDate: {_stamp(1)}\n\n"
        "Thinking of you.\n"
    )
    import_path(workspace=workspace, user=user, kind="mbox", path=path)


def _meeting_from_calendar(tmp_path, workspace, user):
    start = timezone.now() - timedelta(days=2)
    path = tmp_path / "cal.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:m1@test\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nDTEND:{start + timedelta(hours=1):%Y%m%dT%H%M%SZ}\r\n"
        "SUMMARY:Lunch\r\nORGANIZER:mailto:me@example.org\r\n"
        "ATTENDEE;CN=Ann Lee:mailto:ann@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    import_path(workspace=workspace, user=user, kind="ics", path=path)


def _call(tmp_path, workspace, user):
    ann = workspace.people.get(name="Ann Lee")
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.CALL,
        participants=[(ann, Participant.Role.ATTENDEE, "")],
    )


def _note(tmp_path, workspace, user):
    ann = workspace.people.get(name="Ann Lee")
    note_add(workspace=workspace, person=ann, author=user, body="Bumped into Ann at the station.")


def _from_today(tmp_path, workspace, user):
    (item,) = _touch_items(workspace, user)
    today_act(
        workspace=workspace,
        user=user,
        kind=item.kind,
        object_id=item.object_id,
        key=item.key,
        action="done",
    )


@pytest.mark.parametrize(
    "touch",
    [_mail_from_them, _mail_from_me, _meeting_from_calendar, _call, _note, _from_today],
    ids=["mail-in", "mail-out", "meeting-ics", "call", "note", "today-done"],
)
def test_any_interaction_resets_the_cadence(touch, workspace, user, tmp_path):
    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    ann = _overdue_person(workspace)
    (item,) = _touch_items(workspace, user)
    assert item.person_id == ann.pk
    assert "45 days ago" in item.why and "every 30 days" in item.why

    touch(tmp_path, workspace, user)

    ann.refresh_from_db()
    assert timezone.now() - ann.last_interaction_at < timedelta(days=3)
    assert _touch_items(workspace, user) == []


def test_never_in_touch_and_not_yet_due(workspace, user):
    new = PersonFactory(workspace=workspace, name="New Person", cadence_days=14)
    recent = PersonFactory(workspace=workspace, name="Recent", cadence_days=14)
    interaction_record(
        workspace=workspace,
        kind=Interaction.Kind.CALL,
        occurred_at=timezone.now() - timedelta(days=13),
        participants=[(recent, Participant.Role.ATTENDEE, "")],
    )
    PersonFactory(workspace=workspace, name="No cadence")
    items = _touch_items(workspace, user)
    assert [i.person_id for i in items] == [new.pk]
    assert "nothing yet" in items[0].why


def test_snoozed_cadence_comes_back_after_the_date(workspace, user):
    ann = _overdue_person(workspace)
    (item,) = _touch_items(workspace, user)
    today = timezone.localdate()
    today_act(
        workspace=workspace,
        user=user,
        kind=item.kind,
        object_id=ann.pk,
        key=item.key,
        action="snooze",
        until=today + timedelta(days=3),
    )
    assert _touch_items(workspace, user) == []
    later = today_queue(workspace=workspace, user=user, today=today + timedelta(days=3))
    assert [i.person_id for i in later.items if i.kind == "keep_in_touch"] == [ann.pk]
