"""The language features on text we did not write: real mail, real first contacts, and
notes written in other voices (benchmarks/language/real/, each set with its provenance).

Every set has a frozen test split (see each PROVENANCE.md for the commit and the seed).
Develop on ``--split train`` only; score ``test`` only to report.

    .venv/bin/python benchmarks/language/real_text.py              # test: real-results.md/.json
    .venv/bin/python benchmarks/language/real_text.py --split train --errors   # for development

* **mail**: promise and request precision, recall and F1 of the shipped detector on the
  sentences of real linux-mips replies (each message's sentences in one call, as the app
  does), and due dates where a label has one;
* **email-intent** (cross-domain, ../shared/corpora/email-intent test file): action
  sentence or not;
* **outreach**: the inbound verdict (genuine / pitch / reciprocity; "unsure" accuses
  nobody and is counted apart), genuine people wrongly flagged, and the draft checker's
  recall of the same pitches and strings beside the inbound filter's;
* **notes**: quick capture on each note: share of labelled promises, requests, matters
  (worries and hopes apart) and life events proposed, from the sentence that says them
  and for the right person; precision of what was proposed; due dates and whether a
  dated life event gets its follow-up near its date;
* **speed**: real-mail sentences per second through the shipped detector on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from carefor.language.agenda_model import check_draft, classify, scores
from carefor.language.commitments import NEITHER, PROMISE, REQUEST
from carefor.language.model import classify_sentences
from carefor.language.notes import capture_note

HERE = Path(__file__).resolve().parent
REAL = HERE / "real"
INTENT = HERE.parent.parent.parent / "shared" / "corpora" / "email-intent" / "test.txt"


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": tp + fn}  # fmt: skip


# --- real mail ---------------------------------------------------------------------------


def _rows(*folders: str, name: str) -> list[dict]:
    """The rows of each folder's TSV that exists (the later sets are train only)."""
    rows: list[dict] = []
    for folder in folders:
        path = REAL / folder / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                rows += csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
    return rows


def mail(split: str, errors: bool) -> dict:
    rows = [r for r in _rows("mail", "mail2", name="sentences.tsv") if r["split"] == split]
    messages: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        messages[row["message_id"]].append(row)
    truth, predicted = [], []
    for items in messages.values():
        verdicts = classify_sentences([r["sentence"] for r in items])
        for row, verdict in zip(items, verdicts, strict=True):
            truth.append(row["label"])
            predicted.append(verdict.label)
            if errors and row["label"] != verdict.label:
                print(f"mail {row['label']:>8} → {verdict.label:<8} {row['sentence']}")
    result = {"sentences": len(rows), "messages": len(messages)}
    for label in (PROMISE, REQUEST):
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == label != t for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label != p for t, p in zip(truth, predicted, strict=True))
        result[label] = _prf(tp, fp, fn)
    return result


def email_intent() -> dict | None:
    if not INTENT.exists():
        return None
    rows = [line.split("\t", 1) for line in INTENT.read_text().splitlines() if "\t" in line]
    truth = [label.strip().lower() == "yes" for label, _ in rows]
    predicted = [v.label != NEITHER for v in classify_sentences([t for _, t in rows])]
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    return {**_prf(tp, fp, fn), "sentences": len(rows)}


# --- real first contacts -----------------------------------------------------------------


def outreach(split: str, errors: bool) -> dict:
    rows = [r for r in _rows("outreach", "outreach2", name="messages.tsv") if r["split"] == split]
    items = [
        (r["subject"], r["body"].replace("\\n", "\n"), r["first_contact"] == "1") for r in rows
    ]
    inbound = [t.verdict for t in classify(items)]
    drafts = [check_draft(body).verdict for _, body, _ in items]
    truth = [r["label"] for r in rows]
    result = {"messages": len(rows), "inbound": scores(truth, inbound)}
    for label in ("pitch", "reciprocity"):
        wanted = [i for i, t in enumerate(truth) if t == label]
        result[f"{label}_recall_inbound"] = round(
            sum(inbound[i] == label for i in wanted) / max(1, len(wanted)), 4
        )
        result[f"{label}_recall_draft"] = round(
            sum(drafts[i] == label for i in wanted) / max(1, len(wanted)), 4
        )
    genuine = [i for i, t in enumerate(truth) if t == "genuine"]
    result["genuine"] = len(genuine)
    result["genuine_flagged_inbound"] = sum(inbound[i] in ("pitch", "reciprocity") for i in genuine)
    result["genuine_flagged_draft"] = sum(drafts[i] in ("pitch", "reciprocity") for i in genuine)
    result["agree"] = round(
        sum(
            (d == "none" and i == "genuine") or d == i for d, i in zip(drafts, inbound, strict=True)
        )
        / max(1, len(rows)),
        4,
    )
    if errors:
        for row, verdict in zip(rows, inbound, strict=True):
            shown = "genuine" if verdict == "unsure" else verdict
            if shown != row["label"]:
                body = row["body"][:160].replace("\\n", " / ")
                print(f"outreach {row['label']:>11} → {verdict:<11} {row['subject'][:50]} | {body}")
    return result


# --- notes -------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9']+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _covers(sentence: str, quote: str) -> bool:
    """The proposal's sentence says the labelled quote (most of its words, in one sentence)."""
    q = _words(quote)
    return bool(q) and len(q & _words(sentence)) / len(q) >= 0.6


@dataclass
class _Proposal:
    kind: str  # promise | request | matter | life_event
    sentence: str
    person: str | None
    due: date | None = None
    matter_kind: str = ""
    follow_up_on: date | None = None
    used: bool = False


def _proposals(note: dict) -> list[_Proposal]:
    written = date.fromisoformat(note["written"])
    found = capture_note(note["text"], written_on=written, page=note["page"], people=note["people"])
    out = [_Proposal("promise", p.text, p.person, due=p.due) for p in found.promises]
    out += [_Proposal("request", r.text, r.person, due=r.due) for r in found.requests]
    out += [_Proposal("matter", m.sentence, m.person, matter_kind=m.kind) for m in found.matters]
    out += [
        _Proposal("life_event", e.sentence, e.person, follow_up_on=e.follow_up_on)
        for e in found.life_events
    ]
    return out


def _near(when: str, follow_up: date | None) -> bool:
    """A follow-up on or after the event and within a month of it (a month: of its end)."""
    if follow_up is None:
        return False
    if len(when) == 7:
        year, month = map(int, when.split("-"))
        start = date(year, month, 1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    else:
        start = end = date.fromisoformat(when)
    return start <= follow_up <= end + timedelta(days=31)


def notes(split: str, errors: bool) -> dict:
    with (REAL / "notes" / "split.tsv").open(encoding="utf-8") as handle:
        chosen = {r["id"] for r in csv.DictReader(handle, delimiter="\t") if r["split"] == split}
    loaded = []
    for name in ("set-a.jsonl", "set-b.jsonl", *(f"set-{x}.jsonl" for x in ("c", "d", "e1", "e2"))):
        path = REAL / "notes" / name
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            note = json.loads(line)
            # the later sets are for training only; a and b follow split.tsv.
            later = name not in ("set-a.jsonl", "set-b.jsonl")
            if note["id"] in chosen or (split == "train" and later):
                loaded.append(note)
    kinds = ("promise", "request", "matter", "life_event")
    labelled = dict.fromkeys(kinds, 0)
    found = dict.fromkeys(kinds, 0)
    right_person = dict.fromkeys(kinds, 0)
    feelings = {"labelled": 0, "found": 0}
    dues = {"labelled": 0, "found": 0, "exact": 0}
    follow = {"dated": 0, "near": 0}
    proposed = dict.fromkeys(kinds, 0)
    correct = dict.fromkeys(kinds, 0)
    empty_notes = 0
    for note in loaded:
        props = _proposals(note)
        if note["findings"] and not props:
            empty_notes += 1
        for finding in note["findings"]:
            kind = finding["type"]
            labelled[kind] += 1
            feeling = kind == "matter" and finding.get("kind") in ("worry", "hope")
            feelings["labelled"] += feeling
            match = next(
                (p for p in props if p.kind == kind and _covers(p.sentence, finding["quote"])),
                None,
            )
            if kind in ("promise", "request") and finding.get("due"):
                dues["labelled"] += 1
            if kind == "life_event" and finding.get("when"):
                follow["dated"] += 1
            if match is None:
                if errors:
                    print(f"notes missed {kind:<10} [{note['id']}] {finding['quote']}")
                continue
            match.used = True
            found[kind] += 1
            feelings["found"] += feeling
            right_person[kind] += match.person == finding["person"]
            if errors and match.person != finding["person"]:
                said = f"[{note['id']}] {match.sentence}"
                print(f"notes person {finding['person']} ≠ {match.person} {said}")
            if kind in ("promise", "request") and finding.get("due"):
                dues["found"] += 1
                exact = match.due is not None and match.due.isoformat() == finding["due"]
                dues["exact"] += exact
                if errors and not exact:
                    said = f"[{note['id']}] {match.sentence}"
                    print(f"notes due {finding['due']} ≠ {match.due} {said}")
            if kind == "life_event" and finding.get("when"):
                follow["near"] += _near(finding["when"], match.follow_up_on)
        for p in props:
            proposed[p.kind] += 1
            hit = p.used or any(
                f["type"] == p.kind and _covers(p.sentence, f["quote"]) for f in note["findings"]
            )
            correct[p.kind] += hit
            if errors and not hit:
                print(f"notes wrong  {p.kind:<10} [{note['id']}] {p.sentence}")
    result: dict[str, object] = {
        "notes": len(loaded),
        "notes_with_findings_yielding_nothing": empty_notes,
    }
    for kind in kinds:
        result[kind] = {
            "labelled": labelled[kind],
            "found": found[kind],
            "recall": round(found[kind] / max(1, labelled[kind]), 4),
            "right_person": round(right_person[kind] / max(1, found[kind]), 4),
            "proposed": proposed[kind],
            "precision": round(correct[kind] / max(1, proposed[kind]), 4),
        }
    result["worries_and_hopes"] = {
        **feelings,
        "recall": round(feelings["found"] / max(1, feelings["labelled"]), 4),
    }
    # Of the found promises and requests whose label has a due date, how many got it exactly.
    result["due_dates"] = {**dues, "accuracy": round(dues["exact"] / max(1, dues["found"]), 4)}
    result["life_event_follow_up_near_its_date"] = {
        **follow, "share": round(follow["near"] / max(1, follow["dated"]), 4)
    }  # fmt: skip
    return result


# --- speed -------------------------------------------------------------------------------


def speed() -> dict:
    rows = _rows("mail", "mail2", name="sentences.tsv")
    messages: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        messages[row["message_id"]].append(row["sentence"])
    batches = list(messages.values()) * 5
    classify_sentences(batches[0])  # load the model once, outside the timing
    start = time.perf_counter()
    for batch in batches:
        classify_sentences(batch)
    elapsed = time.perf_counter() - start
    return {"sentences_per_second": round(sum(map(len, batches)) / elapsed), "cpus": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "train"), default="test")
    parser.add_argument("--errors", action="store_true", help="print each error (train only)")
    args = parser.parse_args()
    if args.errors and args.split == "test":
        parser.error("--errors is for the train split: never read the test split's errors")
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "split": args.split,
        "mail": mail(args.split, args.errors),
        "email_intent": email_intent() if args.split == "test" else None,
        "outreach": outreach(args.split, args.errors),
        "notes": notes(args.split, args.errors),
        "speed": speed(),
    }
    print(json.dumps(results, indent=2))
    if args.split == "test":
        (HERE / "real-results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
