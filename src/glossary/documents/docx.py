"""A .docx (Office Open XML) read from its own parts with zipfile and defusedxml.

The main part (``word/document.xml``, or wherever ``_rels/.rels`` points) gives the body paragraphs in
order, tables and text boxes included; ``footnotes.xml`` and ``endnotes.xml`` give the notes (the
separator and continuation "notes" are skipped). Notes are numbered as Word shows them: in the order the
body first refers to them (notes never referred to follow, in id order).

The text is laid out like text extracted from a report's PDF, which the citation parsers read: one line per
paragraph with a blank line after it, a note reference as a superscript number (``…imprisonment.⁶``), and
each note right after the paragraph that first refers to it, as its own paragraph ``⁶ Washington Post
(The), …`` — so footnotes come before the bibliography, as on the printed page. A hyperlink printed as a bare word
("url", "link", "here"), as EUAA footnotes print them, is written as its address ``<https://…>``: the
link a PDF loses (``[url](#)``) is kept, and the outlet can be known by its domain. A line's location is
``paragraph N`` (counting the body's non-empty paragraphs), ``footnote N`` or ``endnote N``.

Zip bombs: every part read is limited to ``MAX_PART`` bytes after decompression, and all together to
``MAX_TOTAL``, whatever the archive declares.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from glossary.documents import Document, DocumentError
from glossary.i18n import _

MAX_PART = 64 * 1024 * 1024
MAX_TOTAL = 160 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: a hyperlink printed with one of these words instead of its address (EUAA style: "…, 25 March 2022, url")
_LINK_WORDS = {"", "url", "link", "here", "available here", "online"}
_OFFICE_DOC = "/officeDocument"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: elements whose text is not the document's (deleted revisions, field codes, alternative renderings)
_SKIP = {W + "delText", W + "instrText", W + "delInstrText", MC + "Fallback", W + "footnoteRef", W + "endnoteRef"}


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


class _Parts:
    """The archive's parts, read with the decompression limits."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.total = 0
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise DocumentError(name, _("not a .docx file (not a zip archive, or a damaged one)")) from None
        self.names = set(self.zip.namelist())

    def read(self, part: str) -> bytes | None:
        """The bytes of *part*, or None if the archive has no such part."""
        if part not in self.names:
            return None
        info = self.zip.getinfo(part)
        if info.flag_bits & 0x1:
            raise DocumentError(self.name, _("the .docx is encrypted (password-protected); save it without a password"))
        if info.file_size > MAX_PART:
            raise DocumentError(
                self.name, _("part {part} is too large ({mb} MB unpacked)").format(part=part, mb=info.file_size >> 20)
            )
        try:
            with self.zip.open(info) as fh:
                chunk = fh.read(MAX_PART + 1)
        except Exception as exc:  # BadZipFile, zlib.error, EOFError, NotImplementedError: a damaged stream
            raise DocumentError(
                self.name, _("damaged .docx: cannot unpack {part} ({reason})").format(part=part, reason=exc)
            ) from None
        self.total += len(chunk)
        if len(chunk) > MAX_PART or self.total > MAX_TOTAL:
            raise DocumentError(
                self.name, _("part {part} is too large ({mb} MB unpacked)").format(part=part, mb=len(chunk) >> 20)
            )
        return chunk

    def xml(self, part: str) -> ET.Element | None:
        data = self.read(part)
        if data is None:
            return None
        return parse_xml(data, self.name, part)


def parse_xml(data: bytes, name: str, part: str) -> ET.Element:
    """Parse one part as untrusted XML (no entity expansion, no external references)."""
    import defusedxml  # type: ignore[import-untyped]
    import defusedxml.ElementTree as DET  # type: ignore[import-untyped]

    try:
        root: ET.Element = DET.fromstring(data, forbid_dtd=True)
    except ET.ParseError as exc:
        raise DocumentError(name, _("corrupt XML in {part}: {reason}").format(part=part, reason=exc)) from None
    except defusedxml.DefusedXmlException:
        raise DocumentError(
            name, _("{part} declares a DTD or entities, which a .docx never does; refused").format(part=part)
        ) from None
    return root


def _targets(parts: _Parts, rels_part: str, base: str) -> dict[str, str]:
    """Relationship type suffix → target part, from a ``.rels`` part."""
    root = parts.xml(rels_part)
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(_REL):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.setdefault(kind, path)
    return out


def _links(parts: _Parts, part: str) -> dict[str, str]:
    """Relationship id → address of the external hyperlinks of *part*."""
    root = parts.xml(posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"))
    if root is None:
        return {}
    return {
        rel.get("Id", ""): rel.get("Target", "")
        for rel in root.iter(_REL)
        if rel.get("TargetMode") == "External" and rel.get("Type", "").endswith("/hyperlink")
    }


def _paragraph_text(
    p: ET.Element, refs: list[tuple[str, str]], nested: list[ET.Element], links: dict[str, str] | None = None
) -> str:
    """The text of paragraph *p*; note references are appended to *refs* as (kind, id) and rendered as a
    placeholder; paragraphs nested in text boxes are collected in *nested*, not mixed in. A hyperlink whose
    printed text is only a word like "url" is written as its address, ``<https://…>`` (what the PDF loses)."""
    out: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or tag == W + "del":
                continue
            if tag == W + "p":
                nested.append(child)
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append(" ")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                refs.append((kind, child.get(W + "id", "")))
                out.append(f"\x00{len(refs) - 1}\x00")
            elif tag == W + "hyperlink" and links and child.get(R + "id") in links:
                start = len(out)
                walk(child)
                shown = "".join(out[start:])
                target = links[child.get(R + "id", "")]
                if shown.strip().lower() in _LINK_WORDS and target.startswith(("http://", "https://", "ftp://")):
                    out[start:] = [f"<{target}>"]
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _paragraphs(root: ET.Element) -> Iterator[ET.Element]:
    """The paragraphs under *root* in document order (text-box paragraphs come after their paragraph)."""
    for child in root:
        if child.tag in _SKIP:
            continue
        if child.tag == W + "p":
            yield child
        else:
            yield from _paragraphs(child)


def _notes(parts: _Parts, part: str | None, tag: str) -> dict[str, list[ET.Element]]:
    """Note id → its paragraphs, separators skipped."""
    if part is None:
        return {}
    root = parts.xml(part)
    if root is None:
        return {}
    notes: dict[str, list[ET.Element]] = {}
    for note in root.iter(W + tag):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[note.get(W + "id", "")] = list(_paragraphs(note))
    return notes


def _id_order(key: str) -> tuple[int, str]:
    try:
        return int(key), ""
    except ValueError:
        return 1 << 30, key


def read_docx(data: bytes, name: str) -> Document:
    from glossary.documents import OLE

    if data.startswith(OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocumentError(name, _("the .docx is encrypted (password-protected); save it without a password"))
        raise DocumentError(name, _("an old Word .doc file, not a .docx; save it as .docx (Word Document) first"))
    parts = _Parts(data, name)
    main = _targets(parts, "_rels/.rels", "").get("officeDocument", "word/document.xml")
    if main not in parts.names:
        if "word/document.xml" not in parts.names:
            raise DocumentError(name, _("not a Word document (the archive has no word/document.xml)"))
        main = "word/document.xml"
    base = posixpath.dirname(main)
    rels = _targets(parts, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"), base)
    root = parts.xml(main)
    assert root is not None
    note_parts = {
        "footnote": rels.get("footnotes", posixpath.join(base, "footnotes.xml")),
        "endnote": rels.get("endnotes", posixpath.join(base, "endnotes.xml")),
    }
    notes = {kind: _notes(parts, part, kind) for kind, part in note_parts.items()}
    links = {"body": _links(parts, main), **{kind: _links(parts, part) for kind, part in note_parts.items()}}
    numbers: dict[tuple[str, str], int] = {}
    counters = {"footnote": 0, "endnote": 0}
    lines: list[str] = []
    places: list[tuple[str, int]] = []

    def number(kind: str, note_id: str) -> int:
        if (kind, note_id) not in numbers:
            counters[kind] += 1
            numbers[kind, note_id] = counters[kind]
        return numbers[kind, note_id]

    def render(p: ET.Element, refs: list[tuple[str, str]], nested: list[ET.Element], part: str = "body") -> str:
        start = len(refs)
        text = _paragraph_text(p, refs, nested, links[part])
        for i in range(start, len(refs)):
            kind, note_id = refs[i]
            mark = superscript(number(kind, note_id)) if note_id in notes[kind] else ""
            text = text.replace(f"\x00{i}\x00", mark)
        return text.replace("\x00", "")

    def note_text(kind: str, note_id: str) -> str:
        pieces = []
        for p in notes[kind][note_id]:
            nested: list[ET.Element] = []
            pieces.append(render(p, [], nested, kind))
            pieces.extend(render(q, [], [], kind) for q in nested)
        return " ".join(" ".join(piece.split()) for piece in pieces if piece.strip())

    def emit_note(kind: str, note_id: str) -> None:
        n = number(kind, note_id)
        lines.extend([f"{superscript(n)} {note_text(kind, note_id)}".rstrip(), ""])
        places.extend([(kind, n), (kind, n)])

    emitted: set[tuple[str, str]] = set()
    paragraph = 0
    queue = list(_paragraphs(root))
    while queue:
        p = queue.pop(0)
        refs: list[tuple[str, str]] = []
        nested: list[ET.Element] = []
        text = render(p, refs, nested)
        queue[0:0] = nested
        line = " ".join(text.split())  # one line per paragraph: soft breaks, tabs and runs of spaces as one space
        if line:
            paragraph += 1
            lines.extend([line, ""])
            places.extend([("paragraph", paragraph), ("paragraph", paragraph)])
        for kind, note_id in refs:
            if note_id in notes[kind] and (kind, note_id) not in emitted:
                emitted.add((kind, note_id))
                emit_note(kind, note_id)
    for kind in ("footnote", "endnote"):  # notes the body never refers to
        for note_id in sorted(notes[kind], key=_id_order):
            if (kind, note_id) not in emitted:
                emitted.add((kind, note_id))
                emit_note(kind, note_id)
    if lines:
        lines.pop()
        places.pop()
    if not any(lines):
        raise DocumentError(name, _("the document has no text"))
    return Document(text="\n".join(lines), kind="docx", name=name, places=places)
