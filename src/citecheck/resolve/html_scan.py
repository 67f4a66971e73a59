"""One tolerant pass over an HTML page (stdlib ``html.parser``): the parts metadata lives in.

Collects ``<meta>`` tags (``name`` / ``property`` / ``itemprop`` -> ``content``, the key
folded to lower case and the tag kept as written), the ``<title>`` text, the bodies of
``<script type="application/ld+json">`` and the text of visible bylines: elements whose
class, id, ``rel`` or ``itemprop`` says byline or author, and short paragraphs or spans
that start with "By ". Broken markup never raises; it yields less.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "area", "base", "col", "embed", "param", "track", "wbr"}
_BYLINE_HINT = re.compile(r"byline|(^|[\s_-])authors?($|[\s_-])|author-name|contributor", re.I)
_BY_START = re.compile(r"^\s*(?i:by)\s+[A-Z\u00c0-\u024f]")
_SKIP_TEXT = {"script", "style", "noscript", "template"}


@dataclass(frozen=True)
class Meta:
    key: str  # folded: "citation_author", "og:title", "dc.creator"
    tag: str  # as written: '<meta name="DC.Creator">'
    content: str


@dataclass(frozen=True)
class PageScan:
    metas: tuple[Meta, ...] = ()
    title: str = ""
    json_ld: tuple[str, ...] = ()
    bylines: tuple[str, ...] = ()

    def meta(self, key: str) -> str:
        return next((m.content for m in self.metas if m.key == key and m.content), "")


@dataclass
class _Open:
    tag: str
    byline: bool
    text: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[Meta] = []
        self.title_parts: list[str] = []
        self.json_ld: list[str] = []
        self.bylines: list[str] = []
        self._stack: list[_Open] = []
        self._in_title = False
        self._script: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.casefold(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(values)
            return
        if tag in _VOID:
            return
        if tag == "title" and not self.title_parts:
            self._in_title = True
        if tag == "script":
            kind = values.get("type", "").casefold().split(";")[0].strip()
            self._script = [] if kind == "application/ld+json" else None
        if tag in _SKIP_TEXT:
            self._skip += 1
        hint = " ".join(values.get(k, "") for k in ("class", "id", "rel", "itemprop", "data-testid"))
        self._stack.append(_Open(tag, bool(_BYLINE_HINT.search(hint)) and tag not in ("a", "meta", "body", "html")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta({k.casefold(): (v or "") for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._script is not None:
            self.json_ld.append("".join(self._script))
            self._script = None
        if tag in _SKIP_TEXT and self._skip:
            self._skip -= 1
        if tag in _VOID or not any(o.tag == tag for o in self._stack):
            return
        while self._stack:
            element = self._stack.pop()
            self._close(element)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        if self._in_title:
            self.title_parts.append(data)
        if self._skip:
            return
        for element in self._stack:
            element.text.append(data)

    def close(self) -> None:
        super().close()
        while self._stack:
            self._close(self._stack.pop())

    def _close(self, element: _Open) -> None:
        text = " ".join("".join(element.text).split())
        if not text:
            return
        if element.byline or (element.tag in ("p", "span", "div", "address") and _BY_START.match(text) and len(text) < 120):
            if text not in self.bylines and not any(text in b for b in self.bylines):
                self.bylines.append(text)

    def _meta(self, values: dict[str, str]) -> None:
        for attr in ("name", "property", "itemprop"):
            key = values.get(attr, "").strip()
            if key and "content" in values:
                content = " ".join(values["content"].split())
                self.metas.append(Meta(key.casefold(), f'<meta {attr}="{key}">', content))
                return


def scan_html(html: str) -> PageScan:
    scanner = _Scanner()
    try:
        scanner.feed(html)
        scanner.close()
    except (AssertionError, ValueError):  # html.parser's rare hard failures on broken markup
        pass
    inner_first = sorted(scanner.bylines, key=len)
    bylines = tuple(b for b in scanner.bylines if not any(o != b and o in b for o in inner_first))
    return PageScan(
        metas=tuple(scanner.metas),
        title=" ".join("".join(scanner.title_parts).split()),
        json_ld=tuple(scanner.json_ld),
        bylines=bylines,
    )
