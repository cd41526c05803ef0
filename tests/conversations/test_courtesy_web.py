"""The Courtesy page and the person page's reply figures."""

import pytest
from django.urls import reverse

from carefor.conversations.models import CourtesyMark
from carefor.importers.services import import_path
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def test_courtesy_page_lists_both_queues_with_a_chart(signed_in, mailbox):
    content = signed_in.get(reverse("courtesy")).content.decode()
    assert "Waiting on my reply" in content and "José Pérez" in content
    assert "Report" in content  # I am waiting on Cy
    assert "<svg" in content and "median" in content


def test_courtesy_page_queries_do_not_grow_with_mail(signed_in, mailbox, user, tmp_path, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CAREFOR_ANSWER_CACHE_SECONDS = 0  # the page's own queries, each time

    signed_in.get(reverse("courtesy"))  # the first visit also saves the session
    with CaptureQueriesContext(connection) as before:
        signed_in.get(reverse("courtesy"))
    more = "".join(
        f"From x Mon Jan  1 00:00:00 2024\nFrom: P{n} <p{n}@example.org>\nTo: sam@example.org\n"
        f"Subject: More {n}\nMessage-ID: <more{n}@x>\n"
        f"Date: Mon, 10 Mar 2025 10:00:00 +0000\n\nHi?\n\n"
        for n in range(30)
    )
    path = tmp_path / "more.mbox"
    path.write_text(more)
    import_path(workspace=mailbox, user=user, kind="mbox", path=path)
    with CaptureQueriesContext(connection) as after:
        page = signed_in.get(reverse("courtesy"))
    assert len(page.context["mine"]) >= 34
    assert len(after.captured_queries) == len(before.captured_queries) <= 20


def test_dismiss_with_htmx_removes_the_row_and_remembers(signed_in, mailbox, user):
    page = signed_in.get(reverse("courtesy"))
    item = next(i for i in page.context["mine"] if i.name == "Hal")
    response = post_with_csrf(
        signed_in, reverse("courtesy"), reverse("courtesy-action", args=[item.turn_id]),
        {"action": "dismiss"}, HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert (response.status_code, response.content) == (200, b"")
    assert CourtesyMark.objects.get(user=user).state == "dismissed"
    assert "Hal" not in [i.name for i in signed_in.get(reverse("courtesy")).context["mine"]]


def test_actions_are_scoped_and_checked(signed_in, mailbox):
    page = signed_in.get(reverse("courtesy"))
    item = page.context["mine"][0]
    bad = post_with_csrf(
        signed_in, reverse("courtesy"), reverse("courtesy-action", args=[item.turn_id]),
        {"action": "explode"},
    )  # fmt: skip
    assert bad.status_code == 400
    missing = post_with_csrf(
        signed_in, reverse("courtesy"), reverse("courtesy-action", args=[999999]),
        {"action": "dismiss"},
    )  # fmt: skip
    assert missing.status_code == 404


def test_person_page_shows_reply_figures(signed_in, mailbox):
    from carefor.people.models import Person

    bo = Person.objects.get(workspace=mailbox, name="Bo")
    content = signed_in.get(reverse("people:detail", args=[bo.pk])).content.decode()
    assert "You answered <strong>1 of 1</strong>" in content
