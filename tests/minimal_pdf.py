"""Test helper (importable from tests: pytest's ``pythonpath`` holds ``tests``): the bytes of a PDF
made of the given object bodies, numbered from 1, with its cross-reference table and trailer
(object 1 is the catalogue)."""
from __future__ import annotations


def pdf_from_objects(objects: list[str]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def helvetica_pages(streams: list[str]) -> bytes:
    """A PDF of one page (US Letter, Helvetica as /F1) per content stream, in order."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(len(streams)))
    font = 3 + len(streams)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>"]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> "
                f"/Contents {font + 1 + i} 0 R >>" for i in range(len(streams))]
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects += [f"<< /Length {len(s)} >>\nstream\n{s}\nendstream" for s in streams]
    return pdf_from_objects(objects)
