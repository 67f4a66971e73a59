"""Documents a new user wrote in other languages (round 10): each cites every entry of its list, and a check
finds nothing wrong. Before, "(Müller u. a. 2019)", "(Ruiz y col., 2020)", "(Moreau, s. d.)", "vgl. Brandt
2015", "Hoffmann (Hrsg.) (2020)", ABNT's "(SILVA; SOUZA, 2018)" and "(BRASIL, 2021)", "Van den Berg en Jansen
(2020)", "Podle Svobody (2020)", "(Οικονόμου κ.ά., 2021)" and "(العلي، 2019)" were missing, uncited or
mismatched."""
from __future__ import annotations

import pytest

from citecheck.config import Settings
from citecheck.model import CleanText
from citecheck.parse.citations import find_citations
from citecheck.pipeline import check
from clean_documents import checked_clean  # tests/clean_documents.py

GERMAN = """# Stadtentwicklung

Die Debatte ist nicht neu (Müller u. a. 2019). Schäfer (o. J.) hat darauf hingewiesen, und Weiß und Öztürk
(2017, S. 45) zeigen es (vgl. Brandt 2015, S. 12–15). Siehe Hoffmann (Hrsg.) (2020) und (BBSR 2021).

## Literatur

Brandt, Jürgen (2015): Wohnen in der Stadt. 3., überarb. Aufl. Stuttgart: Kohlhammer.

BBSR – Bundesinstitut für Bau-, Stadt- und Raumforschung (2021): Wohnungsmarktbericht 2021. Online verfügbar unter https://www.bbsr.bund.de/wohnungsmarkt2021.pdf, abgerufen am 12. März 2022.

Hoffmann, Klara (Hrsg.) (2020): Methoden der Stadtforschung. 2. Aufl. Wiesbaden: Springer VS.

Müller, Karl; Schmidt, Petra; Özdemir, Ayşe (2019): Gentrifizierung in deutschen Großstädten. In: Raumforschung und Raumordnung 77 (4), S. 345–362.

Schäfer, Lena (o. J.): Kommunale Wohnungspolitik. Online verfügbar unter https://www.example.de/schaefer-wohnungspolitik, zuletzt geprüft am 3. Februar 2023.

Weiß, Thomas; Öztürk, Emre (2017): Leipzig als Fallbeispiel. Berlin: Duncker & Humblot.
"""

FRENCH_SPANISH = """# Mobilité

Les politiques ont changé (Dupont et al., 2018, p. 412) ; voir aussi (Moreau, s. d.). Cf. Chevalier (dir.)
(2019). El problema es antiguo (García y López, 2017; véase Martínez, s.f.; Ruiz y col., 2020).

## Bibliographie

Chevalier, Anne (dir.). *Villes en mouvement*. 2e éd. Paris : Presses universitaires de France, 2019.

Dupont, Jean, Martin, Claire et Bernard, Luc. « La mobilité douce en France ». *Revue d'économie régionale et urbaine*, 2018, vol. 45, n° 3, p. 401-425.

García, J. y López, M. (2017). La burbuja inmobiliaria. *Revista de Economía Aplicada*, *25*(2), 45-67.

Martínez, A. (s.f.). *Vivienda y juventud*. Recuperado de https://www.ejemplo.es/martinez-vivienda (consultado el 5 de marzo de 2021).

Moreau, Sylvie. *Le vélo en ville*. S. d. En ligne : https://www.exemple.fr/moreau-velo (consulté le 3 février 2023).

Ruiz, C., Peña, L., Ortega, S., & Ibáñez, T. (2020). Alquiler y desigualdad. *Papers*, *105*(1), 1-22.
"""

ABNT = """# Educação

A desigualdade persiste (SILVA; SOUZA, 2018). Para o Ministério (BRASIL, 2021), há avanços (COSTA, [s.d.]).
Ver também Pereira (org.) (2016).

## REFERÊNCIAS

BRASIL. Ministério da Educação. **Censo escolar 2020**. Brasília: MEC, 2021. Disponível em: https://www.gov.br/mec/censo2020. Acesso em: 10 mar. 2022.

COSTA, Maria. **Escola e território**. [S. l.]: [s. n.], [s.d.]. Disponível em: https://www.exemplo.com.br/costa. Acesso em: 2 abr. 2023.

PEREIRA, Ana (org.). **Políticas educacionais**. Rio de Janeiro: Vozes, 2016.

SILVA, José; SOUZA, Fernanda. **Desigualdade e escola**. 2. ed. Campinas: Autores Associados, 2018.
"""

MIXED = """# Πόλεις

Volgens Van den Berg en Jansen (2020, p. 14) stijgen de prijzen. Podle Svobody (2020) je to trvalé
(Novák a Dvořák, 2019, s. 12). Η τάση συνεχίζεται (Οικονόμου κ.ά., 2021, σ. 45). ازداد التحضر (العلي، 2019).

## Literatuur

Novák, J., & Dvořák, P. (2019). *Městská ekonomika*. Praha: Grada.

Svoboda, K. (2020). *Bydlení v Česku*. Brno: Masarykova univerzita.

Van den Berg, A., & Jansen, M. (2020). *De woningcrisis*. Amsterdam: Amsterdam University Press.

Οικονόμου, Δ., Αλεξίου, Κ., & Δημητρίου, Ε. (2021). Εσωτερική μετανάστευση. *Επιθεώρηση Κοινωνικών Ερευνών*, 156, 33-58.

العلي، أحمد (2019). *المدينة العربية*. بيروت: دار الساقي.
"""


@pytest.mark.parametrize("document, entries", [(GERMAN, 6), (FRENCH_SPANISH, 6), (ABNT, 4), (MIXED, 5)])
def test_every_entry_is_cited_and_nothing_is_wrong(tmp_path, monkeypatch, document, entries):
    result = checked_clean(tmp_path, monkeypatch, document, entries)
    assert all(r.year or r.no_date for r in result.references)


def _cited(text: str, *known: str) -> list[tuple[tuple[str, ...], int | None, bool, bool]]:
    return [(c.name_texts, c.year, c.no_date, c.etal) for c in find_citations(CleanText.identity("d.md", text), known)]


@pytest.mark.parametrize("text, expected", [
    ("Neu ist das nicht (Müller u. a. 2019).", [(("Müller",), 2019, False, True)]),
    ("Müller u. a. (2019) zeigen es.", [(("Müller",), 2019, False, True)]),
    ("Es coincide (Ruiz y col., 2020).", [(("Ruiz",), 2020, False, True)]),
    ("Zie (Kowalski i in., 2019).", [(("Kowalski",), 2019, False, True)]),
    ("Göç artmıştır (Yılmaz ve ark., 2018).", [(("Yılmaz",), 2018, False, True)]),
    ("Voir aussi (Moreau, s. d.).", [(("Moreau",), None, True, False)]),
    ("Schäfer (o. J.) hat es gesagt.", [(("Schäfer",), None, True, False)]),
    ("Há avanços (COSTA, [s.d.]).", [(("COSTA",), None, True, False)]),
    ("(vgl. Brandt 2015, S. 12–15)", [(("Brandt",), 2015, False, False)]),
    ("(véase Martínez, 2015)", [(("Martínez",), 2015, False, False)]),
])
def test_citations_in_other_languages(text, expected):
    assert _cited(text, "Müller", "Ruiz", "Kowalski", "Yılmaz", "Moreau", "Schäfer", "COSTA", "Brandt", "Martínez") == expected


def test_abnt_semicolons_part_one_works_authors_only_when_listed():
    assert _cited("(SILVA; SOUZA, 2018)", "SILVA", "SOUZA") == [(("SILVA", "SOUZA"), 2018, False, False)]
    # two works, each with its year, stay two citations; an unlisted name before a ";" is no co-author
    assert _cited("(Smith, 2019; Jones, 2020)", "Smith", "Jones") == [
        (("Smith",), 2019, False, False), (("Jones",), 2020, False, False)]
    assert [c[0] for c in _cited("(Smith; Jones, 2020)", "Jones")] == [("Jones",)]


def test_a_declined_name_is_the_listed_name_but_a_misspelling_is_not(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# T\n\nPodle Svobody (2020) je to tak. Browne (2019) disagrees.\n\n## References\n\n"
        "Svoboda, K. (2020). *Bydlení*. Brno: MU.\n\nBrown, A. (2019). *Houses*. London: Verso.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.message.split(";")[0] for f in result.findings if f.kind.name == "NAME_MISMATCH"] == [
        'cited as "Browne" (1 citation) but listed as "Brown"']


@pytest.mark.parametrize("cited", ["(FREUD, 1900 apud JONES, 2010)", "(Freud 1900, zit. n. Jones 2010)",
                                   "(Freud, 1900, citado por Jones, 2010)"])
def test_the_original_read_through_another_work_is_no_missing_reference(tmp_path, monkeypatch, cited):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(f"# T\n\nDreams matter {cited}.\n\n## Referências\n\n"
                                     "JONES, Ernest. **Freud**. London: Hogarth, 2010.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert [f.kind.name for f in result.findings if f.severity.name in ("ERROR", "WARNING")] == []
    assert any(c.name_texts in (("JONES",), ("Jones",)) for c in result.citations)
