"""Entries a new user writing in other languages had misread (round 10): no-date marks ("o. J.", "s. d.",
"s.f.", ABNT's "[s.d.]"), access dates and their months ("abgerufen am 12. März 2022", "consulté le 3 février
2023", "Acesso em: 2 abr. 2023"), editors' marks ("(Hrsg.)", "(dir.)", "(org.)"), a chapter's "Dans :" and "a cura
di", names joined by "et", "e", "ve", "en", "i", a German compound's suspended hyphen, French and German quotation
marks, Hebrew and Arabic names, Vietnamese names family name first, and the headings such lists go under."""
from __future__ import annotations

import pytest

from citecheck.model import CleanText
from citecheck.parse.names import parse_author_list
from citecheck.parse.sections import is_bibliography_heading

from one_reference import read_one


@pytest.mark.parametrize("entry", [
    "Schäfer, Lena (o. J.): Kommunale Wohnungspolitik. Berlin: Kohlhammer.",
    "Moreau, Sylvie. *Le vélo en ville*. S. d. Paris : Seuil.",
    "Martínez, A. (s.f.). *Vivienda y juventud*. Madrid: Alianza.",
    "COSTA, Maria. **Escola e território**. Campinas: Autores Associados, [s.d.].",
    "Bakker, P. (z.j.). *Wonen in de Randstad*. Amsterdam: Boom.",
    "Kowalski, Jan (b.r.). Miasto i wieś. Warszawa: PWN.",
    "Çelik, A. (t.y.). *Kentsel dönüşüm*. İstanbul: İletişim.",
])
def test_no_date_in_other_languages(entry):
    ref = read_one(entry)
    assert ref.no_date and ref.year is None
    assert ref.authors and ref.title and "J.)" not in ref.title and "(" not in ref.title


def test_initials_are_no_date():
    ref = read_one("Jones, S. D. 2019. A title. Boston: Beacon.")
    assert (ref.year, ref.no_date, [n.given for n in ref.authors]) == (2019, False, ["S. D."])


@pytest.mark.parametrize("entry, accessed", [
    ("Schäfer, Lena (2021): Wohnungspolitik. Online verfügbar unter https://www.example.de/schaefer, zuletzt geprüft am "
     "3. Februar 2023.", "2023-02-03"),
    ("BBSR (2021): Wohnungsmarktbericht. Online verfügbar unter https://www.bbsr.bund.de/wm.pdf, abgerufen am 12. März 2022.",
     "2022-03-12"),
    ("Moreau, Sylvie. *Le vélo en ville*. 2020. En ligne : https://www.exemple.fr/moreau (consulté le 3 février 2023).",
     "2023-02-03"),
    ("Martínez, A. (2020). *Vivienda y juventud*. Recuperado de https://www.ejemplo.es/martinez (consultado el 5 de marzo "
     "de 2021).", "2021-03-05"),
    ("COSTA, Maria. **Escola e território**. 2020. Disponível em: https://www.exemplo.com.br/costa. Acesso em: 2 abr. 2023.",
     "2023-04-02"),
    ("Esposito, Marco. 2020. *Il Mezzogiorno*. https://www.esempio.it/esposito (consultato il 4 aprile 2022).", "2022-04-04"),
    ("Bakker, P. (2020). *Wonen*. Geraadpleegd op 3 februari 2023, van https://www.voorbeeld.nl/bakker", "2023-02-03"),
    ("Zieliński, T. (2020). *Praca zdalna*. https://www.przyklad.pl/zielinski [dostęp: 12.03.2022].", "2022-03-12"),
    ("Král, T. (2020). *Město a venkov*. Dostupné z https://www.priklad.cz/kral [cit. 2022-03-12].", "2022-03-12"),
    ("Çelik, A. (2020). *Kentsel dönüşüm*. https://www.ornek.com.tr/celik (Erişim tarihi: 12 Mart 2022).", "2022-03-12"),
])
def test_access_dates_in_other_languages(entry, accessed):
    ref = read_one(entry)
    assert ref.accessed == accessed
    assert ref.year == 2020 or ref.year == 2021
    assert not any(word in ref.title.lower() for word in ("abgerufen", "consult", "acesso", "geprüft", "verfügbar"))


@pytest.mark.parametrize("entry", [
    "Hoffmann, Klara (Hrsg.) (2020): Methoden der Stadtforschung. 2. Aufl. Wiesbaden: Springer VS.",
    "Chevalier, Anne (dir.). *Villes en mouvement*. 2e éd. Paris : Presses universitaires de France, 2019.",
    "PEREIRA, Ana (org.). **Políticas educacionais**. Rio de Janeiro: Vozes, 2016.",
])
def test_an_editors_mark_in_other_languages_makes_editors(entry):
    ref = read_one(entry)
    assert len(ref.editors) == 1 and ref.authors == ()
    assert not ref.title.startswith("(")


def test_a_french_chapter_and_an_italian_one():
    ref = read_one("Rousseau, Béatrice. « Les mobilités quotidiennes ». Dans : *Sociologie urbaine*, sous la dir. de Marc "
                   "Petit. Paris : Armand Colin, 2020, p. 12-40.")
    assert (ref.type.name, ref.title, ref.container) == ("CHAPTER", "Les mobilités quotidiennes", "Sociologie urbaine")
    assert [(n.family, n.given) for n in ref.editors] == [("Petit", "Marc")]
    ref = read_one("Bianchi, Luca (2018). La città. In: *Studi urbani*, a cura di Marco Rossi. Bologna: Il Mulino, pp. 33-50.")
    assert (ref.type.name, ref.container, [n.family for n in ref.editors]) == ("CHAPTER", "Studi urbani", ["Rossi"])


@pytest.mark.parametrize("title_text", ["« La mobilité douce en France »", "„Gentrifizierung in Großstädten“",
                                        "»Gentrifizierung in Großstädten«"])
def test_quotation_marks_of_other_languages_are_no_part_of_the_title(title_text):
    ref = read_one(f"Müller, Karl (2019): {title_text}. In: Raumforschung und Raumordnung 77 (4), S. 345–362.")
    assert ref.title in ("La mobilité douce en France", "Gentrifizierung in Großstädten")


@pytest.mark.parametrize("names, expected", [
    ("Dupont, Jean, Martin, Claire et Bernard, Luc", [("Dupont", "Jean"), ("Martin", "Claire"), ("Bernard", "Luc")]),
    ("Conti, Giulia, Marino, Paolo e Gallo, Sara", [("Conti", "Giulia"), ("Marino", "Paolo"), ("Gallo", "Sara")]),
    ("Rossi, Mario, e Bianchi, Laura", [("Rossi", "Mario"), ("Bianchi", "Laura")]),
    ("Öztürk, M. ve Şahin, E.", [("Öztürk", "M."), ("Şahin", "E.")]),
    ("Van den Berg, A. en Jansen, M.", [("Van den Berg", "A."), ("Jansen", "M.")]),
    ("Kowalski, J. i Nowak, A.", [("Kowalski", "J."), ("Nowak", "A.")]),
    ("Novák, J. a Dvořák, P.", [("Novák", "J."), ("Dvořák", "P.")]),
    ("כהן, ד'", [("כהן", "ד'")]),
    ("العلي، أحمد", [("العلي", "أحمد")]),
    ("Trần Thị Bình và Lê Văn Cường", [("Trần", "Thị Bình"), ("Lê", "Văn Cường")]),
    ("Phạm Minh Đức, Hoàng Thu Hà và Vũ Quang Huy", [("Phạm", "Minh Đức"), ("Hoàng", "Thu Hà"), ("Vũ", "Quang Huy")]),
])
def test_names_joined_in_other_languages(names, expected):
    assert [(n.family, n.given) for n in parse_author_list(names)] == expected


@pytest.mark.parametrize("names", ["Ortega y Gasset, José", "Instituto de Ciencia y Tecnología", "최지영, 정수진, 한동훈"])
def test_what_stays_as_it_was(names):
    before = {"Ortega y Gasset, José": [("Ortega y Gasset", "José", "")],
              "Instituto de Ciencia y Tecnología": [("", "", "Instituto de Ciencia y Tecnología")],
              "최지영, 정수진, 한동훈": [("최지영", "", ""), ("정수진", "", ""), ("한동훈", "", "")]}
    assert [(n.family, n.given, n.literal) for n in parse_author_list(names)] == before[names]


def test_a_suspended_hyphen_keeps_its_space_and_its_organisation():
    ref = read_one("BBSR – Bundesinstitut für Bau-, Stadt- und Raumforschung (2021): Wohnungsmarktbericht 2021. Online "
                   "verfügbar unter https://www.bbsr.bund.de/wohnungsmarkt2021.pdf, abgerufen am 12. März 2022.")
    assert [n.literal for n in ref.authors] == ["BBSR – Bundesinstitut für Bau-, Stadt- und Raumforschung"]
    assert ref.title == "Wohnungsmarktbericht 2021"
    assert [(n.family, n.given) for n in parse_author_list("Choe, Sang- Hun")] == [("Choe", "Sang-Hun")]


@pytest.mark.parametrize("heading", ["## מקורות", "## المراجع", "## Kaynakça", "## Βιβλιογραφία", "## Tài liệu tham khảo",
                                     "REFERÊNCIAS", "## Literatura"])
def test_headings_in_other_languages_open_the_list(heading):
    assert is_bibliography_heading(heading)


def test_a_din_article_with_its_doi_keeps_journal_and_pages():
    ref = read_one("Müller, Karl; Schmidt, Petra; Özdemir, Ayşe (2019): Gentrifizierung in deutschen Großstädten. In: "
                   "Raumforschung und Raumordnung 77 (4), S. 345–362. DOI: 10.1007/s13147-019-00123-4.")
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.note) == ("Raumforschung und Raumordnung", "77", "4",
                                                                          "345–362", "")


@pytest.mark.parametrize("bracket", ["(2.ª ed.)", "(2a ed.)", "(2e éd.)", "(2e dr.)", "(2. Aufl.)"])
def test_an_edition_in_another_language_leaves_the_title(bracket):
    ref = read_one(f"Fernández, M., & Gómez, R. (2019). *Economía urbana* {bracket}. Madrid: Alianza Editorial.")
    assert (ref.title, ref.edition) == ("Economía urbana", "2")
