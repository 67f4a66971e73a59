"""Personal and corporate names."""
from __future__ import annotations

from dataclasses import dataclass


# a particle that ends so is written against the family name: "d'Alembert", "al-Hashimi" (CSL's rule, as
# citeproc-js and the CSL test suite's name_ParsedNonDroppingParticleWithApostrophe join them)
_JOINED_PARTICLE_ENDS = ("'", "\u2019", "-")


def with_particle(particle: str, family: str) -> str:
    """The family name with its particle before it: "van Gogh", "De La Fuente", "d'Alembert" (no space after a
    particle ending in an apostrophe or a hyphen)."""
    particle, family = particle.strip(), family.strip()
    if not particle or not family:
        return particle or family
    return particle + family if particle.endswith(_JOINED_PARTICLE_ENDS) else f"{particle} {family}"


@dataclass(frozen=True)
class Name:
    """A name as bibliographies need it.

    A person has ``family`` (required), ``given``, ``particle`` ("van", "de", "von")
    and ``suffix`` ("Jr"). An organisation, a handle ("HP Boe") or a title used as
    an author has only ``literal`` and is never split. East Asian names keep the
    family name the source gives. ``raw`` is the text the name was read from.
    """

    family: str = ""
    given: str = ""
    particle: str = ""
    suffix: str = ""
    literal: str = ""
    raw: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    @property
    def sort_name(self) -> str:
        """The name used to match citations: the family name, or the literal."""
        return self.literal or self.family

    def display(self) -> str:
        """Human form: "Given particle Family, Suffix" or the literal."""
        if self.literal:
            return self.literal
        text = " ".join(p for p in (self.given, with_particle(self.particle, self.family)) if p)
        return f"{text}, {self.suffix}" if self.suffix else text

    def inverted(self) -> str:
        """Bibliography form: "particle Family, Suffix, Given" (BibTeX order)."""
        if self.literal:
            return self.literal
        parts = [with_particle(self.particle, self.family)]
        if self.suffix:
            parts.append(self.suffix)
        if self.given:
            parts.append(self.given)
        return ", ".join(parts)
