"""Details read from a free-text entry once its fields are decided: identifiers and descriptions
that the rules and the tagger leave in a note, split or cut (a report's number, an arXiv identifier,
a standard's number, APA's thesis bracket and "[Paper presentation]", an abbreviated journal's last
full stop), and the kinds of work they show (a preprint, a presentation). Each reading names the
entry shape it is for."""
from __future__ import annotations

import re

from .dates import MONTH, event_days, full_date, iso_date
from .names import parse_name
from .reference_segments import strip_markup
from .urls import mentions

_REPORT_NUMBER = re.compile(  # "Report No. 20045", "Tech. Rep. NASA/TM-2020-220567"; not "report 2020", a year
    r"\b(?:(?:tech(?:nical)?\.?\s+)?rep(?:ort|t)?\.?|working\s+paper|discussion\s+paper)\s+"
    r"(?:(?:no\.?\s*|number\s+)(?P<numbered>(?=[\w./-]*\d)[A-Z0-9][\w./-]*\w)"
    r"|(?P<number>(?=[\w./-]*\d)(?!(?:1[5-9]|20)\d\d\b)[A-Z0-9][\w./-]*\w))", re.IGNORECASE)
_IMPRINT = re.compile(  # "2nd ed. New York: Norton", "1925; repr., New York: Dover", "Rev. ed. London: Verso"
    r"^(?:(?P<edition>\d+(?:st|nd|rd|th)\s+ed(?:n|ition)?\.?|rev(?:ised)?\.?\s+ed(?:n|ition)?\.?)\s+)?"
    r"(?:(?P<original>\d{4});\s*repr(?:int)?\.?,?\s+)?(?P<place>[A-Z][^:;]{1,40}):\s*(?P<publisher>[^:;]+)$", re.IGNORECASE)
_PATENT = re.compile(r"\b(?:U\.?\s?S\.?\s+)?Patent\s+(?:No\.?\s*)?(?P<number>\d{1,3}(?:[, ]\d{3}){2,}(?!\d)|\d[\d,]{4,}\d"
                     r"|[A-Z]{2}\s?\d[\d,]*\d\s?[A-Z]?\d?)",
                     re.IGNORECASE)  # "U.S. Patent No. 10,123,456", "Patent EP 1234567 B1"
_VERSION = re.compile(r"\(?(?:version|v\.)\s*([\w.-]+)\)?", re.IGNORECASE)
_KIND = re.compile(r"\[?(?:computer\s+software|software|data\s*set)\]?", re.IGNORECASE)
_ARXIV = re.compile(r"\barXiv:\s?(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.IGNORECASE)
_TITLE_GENRE = re.compile(  # APA's descriptions (a bracket of other words, "[In Russian]", a translation, is the title's)
    r"\s*\[((?:paper|poster|conference|keynote|symposium|data\s+set|dataset|computer\s+software|software|tweet|video|"
    r"podcast|audio|film|motion\s+picture|blog\s+post|preprint|fact\s+sheet|press\s+release|infographic|map|"
    r"photograph|unpublished|manuscript|lecture|powerpoint|slides|editorial|letter|brochure|television|interview)"
    r"[^\[\]]{0,40})\]$", re.IGNORECASE)
# a standard's number: "IEEE Std 686-2017", "ANSI Std. Z39.29", "ISO 690:2021", "ISO/IEC 27001:2013", "ASTM D638-14"
_STANDARD = re.compile(
    r"\b(?:(?P<body>IEEE|ANSI|BS|DIN|EN)\s+Std\.?|(?P<named>ISO(?:/IEC)?|ASTM))\s+[A-Z]?\d+(?:[.:/-]\d+)*\b")
# "Mach. Learn", "J. Appl. Phys", "J. Basic Eng" (not "U.S. News")
_ABBREVIATED = re.compile(r"(?:\b[A-Z][a-z]{1,6}|(?<![\w.])J)\.\s")
# APA's "[Doctoral dissertation, University of Tokyo]", "[Master's thesis, ...]", "[Unpublished doctoral dissertation]"
_THESIS_BRACKET = re.compile(
    r"\[(?P<genre>[^\[\],]*\b(?:dissertation|thesis)\b[^\[\],]*)(?:,\s*(?P<university>[^\[\]]+))?\]", re.IGNORECASE)


def _read_numbers_and_eprint(values: dict, text: str) -> None:
    """A patent's or a report's number ("U.S. Patent No. 10,123,456", "Report No. WR-2018-04", IEEE's
    "Tech. Rep. NASA/TM-2020-220567") is its ``number`` (a patent's also says its kind), and an arXiv
    identifier ("arXiv:2103.01234") its ``eprint``: all were dropped."""
    patent = _PATENT.search(text) if mentions(text, ("patent",)) else None
    if patent:
        values["number"] = patent.group("number").replace(",", "").replace(" ", "") if patent.group("number")[:1].isdigit() \
            else patent.group("number").replace(",", "")
        values["kind"] = "patent"
        for name in ("publisher", "pages", "volume", "container"):  # IEEE's "U.S. Patent 10 123 456" read as fields
            if values.get(name) and values[name].strip(" .,") in patent.group(0):
                values[name] = ""
        values["note"] = "; ".join(n for n in values.get("note", "").split("; ") if n and patent.group(0) not in n)
    report = _REPORT_NUMBER.search(text) if not patent and mentions(text, ("rep", "paper")) else None
    if report and report.group(0).split()[0].lower() in values.get("container", "").lower():
        report = None  # a journal's name: "Sci. Rep. 12, 3456" is Scientific Reports' volume
    if report:
        values["number"] = report.group("numbered") or report.group("number")
        if values.get("note", "").strip(" .") == report.group(0).strip(" ."):
            values["note"] = ""
        elif values.get("note", "").strip(" .").lower() in ("tech. rep", "tech. rep.", "technical report"):
            values["note"] = "Technical report"
    arxiv = _ARXIV.search(text) if "arxiv" in text.lower() else None
    if arxiv and not values.get("doi"):
        values["arxiv"] = arxiv.group("id")


def _read_version_and_kind(values: dict) -> None:
    """APA's "(Version 4.3.1) [Computer software]", "(Version 2) [Data set]", left in the note: the
    ``version``, and the kind of work (software, data set)."""
    notes = [n for n in values.get("note", "").split("; ") if n]
    kept = []
    for note in notes:
        version = _VERSION.fullmatch(note)
        if version:
            values["version"] = version.group(1)
        elif _KIND.fullmatch(note):
            values["kind"] = "software" if "soft" in note.lower() else "dataset"
        else:
            kept.append(note)
    values["note"] = "; ".join(kept)


def _version_read_as_journal(values: dict) -> None:
    """Chicago's data set, ""Household Survey Data." Version 3. https://doi.org/...": the word "Version" read as a
    journal and its number as the volume are the ``version``."""
    container = str(values.get("container") or "").strip(" .,")
    if container.lower() not in ("version", "vers", "ver") or not values.get("volume") or values.get("issue"):
        return
    values["version"], values["container"], values["volume"] = values["volume"], "", ""


# a software's or data set's version after its italic title, IEEE's and ACM's "*scikit-learn*, Version 1.3.2."
_VERSION_AFTER_TITLE = re.compile(r"^(?P<title>.+?),\s+(?:Version|Ver\.|v)\s*(?P<version>\d[\w.-]*\w)$")
# a repository named alone, as its own sentence: "... (2023). Zenodo. [Online]."
_REPOSITORY_ALONE = re.compile(r"(?:^|[.)\]]\s)(?P<repository>Zenodo|GitHub|GitLab|Bitbucket|figshare|Figshare|Dryad|"
                               r"Harvard Dataverse|OSF|CRAN|PyPI|Software Heritage)\.(?=\s|$)")


def _version_and_repository(values: dict, text: str) -> None:
    """IEEE's software, "F. Pedregosa et al., *scikit-learn*, Version 1.3.2. (2023). Zenodo.": the version written
    after the italic title is the ``version``, not the title's words, and the repository named alone its publisher
    (the tagger read it as a second title or a note, and it was lost)."""
    title = str(values.get("title") or "")
    version = _VERSION_AFTER_TITLE.match(title) if "ersion" in title or ", v" in title else None
    if version is not None and f"*{version.group('title')}*" in text and not values.get("version"):
        values["title"], values["version"] = version.group("title"), version.group("version")
    repository = _REPOSITORY_ALONE.search(text) if not values.get("publisher") and not values.get("container") else None
    if repository is not None:
        values["publisher"] = repository.group("repository")
    if version is not None and values.get("version") == version.group("version") and not values.get("kind"):
        # a versioned work is software or data, no book: data where a data repository or the title says so
        data = "data" in values["title"].lower() or str(values.get("publisher")) in ("Dryad", "Harvard Dataverse")
        values["kind"] = "dataset" if data else "software"


def _kind_read_as_publisher(values: dict) -> None:
    """Chicago's data set: ""GHCN-Daily, Version 3." Dataset. NOAA National Centers for Environmental
    Information.": the word "Dataset" read as the publisher is the kind of work, and the one segment
    after it, read as a note, the publisher."""
    publisher = values.get("publisher", "")
    if not publisher or not _KIND.fullmatch(publisher.strip(" .")):
        return
    values["kind"] = values.get("kind") or ("software" if "soft" in publisher.lower() else "dataset")
    note = values.get("note", "")
    if note and "; " not in note and not any(ch.isdigit() for ch in note):
        values["publisher"], values["note"] = note, ""
    else:
        values["publisher"] = ""


_DAY_MONTH = re.compile(rf"\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}}", re.IGNORECASE)


def _date_read_as_publisher(values: dict) -> None:
    """Chicago's blog post: "*Smithsonian Magazine* (blog). March 12, 2019. https://...": the post's date,
    read as the publisher, is no publisher (the entry's date holds it); Harvard's day and month after the
    title ("'Title', 22 January.") are the date's, with the year."""
    publisher = values.get("publisher", "").strip(" .,")
    m = full_date(publisher) if publisher[-4:].isdigit() else None
    if m and m.start() == 0 and m.end() == len(publisher):
        values["publisher"] = ""
        return
    day = _DAY_MONTH.fullmatch(publisher) if publisher[:1].isdigit() or publisher[-1:].isdigit() else None
    if day:  # Harvard's newspaper: "BBC News (2018) 'Title', 22 January. Available at: ..."
        values["publisher"] = ""
        if values.get("year") and not values.get("date"):
            values["date"] = iso_date(f"{publisher} {values['year']}")


def _split_imprint(values: dict) -> None:
    """Chicago's "2nd ed. New York: Norton" and "1925; repr., New York: Dover", read whole as the
    publisher: the edition, the original year, the place and the publisher."""
    m = _IMPRINT.match(values.get("publisher", ""))
    if not m or not (m.group("edition") or m.group("original")):
        return
    if m.group("edition"):
        values["edition"] = values.get("edition") or re.sub(r"\D", "", m.group("edition")) or m.group("edition")
    if m.group("original"):
        values["origdate"] = values.get("origdate") or m.group("original")
    values["place"] = values.get("place") or m.group("place").strip()
    values["publisher"] = m.group("publisher").strip(" .")


def _genre_bracket_out_of_title(values: dict) -> None:
    """APA's description after a title, "*Urban heat islands* [Paper presentation]", is a note (the
    entry's kind), not title words."""
    title = values.get("title", "")
    m = _TITLE_GENRE.search(title) if title.endswith("]") else None
    if m and m.start() > 0:
        values["title"] = title[: m.start()].rstrip()
        notes = [n for n in (values.get("note", ""), m.group(1)) if n]
        values["note"] = "; ".join(dict.fromkeys(notes))


_FORMAT_MARK = re.compile(r"\s*[(\[](?P<format>PDF|DOC|DOCX|PPT|XLS|XLSX|video|audio|online|en\s+ligne|en\s+l[íi]nea|em\s+linha"
                          r"|internet|CD-ROM|DVD)[)\]]\s*$", re.IGNORECASE)  # and ISO 690's "*Open access* [online]"


def _format_out_of_title(values: dict) -> None:
    """Wikipedia's "Great Barrier Reef Outlook Report 2019 (PDF)", ISO 690's "*Open access* [online]": the file's
    format or the medium after the title is a note, not title words."""
    title = values.get("title", "")
    m = _FORMAT_MARK.search(title) if title.endswith((")", "]")) else None
    if m and m.start() > 0:
        values["title"] = title[: m.start()]
        mark = m.group("format") if m.group("format").upper() in _FILE_FORMATS else m.group(0).strip()  # "[online]" as written
        values["note"] = "; ".join(n for n in (values.get("note", ""), mark) if n)


_FILE_FORMATS = frozenset("PDF DOC DOCX PPT XLS XLSX VIDEO AUDIO".split())


# APA's report in a numbered series, after the title: "(Condition of Education No. 2022-144)", "(Report No. 12)"
_SERIES_NUMBER = re.compile(r"\s*\((?P<series>[A-Z][^()]{0,80}?)\s+No\.\s*(?P<number>[A-Z0-9][\w./-]*)\)$")


_GENERIC_SERIES = frozenset({"report", "rep.", "tech. rep.", "technical report"})
_SERIES_NOTE = re.compile(r"(?P<series>[A-Z][^();]{0,80}?)\s+No\.\s*(?P<number>[A-Z0-9][\w./-]*)")


def _numbered_series_out_of_title(values: dict) -> None:
    """APA 7 (10.4): "Teacher turnover: Stayers, movers, and leavers (Condition of Education No. 2022-144)":
    the report's number is its ``number`` and the series it is numbered in a note, not title words."""
    title = values.get("title", "")
    m = _SERIES_NUMBER.search(title) if title.endswith(")") and "No." in title else None
    note = _SERIES_NOTE.fullmatch(values.get("note", "")) if not m and "No." in values.get("note", "") else None
    if note and not values.get("number"):  # "(NIH Publication No. 00-4769)", kept as the note
        series = note.group("series")
        values["number"] = note.group("number")
        values["note"] = "" if series.lower() in _GENERIC_SERIES else series
        return
    if not m or m.start() == 0:
        return
    values["title"] = title[: m.start()]
    values["number"] = values.get("number") or m.group("number")
    series = m.group("series").strip()
    if series.lower() not in _GENERIC_SERIES:
        values["note"] = "; ".join(n for n in (values.get("note", ""), series) if n)


# APA's standard: "*Quality management systems — Requirements* (ISO Standard No. 9001:2015)."
_APA_STANDARD = re.compile(r"\((?P<body>(?:ISO|IEC|ANSI|ASTM|BS|DIN|IEEE)(?:/IEC)?)\s+Standard\s+No\.\s*"
                           r"(?P<number>[A-Z]?\d[\w.:/-]*\w)\)")


def _read_apa_standard(values: dict, text: str) -> None:
    """APA's bracket after a standard's title, "(ISO Standard No. 9001:2015)": the standard's ``number`` ("ISO
    9001:2015"), a report's; the reading took "(ISO Standard No" for a journal and 9001 for its volume."""
    m = _APA_STANDARD.search(text) if "Standard No" in text else None
    if m is None:
        return
    values["number"] = f"{m.group('body')} {m.group('number')}"
    container = str(values.get("container") or "")
    if container and container.strip(" (.") in m.group(0):
        values["container"] = ""
        for name in ("volume", "issue", "pages"):
            if values.get(name) and str(values[name]) in m.group(0):
                values[name] = ""


def _read_standard_number(values: dict, text: str) -> None:
    """A standard's number ("IEEE Std 686-2017", "ISO 690:2021") is kept in the note, whole, and its
    body is the publisher: the reading split it into a publisher "IEEE Std" and a date."""
    m = _STANDARD.search(text) if mentions(text, ("std", "iso", "astm", "ansi")) else None
    if not m:
        return
    number = " ".join(m.group(0).split())
    if number in str(values.get("number") or ""):  # a standard read under its designation: its number already
        return
    if number not in values.get("note", ""):
        values["note"] = "; ".join(filter(None, [values.get("note", ""), number]))
    body = m.group("body") or m.group("named")
    if not values.get("publisher") or values["publisher"].lower().startswith(body.lower()):
        values["publisher"] = body


# a 3GPP or ETSI technical report or specification: "3GPP TR 38.901, v16.1.0", "ETSI TS 138 901 V16.1.0"
_SPECIFICATION = re.compile(r"\b(?P<body>3GPP|ETSI)\s+(?P<number>T[RS]\s+\d{2,3}(?:[.\s]\d{3})+)"
                            r"(?:,?\s+(?:version\s+|[vV])(?P<version>\d+(?:\.\d+)+))?")


def _read_specification_number(values: dict, text: str) -> None:
    """IEEE's "*Study on Channel Model for Frequencies From 0.5 to 100 GHz*, 3GPP TR 38.901, v16.1.0,
    Dec. 2019.": the body is the publisher, "TR 38.901" the number and "16.1.0" the version, none of
    them the title's end, a container or a date."""
    m = _SPECIFICATION.search(text) if "3GPP" in text or "ETSI" in text else None
    if not m:
        return
    body, number = m.group("body"), " ".join(m.group("number").split())
    values["number"], values["publisher"] = number, body
    if m.group("version"):
        values["version"] = m.group("version")
    title = values.get("title", "")
    if title.endswith(body) and title[: -len(body)].rstrip().endswith(","):
        values["title"] = title[: -len(body)].rstrip(" ,")
    for name in ("container", "note"):
        if values.get(name) and number in " ".join(values[name].split()):
            values[name] = ""


def _keep_abbreviation_stop(values: dict, text: str) -> None:
    """An abbreviated journal keeps the full stop of its last word ("*Mach. Learn.*, vol. 20" is
    "Mach. Learn.", as "Proc. IEEE Conf." keeps its "Conf."): the reading cut it as a field's end."""
    container = values.get("container", "")
    if not container or container.endswith(".") or not _ABBREVIATED.search(container):
        return
    last = container.split()[-1]
    if len(last) <= 7 and last[:1].isupper() and last[1:].islower() and f"{container}." in strip_markup(text):
        values["container"] = f"{container}."


def _read_thesis_bracket(values: dict, text: str) -> None:
    """APA's "[Doctoral dissertation, University of Tokyo]": the genre (the thesis's ``type``) and the
    university, which is the institution; a database named after it ("ProQuest Dissertations and
    Theses Global") is a note, not the publisher."""
    m = _THESIS_BRACKET.search(text) if mentions(text, ("thesis", "dissertation")) else None
    if not m:
        return
    genre, university = m.group("genre").strip(), (m.group("university") or "").strip()
    values["thesis_genre"] = genre
    notes = [n for n in re.split(r";\s*", values.get("note", "")) if n and genre.lower() not in n.lower()]
    if university:
        held = values.get("publisher", "")
        if held and held.lower() not in university.lower():
            notes.append(held)
        values["publisher"] = university
    values["note"] = "; ".join(notes)


# IEEE's thesis: "Ph.D. dissertation, Dept. Elect. Eng., KAIST, Daejeon, South Korea, 2021.", "M.S. thesis, MIT,
# Cambridge, MA, USA, 2019.": the genre, then the school and its place, comma by comma, before the year
_IEEE_THESIS = re.compile(
    r"(?P<genre>\b(?:Ph\.\s?D\.?|M\.\s?S\.?|M\.\s?Sc\.?|M\.\s?Eng\.?|B\.\s?S\.?|Doctoral|Master's|Bachelor's|Diploma)"
    r"\s+(?:dissertation|thesis)),\s*(?P<rest>[^\d\[\]()]+?),\s*(?:[A-Z][a-z]{2,8}\.?\s+)?(?:1[89]|20)\d\d\.?\s*$")
_SCHOOL_WORD = re.compile(r"\b(?:univ|university|universit[äéà]t?|universidad|institut|institute|college|school|dept|department|"
                          r"faculty|lab|laboratory|polytechnic|academy|center|centre|grad)\b", re.IGNORECASE)
_PLACE_CODE = frozenset("USA UK US UAE PRC ROC".split())


# AMA's and Vancouver's thesis: "Brown P. Outcomes of day surgery. Dissertation. University of Toronto; 2015.",
# "... [master's thesis]. Toronto: University of Toronto; 2015." (the bracket is APA's, read above)
_TITLE_THESIS_WORD = re.compile(r"^(?P<title>.*[^\W_].*?)[.,]\s+(?P<genre>(?:(?:Doctoral|PhD|Ph\.\s?D\.|Master['’]?s|MSc|MA)\s+)?"
                                r"(?:dissertation|thesis))\.?$", re.IGNORECASE)


def _thesis_word_out_of_title(values: dict) -> None:
    """A title read with the thesis's genre after it ("Outcomes of day surgery. Dissertation"): the genre is the
    thesis's ``type``, not the title's words; the publisher read after it is the university."""
    title = str(values.get("title") or "")
    m = _TITLE_THESIS_WORD.match(title) if ("ssertation" in title or "hesis" in title) else None
    if m is None or values.get("thesis_genre") or values.get("container"):
        return
    values["title"], values["thesis_genre"] = m.group("title").strip(" *_"), m.group("genre")


# German and Chicago theses: "Dissertation, Universität Hamburg", "Masterarbeit, TU Berlin", "PhD diss., University of X"
_GENRE_BEFORE_SCHOOL = re.compile(r"^(?P<genre>(?:(?:Doctoral|PhD|Ph\.\s?D\.|Master['’]?s|Unpublished)\s+)?(?:dissertation|diss\.|"
                                  r"thesis)|Dissertation|Doktorarbeit|Habilitationsschrift|Masterarbeit|Bachelorarbeit|"
                                  r"Diplomarbeit|Magisterarbeit|Th[èe]se(?: de doctorat)?|Tesis(?: doctoral)?|Tesi di dottorato)"
                                  r"\s*,\s*(?P<school>\S.*)$", re.IGNORECASE)


_GENRE_THEN_SCHOOL_IN_TEXT = re.compile(r"[.!?][\"”’*_]*\s+" + _GENRE_BEFORE_SCHOOL.pattern[1:].replace(r"(?P<school>\S.*)$", "")
                                        + r"(?P<school>[^.;()\[\]]+?)(?:,\s*(?:1[5-9]|20)\d{2})?\s*\.?\s*$",
                                        re.IGNORECASE)


def _thesis_genre_and_school_from_text(values: dict, text: str) -> None:
    """The entry ends with a thesis's genre and university ("... La ville. Thèse de doctorat, Université Paris 1."), which
    the reading left out or read as a note: the ``thesis_genre`` and the university, its publisher."""
    if values.get("thesis_genre") or values.get("container"):
        return
    m = _GENRE_THEN_SCHOOL_IN_TEXT.search(text) if "," in text else None
    if m is None:
        return
    school = m.group("school").strip()
    if values.get("publisher") and values["publisher"] not in school:
        return
    values["thesis_genre"] = m.group("genre").strip()
    if not values.get("publisher"):  # a publisher read stays: "University of X" of "University of X, Sometown"
        values["publisher"] = school
    note = str(values.get("note") or "")
    if note and note.strip(" .") in m.group(0):
        values["note"] = ""


def _genre_out_of_school(values: dict) -> None:
    """A thesis's genre read with its university as the publisher ("Dissertation, Universität Hamburg"): the genre is
    the thesis's ``type``, the rest the university."""
    publisher = str(values.get("publisher") or "")
    m = _GENRE_BEFORE_SCHOOL.match(publisher) if "," in publisher else None
    if m is None or values.get("thesis_genre"):
        return
    values["publisher"], values["thesis_genre"] = m.group("school").strip(), m.group("genre").strip()


def _no_punctuation_alone(values: dict) -> None:
    """A note or container that is only the bracket a volume and pages were read out of ("(Vol. 2, pp.
    289–304)." leaving ")"), or a container that ends with its opening bracket, loses it."""
    if values.get("note") and not any(ch.isalnum() for ch in values["note"]):
        values["note"] = ""
    container = values.get("container", "")
    if container.endswith("(") and container.count("(") > container.count(")"):
        values["container"] = container[:-1].rstrip(" ,")


def _read_ieee_thesis(values: dict, text: str) -> None:
    """IEEE's thesis ("Ph.D. dissertation, Dept. Elect. Eng., KAIST, Daejeon, South Korea, 2021."): the
    school is the parts after the genre that name one (a department, a university, an acronym such as
    "KAIST" or "MIT"), the place the parts after them; both readings cut them elsewhere ("Dept. Elect" as
    the publisher)."""
    m = _IEEE_THESIS.search(text) if mentions(text, ("thesis", "dissertation")) else None
    if not m:
        return
    parts = [p.strip() for p in m.group("rest").split(",")]
    school: list[str] = []
    for part in parts:
        words = part.split()
        acronym = len(words) == 1 and part.isupper() and len(part) >= 3 and part not in _PLACE_CODE
        if not words or not (_SCHOOL_WORD.search(part) or acronym):
            break
        school.append(part)
    if not school or len(school) == len(parts):
        return
    values["publisher"] = ", ".join(school)
    values["place"] = ", ".join(parts[len(school):])
    values["thesis_genre"] = values.get("thesis_genre") or m.group("genre")
    values["note"] = "; ".join(n for n in values.get("note", "").split("; ")
                               if n and n.strip(" .,") != m.group("genre").strip(" .,"))


# Preprint servers, by name and by DOI prefix (arXiv 10.48550, bioRxiv/medRxiv 10.1101, PsyArXiv
# 10.31234, SocArXiv 10.31235, OSF 10.31219, EdArXiv 10.35542, SSRN 10.2139, Research Square 10.21203,
# Preprints.org 10.20944, ChemRxiv 10.26434, TechRxiv 10.36227, Authorea 10.22541)
_SERVER = re.compile(r"\b(?:arxiv|biorxiv|medrxiv|psyarxiv|socarxiv|edarxiv|eartharxiv|engrxiv|chemrxiv|techrxiv|"
                     r"osf\s+preprints|research\s+square|preprints\.org|authorea|ssrn)\b", re.IGNORECASE)
_SERVER_DOI = re.compile(  # bioRxiv's 10.1101 only with its own numbers: Cold Spring Harbor's journals share the prefix
    r"^10\.(?:(?:48550|31234|31235|31219|35542|2139|21203|20944|26434|36227|22541)/|1101/(?:\d{4}\.\d{2}\.\d{2}\.)?\d{6,}\b)")
_PREPRINT_WORD = re.compile(r"\s*[(\[]\s*preprint\s*[)\]]", re.IGNORECASE)  # APA's "Title (Preprint)"
# SSRN's "(SSRN Working Paper No. 3345678)" or "SSRN Working Paper", left in the title or as the publisher
_SSRN_PAPER = re.compile(r"\s*\(?\bSSRN\s+(?:working|discussion)\s+paper(?:\s+(?:no\.?\s*)?(?P<number>\d+))?\)?",
                         re.IGNORECASE)


def _read_preprint(values: dict, text: str) -> None:
    """A preprint (CSL's ``article``): an arXiv identifier, a preprint server named ("PsyArXiv",
    "bioRxiv", "SSRN") or its DOI, or APA's "(Preprint)"; not when the entry gives a volume, issue or
    pages (a published article that also names its preprint). APA's "(Preprint)" and SSRN's
    "(SSRN Working Paper No. 3345678)" are taken out of the title (the number is the entry's)."""
    if values.get("kind") or values.get("volume") or values.get("issue") or values.get("pages"):
        return
    server = _SERVER.search(text) if mentions(text, ("arxiv", "rxiv", "osf", "research", "preprint", "authorea", "ssrn")) else None
    word = _PREPRINT_WORD.search(values.get("title", "")) if "reprint" in text.lower() else None
    noted = any(n.lower() == "preprint" for n in values.get("note", "").split("; "))  # "[Preprint]", taken out
    if not (values.get("arxiv") or server or word or noted or _SERVER_DOI.match(values.get("doi", ""))):
        return
    values["kind"] = "preprint"
    title = values.get("title", "")
    ssrn = _SSRN_PAPER.search(title) if "ssrn" in title.lower() else None
    if ssrn and ssrn.start() > 0:
        values["title"] = (title[: ssrn.start()] + title[ssrn.end() :]).strip(" .")
        values["number"] = values.get("number") or ssrn.group("number") or ""
    elif word and word.start() > 0:
        values["title"] = (title[: word.start()] + title[word.end() :]).strip()
    if values.get("publisher", "").lower().startswith("ssrn"):
        values["publisher"] = "SSRN"  # "SSRN Working Paper": the server's name
    if server and server.group(0).lower() != "arxiv" and not values.get("publisher") and not values.get("container"):
        values["publisher"] = server.group(0)  # AMA's "medRxiv. Preprint posted online May 5, 2020.": the server
    values["note"] = "; ".join(n for n in values.get("note", "").split("; ") if n and n.lower() != "preprint")


# APA's description of a presentation ("[Paper presentation]", "[Poster session]", "[Conference
# session]", "[Keynote address]"), which ``_genre_bracket_out_of_title`` leaves in the note
_PRESENTATION_GENRE = re.compile(r"^(?:paper|poster|keynote|conference|symposium|invited|panel|oral)\b.*"
                                 r"(?:presentation|session|address|talk|paper|symposium|lecture)$", re.IGNORECASE)
# "Paper presented at the International Coastal Symposium, Busan, South Korea"
_PRESENTED_AT = re.compile(r"\b(?:(?:paper|poster|talk|lecture|address|speech)\s+(?:presented|given|delivered)|presented)\s+at\s+"
                           r"(?:the\s+)?"
                           r"(?P<event>[^,.;]+(?:\.\s?\d+)?)(?:,\s*(?P<place>[^.;]+))?", re.IGNORECASE)
_PLACE_PART = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")  # "Washington", "DC", "United States"


def _read_presentation(values: dict, text: str) -> None:
    """A paper, poster or talk given at an event and not published in its proceedings (CSL's
    ``speech``, biblatex's @unpublished): APA's "[Paper presentation]" (the genre, biblatex's
    ``type``) with the event and its place after it ("Annual Meeting of the ..., Washington, DC,
    United States", read whole as the publisher or the container): the event is the container, its
    place the place. Or "Paper presented at the X Conference, City": the container is that phrase as
    the reading took it (as AnyStyle's labels have it; biblatex prints it well as the event's title),
    the place the place. Not a paper in proceedings ("In *Proceedings of ...*", pages), which stays
    a paper in a conference's proceedings.

    The event's days, a range ("12–15 March 2019", APA's "(2019, March 12–15)"), are its
    ``eventdate`` (CSL's ``event-date``), and the days are no pages ("12–15" read as such) nor part
    of its place."""
    if values.get("kind") or values.get("volume") or "proceedings" in values.get("container", "").lower():
        return
    notes = [n for n in values.get("note", "").split("; ") if n]
    genre = next((n for n in notes if _PRESENTATION_GENRE.match(n)), "")
    presented = _PRESENTED_AT.search(text) if mentions(text, ("presented", "given", "delivered")) else None
    if not (genre or presented):
        return
    held = event_days(text)  # looked for only now: its patterns cost a few percent of a whole parse
    days_as_pages = held is not None and _days_read_as_pages(values.get("pages", ""), held[1])
    if values.get("pages") and not days_as_pages:
        return
    values["kind"] = "presentation"
    if held:
        values["eventdate"] = held[0]
        if days_as_pages:
            values["pages"] = ""
    if genre:
        values["presentation_genre"] = genre
        values["note"] = "; ".join(n for n in notes if n != genre)
    if presented:
        event = values.get("container") or presented.group(0)[: presented.start("event") - presented.start()] + \
            presented.group("event").strip()
        place = (presented.group("place") or "").strip()
        days = held[1] if held else full_date(text, max(presented.start("place"), 0))
        if place and days and presented.start("place") <= days.start() < presented.end("place"):
            place = text[presented.start("place") : days.start()].strip(" ,;")  # the event's days are no place
    else:
        event, place = split_trailing_place(values.get("container") or values.get("publisher", ""))
    if event:
        published_by = values.get("publisher", "")
        values["container"] = event
        if published_by and (event in published_by or published_by in place):
            values["publisher"] = ""  # it held the event (and its place), not who published
        values["place"] = place or values.get("place", "")


def _days_read_as_pages(pages: str, days: re.Match[str]) -> bool:
    """Whether ``pages`` ("12-15") are the first and last of an event's ``days`` ("12–15 March 2019")."""
    return bool(pages) and re.split(r"\s*[-\u2010-\u2015]+\s*", pages.strip()) == [days["d1"], days["d2"]]


def split_trailing_place(text: str) -> tuple[str, str]:
    """"Annual Meeting of the AAG, Washington, DC, United States" -> the event and its place ("Oral
    History Collection, University of Oklahoma, Norman" -> the archive and its place): the parts
    before the place, and the parts after them when each is a place's name of up to three words."""
    parts = [p.strip() for p in text.split(",")]
    for i in range(1, len(parts)):
        if all(_PLACE_PART.match(p) for p in parts[i:]):
            return ", ".join(parts[:i]), ", ".join(parts[i:])
    return text.strip(), ""


# a chapter's book, then its editors: "In: Wirtschaft und Gesellschaft, hrsg. v. Wilfried Nippel. Tübingen",
# "hg. von", "ed. by", "edited by", "éd. par", "a cura di", "ed. por", "editado por", "organizado por"; the
# names run to the first full stop not after an initial
_EDITORS_AFTER_BOOK = re.compile(
    r"[,.]\s+(?P<mark>(?i:hrsg\.\s*v(?:\.|on)|hg\.\s*v(?:\.|on)|herausgegeben\s+von|eds?\.\s+by|edited\s+by"
    r"|[ée]d(?:\.|it[ée])\s+par|sous\s+la\s+dir(?:\.|ection)\s+de|a\s+cura\s+di|ed\.\s+por|editado\s+por"
    r"|organizado\s+por))\s+(?P<names>(?:[^\W\d_]\.(?=\s?[^\W\d_])|[^.;:()\[\]\d])+?)\s*(?=[.;(\[]|$)")
_GIVEN_FIRST_JOIN = re.compile(r"\s*(?:,|;|&|\b(?:and|und|et|e|y|i|en)\b)\s*")


def _read_editors_after_book(values: dict, text: str) -> None:
    """A chapter's editors written after its book's title with "hrsg. v.", "ed. by", "éd. par", "a cura
    di" ... (given names first) are its ``editors``: the tagger knows only "edited by" there and dropped
    the names, or left them in the book's title."""
    if values.get("editors") or not values.get("container") or not mentions(text, _EDITOR_AFTER_BOOK_WORDS):
        return
    found = _EDITORS_AFTER_BOOK.search(text)
    if not found or not found.group("names").strip():
        return
    chunks = [c for c in _GIVEN_FIRST_JOIN.split(found.group("names")) if c.strip()]
    if not chunks or any(len(c.split()) > 4 or not c[:1].isupper() for c in chunks):
        return
    values["editors"] = tuple(parse_name(c.strip(), given_first=True) for c in chunks)
    container = str(values["container"])
    cut = container.find(found.group("mark").strip())
    if cut > 0:  # the book's title ran on into its editors
        values["container"] = container[:cut].rstrip(" ,.")


_EDITOR_AFTER_BOOK_WORDS = ("hrsg.", "hg.", "herausgegeben", "ed. by", "eds. by", "edited by", "d. par", "dité par",
                            "dite par", "sous la dir", "a cura", "ed. por", "editado", "organizado")


# ABNT's journal, then its place, then its volume, number and pages as ABNT writes them: "**Revista Brasileira de
# Educação**, Rio de Janeiro, v. 24, n. 3, p. 1-20" (not "Smithsonian Contributions, Astrophysics, v. 8, pp. 199"), "Cadernos Metrópole, São Paulo, v. 12"
_JOURNAL_PLACE = re.compile(
    r"(?P<journal>[^\W\d_][^,]*?)(?P<markup>[*_]{0,2}),\s+(?P<place>[^\W\d_a-z][\w'’.-]*(?:\s+(?:d[aeo]s?|del|di|am|an|upon|sur)?"
    r"\s*[^\W\d_a-z][\w'’.-]*){0,2})(?:\s*\([A-Z]{2}\))?,\s+v\.\s*\d+,\s+(?:n\.\s*\d+[\w/-]*,\s+)?p\.\s*\d")
# ... and the run that ends it, looked for first
_ABNT_RUN = re.compile(r",\s+v\.\s*\d+,\s+(?:n\.\s*\d+[\w/-]*,\s+)?p\.\s*\d")


def _journal_place_apart(values: dict, text: str) -> None:
    """An article's journal written with the place it is published in after it (ABNT, ISO 690: "**Revista
    Brasileira de Educação**, Rio de Janeiro, v. 24") is the journal alone, the place its ``place``: biblatex's
    ``journaltitle`` names the journal, and its ``@article`` has no ``location`` (CSL's ``publisher-place``
    and RIS's ``CY`` keep it)."""
    container = str(values.get("container") or "")
    if (not container or ", v." not in text or values.get("place") or values.get("publisher")
            or not values.get("volume") and not values.get("issue")):
        return
    journal, _, place = container.rpartition(",")
    journal, place = journal.strip(), place.strip()
    title = str(values.get("title") or "")
    for run in _ABNT_RUN.finditer(text):
        # the journal and its place end at the run: the place after the comma before it, the journal after the
        # comma before that (neither holds one); searched there only, not from every position of the entry
        place_comma = text.rfind(",", 0, run.start())
        found = _JOURNAL_PLACE.search(text, text.rfind(",", 0, place_comma) + 1 if place_comma > 0 else 0, run.end())
        if found is None:
            continue
        written = found.group("journal").strip(" *_")
        if journal and written.endswith(journal) and found.group("place") == place:
            values["container"], values["place"] = journal, place
            return
        # unmarked, the journal read as the title's last sentence and the place as the journal
        head, stop, last = title.rpartition(". ")
        if not journal and stop and last and written.endswith(last) and found.group("place") == container:
            values["title"], values["container"], values["place"] = head, last, container
            return


# a Vietnamese book's publishing house and place after its title: "*Kinh tế đô thị*, Nhà xuất bản Thống kê, Hà Nội"
_VIETNAMESE_IMPRINT = re.compile(r"[,.]\s+(?P<publisher>(?:Nhà xuất bản|NXB)\s[^,]+?)(?:,\s+(?P<place>[^,]+?))?\.?$")


def _vietnamese_imprint_out_of_title(values: dict) -> None:
    """A Vietnamese book's "Nhà xuất bản ..." ("publishing house", NXB) and place, read on in its title, are
    its ``publisher`` and ``place``."""
    title = str(values.get("title") or "")
    found = _VIETNAMESE_IMPRINT.search(title) if "Nhà xuất bản" in title or "NXB" in title else None
    if found is None or values.get("publisher") or found.start() == 0:
        return
    values["title"], values["publisher"] = title[:found.start()].strip(" *_"), found.group("publisher").strip()
    if found.group("place") and not values.get("place"):
        values["place"] = found.group("place").strip()


# a journal with its volume and issue after its name, as biblatex's standard style and Springer's write them
# ("In: Nature 511.7508", "Nature 511(7508)"): a volume not starting with 0, an issue not 0 ("Industry 4.0")
_CONTAINER_NUMBERS = re.compile(r"^(?P<journal>.*[^\W\d_].*?)[\s,]+(?P<volume>[1-9]\d{0,3})"
                                r"(?:\.(?P<issue>[1-9]\d{0,4})|\s?\((?P<paren>[1-9]\d{0,4}(?:[-–][1-9]\d{0,4})?)\))$")


def _volume_issue_out_of_container(values: dict) -> None:
    """"In: Nature 511.7508, pp 341–345": a journal read with its volume and issue after its name, and no volume
    of its own, is the journal; the numbers are its ``volume`` and ``issue``."""
    container = str(values.get("container") or "")
    if (not container or values.get("volume") or values.get("issue") or values.get("number")
            or not container[-1:].isdigit() and ")" not in container):
        return
    found = _CONTAINER_NUMBERS.match(container)
    if found is None:
        return
    values["container"] = found.group("journal").strip(" ,*_")
    values["volume"], values["issue"] = found.group("volume"), found.group("issue") or found.group("paren")


def read_details(values: dict, text: str, masked: str) -> None:
    """Complete ``values`` (an entry's decided fields) from its ``text``; ``masked`` is the text with
    links, DOIs and access dates blanked out."""
    _read_thesis_bracket(values, masked)
    _read_ieee_thesis(values, masked)
    _thesis_word_out_of_title(values)
    _genre_out_of_school(values)
    _thesis_genre_and_school_from_text(values, masked)
    _no_punctuation_alone(values)
    _keep_abbreviation_stop(values, text)
    _read_apa_standard(values, text)
    _read_standard_number(values, text)
    _read_specification_number(values, text)
    _read_numbers_and_eprint(values, text)
    _volume_issue_out_of_container(values)  # (after the readings of a standard's or a report's number, "TR 38.901")
    _genre_bracket_out_of_title(values)
    _format_out_of_title(values)
    _numbered_series_out_of_title(values)
    _read_version_and_kind(values)
    _version_read_as_journal(values)
    _version_and_repository(values, masked)
    _kind_read_as_publisher(values)
    _date_read_as_publisher(values)
    _split_imprint(values)
    _read_preprint(values, masked)
    _read_presentation(values, masked)
    _read_editors_after_book(values, masked)
    _journal_place_apart(values, masked)
    _vietnamese_imprint_out_of_title(values)
