"""Build the PostgreSQL database the load test reads: one team workspace at issue 9's size.

50 members, 50,000 people, 1,000,000 interactions over three years, and the care data a
team that size keeps (carers, matters, promises, follow-ups, life events, dates,
cadences, help, introductions, reply turns), plus one API token per member.

    .venv/bin/python benchmarks/load/make_data.py [--database-url URL] [--force]

An existing database with the full workspace is reused (counts are checked), so running
it twice costs seconds. Anything less (an earlier run stopped half-way) is dropped and
built again; --force rebuilds anyway. The raw API tokens and the members' password go to
benchmarks/load/.state/members.json (git-ignored), the shape of the data (and the busiest
people, which the load test visits on purpose) to .state/manifest.json.

How it is fast: accounts, the workspace and tokens go through carefor's own services;
the bulk rows are generated in Python and streamed with PostgreSQL COPY into the tables
Django's migrations made, with the column list read from the models (every column the
model has; the ones not generated get the field's default), ids assigned here and the
sequences reset afterwards. Interactions are inserted in time order, as an import of a
mailbox would, so one person's rows are spread over the table as they would be in life.
Ends with VACUUM (ANALYZE) and a CHECKPOINT so the test starts from a settled database.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STATE = HERE / ".state"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/carefor_load"
GENERATOR_VERSION = 1
SEED = 20_261_130

WORKSPACE_NAME = "Load test team"
WORKSPACE_SLUG = "load-test-team"
MEMBERS = 50
PEOPLE = 50_000
INTERACTIONS = 1_000_000
ORGANISATIONS = 3_000
PASSWORD = "load test passphrase 2026"  # noqa: S105 (benchmark accounts on loopback)
MEMBER_DOMAIN = "team.example"
YEARS = 3

# Share of people with no interaction at all (address-book entries), and the shape of the
# rest: lognormal counts (median ≈ 7, a few dozen people with thousands).
SILENT_SHARE = 0.15
LOGNORMAL_SIGMA = 1.6
# Kinds of interaction, cumulative: inbound mail, outbound mail, meeting, call, note.
KIND_CUTS = (
    (0.47, "message", "inbound"),
    (0.86, "message", "outbound"),
    (0.93, "meeting", "none"),
    (0.95, "call", "none"),
    (1.0, "note", "none"),
)
PERSONAL_INBOUND = 0.65  # inbound mail that expects an answer (the rest: FYI, newsletters)
ASKING_OUTBOUND = 0.30  # outbound mail that asks something
CC_SHARE = 0.12  # mail with a second person in Cc
SECOND_ATTENDEE = 0.35  # meetings with a second person
PRIVATE_NOTES = 0.10
NO_CARER_SHARE = 0.03
TWO_CARERS_SHARE = 0.28

FIRST = [
    "Aaliyah",
    "Adaeze",
    "Adam",
    "Aditi",
    "Ahmed",
    "Aisha",
    "Akira",
    "Alejandro",
    "Alice",
    "Amara",
    "Amir",
    "Ana",
    "Andrea",
    "Anna",
    "Arjun",
    "Astrid",
    "Beatriz",
    "Ben",
    "Björn",
    "Blessing",
    "Camille",
    "Carlos",
    "Chidi",
    "Chiara",
    "Chloe",
    "Claire",
    "Daniel",
    "David",
    "Dmitri",
    "Efua",
    "Elena",
    "Elif",
    "Emeka",
    "Emma",
    "Esther",
    "Ethan",
    "Fatima",
    "Felix",
    "Femi",
    "Finn",
    "Francesca",
    "Gabriel",
    "Grace",
    "Hana",
    "Hannah",
    "Hassan",
    "Ibrahim",
    "Ifeoma",
    "Ingrid",
    "Isabel",
    "Ivan",
    "Jack",
    "James",
    "Jana",
    "Javier",
    "Jin",
    "Joanna",
    "José",
    "Joseph",
    "Julia",
    "Kai",
    "Kamala",
    "Karin",
    "Kemi",
    "Kenji",
    "Kwame",
    "Laila",
    "Lars",
    "Laura",
    "Leila",
    "Liam",
    "Lina",
    "Lucas",
    "Lucía",
    "Maya",
    "Malik",
    "Maria",
    "Marta",
    "Mateo",
    "Mei",
    "Mia",
    "Mohammed",
    "Nadia",
    "Naledi",
    "Nia",
    "Nikhil",
    "Nina",
    "Noah",
    "Nour",
    "Oliver",
    "Olu",
    "Omar",
    "Oskar",
    "Paolo",
    "Priya",
    "Rafael",
    "Rahul",
    "Ravi",
    "Rosa",
    "Ruth",
    "Sade",
    "Samuel",
    "Sara",
    "Sebastian",
    "Siobhan",
    "Søren",
    "Sofia",
    "Sunita",
    "Tariq",
    "Tomás",
    "Tunde",
    "Uma",
    "Valentina",
    "Victor",
    "Wei",
    "Yara",
    "Yusuf",
    "Zainab",
    "Zoë",
]
LAST = [
    "Abara",
    "Acheampong",
    "Adeyemi",
    "Agarwal",
    "Almeida",
    "Andersen",
    "Anderson",
    "Bakker",
    "Banerjee",
    "Becker",
    "Bianchi",
    "Brown",
    "Campbell",
    "Castillo",
    "Chen",
    "Cohen",
    "Costa",
    "Da",
    "Silva",
    "Dubois",
    "Eze",
    "Fernandes",
    "Fischer",
    "García",
    "Gonzalez",
    "Gupta",
    "Haddad",
    "Hansen",
    "Hernández",
    "Hoffmann",
    "Ibrahim",
    "Ivanova",
    "Jansen",
    "Johansson",
    "Kamau",
    "Kaur",
    "Khan",
    "Kim",
    "Kowalski",
    "Kumar",
    "Larsen",
    "Lee",
    "Li",
    "Lopez",
    "Martin",
    "Mendes",
    "Mensah",
    "Meyer",
    "Moreau",
    "Murphy",
    "Nakamura",
    "Nguyen",
    "Novak",
    "Nowak",
    "Obi",
    "Okafor",
    "Okonkwo",
    "Olsen",
    "Osei",
    "Park",
    "Patel",
    "Perez",
    "Petrov",
    "Popescu",
    "Rahman",
    "Reddy",
    "Rossi",
    "Russo",
    "Santos",
    "Sato",
    "Schmidt",
    "Schneider",
    "Shah",
    "Silva",
    "Singh",
    "Smith",
    "Suzuki",
    "Tanaka",
    "Taylor",
    "Tran",
    "Van",
    "Dijk",
    "Wagner",
    "Wang",
    "Weber",
    "Williams",
    "Wilson",
    "Wong",
    "Yamamoto",
    "Yilmaz",
    "Zhang",
]
WORDS = [
    "the",
    "project",
    "budget",
    "review",
    "draft",
    "meeting",
    "schedule",
    "plan",
    "client",
    "proposal",
    "quarter",
    "launch",
    "team",
    "hiring",
    "offer",
    "intro",
    "contract",
    "invoice",
    "call",
    "notes",
    "agenda",
    "deck",
    "feedback",
    "update",
    "thanks",
    "follow",
    "up",
    "next",
    "week",
    "friday",
    "monday",
    "time",
    "coffee",
    "lunch",
    "visit",
    "office",
    "trip",
    "family",
    "move",
    "house",
    "school",
    "kids",
    "health",
    "back",
    "soon",
    "happy",
    "news",
    "idea",
    "question",
    "answer",
    "help",
    "advice",
    "mentor",
    "role",
    "promotion",
    "board",
    "report",
    "numbers",
    "forecast",
    "risk",
    "timeline",
    "scope",
    "partner",
]
SUBJECTS = [
    "Re: {w} {v}",
    "{W} next steps",
    "Quick question about the {w}",
    "Catching up",
    "Coffee next week?",
    "Fwd: {w} {v}",
    "Thanks for the {w}",
    "{W} and {v}",
    "Intro: {w}",
    "Notes from our call",
    "Re: Re: {w}",
    "Checking in",
    "The {w} we discussed",
]
TITLES = (
    "Founder",
    "CEO",
    "CTO",
    "Engineer",
    "Designer",
    "Partner",
    "Director",
    "Advisor",
    "Professor",
    "Investor",
    "Product manager",
    "Recruiter",
    "Analyst",
    "Nurse",
    "",
)
PLACES = (
    "London",
    "Lagos",
    "Berlin",
    "Nairobi",
    "Lisbon",
    "Toronto",
    "Tokyo",
    "Paris",
    "Accra",
    "Madrid",
    "Oslo",
    "New York",
    "Mumbai",
    "São Paulo",
    "",
)
ORG_WORDS = ("Labs", "Partners", "Health", "Capital", "Studio", "Group", "University", "Trust")
MATTER_WHAT = {
    "goal": "Wants to raise a seed round this year",
    "challenge": "Struggling to hire a senior engineer",
    "hope": "Hopes to move back near family",
    "worry": "Worried about the team's morale",
    "value": "Cares about doing right by their customers",
    "family": "Their daughter starts university in the autumn",
    "health": "Recovering from a knee operation",
    "preference": "Prefers a call to long emails",
}


SCALE = 1.0  # --scale: a smaller copy for trying the script out


def scaled(n: int) -> int:
    return max(1, int(n * SCALE))


def log(started: float, text: str, end: str = "\n") -> None:
    print(f"[{time.perf_counter() - started:7.1f} s] {text}", end=end, flush=True)


# ------------------------------------------------------------------------ database


def _admin_url(url: str) -> tuple[str, str]:
    """The same server's maintenance database, and the name of ours."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    return urlunsplit(parts._replace(scheme="postgresql", path="/postgres")), name


def database_exists(url: str) -> bool:
    import psycopg

    admin, name = _admin_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        return (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            is not None
        )


def database_recreate(url: str) -> None:
    import psycopg
    from psycopg import sql

    admin, name = _admin_url(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def django_setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["CAREFOR_DATA_DIR"] = str(STATE / "data")
    os.environ["DJANGO_SETTINGS_MODULE"] = "carefor.config.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


class Copier:
    """COPY rows into a model's table. `fields` are the model fields the rows carry, in
    order; every other concrete column gets its field default, so a column added to the
    model later does not break the generator."""

    def __init__(self, model: Any, fields: list[str]) -> None:
        from django.db import connection

        self.model = model
        meta = model._meta
        # "~visibility" is who may see a row: "private", "carers" or "workspace". Older
        # schemas had a private flag instead (only "private" and "carers" rows are private).
        self.flag_at = None
        if "~visibility" in fields:
            at = fields.index("~visibility")
            names = {f.name for f in meta.concrete_fields}
            fields = [*fields]
            fields[at] = "visibility" if "visibility" in names else "private"
            self.flag_at = None if "visibility" in names else at
        given = [meta.get_field(name) for name in fields]
        rest = [f for f in meta.concrete_fields if f not in given]
        self.defaults = tuple(self._default(f) for f in rest)
        columns = [f.column for f in given] + [f.column for f in rest]
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        self.sql = f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN"

    @staticmethod
    def _default(field: Any) -> Any:
        from django.db import connection
        from django.db.models import JSONField
        from psycopg.types.json import Jsonb

        if field.primary_key:
            raise ValueError(f"{field} must be generated")
        value = field.get_default()  # "" for text without a default, else None
        if value is None and not field.null:
            raise ValueError(f"{field.model.__name__}.{field.name}: no default, generate it")
        if isinstance(field, JSONField):
            return Jsonb(value if value is not None else {})
        return field.get_db_prep_save(value, connection)

    def copy(self, rows: Any) -> int:
        from django.db import connection

        n = 0
        defaults, at = self.defaults, self.flag_at
        with connection.cursor() as cursor, cursor.cursor.copy(self.sql) as copy:
            for row in rows:
                if at is not None:
                    row = (*row[:at], row[at] != "workspace", *row[at + 1 :])
                copy.write_row(row + defaults)
                n += 1
        return n


def reset_sequences(models: list[Any]) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


# ------------------------------------------------------------------------ generation


def _counts(rng: random.Random, people: int, total: int) -> list[int]:
    """Interactions per person: 15 % none, the rest lognormal, scaled to `total` exactly."""
    active = [i for i in range(people) if rng.random() >= SILENT_SHARE]
    mu = math.log(total / len(active)) - LOGNORMAL_SIGMA**2 / 2
    raw = [rng.lognormvariate(mu, LOGNORMAL_SIGMA) for _ in active]
    scale = total / sum(raw)
    counts = [0] * people
    for i, value in zip(active, raw, strict=True):
        counts[i] = max(1, round(value * scale))
    # Fix the rounding on the busiest person (a difference of a few hundred at most).
    busiest = max(range(people), key=counts.__getitem__)
    counts[busiest] += total - sum(counts)
    return counts


def _text(rng: random.Random, words: int) -> str:
    out = " ".join(rng.choice(WORDS) for _ in range(words))
    return out[0].upper() + out[1:] + "."


def build(url: str) -> dict[str, Any]:
    started = time.perf_counter()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from carefor.care.models import (
        Commitment,
        FollowUp,
        Help,
        Introduction,
        LifeEvent,
        Matter,
        TodayMark,
    )
    from carefor.conversations.models import CourtesyMark, Interaction, Participant, ReplyTurn
    from carefor.people.models import (
        Carer,
        Identity,
        ImportantDate,
        MyIdentity,
        Organisation,
        Person,
    )
    from carefor.teams.services import membership_add, user_create, workspace_create
    from carefor.teams.tokens import api_token_create

    rng = random.Random(SEED)  # noqa: S311 (test data, not secrets)
    log(started, "migrating")
    call_command("migrate", verbosity=0)
    now = timezone.now().replace(microsecond=0)
    today = timezone.localdate(now)
    now_ts = now.timestamp()
    span = YEARS * 365 * 86_400

    # --- members, workspace, tokens: through carefor's services -------------------------
    log(started, f"{MEMBERS} members (argon2 hashes), the workspace and API tokens")
    members = []
    for n in range(MEMBERS):
        first, last = FIRST[n % len(FIRST)], LAST[(n * 7) % len(LAST)]
        members.append(
            user_create(
                email=f"member{n:02d}@{MEMBER_DOMAIN}", name=f"{first} {last}", password=PASSWORD
            )
        )
    workspace = workspace_create(name=WORKSPACE_NAME, owner=members[0])
    assert workspace.slug == WORKSPACE_SLUG, workspace.slug
    for user in members[1:]:
        membership_add(workspace=workspace, user=user)
    MyIdentity.objects.bulk_create(
        MyIdentity(workspace=workspace, user=u, kind="email", value=u.email) for u in members
    )
    credentials = make_tokens(workspace, members, api_token_create)
    ws = workspace.pk
    member_ids = [u.pk for u in members]
    member_email = {u.pk: u.email for u in members}

    # --- people, organisations, carers ---------------------------------------------------
    log(started, f"planning {PEOPLE:,} people and {INTERACTIONS:,} interactions")
    counts = _counts(rng, PEOPLE, INTERACTIONS)
    person_ids = list(range(1, PEOPLE + 1))
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in person_ids]
    emails = [
        f"{name.split()[0].lower()}.{pid}@{rng.choice(('mail', 'post', 'inbox', 'work'))}.example"
        for pid, name in zip(person_ids, names, strict=True)
    ]
    member_weights = [1 + 2 * rng.random() for _ in members]
    cumulative = []
    acc = 0.0
    for w in member_weights:
        acc += w
        cumulative.append(acc)

    def pick_member() -> int:
        return member_ids[bisect.bisect(cumulative, rng.random() * acc)]

    carers: dict[int, list[int]] = {}
    for pid in person_ids:
        if rng.random() < NO_CARER_SHARE:
            carers[pid] = []
            continue
        first_carer = pick_member()
        carers[pid] = [first_carer]
        if rng.random() < TWO_CARERS_SHARE:
            second = pick_member()
            if second != first_carer:
                carers[pid].append(second)

    def author_of(pid: int) -> int:
        mine = carers[pid]
        return mine[0] if mine else member_ids[pid % MEMBERS]

    # --- interactions: every event of every person, then sorted by time -----------------
    events: list[tuple[float, int, int, int]] = []  # (ts, person, kind index, extra person)
    for pid, n in zip(person_ids, counts, strict=True):
        if not n:
            continue
        # Busy relationships are long; most end recently, a third faded a while ago.
        length = span * min(1.0, max(0.02, rng.random() ** 0.7 + n / 400))
        end_ago = rng.random() * 10 * 86_400 if rng.random() < 0.65 else rng.random() * length
        end = now_ts - end_ago
        start = max(now_ts - span, end - length)
        for _ in range(n):
            r = rng.random()
            kind = 0 if r < 0.47 else 1 if r < 0.86 else 2 if r < 0.93 else 3 if r < 0.95 else 4
            extra = 0
            if (kind <= 1 and rng.random() < CC_SHARE) or (
                kind == 2 and rng.random() < SECOND_ATTENDEE
            ):
                extra = rng.randint(1, PEOPLE)
                if extra == pid:
                    extra = 0
            events.append((start + rng.random() * (end - start), pid, kind, extra))
    log(started, f"sorting {len(events):,} interactions by time")
    events.sort()

    last_at: dict[int, float] = {}
    for ts, pid, _kind, extra in events:
        last_at[pid] = ts  # sorted, so the last write is the latest
        if extra:
            last_at[extra] = max(last_at.get(extra, 0.0), ts)

    orgs = Copier(Organisation, ["id", "workspace", "name", "created_at"])
    log(started, f"{ORGANISATIONS:,} organisations")
    orgs.copy(
        (
            i,
            ws,
            f"{rng.choice(LAST)} {rng.choice(ORG_WORDS)} {i}",
            now,
        )
        for i in range(1, ORGANISATIONS + 1)
    )
    cadence_choices = (30, 30, 60, 90, 90, 180)
    log(started, f"{PEOPLE:,} people")
    person_rows = Copier(
        Person,
        [
            "id",
            "workspace",
            "name",
            "organisation",
            "title",
            "location",
            "how_we_met",
            "about",
            "created_at",
            "updated_at",
            "last_interaction_at",
            "cadence_days",
        ],
    )

    def people_rows() -> Any:
        for pid, name in zip(person_ids, names, strict=True):
            last = last_at.get(pid)
            yield (
                pid,
                ws,
                name,
                rng.randint(1, ORGANISATIONS) if rng.random() < 0.6 else None,
                rng.choice(TITLES),
                rng.choice(PLACES),
                "Met at a conference" if rng.random() < 0.2 else "",
                _text(rng, 20) if rng.random() < 0.3 else "",
                now - timedelta(days=YEARS * 365),
                now,
                datetime.fromtimestamp(last, UTC) if last else None,
                rng.choice(cadence_choices) if rng.random() < 0.05 else None,
            )

    person_rows.copy(people_rows())

    log(started, "identities (email, second email, phone) and carers")
    identity_rows = Copier(
        Identity, ["id", "workspace", "person", "kind", "value", "label", "created_at"]
    )

    def identities() -> Any:
        n = 0
        for pid, email in zip(person_ids, emails, strict=True):
            if counts[pid - 1] or rng.random() < 0.7:
                n += 1
                yield (n, ws, pid, "email", email, "", now)
            if rng.random() < 0.25:
                n += 1
                yield (n, ws, pid, "email", f"p{pid}@second.example", "work", now)
            if rng.random() < 0.3:
                n += 1
                yield (n, ws, pid, "phone", f"+4420{7_000_000 + pid:07d}", "", now)

    n_identities = identity_rows.copy(identities())
    carer_rows = Copier(Carer, ["id", "workspace", "person", "user", "since"])
    n_carers = carer_rows.copy(
        (n, ws, pid, uid, now)
        for n, (pid, uid) in enumerate(((p, u) for p in person_ids for u in carers[p]), start=1)
    )

    # --- the interactions, their participants and the reply turns -----------------------
    subjects = []
    for _ in range(400):
        w, v = rng.choice(WORDS), rng.choice(WORDS)
        subjects.append(rng.choice(SUBJECTS).format(w=w, v=v, W=w.capitalize()))
    snippets = [_text(rng, 60)[:400] for _ in range(300)]  # inbound: a 400-character snippet
    bodies = [_text(rng, rng.randint(40, 160)) for _ in range(300)]  # mine: the whole body
    notes = [_text(rng, rng.randint(8, 40)) for _ in range(200)]
    kinds = [(k, d) for _, k, d in KIND_CUTS]
    roles = ("from", "to", "attendee", "attendee", "about")
    from psycopg.types.json import Jsonb

    interaction_rows = Copier(
        Interaction,
        [
            "id",
            "workspace",
            "kind",
            "direction",
            "occurred_at",
            "subject",
            "body",
            "source",
            "external_id",
            "message_id",
            "in_reply_to",
            "meta",
            "~visibility",
            "author",
            "created_at",
        ],
    )
    participants: list[tuple[Any, ...]] = []
    by_person: dict[int, list[tuple[int, float, int, bool]]] = {}  # messages, for turns
    per_person_ids: dict[int, list[int]] = {}
    empty_meta = Jsonb({})

    def interactions() -> Any:
        part_id = 0
        for iid, (ts, pid, k, extra) in enumerate(events, start=1):
            kind, direction = kinds[k]
            when = datetime.fromtimestamp(ts, UTC)
            author = author_of(pid)
            personal = True
            if k <= 1:
                mid = f"<{iid}.{pid}@load.example>"
                member = member_email[author]
                other = [emails[extra - 1]] if extra else []
                if k == 0:
                    personal = rng.random() < PERSONAL_INBOUND
                    meta = {"from": emails[pid - 1], "to": [member], "cc": other, "snippet": True}
                    if not personal:
                        meta["precedence"] = "bulk"
                    body = rng.choice(snippets)
                else:
                    personal = rng.random() < ASKING_OUTBOUND
                    meta = {"from": member, "to": [emails[pid - 1]], "cc": other}
                    body = rng.choice(bodies)
                row = (
                    iid,
                    ws,
                    kind,
                    direction,
                    when,
                    rng.choice(subjects),
                    body,
                    "mbox",
                    mid,
                    mid,
                    "",
                    Jsonb(meta),
                    "workspace",
                    author,
                    when,
                )
                by_person.setdefault(pid, []).append((iid, ts, k, personal))
            else:
                private = "private" if k == 4 and rng.random() < PRIVATE_NOTES else "workspace"
                subject = "" if k == 4 else rng.choice(("Coffee", "Lunch", "Call", "Catch-up"))
                body = rng.choice(notes) if k == 4 or rng.random() < 0.5 else ""
                row = (
                    iid,
                    ws,
                    kind,
                    direction,
                    when,
                    subject,
                    body,
                    "web",
                    "",
                    "",
                    "",
                    empty_meta,
                    private,
                    author,
                    when,
                )
            per_person_ids.setdefault(pid, []).append(iid)
            part_id += 1
            participants.append(
                (part_id, ws, iid, pid, roles[k], emails[pid - 1] if k <= 1 else "")
            )
            if extra:
                part_id += 1
                participants.append(
                    (
                        part_id,
                        ws,
                        iid,
                        extra,
                        "cc" if k <= 1 else "attendee",
                        emails[extra - 1] if k <= 1 else "",
                    )
                )
            if iid % 100_000 == 0:
                log(started, f"interactions {iid:,} / {len(events):,}", end="\r")
            yield row

    log(started, "interactions (COPY, in time order)")
    interaction_rows.copy(interactions())
    log(started, f"interactions {len(events):,} / {len(events):,}")
    log(started, f"{len(participants):,} participants")
    Copier(Participant, ["id", "workspace", "interaction", "person", "role", "address"]).copy(
        iter(participants)
    )
    n_participants = len(participants)
    participants.clear()  # the memory, before the next steps

    log(started, "reply turns (who waits on whose reply), walked per person in time order")
    turns: list[tuple[Any, ...]] = []

    def turn(
        side: str, pid: int, waiting: list[tuple[int, float, int, bool]], answer: float | None
    ) -> None:
        first_ts = waiting[0][1]
        turns.append(
            (
                len(turns) + 1,
                ws,
                side,
                waiting[-1][0],
                pid,
                f"load:{pid}:{len(turns)}",
                datetime.fromtimestamp(first_ts, UTC),
                datetime.fromtimestamp(answer, UTC) if answer else None,
                (answer - first_ts) / 3600 if answer else None,
            )
        )

    for pid, messages in by_person.items():
        mine: list[tuple[int, float, int, bool]] = []
        theirs: list[tuple[int, float, int, bool]] = []
        for message in messages:
            _iid, ts, k, personal = message
            if k == 1:  # I wrote
                if mine:
                    turn("mine", pid, mine, ts)
                    mine = []
                if personal:
                    theirs.append(message)
            elif personal:  # they wrote, to me, personally
                if theirs:
                    turn("theirs", pid, theirs, ts)
                    theirs = []
                mine.append(message)
        if mine:
            turn("mine", pid, mine, None)
        if theirs:
            turn("theirs", pid, theirs, None)
    Copier(
        ReplyTurn,
        [
            "id",
            "workspace",
            "side",
            "interaction",
            "person",
            "thread_key",
            "started_at",
            "answered_at",
            "reply_hours",
        ],
    ).copy(iter(turns))
    open_mine = [t for t in turns if t[2] == "mine" and t[7] is None]

    # --- care data -----------------------------------------------------------------------
    log(started, "matters, life events, follow-ups, dates, promises, help, introductions")
    with_data = [pid for pid in person_ids if counts[pid - 1]]
    matter_rows, event_rows, follow_rows, date_rows = [], [], [], []
    promise_rows, help_rows, intro_rows = [], [], []

    def source_of(pid: int) -> int | None:
        ids = per_person_ids.get(pid)
        return rng.choice(ids) if ids and rng.random() < 0.4 else None

    for pid in rng.sample(with_data, scaled(15_000)):
        for kind in rng.sample(list(MATTER_WHAT), rng.randint(1, 3)):
            state = "current" if rng.random() < 0.8 else rng.choice(("past", "suggested"))
            matter_rows.append(
                (
                    len(matter_rows) + 1,
                    ws,
                    pid,
                    author_of(pid),
                    kind,
                    MATTER_WHAT[kind],
                    "Because it matters to them.",
                    rng.random() < 0.3,
                    "carers" if kind in Matter.PRIVATE_KINDS else "workspace",
                    state,
                    today - timedelta(days=rng.randint(0, 400)),
                    now,
                )
            )
    for pid in rng.sample(with_data, scaled(3_000)):
        event_rows.append(
            (
                len(event_rows) + 1,
                ws,
                pid,
                author_of(pid),
                "Moving house",
                today + timedelta(days=rng.randint(-200, 90)),
                "workspace",
                "confirmed",
                now,
            )
        )
    for pid in rng.sample(with_data, scaled(6_000)):
        r = rng.random()
        state = "open" if r < 0.55 else "done" if r < 0.9 else "suggested"
        due = None if rng.random() < 0.3 else today + timedelta(days=rng.randint(-40, 60))
        follow_rows.append(
            (
                len(follow_rows) + 1,
                ws,
                pid,
                author_of(pid),
                "Ask how the launch went",
                due,
                "workspace",
                state,
                now,
            )
        )
    for pid in rng.sample(person_ids, scaled(15_000)):
        day = today + timedelta(days=rng.randint(0, 364))
        date_rows.append(
            (
                len(date_rows) + 1,
                ws,
                pid,
                "birthday",
                "",
                day.month,
                day.day,
                rng.choice((None, None, rng.randint(1950, 2000))),
                7,
            )
        )
    for pid in rng.sample(person_ids, scaled(1_500)):
        day = today + timedelta(days=rng.randint(0, 364))
        date_rows.append(
            (
                len(date_rows) + 1,
                ws,
                pid,
                "work_anniversary",
                "",
                day.month,
                day.day,
                rng.randint(2010, 2024),
                7,
            )
        )
    for pid in rng.sample(with_data, scaled(8_000)):
        r = rng.random()
        state = (
            "open"
            if r < 0.2
            else "kept"
            if r < 0.75
            else "suggested"
            if r < 0.85
            else "released"
            if r < 0.92
            else "dismissed"
        )
        kind = rng.choice(("promise", "promise", "promise", "waiting_on", "request"))
        due = None if rng.random() < 0.2 else today + timedelta(days=rng.randint(-120, 60))
        closed = (
            now - timedelta(days=rng.randint(0, 300)) if state in ("kept", "released") else None
        )
        promise_rows.append(
            (
                len(promise_rows) + 1,
                ws,
                author_of(pid),
                pid,
                kind,
                state,
                "Send the deck and the numbers",
                due,
                source_of(pid),
                "",
                "typed",
                now,
                closed,
            )
        )
    for pid in rng.sample(with_data, scaled(6_000)):
        r = rng.random()
        giver, receiver = (
            (None, pid) if r < 0.4 else (pid, None) if r < 0.8 else (pid, rng.choice(with_data))
        )
        if giver == receiver:
            receiver = None
        thanked = (
            today - timedelta(days=rng.randint(0, 30))
            if receiver is None and rng.random() < 0.7
            else None
        )
        help_rows.append(
            (
                len(help_rows) + 1,
                ws,
                author_of(pid),
                giver,
                receiver,
                rng.choice(Help.KINDS),
                "An introduction to a hiring manager",
                today - timedelta(days=rng.randint(0, 700)),
                "confirmed" if rng.random() < 0.9 else "suggested",
                thanked,
                source_of(pid),
                "",
                now,
            )
        )
    for _ in range(scaled(300)):
        a, b = rng.sample(with_data, 2)
        state = rng.choice(
            (
                "proposed",
                "asking_a",
                "a_agreed",
                "asking_b",
                "agreed",
                "introduced",
                "introduced",
                "declined",
            )
        )
        asked = now - timedelta(days=rng.randint(0, 60))
        intro_rows.append(
            (
                len(intro_rows) + 1,
                ws,
                author_of(a),
                a,
                b,
                "They both build clinics.",
                "",
                state,
                asked,
                asked if state in ("asking_b", "agreed", "introduced") else None,
                asked if state == "introduced" else None,
                today + timedelta(days=rng.randint(-20, 20)) if state == "introduced" else None,
                now,
            )
        )

    Copier(
        Matter,
        [
            "id",
            "workspace",
            "person",
            "author",
            "kind",
            "what",
            "why",
            "in_their_words",
            "~visibility",
            "state",
            "confirmed_on",
            "created_at",
        ],
    ).copy(iter(matter_rows))
    Copier(
        LifeEvent,
        [
            "id",
            "workspace",
            "person",
            "author",
            "what",
            "occurs_on",
            "~visibility",
            "state",
            "created_at",
        ],
    ).copy(iter(event_rows))
    Copier(
        FollowUp,
        ["id", "workspace", "person", "owner", "what", "due", "~visibility", "state", "created_at"],
    ).copy(iter(follow_rows))
    Copier(
        ImportantDate,
        ["id", "workspace", "person", "kind", "label", "month", "day", "year", "notice_days"],
    ).copy(iter(date_rows))
    Copier(
        Commitment,
        [
            "id",
            "workspace",
            "owner",
            "person",
            "kind",
            "state",
            "what",
            "due",
            "source",
            "sentence",
            "found_by",
            "created_at",
            "closed_at",
        ],
    ).copy(iter(promise_rows))
    Copier(
        Help,
        [
            "id",
            "workspace",
            "created_by",
            "giver",
            "receiver",
            "kind",
            "what",
            "happened_on",
            "state",
            "thanked_on",
            "source",
            "sentence",
            "created_at",
        ],
    ).copy(iter(help_rows))
    Copier(
        Introduction,
        [
            "id",
            "workspace",
            "created_by",
            "person_a",
            "person_b",
            "why_a",
            "why_b",
            "state",
            "asked_a_at",
            "asked_b_at",
            "introduced_at",
            "outcome_due",
            "created_at",
        ],
    ).copy(iter(intro_rows))

    # A few dismissals and snoozes per member, as people use Today and Courtesy.
    marks = []
    for n, turn_row in enumerate(rng.sample(open_mine, min(len(open_mine), 20 * MEMBERS))):
        iid = turn_row[3]
        pid = turn_row[4]
        marks.append(
            (
                n + 1,
                ws,
                member_ids[n % MEMBERS],
                f"mbox:<{iid}.{pid}@load.example>",
                "dismissed",
                None,
                now,
            )
        )
    Copier(
        CourtesyMark, ["id", "workspace", "user", "message_key", "state", "until", "created_at"]
    ).copy(iter(marks))
    today_marks = [
        (
            n + 1,
            ws,
            member_ids[n % MEMBERS],
            f"keep_in_touch:{rng.randint(1, PEOPLE)}",
            today + timedelta(days=rng.randint(1, 20)),
            False,
            now,
        )
        for n in range(10 * MEMBERS)
    ]
    # Duplicate keys for one member would break one_mark_per_item: keep the first.
    seen, unique_marks = set(), []
    for row in today_marks:
        if (row[2], row[3]) not in seen:
            seen.add((row[2], row[3]))
            unique_marks.append(row)
    Copier(
        TodayMark, ["id", "workspace", "user", "key", "snoozed_until", "done", "created_at"]
    ).copy(iter(unique_marks))

    log(started, "resetting sequences")
    reset_sequences(
        [
            Organisation,
            Person,
            Identity,
            Carer,
            Interaction,
            Participant,
            ReplyTurn,
            Matter,
            LifeEvent,
            FollowUp,
            ImportantDate,
            Commitment,
            Help,
            Introduction,
            CourtesyMark,
            TodayMark,
        ]
    )
    load_seconds = time.perf_counter() - started
    log(started, "VACUUM (ANALYZE) and CHECKPOINT")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")
    total_seconds = time.perf_counter() - started
    log(started, "done")
    busiest = sorted(person_ids, key=lambda p: -counts[p - 1])
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": SEED,
        "created_at": now.isoformat(),
        "workspace_id": ws,
        "seconds": {"load": round(load_seconds, 1), "total": round(total_seconds, 1)},
        "counts": {
            "members": MEMBERS,
            "people": PEOPLE,
            "organisations": ORGANISATIONS,
            "identities": n_identities,
            "carers": n_carers,
            "people_without_carer": sum(1 for p in person_ids if not carers[p]),
            "interactions": len(events),
            "participants": n_participants,
            "reply_turns": len(turns),
            "open_turns_mine": len(open_mine),
            "matters": len(matter_rows),
            "life_events": len(event_rows),
            "follow_ups": len(follow_rows),
            "important_dates": len(date_rows),
            "promises": len(promise_rows),
            "help": len(help_rows),
            "introductions": len(intro_rows),
            "people_with_cadence": None,  # filled in below from the database
        },
        "interactions_per_person": {
            "none": sum(1 for c in counts if c == 0),
            "median_of_active": sorted(c for c in counts if c)[len(with_data) // 2],
            "over_1000": sum(1 for c in counts if c > 1000),
            "max": max(counts),
        },
        "busiest_people": [[p, counts[p - 1]] for p in busiest[:200]],
        "person_ids": [1, PEOPLE],
    }
    manifest["counts"]["people_with_cadence"] = Person.objects.filter(
        workspace_id=ws, cadence_days__isnull=False
    ).count()
    return {"manifest": manifest, "members": credentials}


def make_tokens(workspace: Any, members: list[Any], create: Any) -> list[dict[str, Any]]:
    """One API token per member; the raw token is shown once, so it is written down here."""
    return [
        {
            "email": u.email,
            "user_id": u.pk,
            "password": PASSWORD,
            "token": create(workspace=workspace, user=u, name="load test")[1],
        }
        for u in members
    ]


def complete(url: str) -> bool:
    """Is the workspace there at full size?"""
    from django.db.utils import ProgrammingError

    from carefor.conversations.models import Interaction
    from carefor.people.models import Person
    from carefor.teams.models import Membership, Workspace

    try:
        workspace = Workspace.objects.filter(slug=WORKSPACE_SLUG).first()
    except ProgrammingError:
        return False
    if workspace is None:
        return False
    return (
        Membership.objects.filter(workspace=workspace).count() == MEMBERS
        and Person.objects.filter(workspace=workspace).count() == PEOPLE
        and Interaction.objects.filter(workspace=workspace).count() == INTERACTIONS
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--force", action="store_true", help="drop and rebuild even if complete")
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scale != 1.0:  # a trial run: a smaller workspace in its own state folder
        global SCALE, PEOPLE, INTERACTIONS, ORGANISATIONS, STATE
        SCALE = args.scale
        PEOPLE, INTERACTIONS = scaled(PEOPLE), scaled(INTERACTIONS)
        ORGANISATIONS = scaled(ORGANISATIONS)
        STATE = STATE / f"scale-{args.scale}"
    STATE.mkdir(exist_ok=True)
    (STATE / "data").mkdir(mode=0o700, exist_ok=True)
    members_file, manifest_file = STATE / "members.json", STATE / "manifest.json"

    exists = database_exists(args.database_url)
    django_setup(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    if exists and not args.force and complete(args.database_url) and manifest_file.exists():
        call_command("migrate", verbosity=0)  # the app may have moved on since
        if not members_file.exists():
            from carefor.teams.models import ApiToken, User, Workspace
            from carefor.teams.tokens import api_token_create

            workspace = Workspace.objects.get(slug=WORKSPACE_SLUG)
            ApiToken.objects.filter(workspace=workspace).delete()
            members = list(User.objects.filter(memberships__workspace=workspace).order_by("email"))
            members_file.write_text(
                json.dumps(make_tokens(workspace, members, api_token_create), indent=1)
            )
            print("Data complete; new API tokens written to", members_file)
        print(
            f"Reusing {args.database_url}: the workspace is complete "
            f"(built in {json.loads(manifest_file.read_text())['seconds']['total']} s)."
        )
        return
    connection.close()
    print(f"Building {args.database_url} from scratch")
    database_recreate(args.database_url)
    result = build(args.database_url)
    members_file.write_text(json.dumps(result["members"], indent=1) + "\n")
    members_file.chmod(0o600)
    manifest_file.write_text(json.dumps(result["manifest"], indent=1) + "\n")
    m = result["manifest"]
    print(
        f"Built in {m['seconds']['total']} s (rows in {m['seconds']['load']} s, then VACUUM "
        f"ANALYZE): " + ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in m["counts"].items())
    )
    print("Interactions per person:", m["interactions_per_person"])


if __name__ == "__main__":
    main()
