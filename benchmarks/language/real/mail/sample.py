#!/usr/bin/env python3
"""Structural sampler for the real-mail promise/request benchmark (stdlib only).

Reads the linux-mips 2019 mbox, keeps replies that still contain the writer's own
prose after quotes, attributions, signatures and patch content are removed, puts them
into two strata and draws 70 messages from each with a fixed seed.

Selection is purely structural (headers, thread structure, quoting and patch layout).
No message or sentence is selected by the words it contains.

Strata
  A  reply to another person's message, written by someone who is NOT the author of
     the thread's first message (reviewers, maintainers, testers, bystanders).
  B  reply to another person's message, written by the author of the thread's first
     message (typically the patch author answering review).
  Replies to one's own message (e.g. [PATCH n/m] under a cover letter, self follow-ups)
  and replies whose parent or thread root is not in the file are in neither stratum.

Usage: python3 sample.py [MBOX] [OUT]
"""
import email.utils
import json
import mailbox
import random
import re
import sys
from email.header import decode_header, make_header

MBOX = "/work/shared/corpora/linux-mips-2019/linux-mips-2019.mbox"
OUT = "/work/main/benchmarks/language/real/mail/sample.jsonl"
SEED = 2019
PER_STRATUM = 70

MSGID_RE = re.compile(r"<[^<>\s]+>")
ATTRIB_END_RE = re.compile(r"(wrote|writes|schrieb|a écrit|a\s+écrit|escribió|寫道|写道)\s*[:：]\s*$", re.I)
ATTRIB_START_RE = re.compile(r"^\s*(On\b|Am\b|Le\b|El\b|Quoting\b|Zitat von\b|\S.*<\S+@\S+>|\S.*\b(19|20)\d\d\b)", re.I)
ATTRIB_HINT_RE = re.compile(r"@|\b(19|20)\d\d\b|\d{1,2}:\d\d|wrote|writes|schrieb|crit|寫道|写道|escribi", re.I)
ATTRIB_LEAD_RE = re.compile(r"^\s*(On|Am|Le|El|Quoting|Zitat von)\b")
SCISSORS_RE = re.compile(r"^\s*-*\s*(8<|>8)\s*-*")
ORIGINAL_RE = re.compile(r"^\s*(-{2,}\s*(Original Message|Forwarded message)|-{3,}\s*[^\s\[\]<>-][^\[\]<>-]*[^\s\[\]<>-]\s*-{3,}\s*$)", re.I)
TRAILER_RE = re.compile(
    r"^\s*([A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-by|Fixes|Cc|CC|Link|Closes|Bugzilla|"
    r"Change-Id|Patchwork-Id|Message-Id|References)\s*:\s*\S")
BYLINE_RE = re.compile(r"^\s*[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-by\s*:\s*\S")
DIFF_START_RE = re.compile(r"^(diff --git |diff -[a-zA-Z]+ |Index: \S|--- \S|\+\+\+ \S|@@ -\d)")
DIFFSTAT_RE = re.compile(r"^\s*\S+\s+\|\s+\d+|^\s*\d+ files? changed")


def header(msg, name):
    v = msg.get(name)
    if v is None:
        return ""
    try:
        return str(make_header(decode_header(str(v))))
    except Exception:
        return str(v)


def addr(msg):
    name, a = email.utils.parseaddr(header(msg, "From"))
    return a.strip().lower(), re.sub(r"\s+", " ", name.strip().strip('"').lower())


def same_person(p, q):
    (a1, n1), (a2, n2) = p, q
    if a1 and a1 == a2:
        return True
    return bool(n1) and len(n1.split()) >= 2 and n1 == n2


def body_text(msg):
    parts = []
    for part in (msg.walk() if msg.is_multipart() else [msg]):
        if part.is_multipart() or part.get_content_type() != "text/plain":
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        raw = part.get_payload(decode=True)
        if raw is None:
            continue
        cs = part.get_content_charset() or "utf-8"
        try:
            parts.append(raw.decode(cs, errors="replace"))
        except LookupError:
            parts.append(raw.decode("utf-8", errors="replace"))
        break  # first text/plain part only
    return "\n".join(parts).replace("\r\n", "\n").replace("\r", "\n")


def clean(body):
    """Return the writer's own prose: no quotes, attributions, signature, patch, trailers."""
    lines = body.split("\n")
    # signature: everything from a line that is exactly "-- " (or "--")
    for i, ln in enumerate(lines):
        if ln in ("-- ", "--"):
            lines = lines[:i]
            break
    # forwarded / "original message" blocks and scissors lines ("-- 8< --", an inline
    # patch follows): drop from there on
    # ("-----Original Message-----" below the writer's text = top-posting: cut there; as
    # the first non-blank line, the writer answers underneath: drop the separator and
    # its "Key: value" header block only)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if SCISSORS_RE.match(ln):
            lines = lines[:i]
            break
        if ORIGINAL_RE.match(ln):
            if any(x.strip() for x in lines[:i]):
                lines = lines[:i]
                break
            j = i + 1
            while j < len(lines) and re.match(r"^\s*[^\s:>][^:>]{0,30}[:：]\s", lines[j]):
                j += 1
            del lines[i:j]
            continue
        i += 1
    # patch content: from the first diff start; a bare "---" separator followed later by
    # a diff start (diffstat block) also starts the patch
    cut = None
    for i, ln in enumerate(lines):
        if DIFF_START_RE.match(ln):
            cut = i
            break
    if cut is not None:
        for j in range(cut - 1, -1, -1):
            if lines[j].rstrip() == "---":
                cut = j
                break
            if lines[j].strip() and not DIFFSTAT_RE.match(lines[j]) and not lines[j].startswith(" "):
                break
        lines = lines[:cut]
    # quotes and attributions. An attribution is a non-quoted line ending in ":" whose
    # next non-blank line is quoted and which names a sender, a date or "wrote"; a
    # wrapped attribution ("On Mon, ... Foo <foo@bar>\nwrote:") takes its previous line.
    n = len(lines)
    quoted = [ln.lstrip().startswith(">") for ln in lines]
    skip = {i for i in range(n) if quoted[i]}
    for i, ln in enumerate(lines):
        s = ln.strip()
        if quoted[i] or not s:
            continue
        j = i + 1
        while j < n and not lines[j].strip():
            j += 1
        nxt_quoted = j < n and quoted[j]
        if ATTRIB_END_RE.search(s) or (nxt_quoted and s.endswith((":", "\uff1a")) and ATTRIB_HINT_RE.search(s)):
            if not nxt_quoted and not ATTRIB_END_RE.search(s):
                continue
            skip.add(i)
            if i > 0 and lines[i - 1].strip() and not quoted[i - 1] and ATTRIB_START_RE.match(lines[i - 1]) \
                    and not ATTRIB_LEAD_RE.match(ln):
                skip.add(i - 1)
    out = [(i, ln) for i, ln in enumerate(lines) if i not in skip]
    # trailer blocks: drop *-by: lines and the Fixes:/Cc:/Link: lines of the same block
    kept = [ln for _, ln in out]
    is_by = [bool(BYLINE_RE.match(ln)) for ln in kept]
    is_tr = [bool(TRAILER_RE.match(ln)) for ln in kept]
    res = []
    for i, ln in enumerate(kept):
        if is_by[i]:
            continue
        if is_tr[i]:
            # part of a block that contains a *-by: line (contiguous non-blank lines)
            j = i
            block = False
            while j >= 0 and kept[j].strip():
                block |= is_by[j]
                j -= 1
            j = i
            while j < len(kept) and kept[j].strip():
                block |= is_by[j]
                j += 1
            if block:
                continue
        res.append(ln.rstrip())
    # collapse blank runs, trim
    text = "\n".join(res)
    text = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text).strip("\n")
    return text


def has_prose(text):
    for ln in text.split("\n"):
        if re.search(r"[A-Za-z]{2,}.*[A-Za-z]{2,}", ln) or re.search(r"[A-Za-z]{3,}", ln):
            return True
    return False


def main():
    mbox = sys.argv[1] if len(sys.argv) > 1 else MBOX
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    msgs = []
    seen = set()
    for m in mailbox.mbox(mbox):
        mid = (MSGID_RE.findall(header(m, "Message-ID")) or [""])[0]
        if not mid or mid in seen:  # cross-posts repeat their Message-ID
            continue
        seen.add(mid)
        irt = MSGID_RE.findall(header(m, "In-Reply-To"))
        refs = MSGID_RE.findall(header(m, "References"))
        msgs.append({"mid": mid, "irt": irt[-1] if irt else "", "refs": refs,
                     "from": addr(m), "subject": re.sub(r"\s+", " ", header(m, "Subject")).strip(),
                     "date": header(m, "Date"), "msg": m})
    by_id = {d["mid"]: d for d in msgs}

    def root_of(d):
        # thread root: first References id found in the file, else walk In-Reply-To upward
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
            return None  # true thread starter not in the file
        return cur

    A, B = [], []
    for d in msgs:
        if not d["irt"]:
            continue
        if d["subject"].startswith("[PATCH"):
            continue  # patch postings (incl. [PATCH n/m] under a cover letter)
        parent = by_id.get(d["irt"])
        root = root_of(d)
        if parent is None or root is None:
            continue
        if same_person(parent["from"], d["from"]):
            continue  # reply to one's own message
        try:
            dt = email.utils.parsedate_to_datetime(d["date"])
        except Exception:
            continue
        if dt is None:
            continue
        text = clean(body_text(d["msg"]))
        if not has_prose(text):
            continue
        rec = {"message_id": d["mid"], "date": dt.date().isoformat(), "subject": d["subject"],
               "prose": text}
        (B if same_person(root["from"], d["from"]) else A).append(rec)

    rng = random.Random(SEED)
    sa = rng.sample(A, PER_STRATUM)
    sb = rng.sample(B, PER_STRATUM)
    with open(out, "w", encoding="utf-8") as f:
        for stratum, recs in (("A", sa), ("B", sb)):
            for r in recs:
                f.write(json.dumps({"message_id": r["message_id"], "date": r["date"],
                                    "stratum": stratum, "subject": r["subject"],
                                    "prose": r["prose"]}, ensure_ascii=False) + "\n")
    print(f"messages={len(msgs)} eligible A={len(A)} B={len(B)} seed={SEED} "
          f"drawn A={len(sa)} B={len(sb)} -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
