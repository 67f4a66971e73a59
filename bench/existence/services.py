"""Simulated services for the existence bench: a Transport that answers like Crossref, OpenAlex, arXiv,
OpenLibrary, doi.org, the Wayback CDX API and the cited web pages, from data/catalogue.json and
data/web.json, in the exact shapes of tests/resolve/fixtures (keys, types, status codes of misses).

Searches rank the catalogue by word overlap with the query, as the real services return their best
partial matches (Crossref answers nearly any query with something). ``Unreachable`` is the outage:
every request fails (timeouts, resets, 503s and 429s in turn).
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from citecheck.links.http import HttpResponse, NetError
from citecheck.resolve.textmatch import fold

DATA = Path(__file__).parent / "data"
_STOP = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "by", "at", "from", "via"}


def words(text: str) -> set[str]:
    return {w for w in fold(text).split() if w not in _STOP}


class SimulatedWeb:
    def __init__(self) -> None:
        catalogue = json.loads((DATA / "catalogue.json").read_text(encoding="utf-8"))
        web = json.loads((DATA / "web.json").read_text(encoding="utf-8"))
        self.works = catalogue["works"]
        self.registered = set(catalogue["registered_elsewhere"])
        self.pages, self.captures = web["pages"], web["captures"]
        self.requests = 0

    # -- the Transport protocol -------------------------------------------------------------------
    def request(self, method, url, *, headers=None, params=None, max_bytes=512 * 1024, follow_redirects=True):
        self.requests += 1
        params = dict(params or {})
        parts = urlsplit(url)
        host, path = parts.hostname or "", unquote(parts.path)
        if host == "api.crossref.org":
            return self._crossref(url, path, params)
        if host == "api.openalex.org":
            return self._openalex(url, path, params)
        if host == "export.arxiv.org":
            return self._arxiv(url, params)
        if host == "openlibrary.org":
            return self._openlibrary(url, path, params)
        if host == "doi.org":
            return self._handle(url, path)
        if host == "web.archive.org":
            return self._wayback(url, path, params)
        return self._page(url)

    # -- helpers ----------------------------------------------------------------------------------
    @staticmethod
    def _json(url, data, status=200):
        return HttpResponse(url=url, status=status, final_url=url, headers={"content-type": "application/json"},
                            body=json.dumps(data).encode())

    def _in(self, service):
        return [w for w in self.works if service in w["in"]]

    def _ranked(self, works, query, author=""):
        wanted, who = words(query), words(author)
        scored = []
        for w in works:
            overlap = len(wanted & words(w["title"])) / max(1, len(wanted | words(w["title"])))
            names = words(" ".join(f for _, f in w["authors"]))
            bonus = 0.3 if who and who & names else 0.0
            if overlap > 0.15 or (bonus and overlap > 0):
                scored.append((overlap + bonus, w))
        return sorted(scored, key=lambda s: -s[0])

    # -- Crossref ---------------------------------------------------------------------------------
    def _crossref_item(self, w, score=None):
        item = {"DOI": w["doi"], "title": [w["title"]], "subtitle": [], "type": w["type"], "publisher": "Publisher",
                "container-title": [w.get("container", "")], "issued": {"date-parts": [[w["year"]]]},
                "author": [{"given": g, "family": f, "sequence": "first" if i == 0 else "additional", "affiliation": []}
                           for i, (g, f) in enumerate(w["authors"])], "relation": {}}
        if "updated-by" in w:
            item["updated-by"] = w["updated-by"]
        if score is not None:
            item["score"] = round(score, 3)
        return item

    def _crossref(self, url, path, params):
        if path.startswith("/works/"):
            doi = path[len("/works/"):].lower()
            work = next((w for w in self._in("crossref") if w["doi"] == doi), None)
            if work is None:
                return HttpResponse(url=url, status=404, headers={"content-type": "text/plain"},
                                    body=b"Resource not found.")
            return self._json(url, {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                                    "message": self._crossref_item(work)})
        ranked = self._ranked(self._in("crossref"), params.get("query.bibliographic", ""), params.get("query.author", ""))
        rows = int(params.get("rows", 5))
        items = [self._crossref_item(w, 100 * s) for s, w in ranked[:rows]]
        return self._json(url, {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                                "message": {"facets": {}, "total-results": len(ranked), "items": items,
                                            "items-per-page": rows, "query": {"start-index": 0, "search-terms": None}}})

    # -- OpenAlex ---------------------------------------------------------------------------------
    def _openalex_work(self, w, score=None):
        return {"id": f"https://openalex.org/W{abs(hash(w['id'])) % 10**9}",
                "doi": f"https://doi.org/{w['doi']}" if w.get("doi") else None, "title": w["title"],
                "display_name": w["title"], "publication_year": w["year"],
                "type": "book" if w["type"] == "book" else ("preprint" if w["type"] == "posted-content" else "article"),
                "authorships": [{"author_position": "first" if i == 0 else "middle",
                                 "author": {"id": f"https://openalex.org/A{i}", "display_name": f"{g} {f}", "orcid": None},
                                 "raw_author_name": f"{g} {f}", "institutions": []} for i, (g, f) in enumerate(w["authors"])],
                "primary_location": {"source": {"display_name": w.get("container") or None}},
                "relevance_score": score}

    def _openalex(self, url, path, params):
        if path.startswith("/works/doi:"):
            doi = path[len("/works/doi:"):].lower()
            work = next((w for w in self._in("openalex") if w.get("doi") == doi), None)
            if work is None:
                return self._json(url, {"error": "404 Not Found", "message": "The requested URL was not found."}, 404)
            return self._json(url, self._openalex_work(work))
        ranked = [(s, w) for s, w in self._ranked(self._in("openalex"), params.get("search", "")) if s > 0.3]
        per_page = int(params.get("per-page", 5))
        return self._json(url, {"meta": {"count": len(ranked), "db_response_time_ms": 25, "page": 1,
                                         "per_page": per_page, "groups_count": None},
                                "results": [self._openalex_work(w, 100 * s) for s, w in ranked[:per_page]],
                                "group_by": []})

    # -- arXiv ------------------------------------------------------------------------------------
    def _arxiv(self, url, params):
        ident = params.get("id_list", "")
        work = next((w for w in self._in("arxiv") if w.get("arxiv") == ident), None)
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
                'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">'
                f'<id>https://arxiv.org/api/x</id><title>arXiv Query: id_list={ident}</title>')
        if work is None:
            body = head + "<opensearch:totalResults>0</opensearch:totalResults></feed>"
        else:
            year = work.get("arxiv_year", work["year"])
            authors = "".join(f"<author><name>{g} {f}</name></author>" for g, f in work["authors"])
            body = (head + "<opensearch:totalResults>1</opensearch:totalResults><entry>"
                    f"<id>http://arxiv.org/abs/{ident}v1</id><published>{year}-06-12T17:57:34Z</published>"
                    f"<title>{work['title']}</title><summary>...</summary>{authors}"
                    f"<arxiv:primary_category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/></entry></feed>")
        return HttpResponse(url=url, status=200, headers={"content-type": "application/atom+xml; charset=utf-8"},
                            body=body.encode())

    # -- OpenLibrary ------------------------------------------------------------------------------
    def _openlibrary(self, url, path, params):
        books = self._in("openlibrary")
        if path == "/search.json":
            ranked = [(s, w) for s, w in self._ranked(books, params.get("title", ""), params.get("author", "")) if s > 0.3]
            docs = [{"key": f"/works/OL{abs(hash(w['id'])) % 10**7}W", "title": w["title"],
                     "author_name": [f"{g} {f}" for g, f in w["authors"]], "first_publish_year": w["year"],
                     "publish_year": w.get("editions", [w["year"]]), "publisher": [w.get("publisher", "")],
                     "isbn": [w["isbn"]] if w.get("isbn") else []} for _, w in ranked[:10]]
            return self._json(url, {"numFound": len(docs), "start": 0, "numFoundExact": True, "docs": docs,
                                    "num_found": len(docs), "q": "", "offset": None})
        if path == "/api/books":
            isbn = params.get("bibkeys", "").split(":", 1)[-1]
            work = next((w for w in books if w.get("isbn") == isbn), None)
            if work is None:
                return self._json(url, {})
            return self._json(url, {f"ISBN:{isbn}": {"key": f"/books/OL{abs(hash(work['id'])) % 10**7}M", "title": work["title"],
                                                     "authors": [{"url": "", "name": f"{g} {f}"} for g, f in work["authors"]],
                                                     "publishers": [{"name": work.get("publisher", "")}],
                                                     "publish_date": str(work["year"]), "identifiers": {"isbn_13": [isbn]}}})
        return HttpResponse(url=url, status=404, headers={"content-type": "text/html"}, body=b"Not found")

    # -- doi.org handles --------------------------------------------------------------------------
    def _handle(self, url, path):
        doi = path[len("/api/handles/"):].lower()
        known = {w["doi"] for w in self.works if w.get("doi")} | self.registered
        if doi in known:
            return self._json(url, {"responseCode": 1, "handle": doi.upper(), "values": [
                {"index": 1, "type": "URL", "data": {"format": "string", "value": f"https://example.org/{doi}"},
                 "ttl": 86400, "timestamp": "2020-01-01T00:00:00Z"}]})
        return self._json(url, {"responseCode": 100, "handle": doi}, 404)

    # -- Wayback ----------------------------------------------------------------------------------
    def _wayback(self, url, path, params):
        if path.startswith("/cdx/search/cdx"):
            original = params.get("url", "")
            caps = self.captures.get(original, [])
            if not caps:
                return self._json(url, [])
            rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
            rows += [["key", ts, original, "text/html", "200", "DIGEST", "1000"] for ts, _ in caps]
            return self._json(url, rows)
        found = re.match(r"^/web/(\d{14})id_/(.+)$", path)
        if found:
            ts, original = found.groups()
            title = next((t for s, t in self.captures.get(original, []) if s == ts), None)
            if title is None:
                return HttpResponse(url=url, status=503, detail="capture not replayable")
            return self._html(url, title)
        return HttpResponse(url=url, status=404)

    # -- pages ------------------------------------------------------------------------------------
    @staticmethod
    def _html(url, title, author=None):
        meta = f'<meta name="author" content="{author}">' if author else ""
        return HttpResponse(url=url, status=200, final_url=url, headers={"content-type": "text/html; charset=utf-8"},
                            body=f"<html><head><title>{title}</title>{meta}</head><body><h1>{title}</h1></body></html>".encode())

    def _page(self, url):
        page = self.pages.get(url)
        if page is None or page["status"] == "dns":
            return HttpResponse(url=url, error=NetError.DNS, detail="Name or service not known")
        if page["status"] != 200:
            return HttpResponse(url=url, status=page["status"], headers={"content-type": "text/html"}, body=b"<html></html>")
        if page.get("type") and page["type"] != "text/html":
            return HttpResponse(url=url, status=200, headers={"content-type": page["type"]}, body=b"%PDF-1.7")
        return self._html(url, page["title"], page.get("author"))


class Unreachable:
    """Every service unreachable: connection failures, timeouts, 503 and 429 in turn."""

    def __init__(self) -> None:
        self._kinds = itertools.cycle(["timeout", "reset", 503, 429, "dns", "offline"])
        self.requests = 0

    def request(self, method, url, *, headers=None, params=None, max_bytes=512 * 1024, follow_redirects=True):
        self.requests += 1
        kind = next(self._kinds)
        if isinstance(kind, int):
            extra = {"retry-after": "120"} if kind == 429 else {}
            return HttpResponse(url=url, status=kind, headers={"content-type": "text/html", **extra},
                                body=b"<html>unavailable</html>")
        return HttpResponse(url=url, error=NetError(kind), detail=f"simulated {kind}")
