"""From the sources' replies to one verdict per reference, with the evidence behind it.

Order of the rules (the first that applies decides):

1. an identifier (DOI, arXiv ID) that resolves to a work with another title: **mismatch**;
2. a DOI the DOI system does not know, or an arXiv ID arXiv does not know, for a work the
   searches find under its title: **mismatch** (the identifier is wrong);
3. a record (or the cited page, or its archived copy) that matches title, authors and
   year: **verified**;
4. a record with the same (distinctive) title but none of / few of the cited authors, also
   after a second search among the first author's works: **mismatch** (other authors);
5. a record with the same title and authors but a year outside the window: **mismatch**;
6. a cited file or an archive capture that proves the URL existed, without a title to
   compare: **verified** (link rot, not fabrication);
7. nothing close: **not-found** only when at least two sources answered (for grey
   literature: the page is gone and the Wayback Machine answered it has no capture);
   otherwise **undecided**. Sources that did not answer never count as absence.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from citecheck.model import Candidate, EntryType, Evidence, ExistenceCheck, Reference, Verdict

from .exist_match import SAME_TITLE, SAME_WORK, Grade, Score, cited_families, generic_title, score
from .exist_records import Reply, Work
from .exist_web import PAGE, WAYBACK, web_title_score

DOI_SOURCE = "doi.org"
WEB = frozenset({PAGE, WAYBACK})
GREY = frozenset({EntryType.REPORT, EntryType.WEBPAGE, EntryType.NEWS, EntryType.MAGAZINE, EntryType.THESIS})


@dataclass(frozen=True)
class Outcome:
    check: ExistenceCheck
    matched: Work | None = None  # the record the verdict rests on (verified or mismatch)
    differs: tuple[str, ...] = ()  # what a mismatch disagrees on, for humans


def is_grey(reference: Reference) -> bool:
    if reference.type in GREY:
        return True
    return reference.type is EntryType.DOCUMENT and not (reference.doi or reference.container or reference.isbn)


def _scored(reference: Reference, work: Work) -> Score:
    found = score(reference, work)
    if work.source in WEB:  # a page's own date and author tags are too unreliable to judge by
        return replace(found, title=web_title_score(reference, work), share=None, year_gap=None, year_ok=True)
    return found


def decide(reference: Reference, replies: list[Reply]) -> Outcome:
    answered = tuple(dict.fromkeys(r.source for r in replies if r.answered))
    unanswered = tuple(dict.fromkeys(r.source for r in replies if r.unanswered and r.source not in answered))
    scored = sorted((_scored(reference, w) for r in replies for w in r.works if w.title),
                    key=lambda s: (-s.rank, not s.work.by_id))
    evidence = [_source_note(r) for r in replies if r.answered or r.unanswered]
    closest = tuple(_candidate(s) for s in scored[:3])

    def done(verdict: Verdict, detail: str, matched: Work | None = None, differs: tuple[str, ...] = (),
             weight: float = 0.0) -> Outcome:
        evidence.append(Evidence(source="existence check", detail=detail, supports=verdict.value, weight=weight))
        check = ExistenceCheck(reference=reference.key, verdict=verdict, evidence=tuple(evidence), closest=closest,
                               answered=answered, unanswered=unanswered, detail=detail)
        return Outcome(check, matched, differs)

    matches = [s for s in scored if s.grade is Grade.MATCH]
    best = matches[0] if matches else None
    ids = [s for s in scored if s.work.by_id and s.work.source not in WEB]
    conflicts = [s for s in ids if reference.title and s.title < SAME_WORK]
    if conflicts and not any(s.title >= SAME_WORK for s in ids):
        other = conflicts[0]
        what = f"its {other.work.by_id} is {other.work.describe()} in {other.work.source}, another work (title {other.title:.0f}/100)"
        return done(Verdict.MISMATCH, what, best.work if best else None, (what,), weight=-3.0)
    unknown = [r for r in replies if r.answered and r.missing_id and (r.source == DOI_SOURCE or r.source == "arXiv")]
    if unknown and best is not None:
        what = f"{unknown[0].source} does not know {unknown[0].missing_id}, but {best.work.source} lists {best.work.describe()}"
        return done(Verdict.MISMATCH, what, best.work, (what,), weight=-2.0)
    if best is not None:
        how = f"by its {best.work.by_id}" if best.work.by_id else "by title search"
        detail = f"{best.work.source} lists {best.work.describe()} (found {how}; {best.detail()})"
        if best.work.source in WEB:
            detail = f"the {best.work.source} ({best.work.url}) gives the title '{best.work.title}' ({best.detail()})"
        return done(Verdict.VERIFIED, detail, best.work, weight=3.0)
    others = [s for s in scored if s.grade is Grade.AUTHORS and s.title >= SAME_TITLE and s.work.source not in WEB]
    if others and not generic_title(reference.title):
        work = others[0].work
        cited = ", ".join(cited_families(reference))
        what = f"authors: the title belongs to {work.describe()} in {work.source}; the reference names {cited}"
        return done(Verdict.MISMATCH, what, work, (what,), weight=-2.0)
    years = [s for s in scored if s.grade is Grade.YEAR and s.work.source not in WEB]
    if years:
        work = years[0].work
        what = f"year: the reference gives {reference.year}, {work.source} lists {work.describe()}"
        return done(Verdict.MISMATCH, what, work, (what,), weight=-2.0)
    existed = [w for r in replies if r.source in WEB for w in r.works if not w.title]
    if existed:
        work = existed[0]
        what = ("the cited URL existed: the Wayback Machine holds a " + work.by_id + " (link rot, not fabrication)"
                if work.source == WAYBACK else f"the cited file exists ({work.url}); its title is not read")
        return done(Verdict.VERIFIED, what, None, weight=1.0)
    return _nothing_close(reference, replies, scored, others, done)


def _nothing_close(reference, replies, scored, others, done) -> Outcome:
    by_source = {r.source: r for r in replies}
    indexes = [r.source for r in replies if r.answered and r.source not in WEB and r.source != DOI_SOURCE]
    page, archive = by_source.get(PAGE), by_source.get(WAYBACK)
    gone = page is not None and page.answered and bool(page.missing_id)
    never_archived = archive is not None and archive.answered and bool(archive.missing_id)
    unregistered = by_source.get(DOI_SOURCE)
    notes = []
    if unregistered is not None and unregistered.answered and unregistered.missing_id:
        notes.append(f"the DOI system does not know {unregistered.missing_id}")
    arxiv = by_source.get("arXiv")
    if arxiv is not None and arxiv.answered and arxiv.missing_id:
        notes.append(f"arXiv has no {arxiv.missing_id}")
    if others:
        notes.append(f"records with this common title name other authors ({others[0].work.describe()})")
    if gone and never_archived:
        what = f"the cited page is gone ({page.detail}) and the Wayback Machine has no capture of it"
        if indexes:
            what += f"; {', '.join(indexes)} found nothing close"
        return done(Verdict.NOT_FOUND, "; ".join([what, *notes]), weight=-3.0)
    page_titles = [s for s in scored if s.work.source in WEB]
    if is_grey(reference):
        if page_titles:
            s = page_titles[0]
            return done(Verdict.UNDECIDED, f"the {s.work.source} exists but its title differs: '{s.work.title}' "
                                           f"(title {s.title:.0f}/100)")
        why = "grey literature: scholarly indexes need not hold it, and its page could not settle it"
        if page is not None and page.unanswered:
            why += f" ({page.detail})"
        return done(Verdict.UNDECIDED, "; ".join([why, *notes]))
    if others and generic_title(reference.title):
        return done(Verdict.UNDECIDED, "; ".join(notes))
    if unregistered is not None and unregistered.answered and not unregistered.missing_id:
        return done(Verdict.UNDECIDED, f"{unregistered.detail}, but no index holds its metadata (another registration "
                                       "agency, such as DataCite): the record could not be compared")
    if len(indexes) >= 2:
        near = f"; the closest is {scored[0].work.describe()} in {scored[0].work.source} ({scored[0].detail()})" if scored else ""
        what = f"{' and '.join(indexes)} answered and list nothing close{near}"
        return done(Verdict.NOT_FOUND, "; ".join([what, *notes]), weight=-3.0)
    asked = [r.source for r in replies if r.unanswered]
    why = (f"only {len(indexes)} source(s) answered ({', '.join(indexes) or 'none'})"
           + (f"; no answer from {', '.join(asked)}" if asked else "") + ": not enough to call it not found")
    return done(Verdict.UNDECIDED, "; ".join([why, *notes]))


def _source_note(reply: Reply) -> Evidence:
    if reply.answered:
        count = len(reply.works)
        what = f"answered: {count} record(s)" if count else "answered: nothing"
        if reply.missing_id:
            what += f"; no {reply.missing_id}" if reply.source in WEB else f"; does not know {reply.missing_id}"
        if reply.detail and reply.source not in WEB:
            what += f" (partly failed: {reply.detail})"
        return Evidence(source=reply.source, detail=what)
    return Evidence(source=reply.source, detail=f"not verified online: {reply.source} did not answer ({reply.detail})")


def _candidate(s: Score) -> Candidate:
    return Candidate(source=s.work.source, title=s.work.title, score=round(s.title / 100, 3),
                     detail=f"{s.work.describe()}; {s.detail()}")
