"""HTML to plain text with the standard library: tags dropped, entities decoded, block
elements as line breaks, scripts and styles removed, runs of white space collapsed as a
browser would. Never raises."""

from __future__ import annotations

import contextlib
import html
import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "h1", "h2", "h3",
        "h4", "h5", "h6", "section", "article", "header", "footer",
    }
)  # fmt: skip
_SKIPPED = frozenset({"script", "style", "head", "title"})
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            # In HTML, runs of white space (source line breaks included) render as one space.
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [line.strip() for line in "".join(self.parts).replace("\xa0", " ").split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    # Malformed HTML still gives whatever was read before the parser gave up.
    with contextlib.suppress(Exception):
        parser.feed(markup)
        parser.close()
    return parser.text()


def plain_or_html_to_text(content: str) -> str:
    """For bodies that may be either: only text with tags is parsed as HTML, so line breaks
    in plain text survive; bare entities are still unescaped."""
    if _TAG.search(content):
        return html_to_text(content)
    if _ENTITY.search(content):
        return html.unescape(content).strip()
    return content.strip()
