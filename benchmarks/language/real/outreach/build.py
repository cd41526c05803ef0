"""Assemble messages.tsv from the verbatim items collected in items_gh.py / items_perl.py and
from thread starters in the shared linux-mips-2019 mbox. Run: python3 build.py"""
import hashlib, mailbox, random, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from items_gh import ITEMS
from items_perl import PERL

MBOX = Path("/work/shared/corpora/linux-mips-2019/linux-mips-2019.mbox")
MBOX_ORIGIN = ("linux-mips@vger.kernel.org archive, shared corpus linux-mips-2019.mbox "
               "(public-inbox copslock/kenerl_mipsel_loongson@1d0fd32437a863629c2af990076ae36090779681)")
# (label, first_contact, Message-ID)
MIPS = [
    ("genuine", 1, "<CAKcpw6X_Q0iighiBXYvikNT8UDXME1F2wkEjzWHHDGK2_RNuGw@mail.gmail.com>"),
    ("genuine", 1, "<20190106124607.GK27785@darkstar.musicnaut.iki.fi>"),
    ("genuine", 1, "<20190208083038.GA1433@localhost.localdomain>"),
    ("genuine", 1, "<201902221035393424496@rosinson.com>"),
    ("genuine", 0, "<20190222143710.GA8504@localhost.localdomain>"),
    ("genuine", 1, "<20190322002125.GD7872@darkstar.musicnaut.iki.fi>"),
    ("genuine", 1, "<201903291307.x2TD772v013534@sdf.org>"),
    ("genuine", 1, "<20190424182012.GA21072@darkstar.musicnaut.iki.fi>"),
    ("genuine", 1, "<d87063da1d104af8a040f5f25a588638@svr-chch-ex1.atlnz.lc>"),
    ("genuine", 1, "<bbef2bbf-b544-bc9f-e8fd-f185829381ba@rempel-privat.de>"),
    ("genuine", 1, "<20190614065518.GA53855@ld50>"),
    ("genuine", 1, "<b201c33a-5beb-3dfb-b99b-d9b8fc6c2c64@hauke-m.de>"),
    ("genuine", 1, "<faaa3843-09a6-1a21-3448-072eeed1ea00@googlemail.com>"),
    ("genuine", 1, "<5ed9605e-76ed-af7d-54fb-dc948abb627e@gmail.com>"),
    ("genuine", 1, "<CADkTA4NT5MBzErPT5S49aswxH4bUi2KKCWEWppPpFgJ-ru3L=g@mail.gmail.com>"),
    ("genuine", 1, "<18788C50-F29B-4BD7-89F6-B056FF490214@goldelico.com>"),
    ("pitch", 1, "<20190522082247.5D4AF306DC2C@mail.contraloria.gob.bo>"),
    ("pitch", 0, "<20190528235025.BDA9495F0AA5870F@oii.com>"),
]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONES = ["+91-9346197505", "+20122494241", "800-563-5984", "937-974-7383",
          "+1 (213) 5162593", "+39 3480612212"]
LIMIT = 1500


def perl_unescape(s):
    s = s.replace("&#8203;", "").replace("&nbsp;", "")
    s = re.sub(r"\\(.)", r"\1", s)
    lines = [l.strip() for l in s.split("\n")]
    out = []
    for l in lines:                      # collapse runs of blank lines left by the HTML padding
        if l == "" and out and out[-1] == "":
            continue
        out.append(l)
    return "\n".join(out).strip()


def cut(s):
    if len(s) <= LIMIT:
        return s
    c = s[:LIMIT]
    nl = c.rfind("\n")
    return (c[:nl] if nl > LIMIT * 0.6 else c).rstrip() + "\n[…]"


def scrub(s):
    s = EMAIL.sub("<email>", s)
    for p in PHONES:
        s = s.replace(p, "<phone>")
    return s


def decode_subject(msg):
    from email.header import decode_header, make_header
    return str(make_header(decode_header(msg["subject"] or ""))).replace("\n", " ")


def mips_rows():
    want = {mid: (lab, fc) for lab, fc, mid in MIPS}
    rows = []
    for msg in mailbox.mbox(str(MBOX)):
        mid = (msg["message-id"] or "").strip()
        if mid not in want:
            continue
        part = msg
        while part.is_multipart():
            part = part.get_payload(0)
        body = (part.get_payload(decode=True) or b"").decode(part.get_content_charset() or "utf-8", "replace")
        lab, fc = want.pop(mid)
        rows.append((lab, fc, re.sub(r"\s+", " ", decode_subject(msg)).strip(), body.strip(),
                     f"mbox Message-ID {mid} in {MBOX_ORIGIN}", "no licence stated (public mailing-list archive; each message © its author)"))
    assert not want, want
    return rows


def main():
    rows = []
    for lab, fc, subj, body, src in ITEMS:
        rows.append((lab, fc, subj, body, src, "no licence stated (GitHub issue text; GitHub Terms of Service)"))
    for lab, fc, subj, num, frm, body in PERL:
        rows.append((lab, fc, subj, perl_unescape(body),
                     f"https://github.com/Perl/perl5/issues/{num} (rt.perl.org e-mail migrated to GitHub; sender domain {frm})",
                     "no licence stated (GitHub issue text; GitHub Terms of Service)"))
    rows += mips_rows()
    out, seen = [], set()
    for lab, fc, subj, body, src, lic in rows:
        body = cut(scrub(body))
        subj = scrub(subj)
        rid = "om-" + hashlib.sha1(src.encode()).hexdigest()[:10]
        assert rid not in seen, src
        seen.add(rid)
        enc = lambda t: t.replace("\r", "").replace("\t", " ").replace("\n", "\\n")
        out.append([rid, lab, str(fc), enc(subj), enc(body), enc(src), lic])
    ids = sorted(r[0] for r in out)
    test = set(random.Random(17).sample(ids, round(0.6 * len(ids))))
    out.sort(key=lambda r: r[0])
    with open(HERE / "messages.tsv", "w", encoding="utf-8") as f:
        f.write("id\tlabel\tfirst_contact\tsubject\tbody\tsource\tlicence\tsplit\n")
        for r in out:
            f.write("\t".join(r + ["test" if r[0] in test else "train"]) + "\n")
    from collections import Counter
    c = Counter((r[1], "test" if r[0] in test else "train") for r in out)
    print(len(out), sorted(c.items()))


if __name__ == "__main__":
    main()
