"""Citations in COI reports: parse, check and normalize footnotes and bibliographies.

The public face, which the CLI commands (``cite``, ``check``, ``normalize``) and the web page are thin layers
over:

- ``parse(lines, glossary=g)`` streams ``Citation`` records (and, ``with_text``, the document's other text) from
  a text document; ``read(path)`` does the same for a file of any supported format and encoding;
- ``check(items, g)`` finds inconsistencies (``Finding``; see :mod:`glossary.citations.checks`);
- ``normalize(open_lines, write, g)`` writes a text document back with its citations fixed, in two passes
  (``normalize_text`` for a list of lines, ``normalize_records`` for BibTeX/CSL-JSON/RIS records).

Formats: ``euaa`` (EUAA/EASO text), ``cpin`` (UK Home Office), ``bfa`` (Austrian BFA ``■`` source lists),
``irb`` (IRB Canada RIR references), ``academic`` (APA, MLA, Chicago, numbered reference lists), ``list``
(citations one per line), ``bibtex``, ``csl-json``, ``ris``, ``md`` (output only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations import formats  # noqa: F401 - the package exposes its formats module
from glossary.citations.model import Citation, Finding, Outlet

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.checks import Checked
    from glossary.citations.euaa import Text
    from glossary.citations.fixes import Change
    from glossary.citations.outlets import OutletLinker
    from glossary.citations.rewrite import Result, Summary
    from glossary.documents import Document

__all__ = [
    "FORMATS",
    "Citation",
    "Finding",
    "Outlet",
    "Scan",
    "check",
    "link_outlets",
    "make_linker",
    "normalize",
    "normalize_records",
    "normalize_text",
    "parse",
    "read",
    "scanner",
]

FORMATS = ("euaa", "cpin", "bfa", "irb", "academic", "list", "bibtex", "csl-json", "ris")
#: a text-style parser: the document's lines and the outlet linker (or ``None``) → citations and other text
Scan = Callable[[Iterable[str], "OutletLinker | None"], Iterator["Citation | Text"]]


def scanner(fmt: str, *, references: bool = True) -> Scan:
    """The parser of text style *fmt* (``euaa``, ``cpin``, ``bfa``, ``irb``, ``academic``, ``list``), the one
    place a style is added.
    ``references=False``: BFA without its in-text keys (``normalize`` writes bibliography entries back in place).
    """
    if fmt == "cpin":
        from glossary.citations import cpin

        return cpin.scan
    if fmt == "bfa":
        from glossary.citations import bfa

        return lambda lines, _linker: bfa.scan(lines, references=references)
    if fmt == "list":
        from glossary.citations import reflist

        return reflist.scan
    if fmt == "irb":
        from glossary.citations import irb

        return irb.scan
    if fmt == "academic":
        from glossary.citations import academic

        return academic.scan
    from glossary.citations import euaa

    return euaa.scan


def make_linker(glossary: Glossary | None) -> OutletLinker | None:
    """A new OutletLinker for *glossary* (``None`` without one). Callers keep it for as long as they use that
    glossary and pass it on; nothing here holds on to it, so no glossary outlives its user."""
    if glossary is None:
        return None
    from glossary.citations.outlets import OutletLinker

    return OutletLinker(glossary)


def link_outlets(citation: Citation, linker: OutletLinker | None) -> Citation:
    """Fill ``outlet.id`` / ``outlet.en`` from the glossary (by name, expansion and URL)."""
    if linker is None:
        return citation
    if citation.outlet is None:
        if citation.url:
            cid = linker.by_url(citation.url)
            concept = linker.concept(cid)
            if concept:
                citation.outlet = Outlet(text="", id=cid, en=concept.preferred("en") or concept.label, how="url")
        return citation
    o = citation.outlet
    from glossary.citations.euaa import bracket_tail, unemphasize

    name = unemphasize(o.text)
    if o.expansion and name.endswith(")"):
        name = name[: name.rfind("(")].strip()
    elif o.expansion and name.endswith("]"):
        name = bracket_tail(name)[0]
    linked = linker.link(name, citation.url, o.expansion, state=citation.organisation)
    linked.text = o.text
    citation.outlet = linked
    return citation


def parse(
    lines: Iterable[str],
    *,
    glossary: Glossary | None = None,
    linker: OutletLinker | None = None,
    fmt: str = "euaa",
    with_text: bool = False,
) -> Iterator[Citation | Text]:
    """Stream the citations of a text document (EUAA, CPIN, BFA, IRB, academic style, a bare list); ``with_text``:
    other text too.

    Outlets are linked to *glossary* through *linker* (built from *glossary* when not given: pass one to reuse
    its name cache across documents)."""
    if linker is None:
        linker = make_linker(glossary)
    for item in scanner(fmt)(lines, linker):
        if isinstance(item, Citation):
            yield link_outlets(item, linker)
        elif with_text:
            yield item


def read(
    path: str,
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    glossary: Glossary | None = None,
    with_text: bool = False,
    document: Document | None = None,
) -> tuple[str, Iterator[Citation | Text]]:
    """(format, stream of records) for the file at *path* (``-`` = stdin), in any supported format and
    encoding (guessed unless given), or for the text of a .docx/.pdf *document*."""
    from glossary.citations.reader import read as read_file

    return read_file(path, fmt=fmt, encoding=encoding, glossary=glossary, with_text=with_text, document=document)


def check(
    items: Iterable[Citation | Text],
    glossary: Glossary | None = None,
    *,
    progress: Callable[[int], object] | None = None,
) -> Checked:
    """Check a stream of records: ``citations`` read, ``counts`` by severity, and the findings by line when the
    result is iterated (use it in a ``with`` block, or iterate it to the end, to free its store)."""
    from glossary.citations.checks import check as run

    return run(items, glossary, progress=progress)


def normalize(
    open_lines: Callable[[], Iterable[str]],
    write: Callable[[str], object],
    glossary: Glossary | None = None,
    *,
    fmt: str = "euaa",
    scheme: str | None = None,
    add_romanized: bool = False,
    sort: bool = True,
    on_record: Callable[[Citation], object] | None = None,
    before_write: Callable[[int], object] | None = None,
) -> Summary:
    """Write the text document ``open_lines()`` gives (called twice) into *write* with its citations fixed;
    every other line is copied verbatim. See :func:`glossary.citations.rewrite.normalize_stream`."""
    from glossary.citations.rewrite import normalize_stream

    return normalize_stream(
        open_lines,
        write,
        glossary,
        scheme=scheme,
        add_romanized=add_romanized,
        sort=sort,
        on_record=on_record,
        fmt=fmt,
        before_write=before_write,
    )


def normalize_text(
    lines: list[str],
    glossary: Glossary | None = None,
    *,
    fmt: str = "euaa",
    scheme: str | None = None,
    add_romanized: bool = False,
    sort: bool = True,
) -> Result:
    """The normalized document for a list of lines, with the changes and the citation counts in and out."""
    from glossary.citations.rewrite import normalize_text as run

    return run(lines, glossary, scheme=scheme, add_romanized=add_romanized, sort=sort, fmt=fmt)


def normalize_records(
    records: list[Citation], glossary: Glossary | None = None, *, scheme: str | None = None, sort: bool = True
) -> tuple[list[Citation], list[Change]]:
    """BibTeX/CSL-JSON/RIS records fixed field by field (sorted unless asked not to), and the changes made."""
    from glossary.citations.structured import normalize_records as run

    return run(records, glossary, scheme=scheme, sort=sort)
