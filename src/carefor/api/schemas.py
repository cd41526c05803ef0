"""What the JSON API returns: plain schemas, no model internals, no per-person tallies."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field


class PersonOut(Schema):
    id: int
    name: str
    organisation: str
    title: str
    location: str
    last_in_touch: datetime | None
    keep_in_touch_days: int | None


class PersonDetailOut(PersonOut):
    about: str
    how_we_met: str
    emails: list[str]
    phones: list[str]
    links: list[str]


# Text without NUL characters: PostgreSQL cannot store them, so they are refused at the
# door (422) rather than failing in the database.
NO_NUL = r"^[^\x00]*$"


class PersonIn(Schema):
    name: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    organisation: str = Field("", max_length=200, pattern=NO_NUL)
    title: str = Field("", max_length=200, pattern=NO_NUL)
    location: str = Field("", max_length=200, pattern=NO_NUL)
    about: str = Field("", max_length=20000, pattern=NO_NUL)
    emails: list[Annotated[str, Field(max_length=320, pattern=NO_NUL)]] = []


class ParticipantOut(Schema):
    person_id: int
    name: str
    role: str


class InteractionOut(Schema):
    id: int
    kind: str
    direction: str
    occurred_at: datetime
    subject: str
    body: str
    visibility: Literal["private", "carers", "workspace"]
    participants: list[ParticipantOut]


class NoteIn(Schema):
    body: str = Field(min_length=1, max_length=20000, pattern=NO_NUL)
    # Who besides me sees it: only me, the person's carers, or everyone in the workspace.
    # A note that mentions health or family is narrowed to carers at least.
    visibility: Literal["private", "carers", "workspace"] = "workspace"


class ProposalOut(Schema):
    kind: str
    id: int
    text: str


class NoteOut(Schema):
    note_id: int
    proposals: list[ProposalOut]


class MatterOut(Schema):
    id: int
    kind: str
    what: str
    why: str
    in_their_words: bool
    visibility: Literal["private", "carers", "workspace"]
    state: str
    confirmed_on: date | None


class CommitmentOut(Schema):
    id: int
    kind: str
    state: str
    what: str
    person_id: int | None
    person: str | None
    due: date | None
    found_by: str


class HelpOut(Schema):
    id: int
    direction: str
    kind: str
    what: str
    giver_id: int | None
    receiver_id: int | None
    happened_on: date
    outcome: str
    thanked_on: date | None


class TodayItemOut(Schema):
    kind: str
    person_id: int | None
    person: str
    title: str
    why: str
    due: date | None
    key: str


class TodayOut(Schema):
    date: date
    count: int
    more_replies: int
    items: list[TodayItemOut]


class AwaitingOut(Schema):
    turn_id: int
    side: str
    person_id: int | None
    name: str
    subject: str
    since: datetime
    days: int


class ErrorOut(Schema):
    detail: str
