"""Open Library: pure parsers of its answers, and a polite client, for books.

* Search: ``GET {base}/search.json?title=...&author=...&publisher=...&fields=...`` ->
  ``{"numFound": 1, "start": 0, "numFoundExact": true, "docs": [{"key": "/works/OL..W",
  "title", "author_name": [...], "author_key": [...], "first_publish_year": 2012,
  "publisher": [...], "publish_year": [...], "isbn": [...]}], "num_found": 1, "q": "",
  "offset": null}``; a miss is ``numFound: 0`` with ``docs: []`` (HTTP 200).
* Books API: ``GET {base}/api/books?bibkeys=ISBN:...&format=json&jscmd=data`` ->
  ``{"ISBN:...": {"url", "key": "/books/OL..M", "title", "authors": [{"url", "name"}],
  "publishers": [{"name"}], "publish_date": "2012", "identifiers": {...}}}``; a miss is
  ``{}`` (HTTP 200).
* ISBN API: ``GET {base}/isbn/{isbn}.json`` redirects to the edition
  (``{"title", "authors": [{"key": "/authors/OL..A"}], "publishers": [...], "publish_date",
  "isbn_13": [...], "key": "/books/OL..M", "works": [{"key"}]}``); a miss is HTTP 404. The
  author names come from ``GET {base}/authors/OL..A.json`` (``{"name": ...}``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from citecheck.links.http import Transport

from .answers import Answer, first_int, load_json_object, text_list
from .polite import failure_detail, ServiceClient
from .textmatch import fold, title_similarity

OPENLIBRARY = "https://openlibrary.org"
SEARCH_FIELDS = "key,title,subtitle,author_name,author_key,first_publish_year,publish_year,publisher,isbn"


@dataclass(frozen=True)
class OpenLibraryBook:
    key: str
    title: str = ""
    authors: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # every edition's year (search), or the edition's year
    first_publish_year: int | None = None
    isbns: tuple[str, ...] = ()

    def year_for(self, wanted: int | None) -> int | None:
        """``wanted`` when some edition has it, else the first publication year."""
        if wanted is not None and wanted in self.years:
            return wanted
        return self.first_publish_year or (min(self.years) if self.years else None)


# --- parsers (pure) -----------------------------------------------------------------------------


def parse_search(text: str) -> Answer[tuple[OpenLibraryBook, ...]]:
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenLibrary: {why}")
    docs = data.get("docs")
    found = first_int(data.get("numFound", data.get("num_found")))
    if not isinstance(docs, list) or found is None:
        return Answer.failed("OpenLibrary search answer without numFound and docs")
    books = tuple(b for b in (_doc(d) for d in docs if isinstance(d, dict)) if b is not None)
    if found == 0 or not books:
        return Answer.miss("OpenLibrary found no matching book")
    return Answer.hit(books)


def _doc(doc: dict) -> OpenLibraryBook | None:
    key = doc.get("key")
    if not isinstance(key, str):
        return None
    years = tuple(sorted({y for y in (first_int(v) for v in doc.get("publish_year") or []) if y}))
    return OpenLibraryBook(
        key=key, title=_title(doc), authors=text_list(doc.get("author_name")),
        publishers=text_list(doc.get("publisher")), years=years,
        first_publish_year=first_int(doc.get("first_publish_year")), isbns=text_list(doc.get("isbn")),
    )


def _title(doc: dict) -> str:
    title = doc.get("title") if isinstance(doc.get("title"), str) else ""
    return " ".join(title.split())


def parse_books_api(text: str, bibkey: str) -> Answer[OpenLibraryBook]:
    """The body of ``/api/books?bibkeys=<bibkey>&format=json&jscmd=data``."""
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenLibrary: {why}")
    entry = data.get(bibkey)
    if entry is None:
        return Answer.miss(f"OpenLibrary has no book for {bibkey}")
    if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
        return Answer.failed(f"OpenLibrary Books API entry for {bibkey} is not a book record")
    names = lambda items: tuple(  # noqa: E731
        " ".join(i["name"].split()) for i in items or [] if isinstance(i, dict) and isinstance(i.get("name"), str)
    )
    year = _year_in(entry.get("publish_date"))
    identifiers = entry.get("identifiers") if isinstance(entry.get("identifiers"), dict) else {}
    isbns = text_list(identifiers.get("isbn_13", [])) + text_list(identifiers.get("isbn_10", []))
    return Answer.hit(OpenLibraryBook(
        key=entry["key"], title=_title(entry), authors=names(entry.get("authors")),
        publishers=names(entry.get("publishers")), years=(year,) if year else (), first_publish_year=year, isbns=isbns,
    ))


def parse_edition(text: str) -> Answer[tuple[OpenLibraryBook, tuple[str, ...]]]:
    """The body of ``/isbn/{isbn}.json`` (an edition): the book without author names, and the author keys."""
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenLibrary: {why}")
    if not isinstance(data.get("key"), str):
        return Answer.failed("OpenLibrary edition without a key")
    keys = tuple(a["key"] for a in data.get("authors") or [] if isinstance(a, dict) and isinstance(a.get("key"), str))
    year = _year_in(data.get("publish_date"))
    book = OpenLibraryBook(
        key=data["key"], title=_title(data), publishers=text_list(data.get("publishers")),
        years=(year,) if year else (), first_publish_year=year,
        isbns=text_list(data.get("isbn_13", [])) + text_list(data.get("isbn_10", [])),
    )
    return Answer.hit((book, keys))


def parse_author(text: str) -> Answer[str]:
    data, why = load_json_object(text)
    if data is None:
        return Answer.failed(f"OpenLibrary: {why}")
    name = data.get("name") or data.get("personal_name")
    return Answer.hit(" ".join(name.split())) if isinstance(name, str) and name.strip() else Answer.miss("no name")


def _year_in(value: object) -> int | None:
    match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None


def accept_book(
    books: Sequence[OpenLibraryBook], title: str, *, publisher: str = "", year: int | None = None,
    min_title: float = 90.0,
) -> tuple[OpenLibraryBook, str] | None:
    """The book whose title (and publisher, and an edition's year, when given) agree.

    Common titles ("Human Trafficking") have many books: when the agreeing records name
    different authors, nothing is accepted.
    """
    agreeing = [b for b in books if title_similarity(title, b.title) >= min_title and _fits(b, publisher, year)]
    if not agreeing:
        return None
    author_sets = {tuple(sorted(fold(a) for a in b.authors)) for b in agreeing if b.authors}
    if len(author_sets) > 1:
        return None
    checks = ["title"] + (["publisher"] if publisher else []) + (["year"] if year else [])
    how = f"an OpenLibrary search hit ({', '.join(checks)} agree; {len(agreeing)} agreeing record(s))"
    return agreeing[0], how


def _fits(book: OpenLibraryBook, publisher: str, year: int | None) -> bool:
    if publisher and book.publishers:
        if max(fuzz.partial_ratio(fold(publisher), fold(p)) for p in book.publishers) < 85:
            return False
    if year is not None and (book.years or book.first_publish_year):
        return year in book.years or year == book.first_publish_year
    return True


# --- client ---------------------------------------------------------------------------------------


class OpenLibraryClient(ServiceClient):
    service = "OpenLibrary"
    default_base = OPENLIBRARY
    default_interval = 1.0

    def __init__(
        self,
        transport: Transport,
        *,
        user_agent: str,
        limit: int = 10,
        **pace,
    ) -> None:
        super().__init__(transport, user_agent=user_agent, **pace)
        self._limit = limit

    def search(self, title: str, author: str = "", publisher: str = "") -> Answer[tuple[OpenLibraryBook, ...]]:
        params = {"title": title, "fields": SEARCH_FIELDS, "limit": str(self._limit)}
        if author:
            params["author"] = author
        if publisher:
            params["publisher"] = publisher
        response = self._http.get(f"{self.base_url}/search.json", params)
        if not response.ok:
            return Answer.failed(failure_detail("OpenLibrary", response))
        return parse_search(response.text())

    def by_isbn(self, isbn: str) -> Answer[OpenLibraryBook]:
        """The Books API first; the ISBN API (plus author records) when it fails."""
        isbn = re.sub(r"[^0-9Xx]", "", isbn).upper()
        bibkey = f"ISBN:{isbn}"
        params = {"bibkeys": bibkey, "format": "json", "jscmd": "data"}
        response = self._http.get(f"{self.base_url}/api/books", params)
        answer = parse_books_api(response.text(), bibkey) if response.ok else Answer.failed(
            failure_detail("OpenLibrary", response))
        if answer.found:
            return answer
        return self._edition(isbn)

    def _edition(self, isbn: str) -> Answer[OpenLibraryBook]:
        response = self._http.get(f"{self.base_url}/isbn/{isbn}.json")
        if response.status == 404:
            return Answer.miss(f"OpenLibrary has no edition with ISBN {isbn}")
        if not response.ok:
            return Answer.failed(failure_detail("OpenLibrary", response))
        edition = parse_edition(response.text())
        if not edition.found:
            return Answer(edition.outcome, None, edition.detail)
        book, author_keys = edition.value
        names = []
        for key in author_keys:
            reply = self._http.get(f"{self.base_url}{key}.json")
            author = parse_author(reply.text()) if reply.ok else Answer.failed(failure_detail("OpenLibrary", reply))
            if author.found:
                names.append(author.value)
        return Answer.hit(replace(book, authors=tuple(names)))
