"""Earlier sessions' known gaps of issue #3, tried again end to end as a user meets them (session 15): each is
fixed, and these keep it so through the whole check (the units have their own tests)."""
from __future__ import annotations

import json

from citecheck.config import Settings
from citecheck.emit.csl import to_csl_json
from citecheck.model import Kind
from citecheck.pipeline import check


def _problems(result) -> list[tuple[str, str]]:
    return sorted((f.kind.value, f.citation or f.reference or "") for f in result.findings
                  if f.kind in {Kind.MISSING_REFERENCE, Kind.UNCITED_REFERENCE})


def test_names_written_with_combining_marks_cite_the_list(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "# Essay\n\nMigration rose (Garc\u0131\u0301a, 2019) and fell (Mun\u0303oz 2020).\n\n## References\n\n"
        "Garci\u0301a, M. (2019). Borders and people. Journal of Migration, 4(2), 1-10.\n\n"
        "Mun\u0303oz, J. (2020). Returning home. Oxford University Press.\n", encoding="utf-8")
    assert _problems(check(["doc.md"], Settings())) == []


def test_natbib_citealp_in_latex_cites_its_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text("@article{garcia2020, author={Garc{\\'i}a, Ana}, title={Borders}, "
                                       "journal={J. Mig.}, year={2020}}\n@article{lee2019, author={Lee, Min}, "
                                       "title={Ports}, journal={J. Mig.}, year={2019}}\n", encoding="utf-8")
    (tmp_path / "p.tex").write_text("\\documentclass{article}\\usepackage{natbib}\\begin{document}\n"
                                    "See also \\citealp{garcia2020}, or \\citealp*[p.~4]{lee2019}.\n"
                                    "\\bibliographystyle{plainnat}\\bibliography{refs}\\end{document}\n", encoding="utf-8")
    result = check(["p.tex"], Settings())
    assert [c.key for c in result.citations] == ["garcia2020", "lee2019"] and _problems(result) == []


def test_a_title_first_entry_and_a_journals_volume_dot_issue(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(
        "As shown (Smith et al., 2014), and reported (*Labour Migration Report*, 2021).\n\n## References\n\n"
        "Smith, A., Brown, B., & Lee, C. (2014). Glacier melt in the Alps. In: Nature 511.7508, pp. 100-104.\n\n"
        "Labour Migration Report. (2021). The Economist.\n", encoding="utf-8")
    result = check(["doc.md"], Settings())
    assert _problems(result) == []
    items = json.loads(to_csl_json(result.references))
    assert [(i.get("container-title"), i.get("volume"), i.get("issue")) for i in items] == [
        ("Nature", "511", "7508"), ("The Economist", None, None)]
    assert "author" not in items[1] and items[1]["title"] == "Labour Migration Report"
