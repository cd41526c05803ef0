"""The JSON API, version 1 (django-ninja): thin handlers over the same services and
selectors as the pages. Every list is paginated (limit/offset); every object is looked up
in the token's workspace, so another workspace's ids are simply not found (404); what is
private to another member never appears. No Swagger UI: it would load from a CDN.
"""

from collections.abc import Callable
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer
from pydantic import Field

from carefor.api import schemas as s
from carefor.teams.roles import READ_ONLY_MESSAGE, Action, can
from carefor.teams.tokens import api_token_authenticate

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cf_…` only: never a cookie, never a query parameter.

    A token acts with its member's role; this is the one place the API applies it, so
    a viewer's token is read-only on every operation, present and future."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        # The answer cache may have looked the token up already on this request.
        seen, found = getattr(request, "api_token_found", (None, None))
        if seen != token:
            found = api_token_authenticate(token)
        if found is None:
            return None
        if request.method not in SAFE_METHODS and not can(found.role, Action.WRITE):
            raise HttpError(403, READ_ONLY_MESSAGE)
        request.api_workspace = found.workspace  # type: ignore[attr-defined]
        request.api_user = found.user  # type: ignore[attr-defined]
        return found


class Pages(LimitOffsetPagination):
    """limit/offset with ceilings: a larger number is a 422, never a database overflow."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=10_000_000)


class CareforAPI(NinjaAPI):
    """Every operation documents the answers any of them can give: 401 without a valid
    token, 403 for a change asked with a viewer's (read-only) token, 422 for input that
    does not fit the parameters."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                responses.setdefault(
                    401, {"description": "No valid token in the Authorization header."}
                )
                if method.upper() not in SAFE_METHODS:
                    responses.setdefault(
                        403,
                        {
                            "description": "The token's member is a viewer: read-only.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                    )
                responses.setdefault(
                    422,
                    {
                        "description": "The input does not fit the parameters.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                )
        return schema


api = CareforAPI(
    title="carefor API",
    version="1",
    description="The people you care for, what matters to them, promises, help and Today.",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url=None,
)


def _ws(request: HttpRequest) -> Any:
    return request.api_workspace  # type: ignore[attr-defined]


def _user(request: HttpRequest) -> Any:
    return request.api_user  # type: ignore[attr-defined]


def _scope(request: HttpRequest, everyone: bool) -> Any:
    from carefor.care.scope import scope_for

    return scope_for(workspace=_ws(request), user=_user(request), everyone=everyone)


def _person(request: HttpRequest, person_id: int, *, identities: bool = False) -> Any:
    from carefor.people.audit import audit_record
    from carefor.people.models import Person
    from carefor.people.selectors import person_get

    try:
        person = person_get(workspace=_ws(request), person_id=person_id, identities=identities)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None
    action = "viewed" if request.method == "GET" else "changed"
    audit_record(
        workspace=_ws(request), user=_user(request), person=person, action=action, what="api"
    )
    return person


def _person_out(p: Any) -> dict[str, Any]:
    return {
        "id": p.pk,
        "name": p.name,
        "organisation": p.organisation.name if p.organisation else "",
        "title": p.title,
        "location": p.location,
        "last_in_touch": p.last_interaction_at,
        "keep_in_touch_days": p.cadence_days,
    }


class _Shaped:
    """A queryset the paginator can count and slice, shaped into dicts only for the page
    it returns (a timeline or a notebook can be long).

    `ids_first`: pick the page's ids alone (an index-only scan, even deep into a long
    list), then load just those rows with their joins; unless the total is remembered,
    the same query counts them. `count_key`: the total is the same for every page, so it
    is remembered while the notebook is unchanged. `then`: what to add to the page's rows
    before they are shaped (who took part in each interaction)."""

    def __init__(
        self,
        rows: QuerySet[Any],
        shape: Any,
        ids_first: bool = False,
        count_key: tuple[object, ...] | None = None,
        then: Callable[[list[Any]], list[Any]] = list,
    ) -> None:
        self.rows, self.shape, self.then = rows, shape, then
        self.ids_first, self.count_key = ids_first, count_key
        self.total: int | None = None  # counted along with the page (ninja slices first)

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        if self.total is not None:
            return self.total
        if self.count_key is None:
            return self.rows.count()
        from carefor.memo.remember import remembered

        return remembered(self.count_key, self.rows.count)

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        from carefor.conversations.selectors import page_and_total, page_ids_first

        if not self.ids_first:
            found = list(self.rows[page])
        elif self.count_key is not None:  # a remembered total: the ids alone stop early
            found = page_ids_first(self.rows, page.start, page.stop)
        else:
            found, self.total = page_and_total(self.rows, page.start, page.stop)
        return [self.shape(row) for row in self.then(found)]


people = Router(tags=["people"])


@people.get("", response=list[s.PersonOut])
@paginate(Pages)
def people_list(request: HttpRequest, q: str = "") -> QuerySet[Any]:
    """People, by name; `q` searches like the People page (only matters everyone in the
    workspace may see are searched)."""
    from carefor.people.selectors import person_list

    rows = person_list(workspace=_ws(request), query=q).order_by("name", "pk")
    count_key = ("api-people-count", _ws(request).pk, q)
    return _Shaped(rows, _person_out, ids_first=True, count_key=count_key)  # type: ignore[return-value]


@people.get("/{person_id}", response={200: s.PersonDetailOut, 404: s.ErrorOut})
def person_detail(request: HttpRequest, person_id: int) -> dict[str, Any]:
    p = _person(request, person_id, identities=True)
    by_kind: dict[str, list[str]] = {"email": [], "phone": [], "url": [], "handle": []}
    for identity in p.identities.all():
        by_kind.setdefault(identity.kind, []).append(identity.value)
    return _person_out(p) | {
        "about": p.about,
        "how_we_met": p.how_we_met,
        "emails": by_kind["email"],
        "phones": by_kind["phone"],
        "links": by_kind["url"] + by_kind["handle"],
    }


@people.post("", response={201: s.PersonDetailOut, 400: s.ErrorOut, 409: s.ErrorOut})
def person_create(request: HttpRequest, data: s.PersonIn) -> Status[dict[str, Any]]:
    from carefor.people.identities import IdentityError
    from carefor.people.services import (
        IdentityConflict,
        PersonDetails,
        identity_parse,
        person_create,
    )

    if not data.name.strip():
        return Status(400, {"detail": "A person needs a name."})
    try:
        identities = [identity_parse(e, "email") for e in data.emails]
        p = person_create(
            workspace=_ws(request),
            details=PersonDetails(
                name=data.name, organisation=data.organisation, title=data.title,
                location=data.location, about=data.about,
            ),
            identities=identities,
        )  # fmt: skip
    except IdentityConflict as exc:
        return Status(409, {"detail": str(exc)})
    except IdentityError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(201, person_detail(request, p.pk))


@people.get("/{person_id}/interactions", response={200: list[s.InteractionOut], 404: s.ErrorOut})
@paginate(Pages)
def person_interactions(request: HttpRequest, person_id: int) -> list[dict[str, Any]]:
    """The timeline, newest first; notes another member kept to themself (or to the
    person's carers, when you are not one) are left out."""
    from carefor.conversations.selectors import timeline_for_person, with_participants

    p = _person(request, person_id)
    rows = (
        timeline_for_person(workspace=_ws(request), person=p, user=_user(request))
        .select_related(None)  # the verdict is not part of this answer
        .only(*INTERACTION_FIELDS)
    )
    return _Shaped(rows, _interaction_out, ids_first=True, then=with_participants)  # type: ignore[return-value]


INTERACTION_FIELDS = ("kind", "direction", "occurred_at", "subject", "body", "visibility")


def _interaction_out(i: Any) -> dict[str, Any]:
    return {
        "id": i.pk,
        "kind": i.kind,
        "direction": i.direction,
        "occurred_at": i.occurred_at,
        "subject": i.subject,
        "body": i.body,
        "visibility": i.visibility,
        "participants": [
            {"person_id": p.person_id, "name": p.name, "role": p.role} for p in i.all_participants
        ],
    }


@people.get("/{person_id}/matters", response={200: list[s.MatterOut], 404: s.ErrorOut})
@paginate(Pages)
def person_matters(request: HttpRequest, person_id: int) -> QuerySet[Any]:
    from carefor.care.matters import matters_for_person

    p = _person(request, person_id)
    return matters_for_person(workspace=_ws(request), user=_user(request), person=p)


@people.post("/{person_id}/notes", response={201: s.NoteOut, 400: s.ErrorOut, 404: s.ErrorOut})
def person_note(request: HttpRequest, person_id: int, data: s.NoteIn) -> Status[dict[str, Any]]:
    """Quick capture: store the note; what it mentions comes back as proposals to confirm
    (in the web app or the CLI)."""
    from carefor.care.capture import note_capture

    p = _person(request, person_id)
    if not data.body.strip():
        return Status(400, {"detail": "The note is empty."})
    found = note_capture(
        workspace=_ws(request),
        person=p,
        author=_user(request),
        body=data.body,
        visibility=data.visibility,
    )
    proposals = [
        *({"kind": "matter", "id": m.pk, "text": m.what} for m in found.matters),
        *({"kind": "life_event", "id": e.pk, "text": e.what} for e in found.life_events),
        *({"kind": "follow_up", "id": f.pk, "text": f.what} for f in found.follow_ups),
        *({"kind": "commitment", "id": c.pk, "text": c.what} for c in found.commitments),
        *({"kind": "help", "id": h.pk, "text": h.what} for h in found.help),
    ]
    return Status(201, {"note_id": found.note.pk, "proposals": proposals})


@people.get("/{person_id}/brief", response={200: dict, 404: s.ErrorOut})
def person_brief(request: HttpRequest, person_id: int) -> dict[str, Any]:
    """The brief (the same JSON as `carefor brief --format json`)."""
    from carefor.care.brief import brief_as_json
    from carefor.care.brief import person_brief as build

    p = _person(request, person_id, identities=True)
    return brief_as_json(build(workspace=_ws(request), user=_user(request), person=p))


care = Router(tags=["care"])


@care.get("/promises", response=list[s.CommitmentOut])
@paginate(Pages)
def promises(
    request: HttpRequest,
    state: Literal["suggested", "open", "kept", "renegotiated", "released", "dismissed"]
    | None = None,
    everyone: bool = False,
) -> list[dict[str, Any]]:
    """Promises, requests and waiting-ons (`state`: suggested, open, kept, …). In a team,
    the member's own and those about the people they care for, unless `everyone`."""
    from carefor.care.models import Commitment
    from carefor.care.privacy import commitments_visible_to

    scope = _scope(request, everyone)
    rows = (
        Commitment.objects.filter(workspace=_ws(request))
        .filter(commitments_visible_to(_user(request)), scope.mine_or("owner"))
        .select_related("person")
        .order_by("due", "pk")
    )
    if state:
        rows = rows.filter(state=state)
    return _Shaped(rows, _commitment_out)  # type: ignore[return-value]


def _commitment_out(c: Any) -> dict[str, Any]:
    return {
        "id": c.pk, "kind": c.kind, "state": c.state, "what": c.what,
        "person_id": c.person_id, "person": c.person.name if c.person else None,
        "due": c.due, "found_by": c.found_by,
    }  # fmt: skip


@care.get("/help", response=list[s.HelpOut])
@paginate(Pages)
def help_list(
    request: HttpRequest, direction: Literal["given", "received", "between"] | None = None
) -> list[dict[str, Any]]:
    """Help given and received (`direction`: given, received, between). Never a balance."""
    from carefor.care.help import help_log

    rows = help_log(workspace=_ws(request), user=_user(request), direction=direction)
    return _Shaped(rows, _help_out)  # type: ignore[return-value]


def _help_out(h: Any) -> dict[str, Any]:
    return {
        "id": h.pk, "direction": h.direction, "kind": h.kind, "what": h.what,
        "giver_id": h.giver_id, "receiver_id": h.receiver_id, "happened_on": h.happened_on,
        "outcome": h.outcome, "thanked_on": h.thanked_on,
    }  # fmt: skip


@care.get("/today", response=s.TodayOut)
def today(
    request: HttpRequest,
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0),
    everyone: bool = False,
) -> dict[str, Any]:
    """The care queue for the token's member, paginated by `limit` and `offset`. In a
    team, for the people they care for, unless `everyone`."""
    from carefor.care.today import today_queue

    scope = _scope(request, everyone)
    queue = today_queue(workspace=_ws(request), user=_user(request), scope=scope)
    return {
        "date": queue.date,
        "count": len(queue.items),
        "more_replies": queue.more_replies,
        "items": [
            {
                "kind": i.kind, "person_id": i.person_id, "person": i.person, "title": i.title,
                "why": i.why, "due": i.due, "key": i.key,
            }
            for i in queue.items[offset : offset + limit]
        ],
    }  # fmt: skip


@care.get("/courtesy/awaiting", response=list[s.AwaitingOut])
@paginate(Pages)
def awaiting(
    request: HttpRequest, side: Literal["mine", "theirs"] = "mine", everyone: bool = False
) -> list[dict[str, Any]]:
    """Who waits on my reply (`side=mine`) or whom I wait on (`side=theirs`), oldest first.
    In a team, with the people the member cares for, unless `everyone`."""
    from carefor.conversations.courtesy import awaiting as waiting

    ids = _scope(request, everyone).person_ids

    return [
        {
            "turn_id": a.turn_id, "side": a.side, "person_id": a.person_id, "name": a.name,
            "subject": a.subject, "since": a.since, "days": a.days,
        }
        for a in waiting(
            workspace=_ws(request), user=_user(request), side=side, limit=1000, person_ids=ids
        )
    ]  # fmt: skip


api.add_router("/people", people)
api.add_router("", care)
