"""JabRef's ``file`` field (Zotero's, Mendeley's and Better BibTeX's exports too): its files read, each an RIS
``L1``, and the field written back as biblatex reads it (verbatim)."""
from __future__ import annotations

from citecheck.emit.bibtex import to_bibtex
from citecheck.emit.file_field import AttachedFile, attached_files, file_field
from citecheck.emit.ris import to_ris
from citecheck.parse.bibtex import parse_bibtex
from citecheck.parse.ris import parse_ris


def test_jabrefs_files_are_read_as_files():
    assert attached_files(r":C\:\\Users\\me\\paper.pdf:PDF;Supplement:papers/supp.pdf:PDF") == (
        AttachedFile(r"C:\Users\me\paper.pdf", "", "PDF"), AttachedFile("papers/supp.pdf", "Supplement", "PDF"))
    assert attached_files("Full Text PDF:/home/me/Zotero/storage/AB/a.pdf:application/pdf") == (
        AttachedFile("/home/me/Zotero/storage/AB/a.pdf", "Full Text PDF", "application/pdf"),)
    assert attached_files("/home/me/a.pdf;/home/me/b.pdf") == (AttachedFile("/home/me/a.pdf"), AttachedFile("/home/me/b.pdf"))
    # Mendeley Desktop's $\backslash$ escaping the drive's colon; a colon no one escaped before a path or "//"
    assert attached_files(r":C$\backslash$:/Users/me/Mendeley Desktop/a.pdf:pdf") == (
        AttachedFile("C:/Users/me/Mendeley Desktop/a.pdf", "", "pdf"),)
    assert attached_files(":https://example.org/a.pdf:PDF") == (AttachedFile("https://example.org/a.pdf", "", "PDF"),)
    assert attached_files("") == () and attached_files(";") == ()


def test_a_file_field_is_written_as_jabref_escapes_it():
    files = (AttachedFile(r"C:\Users\me\a;b.pdf", "", "PDF"), AttachedFile("/home/me/b.pdf"))
    assert file_field(files) == r":C\:\\Users\\me\\a\;b.pdf:PDF;/home/me/b.pdf"
    assert attached_files(file_field(files)) == files


def test_a_jabref_file_field_is_one_l1_a_file_and_comes_back_whole():
    """The field was LaTeX-decoded (its escaping backslashes as spaces: ":C Users me paper.pdf:PDF") and each
    item written to L1 with its description and type."""
    bib = (r"@article{a, author = {Doe, Jane}, title = {T}, journaltitle = {J}, date = {2019}, "
           r"file = {:C\:\\Users\\me\\paper.pdf:PDF;Supplement:papers/supp.pdf:PDF}}")
    (ref,), _ = parse_bibtex(bib, "jabref.bib")
    once = to_bibtex([ref])
    assert r"file = {:C\:\\Users\\me\\paper.pdf:PDF;Supplement:papers/supp.pdf:PDF}," in once
    ris = to_ris([ref])
    assert "L1  - C:\\Users\\me\\paper.pdf\nL1  - papers/supp.pdf\n" in ris
    assert r"M2  - tex.file: :C\:\\Users\\me\\paper.pdf:PDF;Supplement:papers/supp.pdf:PDF" in ris
    (back,), _ = parse_ris(ris, "out.ris")
    assert to_bibtex([back]) == once and to_ris([back]) == ris


def test_an_ris_files_paths_are_escaped_in_bibtex():
    ris = "TY  - JOUR\nTI  - T\nAU  - Doe, Jane\nPY  - 2019\nL1  - C:\\Users\\me\\a.pdf\nL1  - /home/x;y.pdf\nER  - \n"
    (ref,), _ = parse_ris(ris, "in.ris")
    assert r"file = {C\:\\Users\\me\\a.pdf;/home/x\;y.pdf}," in to_bibtex([ref])
    (back,), _ = parse_bibtex(to_bibtex([ref]), "out.bib")
    assert [line for line in to_ris([back]).splitlines() if line.startswith(("L1", "M2"))] == [
        "L1  - C:\\Users\\me\\a.pdf", "L1  - /home/x;y.pdf"]


def test_papers_braced_file_field_is_its_file():
    """Papers 3 braces its whole field: the file's description began with "{" and its type ended with "}"."""
    assert attached_files("{Smith 2019.pdf:/Users/me/Papers3/Files/S/Smith 2019.pdf:application/pdf}") == (
        AttachedFile("/Users/me/Papers3/Files/S/Smith 2019.pdf", "Smith 2019.pdf", "application/pdf"),)
