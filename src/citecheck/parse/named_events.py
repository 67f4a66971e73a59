"""A capitalised word before a year that the document itself uses as the name of an event, not of an author.

"Since Brexit (2016), EU nationals have left" reads like "Since Smith (2016) showed": one capitalised word, then
a year in brackets. Only the rest of the text tells them apart, and only one way round: a word the writer uses as
an event's name elsewhere, "post-Brexit", "the Brexit referendum", "in the wake of Brexit", "the aftermath of
Katrina", "the Windrush generation", names no one, and neither does a word after "during" or "amid" ("during
Brexit (2016)": no one writes "during Smith"). A family name is not used so: "the Smith study" is no event, and a
word with no such use ("Smith (2016)", "Okonjo (2019)") stays a citation, reported missing when no entry has it.
``citation_narrative`` asks only about one word that no entry's name is, nor nearly.

A few words name an event and no one (``_EVENT_WORDS``: "Brexit", "Chernobyl", "Fukushima", "Grenfell" ...; none a
family name or a given name): "Since Brexit (2016)" is prose even where nothing else says so, unless the text
itself uses the word as a name elsewhere ("Brexit et al.", "J. Brexit", "Brexit, J.", "(Brexit 2019)" or
"Brexit (2019)" of another year).
"""
from __future__ import annotations

import re

# nouns that follow an event's name used as a modifier: "the Brexit referendum", "the Grenfell fire"
_EVENT_NOUNS = """referendum vote campaign negotiations talks deal disaster catastrophe tragedy fire blaze flood floods
    flooding storm earthquake tsunami meltdown accident spill explosion attack attacks bombing bombings shooting
    massacre riots riot protests uprising crisis scandal inquiry enquiry pandemic epidemic outbreak lockdown lockdowns
    virus vaccine vaccines generation""".split()
# nouns before "of" or "to" an event's name: "in the wake of Brexit", "the aftermath of Katrina", "the run-up to Brexit"
_EVENT_HEADS = "aftermath wake fallout outbreak onset eve run-up lead-up".split()
_DURING = re.compile(r"(?<![\w-])(?i:during|amid|amidst|throughout)\s+\Z")
# words that name an event and never a person: a referendum, disasters, scandals, a generation (folded)
_EVENT_WORDS = frozenset("""brexit grexit chernobyl fukushima grenfell windrush watergate tiananmen srebrenica
    hillsborough lockerbie bhopal euromaidan covid""".split())


def used_as_an_event(text: str, word: str, start: int) -> bool:
    """Whether ``word``, cited at ``start`` of ``text``, follows "during" or "amid" there, or is used as an event's
    name elsewhere in ``text`` (the word as written, capitalised; the words around it in any case)."""
    if _DURING.search(text, max(0, start - 12), start):
        return True
    name = re.escape(word)
    if word.casefold() in _EVENT_WORDS:
        return not _used_as_a_name(text, name, start)
    used = re.compile(
        rf"(?<![\w-])(?i:post|pre|mid)-{name}(?![\w-])"
        rf"|(?<![\w-])(?i:the)\s+{name}\s+(?i:{'|'.join(_EVENT_NOUNS)})(?![\w-])"
        rf"|(?<![\w-])(?i:{'|'.join(re.escape(h) for h in _EVENT_HEADS)})\s+(?i:of|to)\s+{name}(?![\w-])")
    return used.search(text) is not None


def _used_as_a_name(text: str, name: str, start: int) -> bool:
    """Whether ``text`` uses the word (``name``, escaped) as a person's name somewhere but at ``start``: "et al."
    after it, an initial before it, "Brexit, J." inverted, or another citation of it with a year ("(Brexit
    2019", "Brexit (2019)" elsewhere)."""
    as_a_name = re.compile(
        rf"(?<![\w-]){name}\s+et\s+al\b|\b[A-Z]\.\s*{name}(?![\w-])|(?<![\w-]){name},\s+[A-Z]\.(?!\w)"
        rf"|(?<![\w-]){name},?\s+\(?(?:1[5-9]|20)\d\d")
    return any(m.start() != start for m in as_a_name.finditer(text))
