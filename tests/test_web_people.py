"""The people pages: list and search, a person's timeline, adding, editing, notes."""

import pytest
from django.urls import reverse

from carefor.conversations.models import Interaction
from carefor.people.models import Person
from tests.factories import ParticipantFactory, PersonFactory
from tests.helpers import post_with_csrf

pytestmark = pytest.mark.django_db


def test_list_shows_people_and_searches(signed_in, workspace):
    PersonFactory(workspace=workspace, name="Maria Chen")
    PersonFactory(workspace=workspace, name="Raj Patel")
    page = signed_in.get(reverse("people:list"))
    assert b"Maria Chen" in page.content and b"Raj Patel" in page.content
    found = signed_in.get(reverse("people:list"), {"q": "raj"})
    assert b"Raj Patel" in found.content and b"Maria Chen" not in found.content


def test_search_as_you_type_returns_only_the_results_fragment(signed_in, workspace):
    PersonFactory(workspace=workspace, name="Maria Chen")
    response = signed_in.get(
        reverse("people:list"),
        {"q": "mar"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="people-results",
    )
    assert b"Maria Chen" in response.content
    assert b"<html" not in response.content


def test_empty_search_offers_to_add_the_name(signed_in):
    response = signed_in.get(reverse("people:list"), {"q": "Nobody Here"})
    assert b"Nobody matches" in response.content
    assert b"/people/new/?name=Nobody%20Here" in response.content


def test_list_query_count_does_not_grow_with_people(
    signed_in, workspace, django_assert_max_num_queries
):
    for _ in range(30):
        ParticipantFactory(
            person=PersonFactory(workspace=workspace), interaction__workspace=workspace
        )
    with django_assert_max_num_queries(12):
        response = signed_in.get(reverse("people:list"))
    assert response.context["page"].paginator.count == 30


def test_add_person_with_identities(signed_in, workspace):
    url = reverse("people:add")
    response = post_with_csrf(
        signed_in,
        url,
        url,
        {
            "name": "Maria Chen",
            "organisation": "Lumen Bio",
            "emails": "Maria@Lumen.example\nmaria.chen@gmail.example",
            "phones": "+1 415 555 0132",
            "links": "linkedin.com/in/maria-chen\n@mariac",
        },
    )
    person = Person.objects.get(workspace=workspace)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert sorted(person.identities.values_list("value", flat=True)) == [
        "+14155550132",
        "@mariac",
        "https://www.linkedin.com/in/maria-chen",
        "maria.chen@gmail.example",
        "maria@lumen.example",
    ]


def test_add_person_reports_each_bad_address_by_line(signed_in, workspace):
    url = reverse("people:add")
    response = post_with_csrf(
        signed_in, url, url, {"name": "X", "emails": "ok@example.org\nnot-an-email"}
    )
    assert response.status_code == 200
    assert b"Line 2: &#x27;not-an-email&#x27; is not an email address." in response.content
    assert not Person.objects.filter(workspace=workspace).exists()


def test_edit_person_refuses_an_address_someone_else_has(signed_in, workspace):
    from tests.factories import IdentityFactory

    IdentityFactory(person=PersonFactory(workspace=workspace, name="Ann"), value="ann@example.org")
    bo = PersonFactory(workspace=workspace, name="Bo")
    url = reverse("people:edit", args=[bo.pk])
    response = post_with_csrf(signed_in, url, url, {"name": "Bo", "emails": "ann@example.org"})
    assert b"ann@example.org already belongs to Ann." in response.content
    assert bo.identities.count() == 0


def test_person_page_shows_timeline_newest_first(signed_in, workspace):
    person = PersonFactory(workspace=workspace, name="Maria Chen")
    older = ParticipantFactory(
        person=person, interaction__workspace=workspace, interaction__subject="Old chat"
    )
    newer = ParticipantFactory(
        person=person, interaction__workspace=workspace, interaction__subject="New chat"
    )
    Interaction.objects.filter(pk=older.interaction_id).update(occurred_at="2025-01-01T10:00Z")
    Interaction.objects.filter(pk=newer.interaction_id).update(occurred_at="2026-01-01T10:00Z")
    content = signed_in.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert content.index("New chat") < content.index("Old chat")


def test_timeline_names_who_wrote_and_who_else_took_part(signed_in, workspace, user):
    """Who took part comes from one plain query per page (with_participants), on the
    page and in the API alike."""
    from django.test import Client

    from carefor.conversations.models import Participant
    from carefor.teams.tokens import api_token_create

    ann = PersonFactory(workspace=workspace, name="Ann Lee")
    ben = PersonFactory(workspace=workspace, name="Ben Okafor")
    cho = PersonFactory(workspace=workspace, name="Cho Park")
    sent = ParticipantFactory(
        person=ann, interaction__workspace=workspace, interaction__subject="Lunch plans",
        interaction__direction=Interaction.Direction.INBOUND,
    ).interaction  # fmt: skip
    ParticipantFactory(interaction=sent, person=cho, role=Participant.Role.CC)
    ParticipantFactory(interaction=sent, person=ben, role=Participant.Role.CC)
    page = signed_in.get(reverse("people:detail", args=[ann.pk])).content.decode()
    assert "Ann Lee wrote" in page
    with_part = page[page.index('<div class="with">') :]
    assert with_part.index("Ben Okafor") < with_part.index("Cho Park")
    assert (
        f'href="/people/{ben.pk}/"' in with_part
        and f'href="/people/{ann.pk}/"' not in (with_part[: with_part.index("</div>")])
    )
    _, token = api_token_create(workspace=workspace, user=user, name="tests")
    api = Client().get(
        f"/api/v1/people/{cho.pk}/interactions", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert api.json()["items"][0]["participants"] == [
        {"person_id": p.pk, "name": p.name, "role": role}
        for p, role in ((ben, "cc"), (cho, "cc"), (ann, "from"))  # by role, then name
    ]


def test_timeline_pages_of_forty_with_show_earlier(signed_in, workspace):
    from carefor.web.views.people import TIMELINE_PAGE_SIZE

    person = PersonFactory(workspace=workspace, name="Maria Chen")
    for n in range(TIMELINE_PAGE_SIZE + 1):
        ParticipantFactory(
            person=person, interaction__workspace=workspace, interaction__subject=f"Chat {n:03}",
            interaction__occurred_at=f"2026-01-01T{n // 60:02}:{n % 60:02}Z",
        )  # fmt: skip
    url = reverse("people:detail", args=[person.pk])
    first = signed_in.get(url).content.decode()
    assert "Chat 040" in first and "Chat 000" not in first and "Show earlier" in first
    more = signed_in.get(url + "?page=2", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="timeline-more")
    assert "Chat 000" in more.content.decode() and "Show earlier" not in more.content.decode()
    # A page far past the end (or a number no database could offset by) is just empty.
    assert signed_in.get(url + "?page=99999999999999999999999").status_code == 200


def test_note_via_htmx_returns_the_new_item_and_a_fresh_form(signed_in, workspace, user):
    person = PersonFactory(workspace=workspace)
    url = reverse("people:detail", args=[person.pk])
    response = post_with_csrf(
        signed_in,
        url,
        reverse("people:note-add", args=[person.pk]),
        {"body": "She is moving to Denver in March; ask how the move went."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert b"moving to Denver" in response.content
    assert b'hx-swap-oob="afterbegin:#timeline"' in response.content
    note = Interaction.objects.get(workspace=workspace)
    assert (note.kind, note.author) == ("note", user)
    person.refresh_from_db()
    assert person.last_interaction_at == note.occurred_at


def test_empty_note_is_refused(signed_in, workspace):
    person = PersonFactory(workspace=workspace)
    url = reverse("people:detail", args=[person.pk])
    response = post_with_csrf(
        signed_in,
        url,
        reverse("people:note-add", args=[person.pk]),
        {"body": "  "},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert b"This field is required" in response.content
    assert not Interaction.objects.exists()


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (0, "today"),
        (1, "yesterday"),
        (5, "5 days ago"),
        (20, "2 weeks ago"),
        (95, "3 months ago"),
        (400, "over a year ago"),
        (800, "over 2 years ago"),
        (-2, "upcoming"),
    ],
)
def test_ago_says_it_like_a_person(days, said):
    from datetime import timedelta

    from django.utils import timezone

    from carefor.web.templatetags.carefor_tags import ago

    now = timezone.now()
    assert ago(now - timedelta(days=days), now) == said


def test_phone_display_groups_digits():
    from carefor.web.templatetags.carefor_tags import phone_display

    assert phone_display("+14155550132") == "+1 415-555-0132"
    assert phone_display("02079460958") == "02079460958"


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland"])
def test_time_tag_says_what_the_date_filters_said(settings, zone):
    """One filter in place of three date filters per timeline item: same text, same zone."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.template import Context, Template

    from carefor.web.templatetags.carefor_tags import time_tag

    settings.TIME_ZONE = zone
    for moment in (
        datetime(2026, 3, 4, 23, 5, 0, 120, tzinfo=ZoneInfo("UTC")),
        datetime(2025, 9, 30, 9, 0, tzinfo=ZoneInfo("UTC")),
    ):
        filters = Template(
            "<time datetime=\"{{ m|date:'c' }}\" title=\"{{ m|date:'j F Y, H:i' }}\">"
            '{{ m|date:"j M Y" }}</time>'
        ).render(Context({"m": moment}))
        assert time_tag(moment) == filters
    assert time_tag(None) == ""


def test_seen_by_marks_only_what_not_everyone_sees():
    from carefor.web.templatetags.carefor_tags import seen_by

    assert seen_by("private") == ' <span class="lock" title="Only you see it">only me</span>'
    assert seen_by("carers") == (
        ' <span class="lock carers" title="Only this person\'s carers (and its author) see it">'
        "carers</span>"
    )
    assert seen_by("workspace") == "" and seen_by("") == ""


# The markup _item.html had before verdict_badge replaced it.
OLD_BADGE = (
    '{% if item.verdict and item.verdict.shown != "genuine" %}<span class="verdict-badge '
    '{{ item.verdict.shown }}" title="{% for e in item.verdict.evidence %}{{ e.why }} '
    '{% endfor %}{{ item.verdict.reason }}">{% if item.verdict.corrected_verdict %}'
    "{{ item.verdict.get_corrected_verdict_display }}{% else %}"
    "{{ item.verdict.get_verdict_display }}{% endif %}</span>{% endif %}"
)


@pytest.mark.parametrize(
    "verdict",
    [
        None,
        {"verdict": "genuine"},
        {"verdict": "pitch", "evidence": [{"why": "Asks for a call <soon>"}, {"why": "Price"}]},
        {"verdict": "reciprocity", "corrected_verdict": "genuine"},
        {"verdict": "genuine", "corrected_verdict": "pitch", "evidence": [{"text": "no why"}]},
        {"verdict": "automated", "reason": 'List-Unsubscribe "header"'},
    ],
)
def test_verdict_badge_says_what_the_template_said(workspace, verdict):
    from django.template import Context, Template

    from carefor.outreach.models import MessageVerdict
    from carefor.web.templatetags.carefor_tags import verdict_badge
    from tests.factories import InteractionFactory

    item = InteractionFactory(workspace=workspace)
    if verdict is not None:
        MessageVerdict.objects.create(workspace=workspace, interaction=item, **verdict)
    item = Interaction.objects.select_related("verdict").get(pk=item.pk)
    old = Template(OLD_BADGE).render(Context({"item": item}))
    assert verdict_badge(item) == old
    assert bool(old) == (
        verdict is not None
        and "genuine" not in (verdict.get("corrected_verdict") or verdict["verdict"])
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "a" * 420,
        "b" * 421,
        "word " * 200,
        "café " * 100,
        "e\u0301" * 430,
        "日本" * 300,
    ],
)
def test_excerpt_is_truncatechars(text):
    from django.utils.text import Truncator

    from carefor.web.templatetags.carefor_tags import excerpt

    assert excerpt(text, 420) == Truncator(text).chars(420)


def test_reply_chart_draws_both_sides_and_escapes_text():
    from carefor.web.charts import reply_time_chart

    svg = reply_time_chart(
        [
            {"side": "mine", "month": "2025-01", "median_hours": 2.0, "n": 3},
            {"side": "mine", "month": "2025-02", "median_hours": 30.0, "n": 1},
            {"side": "theirs", "month": "2025-02", "median_hours": 0.5, "n": 2},
        ]
    )
    assert svg.startswith("<svg") and svg.count("<polyline") == 2
    assert "my replies in 2025-02: median 30 h over 1 conversation" in svg
    assert "their replies in 2025-02: median 30 min over 2 conversations" in svg
    assert reply_time_chart([]) == ""
