"""No score-keeping, enforced: for a person I helped twenty times and who never helped me,
no page, JSON output or API shows a balance, a tally of help by direction, or a ranking
by what someone gave me."""

import json
import re

import pytest
from click.testing import CliRunner
from django.urls import reverse

from carefor.care.help import help_add
from carefor.care.introductions import intro_propose, intro_step
from carefor.care.matters import matter_add
from carefor.cli import main
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# Words of score-keeping. The product's own disclaimers ("never a balance", "never a score
# of anyone") are taken out first: saying it does not keep score is not keeping score.
FORBIDDEN = re.compile(
    r"\b(balance|owes?|owed|owing|debt|debts|score|scores|tally|ratio|reciprocity|"
    r"in return|pay ?back|quid pro quo|favou?rs? (?:owed|due)|even(?:ed)? up)\b",
    re.IGNORECASE,
)
DISCLAIMER = re.compile(r"never (?:a|any) (?:balance|score)[^.<]*", re.IGNORECASE)
# A count of help by direction: "20 helps", "given: 20", "received 0", "20 times".
TALLY = re.compile(
    r"\b\d+\s+(?:helps?|favou?rs?|times helped)\b|\b(?:given|received)\s*[:=]?\s*\d+\b",
    re.IGNORECASE,
)
FORBIDDEN_KEYS = re.compile(r"balance|score|owe|tally|ratio|count|total|net", re.IGNORECASE)


def _lopsided(workspace, user):
    generous = PersonFactory(workspace=workspace, name="Lopsided Person", title="Founder")
    other = PersonFactory(workspace=workspace, name="Other Person")
    for n in range(20):
        help_add(
            workspace=workspace,
            user=user,
            giver=None,
            receiver=generous,
            kind="advice",
            what=f"Advice session {n}",
        )
    help_add(
        workspace=workspace, user=user, giver=other, receiver=None, kind="referral", what="A client"
    )
    matter_add(workspace=workspace, person=generous, author=user, kind="goal", what="Raise a round")
    intro = intro_propose(workspace=workspace, user=user, a=generous, b=other)
    for event in ("ask_a", "a_yes", "ask_b", "b_yes", "introduce"):
        intro_step(workspace=workspace, user=user, intro_id=intro.pk, event=event)
    return generous


def _check_text(where: str, text: str) -> None:
    text = DISCLAIMER.sub("", text)
    assert not FORBIDDEN.search(text), (where, FORBIDDEN.search(text).group(0))
    assert not TALLY.search(text), (where, TALLY.search(text).group(0))


def _check_keys(where: str, value: object) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            assert not FORBIDDEN_KEYS.search(key) or key in {"more_replies"}, (where, key)
            _check_keys(where, inner)
    elif isinstance(value, list):
        for inner in value:
            _check_keys(where, inner)


def test_no_page_shows_a_balance_or_a_tally(signed_in, workspace, user):
    person = _lopsided(workspace, user)
    pages = [
        reverse("people:detail", args=[person.pk]),
        reverse("people:brief", args=[person.pk]),
        reverse("people:ways", args=[person.pk]),
        reverse("people:list"),
        reverse("help"),
        reverse("help") + "?direction=given",
        reverse("introductions"),
        reverse("today"),
        reverse("review"),
    ]
    for url in pages:
        response = signed_in.get(url)
        assert response.status_code == 200, url
        _check_text(url, response.content.decode())


def test_no_json_output_has_a_balance_or_a_tally(workspace, user):
    person = _lopsided(workspace, user)
    runner = CliRunner()
    for args in (
        ["help-log", "list", "--json"],
        ["help-log", "list", "--json", "--person", person.name],
        ["brief", person.name, "--format", "json"],
        ["brief", person.name],
        ["today", "--json"],
        ["intro", "list", "--all", "--json"],
        ["review"],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
        _check_text(" ".join(args), result.output)
        if "--json" in args or "json" in args:
            _check_keys(" ".join(args), json.loads(result.output))


def test_the_checks_would_catch_score_keeping():
    """The detectors themselves can fail: a balance or a tally is caught."""
    for text in ("Balance: +19", "She owes you", "given: 20, received: 0", "20 helps so far"):
        with pytest.raises(AssertionError):
            _check_text("sample", text)
    with pytest.raises(AssertionError):
        _check_keys("sample", {"person": {"help_balance": 19}})
    _check_text("sample", "carefor keeps never a balance of help.")
