"""Writes input.pdf beside this file: a two-page author-date essay with a running header, by hand.

The header is on two pages only (too few repeats for pasted text) and a citation runs across the
page break, through it: "(Bakker" / header / "2021)".

No PDF library is needed (nor used by the tests: they read the committed input.pdf). Each line is
drawn with Helvetica (WinAnsiEncoding, so "é" is one byte) at a fixed position; the output is
byte-stable.  Run: .venv/bin/python tests/cases/pdf-two-pages/make_input.py
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "Saltmarsh Restoration in the Wadden Sea - Working Paper 7"

PAGE_1 = [
    "Saltmarsh Restoration in the Wadden Sea",
    "Hendrik Vos, Institute for Coastal Studies",
    "",
    "Saltmarshes store carbon, break waves and feed the fish that the coastal villages",
    "still depend on (Mulder and Achterberg 2017). Since the 1950s, however, embanking",
    "has removed almost half of the marsh area along the mainland coast (Jensen 2009).",
    "Managed realignment, the deliberate breaching of old summer dikes, is now the",
    "favoured way to win it back (Sørensen 2020).",
    "",
    "Results have been mixed. Sediment builds up quickly where the tide brings mud in",
    "from the open Wadden (de Wit et al. 2019), but where it does not, the new marsh",
    "stays bare for a decade or more (Kowalski 2016). Grazing helps some bird species",
    "and harms others (Petersen 2015), and the farmers who lease the land want to",
    "keep their cattle on it, as they have done for centuries (Bakker",
]
PAGE_2 = [
    "2021). Who owns the marsh decides how it is grazed.",
    "",
    "The lesson of the first twenty years is that sediment supply, not planting, decides",
    "the outcome (Mulder and Achterberg 2017, 58). Projects should be sited where the",
    "mud already is (Friis 2022) and where tidal creeks can form (Zwart 2019).",
    "",
    "References",
    "",
    "Bakker, J. 2021. Cattle on the marsh: Farmers and nature managers on the Frisian",
    "     coast. Leeuwarden: Fryske Akademy Press.",
    "Friis, A. 2022. Where the mud is: Siting managed realignment in Denmark.",
    "     Estuarine, Coastal and Shelf Science 265: 107712.",
    "Jenssen, L. 2009. Embankments and the loss of Wadden Sea marshes, 1950-2000.",
    "     Wadden Sea Ecosystem 25: 41-63.",
    "Kowalski, P. 2016. Bare ground: Why some realigned marshes fail to vegetate.",
    "     Ecological Engineering 91: 203-214.",
    "Mulder, T., and R. Achterberg. 2017. Sediment and the Dutch Wadden coast. Delft:",
    "     Deltares Press.",
    "Petersen, K. 2014. Grazing and breeding birds on restored saltmarsh. Journal of",
    "     Coastal Conservation 18: 555-566.",
    "Sørensen, M. 2020. Dike breaches and marsh recovery in the Danish Wadden Sea.",
    "     Marine Ecology Progress Series 640: 19-34.",
    "Van den Berg, C. 2018. A history of Dutch dike building. Amsterdam: Boom.",
    "Zwart, E. 2019. \"Creeks first: How tidal channels bring restored marshes to life.\"",
    "     Wadden Notes (blog), March 12, 2019. https://www.waddennotes.example.nl/",
    "     2019/03/creeks-first/.",
]


def escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page_stream(lines: list[str], number: int) -> bytes:
    ops = [b"BT /F1 9 Tf 72 760 Td (" + escape(HEADER) + b") Tj ET"]
    y = 720
    for line in lines:
        if line:
            ops.append(b"BT /F1 11 Tf 72 %d Td (" % y + escape(line) + b") Tj ET")
        y -= 15
    ops.append(b"BT /F1 9 Tf 300 40 Td (" + escape(str(number)) + b") Tj ET")
    return b"\n".join(ops)


def build() -> bytes:
    streams = [page_stream(PAGE_1, 1), page_stream(PAGE_2, 2)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ] + [b"<< /Length %d >>\nstream\n" % len(s) + s + b"\nendstream" for s in streams]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


if __name__ == "__main__":
    (HERE / "input.pdf").write_bytes(build())
