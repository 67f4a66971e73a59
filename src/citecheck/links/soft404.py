"""Soft-404 detection: a 200 page that really says "not found".

Three signs, strongest first: a probe of a random sibling URL (same host, same path depth,
random last segment) also answers 200 with a near-identical page; the deep link was
redirected to the site root or a generic error page; the title or first heading says
"not found" (in a few languages). Everything here is pure except ``probe_sibling``, which
makes one request through the given transport.
"""
from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass
import html
from urllib.parse import urlsplit, urlunsplit

from rapidfuzz import fuzz

from .http import HttpResponse, Transport
from .policy import redirects_to_root

NOT_FOUND_PHRASES = (
    "page not found", "not found", "404", "no longer available", "does not exist", "doesn't exist",
    "cannot be found", "can't be found", "could not be found", "couldn't find", "page unavailable",
    "page is unavailable", "no longer exists", "has been removed", "page missing", "error 404",
    "seite nicht gefunden", "nicht gefunden", "existiert nicht", "page introuvable", "introuvable",
    "page non trouvée", "n'existe pas", "página no encontrada", "no encontrada", "no existe",
    "página não encontrada", "não encontrada", "pagina non trovata", "non trovata",
    "pagina niet gevonden", "niet gevonden", "strona nie została znaleziona", "nie znaleziono",
    "sidan hittades inte", "siden blev ikke fundet", "sivua ei löytynyt", "stránka nenalezena",
    "страница не найдена", "не найдено", "ページが見つかりません", "見つかりません", "页面不存在",
    "找不到", "未找到", "페이지를 찾을 수 없습니다", "الصفحة غير موجودة",
)
GENERIC_LANDING = re.compile(r"/(404|not[-_]?found|page[-_]?not[-_]?found|error(s)?(/404)?|pagenotfound)(\.\w+)?/?$",
                             re.IGNORECASE)
# "404" counts when it opens or closes the title ("404", "404 - Example", "Example | 404")
# or comes with an error word; "Document 404 of the series" is a page like any other
_EDGE_404 = re.compile(r"^\W*404(?!\d)|(?<!\d)404\W*$")
_ERROR_WORDS = re.compile(r"error|fehler|erreur|page|seite|p[áa]gina")
SIMILAR_TITLE = 90.0
SIMILAR_TEXT = 90.0


@dataclass(frozen=True)
class PageInfo:
    title: str = ""
    og_title: str = ""
    h1: str = ""
    text: str = ""

    @property
    def best_title(self) -> str:
        return self.og_title or self.title or self.h1


# A handful of regular expressions instead of html.parser: on a 100 KB page they are ~30x
# faster, and page_info runs on every HTML page of a run (and again on a run from the cache).
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_DROP = re.compile(r"<(script|style|title)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_META = re.compile(r"<meta\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TAG = re.compile(r"<[^>]*>")
MAX_HTML_CHARS = 300_000
MAX_TEXT_CHARS = 20_000


def _squash(text: str) -> str:
    return " ".join(text.split())


def _plain(fragment: str) -> str:
    """Visible text of an HTML fragment: tags dropped, entities decoded, spaces squashed."""
    return _squash(html.unescape(_TAG.sub(" ", fragment)))


def _og_title(head: str) -> str:
    for match in _META.finditer(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(match[1])}
        if (attrs.get("property") or attrs.get("name") or "").lower() == "og:title":
            content = html.unescape(attrs.get("content", "")).strip()
            if content:
                return content
    return ""


def page_info(response: HttpResponse, *, text: bool = True) -> PageInfo:
    """Title, og:title, first h1 and visible text of an HTML body (empty for other types).
    ``text=False`` skips the visible text (the costly part), which only a sibling probe that
    answered 200 is ever compared with."""
    ctype = response.header("content-type").lower()
    if not response.body or (ctype and "html" not in ctype and "xml" not in ctype):
        return PageInfo()
    doc = _COMMENT.sub(" ", response.text()[:MAX_HTML_CHARS])
    title = _TITLE.search(doc)
    h1 = _H1.search(doc)
    body_at = doc.lower().find("<body")
    return PageInfo(title=_plain(title[1]) if title else "", og_title=_og_title(doc[:body_at] if body_at > 0 else doc),
                    h1=_plain(h1[1])[:300] if h1 else "",
                    text=_plain(_DROP.sub(" ", doc))[:MAX_TEXT_CHARS] if text else "")


def not_found_phrase(info: PageInfo) -> str | None:
    """The not-found phrase in the page's title or first heading, if any."""
    for label in (info.title, info.h1):
        low = label.lower()
        if not low:
            continue
        for phrase in NOT_FOUND_PHRASES:
            if phrase == "404":
                if re.search(r"(?<!\d)404(?!\d)", low) and (_EDGE_404.search(low) or _ERROR_WORDS.search(low)):
                    return phrase
            elif phrase == "not found":
                if re.search(r"\bnot found\b", low):
                    return phrase
            elif phrase in low:
                return phrase
    return None


def random_sibling(url: str, rng: random.Random | None = None) -> str:
    """A URL on the same host and path depth whose last segment is random (extension kept)."""
    rng = rng or random.Random()
    parts = urlsplit(url)
    token = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(16))
    path = parts.path or "/"
    trailing = path.endswith("/") and path != "/"
    segments = path.strip("/").split("/") if path.strip("/") else []
    last = segments[-1] if segments else ""
    ext = ""
    if "." in last and not trailing:
        ext = "." + last.rsplit(".", 1)[1]
    new_last = f"citecheck-{token}{ext}"
    new_path = "/" + "/".join(segments[:-1] + [new_last]) if segments else "/" + new_last
    if trailing:
        new_path += "/"
    return urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))


def probe_sibling(transport: Transport, url: str, *, max_bytes: int = 128 * 1024,
                  rng: random.Random | None = None) -> HttpResponse:
    return transport.request("GET", random_sibling(url, rng), max_bytes=max_bytes)


def _without(text: str, *words: str) -> str:
    for word in words:
        if word:
            text = text.replace(word, "")
    return text


def same_as_probe(page: HttpResponse, info: PageInfo, probe: HttpResponse, probe_info: PageInfo) -> bool:
    """The probe of a made-up sibling answered like the page: the page is not really there."""
    if not probe.ok:
        return False
    if probe.redirects and page.redirects and probe.final_url == page.final_url:
        return True  # both were sent to the same place (e.g. a search or error page)
    if not info.text and not info.title:
        return False
    page_last = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    probe_last = urlsplit(probe.url).path.rstrip("/").rsplit("/", 1)[-1]
    title_score = fuzz.ratio(info.title, probe_info.title) if (info.title or probe_info.title) else 100.0
    text_score = fuzz.ratio(_without(info.text, page_last), _without(probe_info.text, probe_last))
    return title_score >= SIMILAR_TITLE and text_score >= SIMILAR_TEXT


def assess(page: HttpResponse, info: PageInfo, probe: HttpResponse | None = None,
           probe_info: PageInfo | None = None) -> str | None:
    """Why a 2xx page looks like a soft-404 ("sibling-probe", "redirect-to-root",
    "generic-landing", "not-found-title"), or None."""
    if not page.ok:
        return None
    if redirects_to_root(page):
        return "redirect-to-root"
    if page.redirects and GENERIC_LANDING.search(urlsplit(page.final_url).path):
        return "generic-landing"
    phrase = not_found_phrase(info)
    if phrase:
        return f"not-found-title ({phrase})"
    if probe is not None and same_as_probe(page, info, probe, probe_info or page_info(probe)):
        return "sibling-probe"
    return None
