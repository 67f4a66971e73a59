"""Harvard's "Publisher, Place" read as one place: "Smith, J. (2005) The Coast, Routledge, London."

The tagger reads an unfamiliar publisher before its city as part of the place ("Routledge, London",
"Heinemann, Oxford"). A place with a comma is a city and its region, the region after it ("Cambridge,
MA", "Oxford, England", "Berlin, Germany"); when what follows the comma is no region, the part before it
is the publisher.
"""
from __future__ import annotations

import re

# regions written after a city: US states, Canadian provinces and Australian states, countries and their
# parts (the codes, "MA", "NSW", and abbreviations with full stops, "Mass.", are told by their shape)
_REGION_WORDS = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho"
    "|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota"
    "|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York"
    "|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota"
    "|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia"
    "|Ontario|Qu[eé]bec|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|British Columbia|Victoria"
    "|Queensland|Tasmania|New South Wales|England|Scotland|Wales|Northern Ireland|Ireland|United Kingdom"
    "|Great Britain|United States(?: of America)?|America|Canada|Australia|New Zealand|Germany|France|Italy"
    "|Spain|Portugal|(?:The )?Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Poland"
    "|Russia|China|Japan|(?:South )?Korea|India|Pakistan|Bangladesh|Singapore|Malaysia|Indonesia|Philippines"
    "|Thailand|Vietnam|Nigeria|Ghana|Kenya|South Africa|Egypt|Israel|Turkey|Brazil|Argentina|Chile|Mexico"
    "|Colombia|Peru|Greece|Hungary|Czech Republic|Czechia"
)
# a region by its name, its code ("MA", "NSW", "UK", "USA") or its abbreviation ("Mass.", "Calif.", "N.J.")
_STATE_ABBREVIATIONS = ("Ala|Ariz|Ark|Calif|Cal|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kans|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
                        "|Mont|Nebr|Neb|Nev|Okla|Ore|Oreg|Pa|Penn|Tenn|Tex|Vt|Va|Wash|Wis|Wisc|Wyo")
_REGION = re.compile(rf"^(?:{_REGION_WORDS}|[A-Z]{{2,3}}|U\.S\.A?\.?|U\.K\.?|(?:[A-Z]\.){{1,3}}|[A-Z]\.\s?[A-Z]"
                     rf"|(?:{_STATE_ABBREVIATIONS})\.?)$")
_CAPITALISED = re.compile(r"^[^\W\d_a-z][\w'’&.-]*$")
_PUBLISHER_WORDS = 4


def is_region(text: str) -> bool:
    """Whether ``text`` names a region written after a city ("MI", "Brazil", "New Jersey", "Calif.")."""
    return _REGION.match(text) is not None


def publisher_and_place(place: str) -> tuple[str, str] | None:
    """("Routledge", "London") for a place read as "Routledge, London": two parts, capitalised words
    each, the second no region; None when the place is a city and its region, or has no comma."""
    if place.count(",") != 1:
        return None
    publisher, city = (part.strip() for part in place.split(","))
    if not publisher or not city or _REGION.match(city):
        return None
    words = publisher.split() + city.split()
    if len(publisher.split()) > _PUBLISHER_WORDS or len(city.split()) > 3:
        return None
    if not all(_CAPITALISED.match(w) or w in ("and", "&", "of") for w in words):
        return None
    return publisher, city
