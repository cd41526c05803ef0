"""The first ten minutes of a new user, in a real Chromium driven by Playwright."""

import re

import pytest
from playwright.sync_api import Page, expect

from carefor.teams.services import setup_token_issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, email: str) -> None:
    from tests.factories import PASSWORD

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_first_run_setup_sign_in_add_person_and_note(page: Page, live_server):
    """GIVEN a fresh carefor and the setup link `carefor serve` would print
    WHEN the user sets up, signs out and in again, adds a person and writes a note
    THEN the note appears on that person's timeline without a page reload."""
    token = setup_token_issue()
    page.goto(f"{live_server.url}/setup/?token={token}")
    expect(page.get_by_role("heading", name="Set up your notebook")).to_be_visible()
    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_label("Email (you sign in with it)").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill("a calm and long passphrase")
    page.get_by_label("Password, again").fill("a calm and long passphrase")
    page.get_by_label("Name your notebook").fill("Sam's notebook")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    expect(page.get_by_text("Nothing needs you today.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill("a calm and long passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_text("Your notebook is empty.")).to_be_visible()

    page.get_by_role("link", name="Add the first person you care for").click()
    page.get_by_label("Name").fill("Maria Chen")
    page.get_by_label("Organisation").fill("Lumen Bio")
    page.get_by_label("Emails").fill("maria@lumen.example")
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("heading", name="Maria Chen")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/people/\d+/$"))

    url_before = page.url
    page.get_by_label("After a conversation").fill(
        "Moving to Denver in March. Ask how the move went."
    )
    page.get_by_role("button", name="Save note").click()
    timeline = page.locator("#timeline")
    expect(timeline.get_by_text("Moving to Denver in March.")).to_be_visible()
    expect(page.get_by_label("After a conversation")).to_have_value("")
    assert page.url == url_before  # htmx swapped it in place

    page.reload()
    expect(page.locator("#timeline").get_by_text("Moving to Denver in March.")).to_be_visible()
    page.get_by_role("link", name="People").click()
    page.get_by_role("searchbox").fill("lumen")
    expect(page.get_by_role("link", name="Maria Chen")).to_be_visible()


def test_dismiss_a_waiting_item_and_it_stays_gone_after_reload(page: Page, live_server, tmp_path):
    """GIVEN someone wrote to me and is waiting on my reply
    WHEN I dismiss the item on the Courtesy page
    THEN it disappears at once and is still gone after a reload."""
    from carefor.importers.services import import_path
    from carefor.people.models import MyIdentity
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    MyIdentity.objects.create(
        workspace=membership.workspace, user=membership.user, kind="email", value="me@example.org"
    )
    mbox = tmp_path / "m.mbox"
    mbox.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Ann Lee <ann@example.org>\nTo: me@example.org\n"
        "Subject: Coffee?\nMessage-ID: <c1@x>\nDate: Mon, 3 Mar 2025 10:00:00 +0000\n\nFree?\n\n"
        "From x Mon Jan  1 00:00:00 2024\nFrom: Bo Li <bo@example.org>\nTo: me@example.org\n"
        "Subject: Intro?\nMessage-ID: <c2@x>\nDate: Tue, 4 Mar 2025 10:00:00 +0000\n\nPlease?\n"
    )
    import_path(workspace=membership.workspace, user=membership.user, kind="mbox", path=mbox)

    sign_in(page, live_server, membership.user.email)
    page.get_by_role("navigation").get_by_role("link", name="Courtesy").click()
    ann = page.locator("li", has_text="Ann Lee")
    expect(ann).to_be_visible()
    ann.get_by_role("button", name="Dismiss").click()
    expect(page.locator("li", has_text="Ann Lee")).to_have_count(0)
    page.reload()
    expect(page.get_by_text("Bo Li")).to_be_visible()
    expect(page.locator("li", has_text="Ann Lee")).to_have_count(0)


def test_confirm_a_detected_promise_then_keep_it(page: Page, live_server, tmp_path):
    """GIVEN mail I sent a few days ago promising something
    WHEN I confirm the detected promise and then mark it kept
    THEN it leaves the open list."""
    from datetime import timedelta

    from django.utils import timezone

    from carefor.importers.services import import_path
    from carefor.people.models import MyIdentity
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    MyIdentity.objects.create(
        workspace=membership.workspace, user=membership.user, kind="email", value="me@example.org"
    )
    stamp = (timezone.now() - timedelta(days=2)).strftime("%a, %d %b %Y 10:00:00 +0000")
    mbox = tmp_path / "m.mbox"
    mbox.write_text(
        "From x Mon Jan  1 00:00:00 2024\nFrom: Me <me@example.org>\nTo: Ann <ann@example.org>\n"
        f"Subject: Deck\nMessage-ID: <b1@x>\nDate: {stamp}\n\nI'll send you the deck on Friday.\n"
    )
    import_path(workspace=membership.workspace, user=membership.user, kind="mbox", path=mbox)

    sign_in(page, live_server, membership.user.email)
    page.get_by_role("navigation").get_by_role("link", name="Promises").click()
    detected = page.locator("li", has_text="I'll send you the deck on Friday.")
    detected.get_by_role("button", name="Confirm").click()
    open_item = page.locator("section", has_text="Open").locator("li", has_text="send you the deck")
    expect(open_item).to_be_visible()
    open_item.get_by_role("button", name="Kept").click()
    expect(page.get_by_text("Nothing open.")).to_be_visible()
    page.reload()
    expect(page.get_by_text("Nothing open.")).to_be_visible()


def test_quick_capture_confirm_a_matter_and_a_promise_see_them_in_the_brief(
    page: Page, live_server
):
    """GIVEN a person in my notebook
    WHEN I write a note after a conversation and keep the proposed matter and promise
    THEN both appear in the brief before our next meeting."""
    from tests.factories import MembershipFactory, PersonFactory

    membership = MembershipFactory()
    priya = PersonFactory(workspace=membership.workspace, name="Priya Raman")

    sign_in(page, live_server, membership.user.email)
    page.goto(f"{live_server.url}/people/{priya.pk}/")
    page.get_by_label("After a conversation").fill(
        "Breakfast with Priya. She wants to move into product management because she misses "
        "talking to customers. I will send her the PM reading list by Friday."
    )
    page.get_by_role("button", name="Save note").click()
    proposals = page.locator("#proposals")
    matter = proposals.locator("li", has_text="Move into product management")
    expect(matter).to_be_visible()
    matter.get_by_role("button", name="Keep").click()
    expect(page.locator("#matters").get_by_text("Move into product management")).to_be_visible()
    promise = page.locator("#proposals li", has_text="send her the PM reading list")
    promise.get_by_role("button", name="Keep").click()
    expect(page.locator("#proposals")).to_have_count(0)  # nothing left to decide
    expect(page.locator("#life-and-promises").get_by_text("PM reading list")).to_be_visible()

    page.get_by_role("link", name="Brief").click()
    brief = page.locator("#brief")
    expect(brief.get_by_role("heading", name="Priya Raman")).to_be_visible()
    expect(brief.locator("#brief-matters")).to_contain_text("Move into product management")
    expect(brief.locator("#brief-matters")).to_contain_text("she misses talking to customers")
    expect(brief.locator("#brief-promises")).to_contain_text("send her the PM reading list")


def test_an_introduction_from_proposal_to_done_shows_on_both_timelines(page: Page, live_server):
    """GIVEN two people I know who should meet
    WHEN I propose the introduction, ask each (they say yes), introduce them and record
    how it went
    THEN both timelines show the introduction, and it is done."""
    from tests.factories import IdentityFactory, MembershipFactory, PersonFactory

    membership = MembershipFactory()
    ws = membership.workspace
    maria = PersonFactory(workspace=ws, name="Maria Chen", title="CEO")
    priya = PersonFactory(workspace=ws, name="Priya Raman", title="Partner")
    IdentityFactory(workspace=ws, person=maria, value="maria@lumen.example")
    IdentityFactory(workspace=ws, person=priya, value="priya@northgate.example")

    sign_in(page, live_server, membership.user.email)
    page.get_by_role("navigation").get_by_role("link", name="Help").click()
    page.get_by_role("link", name="Introductions").click()
    page.get_by_label("Introduce (asked first)").fill("Maria Chen")
    page.get_by_label("To", exact=True).fill("Priya Raman")
    page.get_by_label("Why it matters to the first").fill("She is raising her seed round")
    page.get_by_role("button", name="Propose").click()
    expect(page.locator("#intro-state")).to_have_text("Proposed, nobody asked yet.")

    expect(page.get_by_label("Message")).to_contain_text("She is raising her seed round.")
    page.get_by_role("button", name="I sent it").click()
    expect(page.locator("#intro-state")).to_have_text("Waiting for Maria Chen's answer.")
    page.get_by_role("button", name="Maria Chen said yes").click()
    page.get_by_role("button", name="I sent it").click()  # ask Priya
    page.get_by_role("button", name="Priya Raman said yes").click()
    expect(page.locator("#intro-state")).to_have_text("Both agreed; ready to introduce.")
    page.get_by_role("button", name="I sent it").click()  # the introduction itself
    expect(page.locator("#intro-state")).to_have_text("Introduced.")
    page.get_by_label("What came of it").fill("Northgate led the round")
    page.get_by_role("button", name="Record it").click()
    expect(page.locator("#intro-state")).to_have_text("Done.")

    for person in (maria, priya):
        page.goto(f"{live_server.url}/people/{person.pk}/")
        timeline = page.locator("#timeline")
        expect(timeline.get_by_text("Introduction: Maria Chen <> Priya Raman")).to_be_visible()
        expect(page.locator("#help-panel")).to_contain_text("Maria Chen ↔ Priya Raman")


def test_check_a_draft_with_a_conditional_offer(page: Page, live_server):
    """GIVEN a draft that makes my help depend on a favour
    WHEN I paste it into Check a draft
    THEN the condition is highlighted, with why and a gentler wording."""
    from tests.factories import MembershipFactory

    membership = MembershipFactory()
    sign_in(page, live_server, membership.user.email)
    page.get_by_role("navigation").get_by_role("link", name="Outreach").click()
    page.get_by_role("link", name="Check a draft").click()
    page.get_by_label("Your draft").fill(
        "Great to meet you at the dinner. Happy to help with the intro — and if you could "
        "share my post with your network, that'd be great."
    )
    page.get_by_role("button", name="Check").click()
    result = page.locator("#check-result")
    expect(result.get_by_role("heading", name="Strings attached (1)")).to_be_visible()
    expect(result.locator(".marked mark")).to_contain_text("share my post")
    expect(result.locator(".suggestion")).to_contain_text("Perhaps:")


def test_two_members_private_note_and_coverage(browser, live_server):
    """GIVEN an owner and a member sharing a notebook
    WHEN the member writes a note marked "Only me", and the owner opens Coverage
    THEN the owner never sees the note; Coverage lists the person with no carer, and
    assigning a carer takes them off the list."""
    from carefor.teams.models import Membership
    from tests.factories import MembershipFactory, PersonFactory

    owner = MembershipFactory()
    member = MembershipFactory(workspace=owner.workspace, role=Membership.Role.MEMBER)
    ann = PersonFactory(workspace=owner.workspace, name="Ann Lee")

    theirs = browser.new_context().new_page()
    sign_in(theirs, live_server, member.user.email)
    theirs.goto(f"{live_server.url}/people/{ann.pk}/")
    theirs.get_by_label("After a conversation").fill("Ann told me about her divorce.")
    theirs.get_by_label("Who sees this note").select_option(label="Only me")
    theirs.get_by_role("button", name="Save note").click()
    expect(
        theirs.locator("#timeline").get_by_text("Ann told me about her divorce.")
    ).to_be_visible()

    mine = browser.new_context().new_page()
    sign_in(mine, live_server, owner.user.email)
    mine.goto(f"{live_server.url}/people/{ann.pk}/")
    expect(mine.get_by_role("heading", name="Ann Lee")).to_be_visible()
    expect(mine.get_by_text("divorce")).to_have_count(0)

    mine.get_by_role("navigation").get_by_role("link", name="Coverage").click()
    expect(mine.locator("#no-carer").get_by_role("link", name="Ann Lee")).to_be_visible()
    mine.locator("#no-carer").get_by_role("link", name="Ann Lee").click()
    mine.get_by_label("Carer to add").select_option(label=member.user.name)
    mine.get_by_role("button", name="Add carer").click()
    mine.get_by_role("navigation").get_by_role("link", name="Coverage").click()
    expect(mine.locator("#no-carer").get_by_role("link", name="Ann Lee")).to_have_count(0)
    expect(mine.locator("#no-carer")).to_contain_text("Everyone has someone.")
    # Only me is only me: the owner, now a carer of Ann too, still never sees the note.
    mine.goto(f"{live_server.url}/people/{ann.pk}/")
    mine.get_by_label("Carer to add").select_option(label=owner.user.name)
    mine.get_by_role("button", name="Add carer").click()
    expect(mine.locator(".carers, dl").get_by_text(owner.user.name).first).to_be_visible()
    expect(mine.get_by_text("divorce")).to_have_count(0)
