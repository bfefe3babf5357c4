"""Writers for the test documents: a .docx from the format's own XML parts, a .pdf by hand.

The PDF uses one simple font whose ToUnicode CMap maps one-byte codes to the characters used (ASCII as
itself, every other character, Cyrillic included, to a code from 0x80 on), so text extraction gives back
exactly what was written. A page is a list of lines; a line is a list of runs ``(text, size, rise)``;
``None`` is a paragraph gap. Superscript footnote numbers are written as small raised digits, the way
word processors print them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

Run = tuple[str, float, float]
Line = list[Run] | None

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def pdf(pages: Sequence[Sequence[Line]]) -> bytes:
    chars = sorted({ch for page in pages for line in page if line for text, _, _ in line for ch in text})
    extra = [ch for ch in chars if not (0x20 <= ord(ch) < 0x7F)]
    assert len(extra) <= 128, "too many distinct non-ASCII characters for one simple font"
    code = {ch: ord(ch) for ch in chars if 0x20 <= ord(ch) < 0x7F}
    code.update({ch: 0x80 + i for i, ch in enumerate(extra)})
    cmap_lines = [f"<{c:02X}> <{ord(ch):04X}>" for ch, c in sorted(code.items(), key=lambda kv: kv[1])]
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        + "".join(
            f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
            for chunk in (cmap_lines[i : i + 100] for i in range(0, len(cmap_lines), 100))
        )
        + "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra_keys: str = "") -> bytes:
        return f"<< /Length {len(data)}{extra_keys} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")
    pages_obj = add(b"")
    tounicode = add(stream(cmap))
    widths = " ".join("500" for _ in range(256))
    font = add(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 255 "
        f"/Widths [{widths}] /ToUnicode {tounicode} 0 R >>".encode()
    )
    kids = []
    for page in pages:
        ops = []
        y = 800.0
        for line in page:
            if line is None:
                y -= 14
                continue
            x = 50.0
            for text, size, rise in line:
                data = bytes(code[ch] for ch in text).hex()
                ops.append(f"BT /F1 {size:g} Tf {x:g} {y + rise:g} Td <{data}> Tj ET")
                x += 0.5 * size * len(text)
            y -= 14
        content = add(stream("\n".join(ops).encode("ascii")))
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _runs(text: str) -> str:
    """A paragraph's text as runs; ``{fn:N}`` / ``{en:N}`` become footnote / endnote references."""
    import re

    out = []
    for piece in re.split(r"(\{(?:fn|en):-?\d+\})", text):
        if not piece:
            continue
        ref = re.fullmatch(r"\{(fn|en):(-?\d+)\}", piece)
        if ref:
            tag = "w:footnoteReference" if ref.group(1) == "fn" else "w:endnoteReference"
            out.append(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><{tag} w:id="{ref.group(2)}"/></w:r>')
        else:
            out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def _paras(paragraphs: Sequence[str]) -> str:
    return "".join(f"<w:p>{_runs(p)}</w:p>" for p in paragraphs)


def docx(
    body: Sequence[str],
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
) -> bytes:
    """A .docx of *body* paragraphs, with footnotes and endnotes by id (ids -1 and 0 are the separators)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{_paras(body)}</w:body></w:document>',
        )
        for part, notes, tag in (("footnotes", footnotes, "footnote"), ("endnotes", endnotes, "endnote")):
            if notes is None:
                continue
            seps = (
                f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                f"</w:p></w:{tag}>"
            )
            items = "".join(
                f'<w:{tag} w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f"<w:{tag}Ref/></w:r>{_runs(' ' + t)}"
                f"</w:p></w:{tag}>"
                for i, t in notes.items()
            )
            z.writestr(
                f"word/{part}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:{part} {W}>{seps}{items}</w:{part}>',
            )
    return buf.getvalue()


def zip_of(parts: dict[str, str]) -> bytes:
    """A zip archive of *parts* (name → text), for damaged or foreign "documents"."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return buf.getvalue()


def superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
