"""Build the Maildirs that the ingest benchmark reads. Standard library only.

Two corpora:

* ``linux-mips-2019``: the shared mboxrd archive (6,214 real list messages), unpacked into a
  Maildir with one file per message in ``cur/``, flagged seen (``:2,S``).
* ``synthetic-N``: a deterministic personal mailbox of N messages (default 100,000) built
  from ``random.Random(seed)``: about 2,000 correspondents, mailing lists, newsletters and
  no-reply senders, auto-replies, reply threads, RFC 2047 headers, plain and
  multipart/alternative bodies, a few attachments, and a Maildir++ ``.Sent`` folder with
  the ~20 % of messages that "I" wrote. Smaller sizes for the linearity check are hard-link
  prefixes of the largest one (messages 0..n-1), so they cost no extra disk and every
  size is a consistent mailbox (replies only ever point backwards).

Each corpus gets a manifest ``<name>.json`` next to it (message count, bytes, sha256 of the
contents in message order) so results can name exactly what was measured, and so an
existing corpus is reused instead of rebuilt.

    .venv/bin/python benchmarks/ingest/make_corpora.py [--out DIR] [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import mailbox
import os
import quopri
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime
from pathlib import Path

# Bump when the generator's output changes, so stale corpora are rebuilt, not reused.
GENERATOR_VERSION = 1
DEFAULT_OUT = Path("/tmp/carefor-bench")  # noqa: S108 -- a scratch dir is the point
DEFAULT_COUNT = 100_000
DEFAULT_SEED = 20_240_601
LINUX_MIPS_MBOX = Path("/work/shared/corpora/linux-mips-2019/linux-mips-2019.mbox")
ME_NAME = "Sam Okafor"
ME_ADDRESS = "sam@okafor-advisory.example"
ME_DOMAIN = "okafor-advisory.example"
CORRESPONDENTS = 2_000
START = datetime(2022, 1, 3, 7, 30, tzinfo=UTC)
SPAN_SECONDS = 3 * 365 * 86_400
AWAKE_SECONDS = 15 * 3600  # messages are dated 07:30-22:30 UTC

# Share of each kind of message; "sent" lands in .Sent, everything else in the inbox.
KIND_WEIGHTS = {"sent": 20, "personal": 33, "list": 22, "bulk": 23, "auto": 2}


# ----------------------------------------------------------------------------- manifests


def corpus_dir(out: Path, name: str) -> Path:
    return out / "corpora" / name


def manifest_path(out: Path, name: str) -> Path:
    return out / "corpora" / f"{name}.json"


def read_manifest(out: Path, name: str) -> dict | None:
    path = manifest_path(out, name)
    if not path.exists() or not corpus_dir(out, name).is_dir():
        return None
    return json.loads(path.read_text())


def write_manifest(out: Path, name: str, manifest: dict) -> None:
    manifest_path(out, name).write_text(json.dumps(manifest, indent=2) + "\n")


def make_maildir(path: Path, subfolders: tuple[str, ...] = ()) -> None:
    """An empty Maildir (cur/new/tmp), plus Maildir++ subfolders such as ".Sent"."""
    shutil.rmtree(path, ignore_errors=True)
    mailbox.Maildir(path, create=True)
    for folder in subfolders:
        mailbox.Maildir(path / folder, create=True)
        # Courier/Dovecot mark Maildir++ subfolders this way; real Maildirs carry it.
        (path / folder / "maildirfolder").touch()


# ------------------------------------------------------------------------ linux-mips


MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.MULTILINE)


def build_linux_mips(out: Path, mbox_path: Path = LINUX_MIPS_MBOX) -> dict:
    """Unpack the mboxrd archive into a Maildir, one seen message per file in cur/."""
    name = "linux-mips-2019"
    dest = corpus_dir(out, name)
    make_maildir(dest)
    digest = hashlib.sha256()
    total = count = 0
    source = mailbox.mbox(mbox_path, create=False)
    try:
        for count, key in enumerate(source.iterkeys(), start=1):
            # Python's mbox reader does not undo mboxrd's ">From " quoting; do it here so
            # the Maildir holds the messages exactly as they were sent.
            raw = MBOXRD_ESCAPE.sub(rb"\1", source.get_bytes(key))
            (dest / "cur" / f"{count:05d}.linux-mips.bench:2,S").write_bytes(raw)
            digest.update(raw)
            total += len(raw)
    finally:
        source.close()
    manifest = {
        "name": name,
        "kind": "real",
        "source": str(mbox_path),
        "messages": count,
        "bytes": total,
        "sha256": digest.hexdigest(),
        "generator_version": GENERATOR_VERSION,
    }
    write_manifest(out, name, manifest)
    return manifest


# ------------------------------------------------------------------- word material


def words(text: str) -> list[str]:
    """Whitespace-separated words: long word lists read better as text than as literals."""
    return text.split()


COMMON_WORDS = words(
    """
the of and to a in is it you that he was for on are with as I his they be at one have
this from or had by not word but what some we can out other were all there when up use
your how said an each she which do their time if will way about many then them write
would like so these her long make thing see him two has look more day could go come did
number sound no most people my over know water than call first who may down side been
now find any new work part take get place made live where after back little only round
man year came show every good me give our under name very through just form sentence
great think say help low line differ turn cause much mean before move right boy old too
same tell does set three want air well also play small end put home read hand port large
spell add even land here must big high such follow act why ask men change went light kind
off need house picture try us again animal point mother world near build self earth
father head stand own page should country found answer school grow study still learn plant
cover food sun four between state keep eye never last let thought city tree cross farm
hard start might story saw far sea draw left late run while press close night real life
few north open seem together next white children begin got walk example ease paper group
always music those both mark often letter until mile river car feet care second book
carry took science eat room friend began idea fish mountain stop once base hear horse cut
sure watch colour face wood main enough plain girl usual young ready above ever red list
though feel talk bird soon body dog family direct pose leave song measure door product
black short numeral class wind question happen complete ship area half rock order fire
south problem piece told knew pass since top whole king space heard best hour better true
during hundred five remember step early hold west ground interest reach fast verb sing
listen six table travel less morning ten simple several vowel toward war lay against
pattern slow centre love person money serve appear road map rain rule govern pull cold
notice voice unit power town fine certain fly fall lead cry dark machine note wait plan
figure star box noun field rest correct able pound done beauty drive stood contain front
teach week final gave green oh quick develop ocean warm free minute strong special mind
behind clear tail produce fact street inch multiply nothing course stay wheel full force
blue object decide surface deep moon island foot system busy test record boat common gold
possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss
brought heat snow tire bring yes distant fill east paint language among budget invoice
contract proposal meeting quarter review draft deadline client schedule agenda minutes
"""
)

SYLLABLES = words(
    """
ka lo ri ta ne mo su vi da pe ro li an el or in ur ba co de fi gu ha je ku la me no pa
qu re si to ve wa xi yo ze bra cle dri fro gla pri slo tre vor mar ten sel dun gar pol
nik rus tal ven wen zor ost ith ump
"""
)

FIRST_NAMES = words(
    """
Aaliyah Adaeze Adam Aditi Ahmed Aisha Akira Alejandro Alice Amara Amir Ana Andrea Anna
Anaïs Arjun Astrid Ayşe Beatriz Ben Björn Blessing Camille Carlos Chidi Chiara Chloe
Chukwuemeka Claire Daniel David Dmitri Efua Elena Elif Emeka Emma Esther Ethan Fatima
Felix Femi Finn Francesca Gabriel Grace Hana Hannah Hassan Ibrahim Ifeoma Ingrid Isabel
Ivan Jack James Jana Javier Jin Joanna José Joseph Julia Kai Kamala Karin Kemi Kenji
Kwame Laila Lars Laura Leila Liam Lina Lucas Lucía Łukasz Maya Malik Maria Marta Mateo
Mei Mia Mohammed Nadia Naledi Nia Nikhil Nina Noah Nour Oliver Olu Omar Oskar Paolo Priya
Rafael Rahul Ravi Rosa Ruth Sade Samuel Sara Sebastian Siobhan Søren Sofia Sunita Tariq
Tomás Tunde Uma Valentina Victor Wei Yara Yusuf Zainab Zoë Zsófia Çağla
"""
)

LAST_NAMES = words(
    """
Abara Acheampong Adeyemi Agarwal Almeida Andersen Anderson Bakker Banerjee Becker Bianchi
Bjørnsson Brown Campbell Castro Chen Chowdhury Costa Dąbrowski Das Dubois Dvořák Eze
Fernández Fischer Fofanah García Gómez González Gupta Haddad Hansen Hernández Hoffmann Horvat
Hughes Ibrahim Ivanova Jansen Jensen Johnson Kaplan Kariuki Khan Kim Kowalski Kumar Larsen
Lee Lindqvist López Mahlangu Martin Martínez Mensah Mehta Meyer Moreau Müller Murphy Musa
Nakamura Nguyen Novak Nwosu Obi O'Brien Ogunleye Okeke Olsen Onyango Osei Owusu Patel
Pereira Petrov Popescu Quinn Rahman Ramos Reddy Richter Rodríguez Rossi Russo Santos Sato
Schmidt Schneider Shapiro Silva Singh Smith Sokolov Suzuki Takahashi Tanaka Taylor Thomas
Tran Wagner Walker Wang Weber Williams Wilson Wójcik Yamamoto Y\u0131lmaz Zhang Zimmermann Żak
"""
)

MAIL_PROVIDERS = (
    "mailbox.example",
    "posteo.example",
    "fastpost.example",
    "inbox.example",
    "homemail.example",
    "netpost.example",
)
COMPANY_WORDS = words(
    """
north wind blue fern river stone oak harbor summit cedar lumen pixel atlas bright civic
delta ember frontier granite hollow iris juniper kestrel lantern meridian nimbus orchard
"""
)
COMPANY_SUFFIXES = ("logistics", "labs", "partners", "health", "legal", "capital", "studio", "co")
TIMEZONES = (0, 0, 60, 60, 60, 120, -300, -300, -360, -480, 330, 480, 540, 60, 0, 180)

THINGS = words(
    """
draft proposal invoice slides contract report budget photos notes agenda figures quote
receipt itinerary summary brief spreadsheet plan tickets references minutes keys
"""
)
DAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday tomorrow tonight")
PLACES = (
    "the café",
    "the office",
    "Lina's place",
    "the station",
    "the usual spot",
    "the park",
    "Zürich",
    "Lagos",
)
PERSONAL_TEMPLATES = (
    "Thanks for sending the {thing} over.",
    "I'll send you the {thing} by {day}.",
    "I will look at the {thing} before {day} and get back to you.",
    "Could you check the {thing} before {day}?",
    "Let's meet at {place} on {day} at {hour}:{minute}.",
    "Hope {first} is feeling better after last week.",
    "Happy birthday! Hope you have a lovely day.",
    "Congratulations on the new role, that is wonderful news.",
    "Sorry I missed your call, I was with a client until {hour}.",
    "I promise I'll call you on {day}.",
    "Can we move our call to {day}?",
    "Are you still free on {day}?",
    "Just checking in, how did the move go?",
    "The {thing} looks good to me, a couple of small comments inline.",
)
ACCENTED = words("café naïve Grüße Zürich façade déjà São Paulo Łódź smörgåsbord jalapeño")
NON_ASCII_SUBJECTS = (
    "Grüße aus Zürich",
    "Café on Friday? ☕",
    "Résumé and references",
    "Photos from São Paulo 📷",
    "Reunión del jueves",
    "Déjà vu: the budget again",
    "🎉 We did it!",
)
SUBJECT_TOPICS = (
    "{thing} for {day}",
    "Quick question about the {thing}",
    "Catch up?",
    "Dinner {day}?",
    "Re-sending the {thing}",
    "Updated {thing}",
    "Intro: {first} / {other}",
    "Thank you!",
    "Following up on our call",
    "Plans for the weekend",
    "{thing} — final version",
    "Can you help with something?",
)
REPLY_PREFIXES = ("Re: ",) * 12 + ("RE: ", "AW: ", "Sv: ")
AUTO_PREFIXES = ("Out of office: ", "Automatic reply: ", "Abwesenheitsnotiz: ", "Auto: ")


# ------------------------------------------------------------------------ data types


@dataclass(frozen=True)
class Person:
    name: str
    address: str
    header: str  # "Name <addr>" ready for a header, RFC 2047-encoded where needed
    tz_minutes: int
    signature: str


@dataclass(frozen=True)
class MailingList:
    name: str
    slug: str
    address: str
    list_id: str
    members: tuple[int, ...]  # indexes into the correspondents


@dataclass
class Thread:
    subject: str
    people: list[Person]
    ids: list[str] = field(default_factory=list)
    last_author: Person | None = None
    last_date: str = ""
    last_lines: list[str] = field(default_factory=list)
    mailing_list: MailingList | None = None


@dataclass(frozen=True)
class Mail:
    """One generated message: where it goes and its bytes."""

    sent: bool
    raw: bytes


# ---------------------------------------------------------------------- small helpers

ASCII_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "\u0131": "i", "ß": "ss"})


def ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(ASCII_FOLD))
    return re.sub(r"[^a-z]", "", folded.encode("ascii", "ignore").decode().lower())


def encode_header(text: str) -> str:
    """RFC 2047 encoding only where the text needs it, as mail clients do."""
    if text.isascii():
        return text
    return Header(text, "utf-8").encode()


def display_address(name: str, address: str) -> str:
    if not name.isascii():
        return f"{encode_header(name)} <{address}>"
    if "," in name or "'" in name:
        return f'"{name}" <{address}>'
    return f"{name} <{address}>"


def first_name(person: Person) -> str:
    """The given name, also for "Last, First" display names."""
    return person.name.split(", ")[-1].split(" ")[0]


def cumulative_zipf(n: int, exponent: float, offset: float = 2.7) -> list[float]:
    total = 0.0
    result = []
    for rank in range(n):
        total += 1.0 / (rank + offset) ** exponent
        result.append(total)
    return result


def wrap(text: str, width: int = 72) -> str:
    """Hard-wrap a paragraph the way most mail clients send text/plain."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


# ------------------------------------------------------------------------ generator


class SyntheticMailbox:
    """Generates message i = 0, 1, 2 ... in order; everything comes from one seeded RNG."""

    def __init__(self, count: int, seed: int) -> None:
        # Reproducible fake data, not security: a seeded non-cryptographic RNG is the point.
        self.rng = random.Random(seed)  # noqa: S311
        self.count = count
        self.seed = seed
        self.me = Person(ME_NAME, ME_ADDRESS, f"{ME_NAME} <{ME_ADDRESS}>", 60, self.my_signature())
        self.companies = self.make_companies()
        self.people = self.make_people()
        self.people_weights = cumulative_zipf(len(self.people), 0.9)
        self.lists = self.make_lists()
        self.bulk_senders = self.make_bulk_senders()
        self.sentences = self.make_sentences()
        self.threads: list[Thread] = []
        self.list_threads: list[Thread] = []
        self.sent_recent: list[tuple[str, str, Person]] = []  # (msgid, subject, recipient)
        self.kinds = list(KIND_WEIGHTS)
        self.kind_weights = list(KIND_WEIGHTS.values())

    # -- cast ---------------------------------------------------------------------

    @staticmethod
    def my_signature() -> str:
        return "-- \nSam Okafor\nOkafor Advisory\n+44 20 7946 0418"

    def make_companies(self) -> list[str]:
        names = set()
        while len(names) < 160:
            word = "".join(self.rng.sample(COMPANY_WORDS, 2))
            names.add(f"{word}-{self.rng.choice(COMPANY_SUFFIXES)}.example")
        return sorted(names)

    def make_people(self) -> list[Person]:
        rng = self.rng
        seen: set[tuple[str, str]] = set()
        addresses: set[str] = set()
        people: list[Person] = []
        while len(people) < CORRESPONDENTS:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            if (first, last) in seen:
                continue
            seen.add((first, last))
            address = self.make_address(first, last)
            if address in addresses:
                continue
            addresses.add(address)
            # Outlook-style "Last, First" display names show up in real corporate mail.
            name = f"{last}, {first}" if rng.random() < 0.08 else f"{first} {last}"
            signature = f"-- \n{first} {last}" if rng.random() < 0.5 else f"Best,\n{first}"
            people.append(
                Person(
                    name,
                    address,
                    display_address(name, address),
                    rng.choice(TIMEZONES),
                    signature,
                )
            )
        return people

    def make_address(self, first: str, last: str) -> str:
        rng = self.rng
        f, la = ascii_slug(first), ascii_slug(last)
        local = rng.choice(
            (f"{f}.{la}", f"{f[0]}{la}", f, f"{f}{la}{rng.randint(1, 99)}", f"{f}_{la}")
        )
        domain = rng.choice(MAIL_PROVIDERS) if rng.random() < 0.5 else rng.choice(self.companies)
        return f"{local}@{domain}"

    def make_lists(self) -> list[MailingList]:
        specs = (
            ("Riverside Allotment Society", "allotments", "riverside-allotments.example"),
            ("Class 3B parents", "class3b", "stmarys-school.example"),
            ("pyconf-dev", "pyconf-dev", "lists.pyconf.example"),
            ("Advisors' Circle", "advisors", "advisors-circle.example"),
            ("Harbour Road neighbours", "harbourroad", "groups.inbox.example"),
            ("Alumni 2009", "alumni2009", "alumni.uni-lagos.example"),
            ("Climbing partners", "climbing", "groups.inbox.example"),
            ("Book club", "bookclub", "groups.inbox.example"),
        )
        result = []
        for name, slug, domain in specs:
            size = self.rng.randint(40, 300)
            members = tuple(self.rng.sample(range(len(self.people)), size))
            result.append(
                MailingList(name, slug, f"{slug}@{domain}", f"{name} <{slug}.{domain}>", members)
            )
        return result

    def make_bulk_senders(self) -> list[tuple[Person, str]]:
        """Newsletters and no-reply senders, each with the kind of mail it sends."""
        specs = (
            ("The Weekly Ledger", "newsletter@weeklyledger.example", "newsletter"),
            ("Northbank Rail", "no-reply@northbank-rail.example", "receipt"),
            ("Shopfront", "orders@shopfront.example", "receipt"),
            ("GitForge", "notifications@gitforge.example", "notification"),
            ("Harbour Bank", "noreply@harbourbank.example", "notification"),
            ("Calendar", "calendar-notification@mailbox.example", "notification"),
            ("Design Digest", "hello@designdigest.example", "newsletter"),
            ("Advisor Weekly", "editor@advisorweekly.example", "newsletter"),
            ("Städtische Bibliothek", "no-reply@bibliothek-zuerich.example", "notification"),
            ("CloudDocs", "no-reply@clouddocs.example", "notification"),
            ("Meetup Hub", "info@meetuphub.example", "newsletter"),
            ("Fern & Oak Wines", "news@fernoak.example", "newsletter"),
        )
        return [(Person(n, a, display_address(n, a), 0, ""), kind) for n, a, kind in specs]

    def make_sentences(self) -> list[str]:
        """A pool of filler sentences with a Zipf-shaped vocabulary, like real text.

        A long tail of made-up words matters: full-text indexers pay per distinct term, and
        a body made of 300 common words would flatter mu and notmuch.
        """
        rng = self.rng
        tail = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(25_000)})
        rng.shuffle(tail)
        vocabulary = COMMON_WORDS + tail
        weights = cumulative_zipf(len(vocabulary), 1.05)
        sentences = []
        for _ in range(12_000):
            words = rng.choices(vocabulary, cum_weights=weights, k=rng.randint(5, 22))
            if rng.random() < 0.05:
                words.append(rng.choice(ACCENTED))
            sentence = " ".join(words)
            sentences.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
        return sentences

    # -- picking ------------------------------------------------------------------

    def person(self) -> Person:
        return self.rng.choices(self.people, cum_weights=self.people_weights)[0]

    def recent(self, pool: list[Thread]) -> Thread | None:
        """A recently active thread; conversations mostly continue where they just were."""
        if not pool:
            return None
        back = min(len(pool) - 1, int(self.rng.expovariate(1 / 25)))
        return pool[len(pool) - 1 - back]

    @staticmethod
    def remember(pool: list[Thread], thread: Thread, limit: int = 600) -> None:
        pool.append(thread)
        if len(pool) > limit:
            del pool[: limit // 4]

    def fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            thing=rng.choice(THINGS),
            day=rng.choice(DAYS),
            place=rng.choice(PLACES),
            hour=rng.randint(8, 19),
            minute=rng.choice(("00", "15", "30", "45")),
            first=rng.choice(FIRST_NAMES),
            other=rng.choice(FIRST_NAMES),
        )

    def subject(self) -> str:
        if self.rng.random() < 0.07:
            return self.rng.choice(NON_ASCII_SUBJECTS)
        return self.fill(self.rng.choice(SUBJECT_TOPICS))

    # -- headers ------------------------------------------------------------------

    def date_for(self, i: int, person: Person) -> tuple[datetime, str]:
        # Time advances with i, so a reply (always generated later) is dated after its parent;
        # only the waking hours of each day are used, so nobody mails at 3 a.m. every night.
        active = (SPAN_SECONDS * i / self.count) * AWAKE_SECONDS / 86_400
        active += self.rng.uniform(0, 600)
        days, seconds = divmod(active, AWAKE_SECONDS)
        moment = START + timedelta(days=days, seconds=seconds)
        local = moment.astimezone(timezone(timedelta(minutes=person.tz_minutes)))
        return moment, format_datetime(local)

    def message_id(self, i: int, person: Person) -> str:
        domain = person.address.rsplit("@", 1)[1]
        token = self.rng.getrandbits(80)
        style = token % 3
        if style == 0:
            return f"<{token:020x}.{i}@{domain}>"
        if style == 1:
            b64 = base64.b64encode(token.to_bytes(10, "big") * 3).decode()
            return f"<CA+{b64}@mail.{domain}>"
        return f"<{i}.{token & 0xFFFFFF:06X}.{self.seed}@mx.{domain}>"

    def received(self, sender: Person, date: str) -> str:
        rng = self.rng
        domain = sender.address.rsplit("@", 1)[1]
        ip = f"198.51.100.{rng.randint(1, 254)}"
        queue = f"{rng.getrandbits(40):010X}"
        return (
            f"Received: from mail-{rng.randint(1, 40)}.{domain} (mail.{domain} [{ip}])\n"
            f"\tby mx.{ME_DOMAIN} (Postfix) with ESMTPS id {queue}\n"
            f"\tfor <{ME_ADDRESS}>; {date}\n"
        )

    def dkim(self, sender: Person) -> str:
        domain = sender.address.rsplit("@", 1)[1]
        body_hash = base64.b64encode(self.rng.randbytes(32)).decode()
        signature = base64.b64encode(self.rng.randbytes(256)).decode()
        folded = "\n\t ".join(signature[k : k + 70] for k in range(0, len(signature), 70))
        return (
            f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s=s1;\n"
            f"\th=from:to:cc:subject:date:message-id; bh={body_hash};\n\tb={folded}\n"
        )

    # -- bodies -------------------------------------------------------------------

    def body_length(self, median: int) -> int:
        return max(200, min(20_000, int(self.rng.lognormvariate(0, 0.9) * median)))

    def paragraphs(self, length: int, templates: bool) -> list[str]:
        rng = self.rng
        result: list[str] = []
        size = 0
        while size < length:
            count = rng.randint(1, 5)
            parts = rng.choices(self.sentences, k=count)
            if templates and rng.random() < 0.4:
                parts.insert(0, self.fill(rng.choice(PERSONAL_TEMPLATES)))
            paragraph = " ".join(parts)
            result.append(paragraph)
            size += len(paragraph) + 2
        return result

    def personal_text(self, author: Person, thread: Thread | None, greeting: str) -> str:
        paragraphs = self.paragraphs(self.body_length(900), templates=True)
        text = f"{greeting},\n\n" + "\n\n".join(wrap(p) for p in paragraphs)
        text += f"\n\n{author.signature}\n"
        if thread is not None and thread.last_author is not None and self.rng.random() < 0.7:
            quoted = "\n".join(f"> {line}" for line in thread.last_lines)
            text += f"\nOn {thread.last_date}, {thread.last_author.name} wrote:\n{quoted}\n"
        return text

    def html(self, paragraphs: list[str], newsletter: bool) -> str:
        if not newsletter:
            inner = "".join(f"<div>{p}</div><div><br></div>" for p in paragraphs)
            return f'<html><head></head><body><div dir="ltr">{inner}</div></body></html>\n'
        cells = "".join(
            '<tr><td style="padding:12px 24px;font-family:Georgia,serif;font-size:16px;'
            f'line-height:1.5;color:#222222">{p}</td></tr>\n'
            for p in paragraphs
        )
        return (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}'
            "a{color:#0a58ca}</style></head><body>"
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0">\n'
            f"{cells}"
            '<tr><td style="font-size:12px;color:#888">You are receiving this because you '
            'subscribed. <a href="https://example.org/unsubscribe">Unsubscribe</a>.</td></tr>'
            "</table></body></html>\n"
        )

    def encode_text(self, text: str, subtype: str) -> str:
        """A text part's headers and body, with the transfer encodings real clients pick."""
        rng = self.rng
        if text.isascii():
            return f'Content-Type: text/{subtype}; charset="us-ascii"\n\n{text}'
        if rng.random() < 0.5:
            body = quopri.encodestring(text.encode("utf-8")).decode("ascii")
            return (
                f'Content-Type: text/{subtype}; charset="utf-8"\n'
                f"Content-Transfer-Encoding: quoted-printable\n\n{body}"
            )
        return (
            f'Content-Type: text/{subtype}; charset="utf-8"\n'
            f"Content-Transfer-Encoding: 8bit\n\n{text}"
        )

    def boundary(self) -> str:
        return f"=_bench_{self.rng.getrandbits(64):016x}"

    def alternative(self, text: str, paragraphs: list[str], newsletter: bool) -> str:
        mark = self.boundary()
        plain = self.encode_text(text, "plain")
        html = self.encode_text(self.html(paragraphs, newsletter), "html")
        return (
            f'Content-Type: multipart/alternative; boundary="{mark}"\n\n'
            f"--{mark}\n{plain}\n--{mark}\n{html}\n--{mark}--\n"
        )

    def attachment(self, inner: str) -> str:
        rng = self.rng
        mark = self.boundary()
        kind, ext = rng.choice(
            (("application/pdf", "pdf"), ("image/png", "png"), ("image/jpeg", "jpg"))
        )
        name = f"{rng.choice(THINGS)}-{rng.randint(1, 40)}.{ext}"
        payload = base64.encodebytes(rng.randbytes(rng.randint(2_000, 30_000))).decode()
        return (
            f'Content-Type: multipart/mixed; boundary="{mark}"\n\n'
            f"--{mark}\n{inner}\n--{mark}\n"
            f'Content-Type: {kind}; name="{name}"\n'
            f'Content-Disposition: attachment; filename="{name}"\n'
            f"Content-Transfer-Encoding: base64\n\n{payload}--{mark}--\n"
        )

    def mime_body(self, text: str, paragraphs: list[str], html_share: float) -> str:
        """Everything after the top-level headers' MIME-Version line."""
        rng = self.rng
        if rng.random() < html_share:
            body = self.alternative(text, paragraphs, newsletter=False)
        else:
            body = self.encode_text(text, "plain")
        if rng.random() < 0.05:
            body = self.attachment(body)
        return body

    # -- assembling ---------------------------------------------------------------

    def assemble(self, head: list[str], mime: str) -> bytes:
        return ("".join(head) + "MIME-Version: 1.0\n" + mime).encode("utf-8")

    def threading_headers(self, thread: Thread | None) -> str:
        if thread is None or not thread.ids:
            return ""
        # Clients trim long References chains but keep the root.
        refs = thread.ids if len(thread.ids) <= 10 else thread.ids[:1] + thread.ids[-9:]
        folded = "\n ".join(refs)
        return f"In-Reply-To: {thread.ids[-1]}\nReferences: {folded}\n"

    def note(self, thread: Thread, author: Person, date: str, msgid: str, text: str) -> None:
        thread.ids.append(msgid)
        thread.last_author = author
        thread.last_date = date
        thread.last_lines = [line for line in text.split("\n")[2:6] if line][:3]

    def personal(self, i: int) -> Mail:
        """Mail to me from a correspondent: a new conversation or a reply in one."""
        rng = self.rng
        thread = self.recent(self.threads) if rng.random() < 0.6 else None
        if thread is None:
            author = self.person()
            others = [self.person() for _ in range(rng.choice((0, 0, 0, 1, 2)))]
            thread = Thread(self.subject(), [author, *others])
            self.remember(self.threads, thread)
            subject = thread.subject
        else:
            author = rng.choice(thread.people)
            subject = rng.choice(REPLY_PREFIXES) + thread.subject
        msgid = self.message_id(i, author)
        _, date = self.date_for(i, author)
        cc = [p for p in thread.people if p is not author]
        text = self.personal_text(author, thread if thread.ids else None, "Hi Sam")
        head = [
            f"Return-Path: <{author.address}>\n",
            self.received(author, date),
            self.dkim(author) if rng.random() < 0.4 else "",
            f"From: {author.header}\n",
            f"To: {self.me.header}\n",
            f"Cc: {', '.join(p.header for p in cc)}\n" if cc else "",
            f"Subject: {encode_header(subject)}\n",
            f"Date: {date}\n",
            f"Message-ID: {msgid}\n",
            self.threading_headers(thread),
            "User-Agent: Mozilla Thunderbird\n" if rng.random() < 0.2 else "",
        ]
        paragraphs = text.split("\n\n")
        mime = self.mime_body(text, paragraphs, html_share=0.55)
        self.note(thread, author, date, msgid, text)
        return Mail(False, self.assemble(head, mime))

    def sent(self, i: int) -> Mail:
        """Mail I wrote: mostly replies to recent conversations, some new ones, a few to lists."""
        rng = self.rng
        roll = rng.random()
        thread: Thread | None
        if roll < 0.1 and self.list_threads:
            thread = self.recent(self.list_threads)
        elif roll < 0.7:
            thread = self.recent(self.threads)
        else:
            thread = None
        if thread is None:
            people = [self.person() for _ in range(rng.choice((1, 1, 1, 2, 3)))]
            thread = Thread(self.subject(), people)
            self.remember(self.threads, thread)
            subject = thread.subject
        else:
            subject = "Re: " + thread.subject
        recipient: Person | None = None
        if thread.mailing_list is not None:
            mlist = thread.mailing_list
            to, cc, greet = f"{mlist.name} <{mlist.address}>", [], "all"
        else:
            # Answer whoever wrote last and copy the rest, as "Reply all" does.
            last = thread.last_author
            recipient = last if last is not None and last is not self.me else thread.people[0]
            to, greet = recipient.header, first_name(recipient)
            cc = [p.header for p in thread.people if p is not recipient]
        msgid = self.message_id(i, self.me)
        _, date = self.date_for(i, self.me)
        text = self.personal_text(self.me, thread if thread.ids else None, f"Hi {greet}")
        head = [
            f"From: {self.me.header}\n",
            f"To: {to}\n",
            f"Cc: {', '.join(cc)}\n" if cc else "",
            f"Subject: {encode_header(subject)}\n",
            f"Date: {date}\n",
            f"Message-ID: {msgid}\n",
            self.threading_headers(thread),
            "User-Agent: Mozilla Thunderbird\n",
        ]
        mime = self.mime_body(text, text.split("\n\n"), html_share=0.3)
        self.note(thread, self.me, date, msgid, text)
        if recipient is not None:
            # Out-of-office replies answer these.
            self.sent_recent.append((msgid, subject, recipient))
            if len(self.sent_recent) > 200:
                del self.sent_recent[:50]
        return Mail(True, self.assemble(head, mime))

    def list_mail(self, i: int) -> Mail:
        """A mailing-list post: List-Id, Precedence: bulk, footer, subject tag."""
        rng = self.rng
        thread = self.recent(self.list_threads) if rng.random() < 0.65 else None
        if thread is None:
            mlist = rng.choice(self.lists)
            thread = Thread(f"[{mlist.slug}] {self.subject()}", [], mailing_list=mlist)
            self.remember(self.list_threads, thread, limit=300)
            subject = thread.subject
        else:
            subject = "Re: " + thread.subject
        mlist = thread.mailing_list
        assert mlist is not None  # list threads always carry their list
        author = self.people[rng.choice(mlist.members)]
        msgid = self.message_id(i, author)
        _, date = self.date_for(i, author)
        domain = mlist.address.rsplit("@", 1)[1]
        text = self.personal_text(author, thread if thread.ids else None, "Hi all")
        text += f"\n_______________________________________________\n{mlist.name} mailing list\n"
        head = [
            f"Return-Path: <{mlist.slug}-bounces@{domain}>\n",
            self.received(author, date),
            f"From: {author.header}\n",
            f"To: {mlist.name} <{mlist.address}>\n",
            f"Subject: {encode_header(subject)}\n",
            f"Date: {date}\n",
            f"Message-ID: {msgid}\n",
            self.threading_headers(thread),
            f"List-Id: {encode_header(mlist.list_id)}\n",
            f"List-Post: <mailto:{mlist.address}>\n",
            f"List-Unsubscribe: <mailto:{mlist.slug}-leave@{domain}>\n",
            f"Precedence: {'bulk' if rng.random() < 0.8 else 'list'}\n",
            f"Sender: {mlist.slug}-bounces@{domain}\n",
        ]
        mime = self.mime_body(text, text.split("\n\n"), html_share=0.3)
        self.note(thread, author, date, msgid, text)
        return Mail(False, self.assemble(head, mime))

    def bulk(self, i: int) -> Mail:
        """Newsletters, receipts and notifications from senders nobody answers."""
        rng = self.rng
        sender, kind = rng.choice(self.bulk_senders)
        msgid = self.message_id(i, sender)
        _, date = self.date_for(i, sender)
        median = {"newsletter": 4_000, "receipt": 900, "notification": 500}[kind]
        paragraphs = self.paragraphs(self.body_length(median), templates=False)
        text = "\n\n".join(wrap(p) for p in paragraphs) + "\n"
        subject = {
            "newsletter": f"{sender.name}: {self.fill('{thing} special, issue {hour}')}",
            "receipt": f"Your {sender.name} receipt #{rng.randint(100000, 999999)}",
            "notification": f"[{sender.name}] {self.fill('{first} shared the {thing}')}",
        }[kind]
        head = [
            f"Return-Path: <bounce-{rng.getrandbits(32):08x}@{sender.address.split('@')[1]}>\n",
            self.received(sender, date),
            self.dkim(sender),
            f"From: {sender.header}\n",
            "To: undisclosed-recipients:;\n" if rng.random() < 0.1 else f"To: {ME_ADDRESS}\n",
            f"Subject: {encode_header(subject)}\n",
            f"Date: {date}\n",
            f"Message-ID: {msgid}\n",
            "Precedence: bulk\n",
            f"List-Unsubscribe: <https://{sender.address.split('@')[1]}/u/{i}>\n",
            f"Feedback-ID: {kind}:{sender.address.split('@')[1]}\n",
        ]
        if kind == "newsletter" or rng.random() < 0.7:
            mime = self.alternative(text, paragraphs, newsletter=True)
        else:
            mime = self.encode_text(text, "plain")
        return Mail(False, self.assemble(head, mime))

    def auto_reply(self, i: int) -> Mail:
        """An out-of-office answer to something I sent."""
        rng = self.rng
        if not self.sent_recent:
            return self.personal(i)
        parent, subject, author = rng.choice(self.sent_recent[-30:])
        msgid = self.message_id(i, author)
        _, date = self.date_for(i, author)
        text = (
            f"Thank you for your message. I am out of the office until {rng.choice(DAYS)} "
            "with limited access to email. For urgent matters please call the office.\n\n"
            f"{author.signature}\n"
        )
        head = [
            f"Return-Path: <{author.address}>\n",
            self.received(author, date),
            f"From: {author.header}\n",
            f"To: {self.me.header}\n",
            f"Subject: {encode_header(rng.choice(AUTO_PREFIXES) + subject)}\n",
            f"Date: {date}\n",
            f"Message-ID: {msgid}\n",
            f"In-Reply-To: {parent}\n",
            f"References: {parent}\n",
            "Auto-Submitted: auto-replied\n",
            "X-Autoreply: yes\n",
        ]
        return Mail(False, self.assemble(head, self.encode_text(text, "plain")))

    def messages(self) -> Iterator[Mail]:
        makers = {
            "sent": self.sent,
            "personal": self.personal,
            "list": self.list_mail,
            "bulk": self.bulk,
            "auto": self.auto_reply,
        }
        for i in range(self.count):
            kind = self.rng.choices(self.kinds, weights=self.kind_weights)[0]
            yield makers[kind](i)


# ------------------------------------------------------------------ synthetic output


def synthetic_name(count: int) -> str:
    return f"synthetic-{count}"


def write_synthetic(out: Path, count: int, seed: int, prefixes: list[int]) -> dict:
    """Write the full mailbox, hashing as we go; note the digest at each prefix size."""
    name = synthetic_name(count)
    dest = corpus_dir(out, name)
    make_maildir(dest, subfolders=(".Sent",))
    inbox, sent_dir = dest / "cur", dest / ".Sent" / "cur"
    digest = hashlib.sha256()
    total_bytes = sent = 0
    snapshots: dict[int, dict] = {}
    for i, mail in enumerate(SyntheticMailbox(count, seed).messages()):
        folder = sent_dir if mail.sent else inbox
        # Plain open/write: mailbox.Maildir.add() would cost a tmp/ write plus a rename.
        with open(folder / f"{i}.{seed}.bench:2,S", "wb") as handle:
            handle.write(mail.raw)
        digest.update(mail.raw)
        total_bytes += len(mail.raw)
        sent += mail.sent
        if i + 1 in prefixes:
            snapshots[i + 1] = {
                "bytes": total_bytes,
                "sent": sent,
                "sha256": digest.copy().hexdigest(),
            }
    manifest = synthetic_manifest(name, count, seed, total_bytes, sent, digest.hexdigest())
    write_manifest(out, name, manifest)
    return {"full": manifest, "prefixes": snapshots}


def synthetic_manifest(
    name: str, count: int, seed: int, total: int, sent: int, sha: str, parent: str = ""
) -> dict:
    return {
        "name": name,
        "kind": "synthetic",
        "messages": count,
        "sent_messages": sent,
        "bytes": total,
        "sha256": sha,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "prefix_of": parent or None,
    }


def link_prefix(out: Path, full: str, count: int, seed: int, snapshot: dict) -> dict:
    """Hard-link messages 0..count-1 of the full mailbox into a smaller Maildir."""
    name = synthetic_name(count)
    source, dest = corpus_dir(out, full), corpus_dir(out, name)
    make_maildir(dest, subfolders=(".Sent",))
    for sub in ("cur", ".Sent/cur"):
        for entry in os.scandir(source / sub):
            if int(entry.name.split(".", 1)[0]) < count:
                os.link(entry.path, dest / sub / entry.name)
    manifest = synthetic_manifest(
        name, count, seed, snapshot["bytes"], snapshot["sent"], snapshot["sha256"], full
    )
    write_manifest(out, name, manifest)
    return manifest


def is_current(manifest: dict | None, count: int, seed: int) -> bool:
    return (
        manifest is not None
        and manifest.get("generator_version") == GENERATOR_VERSION
        and manifest.get("seed") == seed
        and manifest.get("messages") == count
    )


def default_sizes(count: int) -> list[int]:
    return sorted({max(1, count // 4), max(1, count // 2), count})


def ensure_synthetic(out: Path, count: int, seed: int, sizes: list[int], force: bool) -> None:
    sizes = sorted({*sizes, count})
    if max(sizes) != count:
        raise SystemExit(f"--sizes must not exceed --count ({count}).")
    current = all(is_current(read_manifest(out, synthetic_name(n)), n, seed) for n in sizes)
    if current and not force:
        log(f"synthetic corpora {sizes} already built in {out / 'corpora'}; reusing them")
        return
    started = time.perf_counter()
    log(f"generating {count:,} synthetic messages (seed {seed}) ...")
    written = write_synthetic(out, count, seed, sizes[:-1])
    log(
        f"  {count:,} messages, {written['full']['bytes'] / 1e6:.0f} MB "
        f"in {time.perf_counter() - started:.0f} s"
    )
    for size in sizes[:-1]:
        link_prefix(out, synthetic_name(count), size, seed, written["prefixes"][size])
        log(f"  linked prefix {synthetic_name(size)}")


def ensure_linux_mips(out: Path, mbox: Path, force: bool) -> dict | None:
    manifest = read_manifest(out, "linux-mips-2019")
    if manifest and manifest.get("generator_version") == GENERATOR_VERSION and not force:
        log("linux-mips-2019 Maildir already built; reusing it")
        return manifest
    if not mbox.exists():
        log(f"linux-mips mbox not found at {mbox}; skipping that corpus")
        return None
    log(f"unpacking {mbox.name} into a Maildir ...")
    manifest = build_linux_mips(out, mbox)
    log(f"  {manifest['messages']:,} messages")
    return manifest


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="work directory")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="synthetic size")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",") if x],
        help="comma-separated prefix sizes for the linearity check (default: N/4,N/2,N)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--mbox", type=Path, default=LINUX_MIPS_MBOX)
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "corpora").mkdir(exist_ok=True)
    ensure_linux_mips(args.out, args.mbox, args.force)
    sizes = args.sizes or default_sizes(args.count)
    ensure_synthetic(args.out, args.count, args.seed, sizes, args.force)


if __name__ == "__main__":
    main()
