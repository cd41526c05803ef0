"""Splitting a message's own words into sentences. Pure, no Django.

A small rule-based splitter is enough for mail: sentence-final punctuation followed by
space and a capital or a digit, and line breaks that end a thought (greetings, list items,
sign-offs). Abbreviations like "e.g." and "Mr." and decimals like "3.5" do not split.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "a.m",
        "p.m", "approx", "dept", "est", "inc", "ltd", "co", "no", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu",
        "fri", "sat", "sun",
    }
)  # fmt: skip
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def _ends_with_abbreviation(chunk: str) -> bool:
    last = chunk.rstrip().rsplit(None, 1)[-1].lower().rstrip(".") if chunk.strip() else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, in order, stripped; blank lines and bullets separate too."""
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)", text):
        lines = [_BULLET.sub("", line).strip() for line in block.splitlines()]
        # A short line on its own ("Hi Maria,", "Thanks,") is a sentence of its own.
        paragraph: list[str] = []
        for line in lines:
            if not line:
                continue
            if len(line) < 40 and not line.endswith((".", "?", "!")) and not paragraph:
                sentences.append(line)
                continue
            paragraph.append(line)
        joined = " ".join(paragraph)
        if not joined:
            continue
        start = 0
        for match in _BOUNDARY.finditer(joined):
            chunk = joined[start : match.start()]
            if _ends_with_abbreviation(chunk):
                continue
            sentences.append(chunk.strip())
            start = match.end()
        tail = joined[start:].strip()
        if tail:
            sentences.append(tail)
    return [s for s in sentences if s]
