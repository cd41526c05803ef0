"""The language features as a user meets them, in a real Chromium: a note read as the
report it is, Outreach giving people the benefit of the doubt, and Check a draft
catching the seed's pitch."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.test_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANA_NOTE = (
    "Had coffee with Ana. Her daughter starts university in Lisbon in September, she is "
    "anxious about it. I promised to send her the intro to Marco by Friday."
)


def test_the_ana_note_proposes_the_promise_the_worry_and_the_follow_up(page: Page, live_server):
    """GIVEN Ana and Marco in my notebook
    WHEN I write the note about my coffee with Ana
    THEN carefor proposes my promise (due Friday), her worry and a follow-up for September."""
    from tests.factories import MembershipFactory, PersonFactory

    membership = MembershipFactory()
    ana = PersonFactory(workspace=membership.workspace, name="Ana Costa")
    PersonFactory(workspace=membership.workspace, name="Marco Rossi")
    today = timezone.localdate()
    friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)

    sign_in(page, live_server, membership.user.email)
    page.goto(f"{live_server.url}/people/{ana.pk}/")
    page.get_by_label("After a conversation").fill(ANA_NOTE)
    page.get_by_role("button", name="Save note").click()
    proposals = page.locator("#proposals")
    promise = proposals.locator("li", has_text="I promised to send her the intro to Marco")
    expect(promise).to_contain_text(f"Due {friday.day} {friday:%b %Y}")
    expect(proposals.locator("li", has_text="anxious about it")).to_contain_text("worry")
    event = proposals.locator("li[id^=proposal-life_event]", has_text="university in Lisbon")
    expect(event).to_contain_text("Then: Ask how")
    expect(event).to_contain_text("Sep")


ELENA = (
    "Dear Sam,\n\nI read your piece on caring about customers versus caring for a customer "
    "three times and then sent it to my whole team.\n\nI run customer success at Stratum "
    "Cloud in Berlin. We care about customers very efficiently: health scores, QBR templates, "
    "NPS. Would you come and argue about this with my leadership team? We can pay, of "
    "course.\n\nBest regards,\nElena"
)


def test_outreach_without_evidence_is_not_a_pitch(page: Page, live_server):
    """GIVEN a stranger's invitation that the model alone would call a pitch
    WHEN I open Outreach
    THEN it is not among the pitches: without evidence she gets the benefit of the doubt."""
    from carefor.conversations.models import Interaction, Participant
    from carefor.conversations.services import interaction_record
    from carefor.outreach.services import verdicts_refresh
    from tests.factories import MembershipFactory, PersonFactory

    membership = MembershipFactory()
    elena = PersonFactory(workspace=membership.workspace, name="Elena Petrova")
    interaction_record(
        workspace=membership.workspace,
        kind=Interaction.Kind.MESSAGE,
        direction=Interaction.Direction.INBOUND,
        occurred_at=timezone.now() - timedelta(days=1),
        subject="Your piece on caring for customers",
        body=ELENA,
        participants=[(elena, Participant.Role.FROM, "")],
    )
    verdicts_refresh(workspace=membership.workspace)

    sign_in(page, live_server, membership.user.email)
    page.get_by_role("navigation").get_by_role("link", name="Outreach").click()
    expect(page.get_by_role("link", name="Pitch (0)")).to_be_visible()
    expect(page.get_by_text("Your piece on caring for customers")).to_have_count(0)
    # Genuine, or at most "not sure — yours to judge": never accused.
    seen = 0
    for verdict in ("genuine", "unsure"):
        page.goto(f"{live_server.url}/outreach/?verdict={verdict}")
        expect(page.get_by_role("link", name=re.compile(r"^Not sure \("))).to_be_visible()
        seen += page.get_by_text("Your piece on caring for customers").count()
    assert seen == 1


def test_check_a_draft_flags_the_pitch(page: Page, live_server):
    """GIVEN the seed's "how can I help… by the way, we sell…" as my own draft
    WHEN I check it
    THEN it reads as a pitch, the selling sentences highlighted, with a gentler wording."""
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    sign_in(page, live_server, membership.user.email)
    page.goto(f"{live_server.url}/check/")
    page.get_by_label("Your draft").fill(
        "Happy to help you grow! By the way, we sell a sales-coaching platform — let's hop on "
        "a call next week."
    )
    page.get_by_role("button", name="Check").click()
    result = page.locator("#check-result")
    expect(result.get_by_role("heading", name="Reads as a pitch (1)")).to_be_visible()
    expect(result.locator(".marked mark")).to_contain_text("By the way, we sell")
    expect(result.locator(".suggestion")).to_contain_text("Perhaps:")
