"""A T1-encoded TeX font's width at code 32 is its visible space "␣", no word space (inputs.pdf_spaces): pypdf
measured pdfTeX's gaps between words against it and glued a tightly justified line into one word (pypdf #3978)."""
from __future__ import annotations

from citecheck.inputs.pdf import pdf_text
from citecheck.model import PDF_PLACED
from minimal_pdf import pdf_from_objects  # tests/minimal_pdf.py

# pdfTeX's first line of a paragraph justified tight: its gaps shrunk from 333 to 222 units, kerns inside words
LINE = r"[(See)-222(Kn)28(uth)-222(\0501984\051,)-245(Urban)-222(Heat)-222(Net)28(w)27(or)1(k)-223(\0502022\051.)]"


def _pdf(width_at_space: int, differences: str = "40 /parenleft /parenright 44 /comma 46 /period") -> bytes:
    """One page drawn in a font as pdfTeX embeds Latin Modern (T1): widths from code 32, differences naming only the
    codes the page draws."""
    widths = " ".join([str(width_at_space)] + ["500"] * 94)
    stream = f"BT /F1 9.9626 Tf 72 700 Td {LINE} TJ ET"
    return pdf_from_objects([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /TPUSWR+LMRoman10-Regular /FirstChar 32 /LastChar 126 "
        f"/Widths [{widths}] /Encoding << /Type /Encoding /Differences [{differences}] >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream"])


def test_a_tight_line_in_a_t1_tex_font_keeps_its_word_spaces():
    # before: "SeeKnuth(1984),UrbanHeatNetwork(2022)." and the citations in it unread
    assert pdf_text(_pdf(500), "p.pdf") == PDF_PLACED + "See Knuth (1984), Urban Heat Network (2022).\n"


def test_a_visible_space_the_encoding_names_is_no_word_space_either():
    named = pdf_text(_pdf(500, "32 /visiblespace 40 /parenleft /parenright 44 /comma 46 /period"), "p.pdf")
    assert named == PDF_PLACED + "See Knuth (1984), Urban Heat Network (2022).\n"


def test_a_font_whose_width_at_32_is_its_space_is_left_as_it_is():
    # a plain font's own space (278) already measures the gaps; a wide one its encoding calls a space is not guessed at
    assert pdf_text(_pdf(278), "p.pdf") == PDF_PLACED + "See Knuth (1984), Urban Heat Network (2022).\n"
    wide = pdf_text(_pdf(500, "32 /space 40 /parenleft /parenright 44 /comma 46 /period"), "p.pdf")
    assert "SeeKnuth" in wide
