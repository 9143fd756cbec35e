"""Small valid PDFs written by hand for loader tests (no PDF library needed to make them)."""

from __future__ import annotations

import io


def make_pdf(pages: list[list[str]], title: str | None = None, info: dict[str, str] | None = None) -> bytes:
    """A PDF with one Helvetica text stream per page (one ``Tj`` line per string), correct xref offsets, and an
    optional ``/Info`` dictionary: its ``/Title`` and any other keys of ``info`` ({"Author": "…", "CreationDate":
    "D:20260914"}: each written as a literal string)."""
    n = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>"]
    font = 3 + 2 * n
    for i, lines in enumerate(pages):
        content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    entries = ({"Title": title} if title else {}) | (info or {})
    if entries:
        objects.append("<< " + " ".join(f"/{k} ({v})" for k, v in entries.items()) + " >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    info_ref = f" /Info {len(objects)} 0 R" if entries else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
