"""A note that mentions health or family is for the person's carers, with everything found
in it; "only me" is only me, an owner's eyes included; and decisions, merges and
colleagues' items behave (review findings on issue 6)."""

import re
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carefor.care.brief import brief_as_json, person_brief
from carefor.care.capture import note_capture, proposal_decide
from carefor.care.follow_ups import follow_up_add
from carefor.care.matters import matter_add, matter_kinds
from carefor.care.models import Commitment, FollowUp, Matter
from carefor.care.review import weekly_review
from carefor.care.today import today_queue
from carefor.cli import main
from carefor.conversations.services import note_add
from carefor.people.services import person_merge
from carefor.teams.models import Membership
from tests.factories import PASSWORD, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

SENSITIVE = (
    "Ann's mother has dementia and she is struggling to cope. "
    "I'll send her the carers' support leaflet tomorrow. "
    "Next time ask how her mother is settling in."
)


@pytest.fixture
def colleague(workspace):
    return MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user


def _client(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_a_sensitive_note_and_what_it_yields_stay_with_its_carers(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    found = note_capture(workspace=workspace, person=ann, author=user, body=SENSITIVE)
    assert found.note.visibility == "carers"
    assert all(f.visibility == "carers" for f in FollowUp.objects.all())
    for item in found.commitments:
        proposal_decide(
            workspace=workspace, user=user, kind="commitment", object_id=item.pk, accept=True
        )
    for item in found.follow_ups:
        proposal_decide(
            workspace=workspace, user=user, kind="follow_up", object_id=item.pk, accept=True
        )

    theirs = _client(colleague)
    for url in (
        reverse("people:detail", args=[ann.pk]),
        reverse("people:brief", args=[ann.pk]),
        reverse("promises"),
        reverse("today"),
    ):
        html = theirs.get(url).content.decode()
        assert "dementia" not in html and "leaflet" not in html and "settling" not in html, url
    brief = brief_as_json(person_brief(workspace=workspace, user=colleague, person=ann))
    assert "dementia" not in str(brief) and "leaflet" not in str(brief)
    cli = CliRunner().invoke(
        main, ["brief", "Ann Lee", "--user", colleague.email, "--format", "json"]
    )
    assert "dementia" not in cli.output
    promises = CliRunner().invoke(main, ["promises", "--user", colleague.email, "--json"])
    assert "leaflet" not in promises.output

    mine = _client(user)
    assert "dementia" in mine.get(reverse("people:detail", args=[ann.pk])).content.decode()
    assert "leaflet" in mine.get(reverse("promises")).content.decode()


def test_three_levels_for_author_carer_owner_and_member(workspace, user, colleague, tmp_path):
    """Only me: the author alone (not the owner, not a carer). Carers: the author and the
    person's carers. Everyone: the workspace. Over pages, search, brief, export and API."""
    import json

    from carefor.care.coverage import carer_add
    from carefor.portability.export import export_json
    from carefor.teams.tokens import api_token_create

    carer = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    carer_add(workspace=workspace, person=ann, user=carer)
    carer_add(workspace=workspace, person=ann, user=user)  # the owner cares for Ann too
    for level, word in (("private", "ZEBRA"), ("carers", "OTTER"), ("workspace", "HERON")):
        note_capture(
            workspace=workspace, person=ann, author=colleague, visibility=level,
            body=f"She wants to photograph a {word} this spring.",
        )  # fmt: skip
    seen = {"private": {colleague}, "carers": {colleague, carer, user}}
    outsider = MembershipFactory(workspace=workspace, role=Membership.Role.MEMBER).user
    for member in (colleague, carer, user, outsider):
        _, token = api_token_create(workspace=workspace, user=member, name="t")
        auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        api = Client()
        export_json(workspace, member, tmp_path / "out.json")
        export = (tmp_path / "out.json").read_text()
        texts = {
            "page": _client(member).get(reverse("people:detail", args=[ann.pk])).content.decode(),
            "brief": json.dumps(
                brief_as_json(person_brief(workspace=workspace, user=member, person=ann))
            ),
            "api": api.get(f"/api/v1/people/{ann.pk}/interactions", **auth).content.decode()
            + api.get(f"/api/v1/people/{ann.pk}/matters", **auth).content.decode(),
            "export": export,
        }
        for level, word in (("private", "ZEBRA"), ("carers", "OTTER"), ("workspace", "HERON")):
            expected = member in seen.get(level, {member})
            for where, text in texts.items():
                # Whole words only: a generated name like "Potter" must not count as "otter".
                shown = re.search(rf"\b{word}\b", text, re.IGNORECASE) is not None
                assert shown is expected, (
                    member.email,
                    level,
                    where,
                )
    # Search finds only what everyone may see, for everyone.
    for member in (colleague, outsider):
        found = _client(member).get(reverse("people:list") + "?q=zebra").content.decode()
        assert "Ann Lee" not in found


def test_a_plain_note_stays_shared(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    found = note_capture(
        workspace=workspace, person=ann, author=user, body="She wants to learn Portuguese."
    )
    assert found.note.visibility == "workspace"
    assert (
        "Portuguese"
        in _client(colleague).get(reverse("people:detail", args=[ann.pk])).content.decode()
    )


def test_a_private_custom_kind_is_not_offered_to_others(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace)
    matter_add(
        workspace=workspace,
        person=ann,
        author=user,
        kind="Gambling",
        what="x",
        visibility="private",
    )
    assert "gambling" in matter_kinds(workspace=workspace, user=user)
    assert "gambling" not in matter_kinds(workspace=workspace, user=colleague)


def test_a_stale_click_does_not_reverse_a_decision(workspace, user):
    ann = PersonFactory(workspace=workspace)
    found = note_capture(
        workspace=workspace,
        person=ann,
        author=user,
        body="She wants to run a marathon. I'll send her a training plan tomorrow.",
    )
    (promise,) = found.commitments
    proposal_decide(
        workspace=workspace, user=user, kind="commitment", object_id=promise.pk, accept=True
    )
    Commitment.objects.filter(pk=promise.pk).update(state="kept", closed_at=timezone.now())
    with pytest.raises(LookupError):
        proposal_decide(
            workspace=workspace, user=user, kind="commitment", object_id=promise.pk, accept=True
        )
    assert Commitment.objects.get(pk=promise.pk).state == "kept"
    matter = found.matters[0]
    proposal_decide(
        workspace=workspace, user=user, kind="matter", object_id=matter.pk, accept=False
    )
    with pytest.raises(LookupError):
        proposal_decide(
            workspace=workspace, user=user, kind="matter", object_id=matter.pk, accept=True
        )
    assert Matter.objects.get(pk=matter.pk).state == "dismissed"


def test_merging_keeps_matters_events_follow_ups_and_cadence(workspace, user):
    keep = PersonFactory(workspace=workspace, name="Ann Lee")
    drop = PersonFactory(workspace=workspace, name="Ann  Lee", cadence_days=30)
    note_capture(
        workspace=workspace,
        person=drop,
        author=user,
        body="She wants to move to Lisbon. They are moving to Denver in March. Ask about her dog.",
    )
    counts = (Matter.objects.count(), FollowUp.objects.count())
    assert all(counts)
    person_merge(workspace=workspace, keep=keep, drop=drop)
    assert (
        Matter.objects.filter(person=keep).count(),
        FollowUp.objects.filter(person=keep).count(),
    ) == counts
    assert keep.life_events.count() == 1
    keep.refresh_from_db()
    assert keep.cadence_days == 30


def test_a_colleagues_follow_up_is_not_on_my_today(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace)
    follow_up_add(
        workspace=workspace,
        person=ann,
        owner=colleague,
        what="Their call",
        due=timezone.localdate(),
    )
    follow_up_add(
        workspace=workspace, person=ann, owner=user, what="My call", due=timezone.localdate()
    )
    titles = [i.title for i in today_queue(workspace=workspace, user=user).items]
    assert titles == ["My call"]


def test_the_review_counts_only_my_own_notes(workspace, user, colleague):
    ann = PersonFactory(workspace=workspace, name="Ann")
    cy = PersonFactory(workspace=workspace, name="Cy")
    note_add(workspace=workspace, person=ann, author=user, body="Lunch.")
    note_add(workspace=workspace, person=cy, author=colleague, body="Their lunch.")
    assert [c.name for c in weekly_review(workspace=workspace, user=user).cared_for] == ["Ann"]


def test_today_action_with_a_bad_id_is_a_plain_400(signed_in):
    from tests.helpers import post_with_csrf

    response = post_with_csrf(
        signed_in,
        reverse("today"),
        reverse("today-action"),
        {"kind": "promise", "object_id": "abc", "key": "x", "action": "done"},
    )
    assert response.status_code == 400 and response.content == b"Choose an item."


def test_more_replies_leaves_out_what_i_dismissed(workspace, user, tmp_path):
    from carefor.care.today_actions import today_act
    from carefor.importers.services import import_path
    from carefor.people.models import MyIdentity

    MyIdentity.objects.create(workspace=workspace, user=user, kind="email", value="me@example.org")
    stamp = (timezone.now() - timedelta(days=2)).strftime("%a, %d %b %Y %H:%M:%S +0000")
    path = tmp_path / "in.mbox"
    path.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Ann <ann@example.org>\nTo: me@example.org\n"
        f"Subject: Hi\nMessage-ID: <h1@x>\nDate: {stamp}\n\nCan we talk?\n"
    )
    import_path(workspace=workspace, user=user, kind="mbox", path=path)
    (item,) = [i for i in today_queue(workspace=workspace, user=user).items if i.kind == "reply"]
    today_act(
        workspace=workspace,
        user=user,
        kind="reply",
        object_id=item.object_id,
        key=item.key,
        action="done",
    )
    queue = today_queue(workspace=workspace, user=user)
    assert queue.more_replies == 0 and not [i for i in queue.items if i.kind == "reply"]


def test_cli_note_seen_by(workspace, user):
    PersonFactory(workspace=workspace, name="Ann Lee")
    ok = CliRunner().invoke(
        main, ["note", "Ann Lee", "-", "--seen-by", "private", "--json", "--user", user.email],
        input="She wants to learn the cello.",
    )  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert [(m.what, m.visibility) for m in Matter.objects.all()] == [
        ("Learn the cello", "private")
    ]
    wrong = CliRunner().invoke(
        main, ["note", "Ann Lee", "-", "--seen-by", "team", "--user", user.email], input="x"
    )
    assert wrong.exit_code == 2 and "Invalid value for '--seen-by'" in wrong.output
    assert "Traceback" not in wrong.output


def test_hidden_rows_cannot_be_acted_on_or_counted(workspace, user, colleague):
    """A carers-only follow-up nobody owns stays off a non-carer's Today; a promise from
    someone else's "only me" note cannot be closed by id; the brief's count of
    interactions leaves out notes the reader may not see."""
    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    follow_up_add(
        workspace=workspace, person=ann, owner=None, what="Ask about the chemo",
        due=timezone.localdate(), visibility="carers",
    )  # fmt: skip
    titles = [i.title for i in today_queue(workspace=workspace, user=colleague).items]
    assert "Ask about the chemo" not in titles
    found = note_capture(
        workspace=workspace, person=ann, author=user, visibility="private",
        body="I'll send her the recipe tomorrow.",
    )  # fmt: skip
    (promise,) = found.commitments
    from carefor.care.services import commitment_close

    with pytest.raises(Commitment.DoesNotExist):
        commitment_close(
            workspace=workspace, user=colleague, commitment_id=promise.pk, state="dismissed"
        )
    assert person_brief(workspace=workspace, user=colleague, person=ann).interaction_count == 0
    assert person_brief(workspace=workspace, user=user, person=ann).interaction_count == 1
