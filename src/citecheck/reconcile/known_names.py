"""Names a person is widely known and cited by that are none of their names' words: "(Jokowi 2019)" for Joko
Widodo, "(Lula 2010)" for Luiz Inácio Lula da Silva, "(AMLO 2020)" for Andrés Manuel López Obrador. A small
curated table, not a guess: each name is one the person is known by in the press and in scholarship (their own
official use or their Wikipedia article's lead says it), and no other well-known person's; the entry's first
author must have every word of the full name the table gives, in any order or form ("Widodo, Joko", "Joko
Widodo", "Lula da Silva, Luiz Inácio"). ``name_parts.known_by`` reads a citation so when nothing else fits, as it
reads "(Tedros, 2021)"; the note says it was this table (``name_part_notes``)."""
from __future__ import annotations

from citecheck.model import Name

from .normalize import match_key

# the cited name (folded) -> the words of the person's full name (folded) their entry must have
KNOWN_AS: dict[str, frozenset[str]] = {
    "jokowi": frozenset({"joko", "widodo"}),  # Joko Widodo, President of Indonesia 2014-2024
    "gus dur": frozenset({"abdurrahman", "wahid"}),  # Abdurrahman Wahid, President of Indonesia 1999-2001
    "sby": frozenset({"susilo", "yudhoyono"}),  # Susilo Bambang Yudhoyono
    "ahok": frozenset({"basuki", "purnama"}),  # Basuki Tjahaja Purnama, Governor of Jakarta
    "lula": frozenset({"luiz", "silva"}),  # Luiz Inácio Lula da Silva
    "amlo": frozenset({"andres", "manuel", "lopez", "obrador"}),  # Andrés Manuel López Obrador
    "erap": frozenset({"joseph", "estrada"}),  # Joseph Ejercito Estrada
    "pele": frozenset({"edson", "nascimento"}),  # Edson Arantes do Nascimento
    "che": frozenset({"ernesto", "guevara"}),  # Ernesto "Che" Guevara
    "bibi": frozenset({"benjamin", "netanyahu"}),  # Benjamin Netanyahu
    "fdr": frozenset({"franklin", "roosevelt"}),  # Franklin Delano Roosevelt
    "jfk": frozenset({"john", "kennedy", "fitzgerald"}),  # John Fitzgerald Kennedy
    "mlk": frozenset({"martin", "luther", "king"}),  # Martin Luther King Jr.
}


def known_as(cited: str, name: Name) -> bool:
    """Is ``cited`` (folded, ``match_key``) the name the table says the person ``name`` is known by?"""
    words = KNOWN_AS.get(cited)
    if words is None:
        return False
    written = name.literal or " ".join((name.given, name.particle, name.family))
    return words <= frozenset(match_key(written).split())
