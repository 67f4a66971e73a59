"""Builders for Citation and Reference records (the parsers are written elsewhere), and the e-IR case.

Tests run with --import-mode=importlib, so the builders reach them as fixtures.
"""
from __future__ import annotations

import itertools

import pytest

from citecheck.model import Citation, CitedName, Name, Reference, Span, Url

_offsets = itertools.count(0, 100)


def span(file: str = "essay.md") -> Span:
    start = next(_offsets)
    return Span(file=file, line=start // 100 + 1, column=1, start=start, end=start + 50)


def cite(*names: str, year: int | None = None, suffix: str = "", nd: bool = False, etal: bool = False,
         title: bool = False, locator: str = "", text: str | None = None) -> Citation:
    """A citation of ``names``: cite("Enos", "Kin", year=2019) is "(Enos & Kin, 2019)"."""
    label = "n.d." if nd else (f"{year}{suffix}" if year else "")
    who = " & ".join(names) + (" et al." if etal else "")
    written = text or ", ".join(p for p in (who, label, locator) if p)
    return Citation(
        text=written, span=span(), names=tuple(CitedName(n, span()) for n in names), year=year,
        year_suffix=suffix, no_date=nd, etal=etal, locator=locator, title_as_author=title,
    )


def person(family: str, given: str = "") -> Name:
    return Name(family=family, given=given, raw=f"{family}, {given}" if given else family)


def ref(key: str, *authors: Name | str, title: str = "", year: int | None = None, suffix: str = "",
        urls: tuple[str, ...] = ()) -> Reference:
    names = tuple(a if isinstance(a, Name) else person(a) for a in authors)
    who = " & ".join(n.inverted() for n in names)
    label = f"{year}{suffix}" if year else "n.d."
    raw = f"{who}. ({label}). {title}." if who else f"{title}. ({label})."
    return Reference(
        raw=raw, span=span("essay.md"), key=key, authors=names, year=year, year_suffix=suffix,
        no_date=year is None, title=title, urls=tuple(Url(u) for u in urls),
    )


def eir_references() -> tuple[Reference, ...]:
    """The bibliography of examples/eir/essay.md, as the parsers should read it."""
    t = "Trafficking"
    return (
        ref("tip2021china", title="2021 Trafficking in Persons Report: China", year=2021),
        ref("barr2019", person("Barr", "Heather"), title="China's Bride Trafficking Problem", year=2019),
        ref("batha2019", person("Batha", "Emma"), title="North Korean women tell of slavery", year=2019),
        ref("bride2020", title="Bride Trafficking in China", year=2020),
        ref("chen2020", person("Chen", "Shasha"), title="China's gender imbalance", year=2020),
        ref("children2021", title="Children recruited by armed forces", year=2021),
        ref("ngo2016", title="China: Newly adopted Foreign NGO Law should be repealed, UN experts urge", year=2016,
            urls=("https://www.ohchr.org/en/NewsEvents/Pages/DisplayNews.aspx?NewsID=19921&LangID=E",)),
        ref("choe2019", person("Choe", "Sang-Hun"), title="After Fleeing North Korea", year=2019),
        ref("cybersex2016", title="Cybersex Trafficking", year=2016),
        ref("davis2006", person("Davis", "Kathleen"), title="Brides, Bruises and the Border", year=2006),
        ref("edmond2020", person("Edmond", "Charlotte"), title="Global migration, by the numbers", year=2020),
        ref("enos2019", person("Enos", "Olivia"), person("Kim", "Yunjin"), title="Deceived and Sold", year=2019,
            urls=("https://providencemag.com/2019/10/deceived-sold-china-north-korean-female-defectors/",)),
        ref("foreignngo2021", title="The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China",
            year=2021),
        ref("glotip2021", title="Global Report on Trafficking in Persons 2020", year=2021),
        ref("haerans2012", person("Haerans", "Margaret"), title="Human Trafficking", year=2012),
        ref("henderson2019", person("Henderson", "Margaret"), title="Case Study: Stopping Human Trafficking",
            year=2019),
        ref("boe2005", Name(literal="HP Boe", raw="HP Boe"), title="Human Trafficking as 21st Century Form of Slavery",
            year=2005),
        ref("unodc", title="Human Trafficking", year=None,
            urls=("https://www.unodc.org/unodc/en/human-trafficking/human-trafficking.html",)),
        ref("htchina2014", title=f"Human {t} in China", year=2014),
        ref("crux2018", title=f"Human {t.lower()} in developed countries more common than previously thought",
            year=2018),
        ref("keiper2019", person("Keiper", "Andrew"), person("Chiamonte", "Perry"), title="Human trafficking in America",
            year=2019),
        ref("newman2013", person("Newman", "Rick"), title="Here's How Lousy Life Is in North Korea", year=2013,
            urls=("https://www.usnews.com/news/blogs/rick-newman/2013/04/12/heres-how-lousy-life-is-in-north-korea",)),
        ref("osce2021", title="On Release of the 2021 Trafficking in Persons Report", year=2021),
        ref("rajagopalan2014", person("Rajagopalan", "Megha"), person("Pearson", "James"),
            title="China cracking down on Christian groups", year=2014),
        ref("dhs", title="What Is Human Trafficking?", year=None,
            urls=("https://www.dhs.gov/blue-campaign/what-human-trafficking",)),
        ref("yoon2019", person("Yoon", "Hee-soon"), title="Sex Slaves", year=2019),
        ref("yu2017", person("Yu", "Yeon Jung"), title="The Moral Code of Chinese Sex Workers", year=2017),
        ref("zaugg2019", person("Zaugg", "Julie"), title="These North Korean defectors were sold into China", year=2019,
            urls=("https://www.cnn.com/2019/06/09/asia/north-korea-defectors-intl-hnk/index.html",)),
    )


def eir_citations() -> tuple[Citation, ...]:
    """The in-text citations of examples/eir/essay.md, in order."""
    return (
        cite("Choe", year=2019),
        cite("Chen", year=2020),
        cite("Human Trafficking", title=True),
        cite("Human trafficking in developed countries more common than previously thought", year=2018, title=True),
        cite("What is Human Trafficking?", nd=True, title=True),
        cite("Haerens", year=2012, locator="p 16"),
        cite("Haerens", year=2012, locator="p 16"),
        cite("Global Report on Trafficking in Persons 2020", year=2021, title=True),
        cite("On Release of the 2021 Trafficking in Persons Report", year=2021, title=True),
        cite("2021 Trafficking in Persons Report: China", year=2021, title=True),
        cite("Choe", year=2019),
        cite("Zuagg", year=2019),
        cite("Cybersex Trafficking", year=2016, title=True),
        cite("Zuagg", year=2019),
        cite("Enos", "Kin", year=2019),
        cite("Batha", year=2019),
        cite("Barr", year=2019),
        cite("Starved of Rights: Human Rights and the Food Crisis in the Democratic People's Republic of Korea "
             "(North Korea)", year=2004, title=True),
        cite("HP Boe", year=2005),
        cite("Davis", year=2006, locator="p. 133"),
        cite("Yu", year=2017),
        cite("Human Trafficking in China", year=2014, title=True),
        cite("North Korean women forced into sex slavery in China – report", year=2019, title=True),
        cite("Yoon", year=2019),
        cite("Yoon", year=2019),
        cite("Yoon", year=2019),
        cite("Yoon", year=2019),
        cite("The Foreign NGO Law and its Implementation Legal Path for Foreign NGOs in China", year=2021, title=True),
        cite("China: Newly adopted Foreign NGO Law should be repealed, UN experts urge", title=True),
        cite("China: Newly adopted Foreign NGO Law should be repealed, UN experts urge", title=True),
        cite("Rajagopalan", "Pearson", year=2014),
        cite("Newman", year=2013),
    )


@pytest.fixture(name="cite")
def cite_fixture():
    return cite


@pytest.fixture(name="ref")
def ref_fixture():
    return ref


@pytest.fixture(name="person")
def person_fixture():
    return person


@pytest.fixture
def eir() -> tuple[tuple[Citation, ...], tuple[Reference, ...]]:
    return eir_citations(), eir_references()
