#!/usr/bin/env python3
"""Second structural draw for the real-mail promise/request benchmark (stdlib only).

Reuses the cleaning, eligibility rules and strata of ../mail/sample.py (its helper
functions are imported from that file; the thread/strata logic of its main() is
repeated here unchanged), removes every message already labelled in
../mail/sentences.tsv, and draws 60 messages from stratum A and 60 from stratum B
with random.Random(2020) (A first, then B, from the same generator; both lists in
file order).

Selection is purely structural (headers, thread structure, quoting and patch layout).
No message or sentence is selected by the words it contains.

Usage: python3 sample2.py [MBOX] [OUT]
"""
import csv
import email.utils
import importlib.util
import json
import mailbox
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST = os.path.join(HERE, "..", "mail")

_spec = importlib.util.spec_from_file_location("mail_sample", os.path.join(FIRST, "sample.py"))
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

MBOX = S.MBOX
OUT = os.path.join(HERE, "sample2.jsonl")
SEED = 2020
PER_STRATUM = 60


def already_labelled():
    """Message-ids of ../mail/sentences.tsv (only its message_id column is read)."""
    ids = set()
    with open(os.path.join(FIRST, "sentences.tsv"), encoding="utf-8", newline="") as f:
        rd = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rd)
        for row in rd:
            if row:
                ids.add(row[0])
    return ids


def main():
    mbox = sys.argv[1] if len(sys.argv) > 1 else MBOX
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    excluded = already_labelled()
    msgs = []
    seen = set()
    for m in mailbox.mbox(mbox):
        mid = (S.MSGID_RE.findall(S.header(m, "Message-ID")) or [""])[0]
        if not mid or mid in seen:  # cross-posts repeat their Message-ID
            continue
        seen.add(mid)
        irt = S.MSGID_RE.findall(S.header(m, "In-Reply-To"))
        refs = S.MSGID_RE.findall(S.header(m, "References"))
        msgs.append({"mid": mid, "irt": irt[-1] if irt else "", "refs": refs,
                     "from": S.addr(m),
                     "subject": re.sub(r"\s+", " ", S.header(m, "Subject")).strip(),
                     "date": S.header(m, "Date"), "msg": m})
    by_id = {d["mid"]: d for d in msgs}

    def root_of(d):
        for r in d["refs"]:
            if r in by_id:
                top = by_id[r]
                if not top["irt"] and not top["refs"]:
                    return top
                break
        cur, hops = d, 0
        while cur["irt"] and cur["irt"] in by_id and hops < 200:
            cur = by_id[cur["irt"]]
            hops += 1
        if cur is d or cur["irt"] or cur["refs"]:
            return None
        return cur

    A, B = [], []
    n_excl = {"A": 0, "B": 0}
    for d in msgs:
        if not d["irt"]:
            continue
        if d["subject"].startswith("[PATCH"):
            continue
        parent = by_id.get(d["irt"])
        root = root_of(d)
        if parent is None or root is None:
            continue
        if S.same_person(parent["from"], d["from"]):
            continue
        try:
            dt = email.utils.parsedate_to_datetime(d["date"])
        except Exception:
            continue
        if dt is None:
            continue
        text = S.clean(S.body_text(d["msg"]))
        if not S.has_prose(text):
            continue
        stratum = "B" if S.same_person(root["from"], d["from"]) else "A"
        if d["mid"] in excluded:
            n_excl[stratum] += 1
            continue
        rec = {"message_id": d["mid"], "date": dt.date().isoformat(), "subject": d["subject"],
               "prose": text}
        (B if stratum == "B" else A).append(rec)

    rng = random.Random(SEED)
    sa = rng.sample(A, PER_STRATUM)
    sb = rng.sample(B, PER_STRATUM)
    with open(out, "w", encoding="utf-8") as f:
        for stratum, recs in (("A", sa), ("B", sb)):
            for r in recs:
                f.write(json.dumps({"message_id": r["message_id"], "date": r["date"],
                                    "stratum": stratum, "subject": r["subject"],
                                    "prose": r["prose"]}, ensure_ascii=False) + "\n")
    print(f"messages={len(msgs)} excluded(already labelled) A={n_excl['A']} B={n_excl['B']} "
          f"eligible A={len(A)} B={len(B)} seed={SEED} drawn A={len(sa)} B={len(sb)} -> {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
