"""The crosswalk of the fields BibLaTeX, CSL-JSON and RIS share, beyond the model's own slots.

``Reference.extra`` keeps a field the model has no slot for under its BibLaTeX name (as
``parse.bibtex`` reads it); ``parse.csl_json`` and ``parse.ris`` translate their variables and tags
into these names through this table, and ``emit.csl`` / ``emit.ris`` translate them back, so each
round trip (BibLaTeX, CSL-JSON, RIS) keeps every field the target format can hold:

================ ========================= ===== =============================================
BibLaTeX         CSL-JSON                  RIS   notes
================ ========================= ===== =============================================
shorttitle       title-short               ST
shortjournal     container-title-short     J2
series           collection-title          T3
abstract         abstract                  AB
keywords         keyword                   KW    one KW per keyword in RIS
issn             ISSN                      SN    (an ISSN-shaped SN)
langid           language                  LA    babel name <-> BCP 47 tag (english <-> en)
language         language                  LA    when there is no langid, or not a known code
type             genre                     M3    biblatex's keys as words (phdthesis <-> "PhD thesis")
pagetotal        number-of-pages           --
eventtitle       event-title (``event``)   --
venue            event-place               --
eventdate        event-date                --
origdate         original-date             --
pmid             PMID                      --
pmcid            PMCID                     --
version          version                   --
file             (``custom``)              L1    a Zotero/JabRef attachment, kept as written
                                                 (``parse.ris`` keeps L1 as ``ris:L1``)
eprint ...       number "arXiv:ID",        --    see ``emit.csl`` (Zotero's encoding of a preprint)
                 publisher "arXiv"
================ ========================= ===== =============================================

A BibLaTeX field CSL has no variable for is written in the item's ``custom`` object (CSL-JSON
schema 1.0.2: "additional information that does not have a designated CSL JSON field"), which
citeproc processors ignore and ``parse.csl_json`` reads back; a field RIS has no tag for is left
out of RIS with a warning naming the file, the key and the fields (once per entry), and so is a
CSL variable or RIS tag BibLaTeX has no field for.
"""
from __future__ import annotations

import re

# BibLaTeX field -> CSL variable (text values)
CSL_TEXT = {
    "shorttitle": "title-short", "shortjournal": "container-title-short", "series": "collection-title",
    "abstract": "abstract", "keywords": "keyword", "issn": "ISSN", "pagetotal": "number-of-pages",
    "eventtitle": "event-title", "venue": "event-place", "pmid": "PMID", "pmcid": "PMCID", "version": "version",
}
# BibLaTeX date field -> CSL date variable
CSL_DATES = {"origdate": "original-date", "eventdate": "event-date"}
# CSL variable -> BibLaTeX field, with the older names pandoc still writes
FROM_CSL = {v: k for k, v in CSL_TEXT.items()} | {"event": "eventtitle"}
FROM_CSL_DATES = {v: k for k, v in CSL_DATES.items()}
# BibLaTeX field -> RIS tag, for the tags read and written generically (AB, KW, SN, M3, LA are special)
RIS_TAGS = {"shorttitle": "ST", "shortjournal": "J2", "series": "T3", "file": "L1"}
# RIS tag -> BibLaTeX field, read so by ``parse.ris``; L1 is kept as ``ris:L1`` (a link tag, joined as
# one when wrapped) and written as ``file`` by ``emit.bibtex`` (``RIS_AS_FIELDS``)
FROM_RIS = {v: k for k, v in RIS_TAGS.items() if v != "L1"}
RIS_AS_FIELDS = {"ris:L1": "file"}

# biblatex's localisation keys for ``type`` and the words CSL's ``genre`` / RIS's ``M3`` give them.
GENRE_WORDS = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "candthesis": "Candidate thesis",
    "techreport": "Technical report", "resreport": "Research report", "software": "Computer software",
    "datacd": "CD-ROM", "audiocd": "Audio CD", "patent": "Patent", "patentus": "U.S. patent",
}
GENRE_KEYS = {v: k for k, v in GENRE_WORDS.items()}


def genre_words(key: str) -> str:
    """The words for a BibLaTeX ``type`` (its localisation key, or the user's own words)."""
    return GENRE_WORDS.get(key.strip(), key)


def genre_key(words: str) -> str:
    """The BibLaTeX ``type`` for a CSL genre / RIS M3: biblatex's key when the words are exactly the
    ones ``genre_words`` gives for it (so a round trip gives the key back), else the words as written
    (``emit.bibtex`` still reads a thesis's "Doctoral dissertation" as ``phdthesis``)."""
    return GENRE_KEYS.get(words.strip(), words.strip())


# babel/polyglossia language names (biblatex's ``langid``) <-> BCP 47 tags (CSL's ``language``).
LANGUAGES = {
    "english": "en", "american": "en-US", "british": "en-GB", "canadian": "en-CA", "australian": "en-AU",
    "newzealand": "en-NZ", "french": "fr", "german": "de", "ngerman": "de-1996", "austrian": "de-AT",
    "naustrian": "de-AT-1996", "swissgerman": "de-CH", "nswissgerman": "de-CH-1996", "spanish": "es",
    "italian": "it", "dutch": "nl", "portuguese": "pt", "brazilian": "pt-BR", "russian": "ru",
    "polish": "pl", "czech": "cs", "slovak": "sk", "swedish": "sv", "danish": "da", "norsk": "nb",
    "nynorsk": "nn", "finnish": "fi", "icelandic": "is", "greek": "el", "turkish": "tr",
    "hungarian": "hu", "romanian": "ro", "croatian": "hr", "serbian": "sr", "slovene": "sl",
    "ukrainian": "uk", "bulgarian": "bg", "catalan": "ca", "basque": "eu", "galician": "gl",
    "latin": "la", "hebrew": "he", "arabic": "ar", "japanese": "ja", "chinese": "zh", "korean": "ko",
    "estonian": "et", "latvian": "lv", "lithuanian": "lt", "irish": "ga", "welsh": "cy",
}
BABEL = {v.lower(): k for k, v in LANGUAGES.items()}


def bcp47(langid: str) -> str:
    """CSL's ``language`` for a BibLaTeX ``langid`` (its BCP 47 tag; an unknown name as written)."""
    return LANGUAGES.get(langid.strip().lower(), langid.strip())


def language_fields(language: str) -> tuple[str, str]:
    """The BibLaTeX (field, value) for a CSL ``language`` / RIS ``LA``: ``langid`` and its babel name
    for a tag ``bcp47`` gives, else ``language`` as written ("English", "Deutsch")."""
    babel = BABEL.get(language.strip().lower())
    return ("langid", babel) if babel else ("language", language.strip())


ARXIV = "arxiv"
ARXIV_NUMBER = re.compile(r"^arXiv:\s*(\S+)$", re.IGNORECASE)


def arxiv_id(extra: dict[str, str]) -> str:
    """The arXiv identifier of an entry's ``eprint`` when ``eprinttype`` (or classic BibTeX's
    ``archiveprefix``) says arXiv, else ""."""
    kind = (extra.get("eprinttype") or extra.get("archiveprefix") or "").strip().lower()
    eprint = extra.get("eprint", "").strip()
    return eprint if kind == ARXIV and eprint and not eprint.lower().startswith(("http:", "https:")) else ""


def arxiv_url(ident: str) -> str:
    """The abstract page of an arXiv preprint (the link pandoc makes of an arXiv ``eprint``)."""
    return f"https://arxiv.org/abs/{ident}"
