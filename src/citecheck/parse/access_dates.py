"""Access dates written in other languages: "abgerufen am 12. März 2022", Citavi's "zuletzt geprüft am
3.2.2023", "consulté le 15 janvier 2022", "consultado el 5 de marzo de 2021", ABNT's "Acesso em: 10 mar.
2022", "consultato il 4 aprile 2022", "geraadpleegd op 3 februari 2023", "[dostęp: 12.03.2022]", "[cit.
2022-03-12]", "Erişim tarihi: 12 Mart 2022"; and the months they name (``month_number``)."""
from __future__ import annotations

import re

from .urls import mentions

# the months, in German, French, Spanish, Portuguese, Italian, Dutch, Polish and Czech (the genitive a
# date takes), Turkish; each language's usual abbreviations are written with their full stop
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "genn", "januari", "stycznia",
     "styczeń", "ledna", "leden", "ocak"),
    ("februar", "feber", "février", "févr", "fevr", "febrero", "fevereiro", "fev", "febbraio", "febbr", "februari",
     "lutego", "luty", "února", "únor", "şubat"),
    ("märz", "mars", "marzo", "março", "maart", "marca", "marzec", "března", "březen", "mart"),
    ("avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "dubna", "duben", "nisan"),
    ("mai", "mayo", "maio", "maggio", "mei", "maja", "maj", "května", "květen", "mayıs"),
    ("juni", "juin", "junio", "junho", "giugno", "czerwca", "czerwiec", "června", "červen", "haziran"),
    ("juli", "juillet", "juil", "julio", "julho", "luglio", "lipca", "lipiec", "července", "červenec", "temmuz"),
    ("august", "août", "agosto", "ago", "augustus", "sierpnia", "sierpień", "srpna", "srpen", "ağustos"),
    ("september", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre", "sett", "września",
     "wrzesień", "září", "eylül"),
    ("oktober", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "października", "październik", "října",
     "říjen", "ekim", "okt"),
    ("november", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu", "kasım"),
    ("dezember", "décembre", "déc", "diciembre", "dic", "dezembro", "dez", "dicembre", "december", "grudnia",
     "grudzień", "prosince", "prosinec", "aralık"),
)
_ENGLISH = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december")
_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in (*_names, _ENGLISH[_number - 1], _ENGLISH[_number - 1][:3]):
        _NUMBERS.setdefault(_name, _number)
_MONTH = "|".join(sorted(_NUMBERS, key=len, reverse=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_DATE = (
    rf"(?P<d1>{_DAY})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<m1>{_MONTH})(?![^\W\d_])\.?\s+(?:de\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<d2>{_DAY})[./](?P<m2>0?[1-9]|1[0-2])[./](?P<y2>\d{{4}})"  # 12.03.2022, 12/03/2022: the day first
    r"|(?P<y3>\d{4})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01])"
    rf"|(?P<m4>{_MONTH})(?![^\W\d_])\.?\s+(?:de\s+)?(?P<y4>\d{{4}})"
)
_PHRASE = (
    r"(?:zuletzt\s+)?(?:abgerufen|aufgerufen|geprüft|zugegriffen)\s+am|zugriff\s*(?:am\b|:)"  # German
    r"|consulté\s+(?:le|en)|date\s+de\s+consultation\s*:"  # French
    r"|consultado\s+(?:el|en|em)|fecha\s+de\s+consulta\s*:|recuperado\s+el|accedido\s+el"  # Spanish, Portuguese
    r"|acess(?:o|ado)\s+em|consultato\s+il|ultimo\s+accesso|accesso\s+(?:il|effettuato\s+il)"  # Portuguese, Italian
    r"|geraadpleegd\s+op|bezocht\s+op|opgehaald\s+op"  # Dutch
    r"|data\s+dostępu|dostęp(?:\s+dnia)?|citováno|cit\.|erişim\s+tarihi|erişim|truy\s+cập\s+ngày"  # pl, cs, tr, vi
)
_ACCESS = re.compile(
    rf"[\[(]?(?<![^\W\d_])(?:{_PHRASE})\s*:?\s*(?:{_DATE})(?:,?\s*(?:de|van)(?![^\W\d_]))?[\])]?\.?", re.IGNORECASE)
# words without which ``_ACCESS`` cannot match (cheap to look for first)
_PHRASE_WORDS = ("abgerufen", "aufgerufen", "geprüft", "zugegriffen", "zugriff", "consult", "recuperado", "accedido",
                 "acess", "accesso", "geraadpleegd", "bezocht", "opgehaald", "dostęp", "cit.", "citov", "erişim",
                 "truy")  # "cit." and "citov" (citováno), not "cit": "city", "cited" are in most entries


def month_number(name: str) -> int | None:
    """The month ``name`` names in one of the languages above or in English ("März", "mar.", "Şubat"), or None."""
    return _NUMBERS.get(name.casefold().rstrip("."))


def foreign_access(text: str) -> tuple[int, int, str] | None:
    """Where an access date in another language is in ``text`` (start, end) and the date (ISO, "2022-03-12"),
    or None."""
    if not mentions(text, _PHRASE_WORDS):  # the entry's lower case, made once for every such test
        return None
    for m in _ACCESS.finditer(text):
        date = _iso(m)
        if date:
            return m.start(), m.end(), date
    return None


def _iso(m: re.Match[str]) -> str:
    for day, month, year in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("", "m4", "y4")):
        if m.group(year):
            number = int(m.group(month)) if m.group(month).isdigit() else month_number(m.group(month))
            if number is None:
                return ""
            return f"{m.group(year)}-{number:02d}-{int(m.group(day)):02d}" if day else f"{m.group(year)}-{number:02d}"
    return ""
