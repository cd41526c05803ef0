"""`carefor check-text` gains strings attached; the draft checker page flags and silences."""

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from carefor.cli import main
from tests.helpers import post_with_csrf

DRAFT = (
    "Happy to help with the intro — and if you could share my post with your network, "
    "that'd be great."
)


def test_check_text_json_has_strings_attached():
    result = CliRunner().invoke(main, ["check-text", "--json"], input=DRAFT)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {"promises", "requests", "strings_attached"} <= set(payload)
    attached = payload["strings_attached"]
    assert attached["verdict"] == "reciprocity"
    (evidence,) = attached["evidence"]
    assert set(evidence) == {"text", "rule", "why"}
    assert evidence["text"] in DRAFT and evidence["rule"].startswith("draft.")


def test_check_text_plain_text_and_silence():
    plain = CliRunner().invoke(main, ["check-text"], input=DRAFT)
    assert "Strings attached (1)" in plain.output and "Perhaps:" in plain.output
    rule = json.loads(CliRunner().invoke(main, ["check-text", "--json"], input=DRAFT).output)[
        "strings_attached"
    ]["evidence"][0]["rule"]
    silenced = CliRunner().invoke(main, ["check-text", "--json", "--silence", rule], input=DRAFT)
    assert json.loads(silenced.output)["strings_attached"] == {"verdict": "none", "evidence": []}
    unknown = CliRunner().invoke(main, ["check-text", "--silence", "draft.nope"], input=DRAFT)
    assert unknown.exit_code == 2 and "unknown rule draft.nope" in unknown.output


def test_genuine_text_is_none():
    text = "Congratulations on the new role! No need to reply, just delighted for you."
    payload = json.loads(CliRunner().invoke(main, ["check-text", "--json"], input=text).output)
    assert payload["strings_attached"] == {"verdict": "none", "evidence": []}


@pytest.mark.django_db
def test_check_page_flags_and_remembers_a_silenced_rule(signed_in):
    page = reverse("check")
    html = post_with_csrf(signed_in, page, page, {"text": DRAFT}).content.decode()
    assert "<mark" in html and "Perhaps:" in html
    rule = html.split('name="rule" value="')[1].split('"')[0]
    post_with_csrf(
        signed_in, page, reverse("check-silence"), {"rule": rule, "silenced": "1", "text": DRAFT}
    )
    again = post_with_csrf(signed_in, page, page, {"text": DRAFT}).content.decode()
    assert "No strings attached" in again and "silenced — turn on" in again


def test_check_text_names_a_pitch_as_a_pitch():
    seed = "Happy to help you grow! By the way, we sell a coaching platform. Let's hop on a call."
    plain = CliRunner().invoke(main, ["check-text"], input=seed)
    assert plain.exit_code == 0, plain.output
    assert "Reads as a pitch (1)" in plain.output and "[draft.pitch]" in plain.output
