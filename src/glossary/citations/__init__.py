"""Citations in COI reports: parse, check and normalize footnotes and bibliographies.

``parse(lines, glossary=g)`` streams ``Citation`` records (and the document's other text) from an EUAA/EASO or
UK Home Office CPIN style document; ``read_records(path, fmt)`` reads BibTeX, CSL-JSON or RIS; ``check`` finds
inconsistencies; ``normalize`` writes the bibliography back. Formats: ``euaa`` (EUAA/EASO text), ``cpin``,
``bfa`` (Austrian BFA ``■`` source lists), ``irb`` (IRB Canada RIR references), ``academic`` (APA, MLA,
Chicago, numbered reference lists), ``list`` (citations one per line), ``bibtex``, ``csl-json``, ``ris``,
``md`` (output only).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations import formats  # noqa: F401 - the package exposes its formats module
from glossary.citations.model import Citation, Finding, Outlet

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text
    from glossary.citations.outlets import OutletLinker

__all__ = ["FORMATS", "Citation", "Finding", "Outlet", "link_outlets", "linker_for", "parse"]

FORMATS = ("euaa", "cpin", "bfa", "irb", "academic", "list", "bibtex", "csl-json", "ris")
#: the linker of the last glossary asked for: building one indexes every outlet name, and a caller
#: (CLI, web page, tests) uses one glossary at a time; one slot, so no glossary is kept alive for long
_LAST_LINKER: list[tuple[Glossary, OutletLinker]] = []


def linker_for(glossary: Glossary | None) -> OutletLinker | None:
    """The OutletLinker of *glossary*, reused while the same glossary is asked for."""
    if glossary is None:
        return None
    from glossary.citations.outlets import OutletLinker

    if _LAST_LINKER and _LAST_LINKER[0][0] is glossary:
        return _LAST_LINKER[0][1]
    linker = OutletLinker(glossary)
    _LAST_LINKER[:] = [(glossary, linker)]
    return linker


def link_outlets(citation: Citation, linker: OutletLinker | None) -> Citation:
    """Fill ``outlet.id`` / ``outlet.en`` from the glossary (by name, expansion and URL)."""
    if linker is None:
        return citation
    if citation.outlet is None:
        if citation.url:
            cid = linker.by_url(citation.url)
            concept = linker.concept(cid)
            if concept:
                citation.outlet = Outlet(
                    text="", id=cid, en=concept.preferred("en") or concept.label, how="url"
                )
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
    lines: Iterable[str], *, glossary: Glossary | None = None, fmt: str = "euaa", with_text: bool = False
) -> Iterator[Citation | Text]:
    """Stream the citations of a text document (EUAA, CPIN, BFA, IRB, academic style, a bare list);
    ``with_text``: other text too."""
    from glossary.citations import euaa

    linker = linker_for(glossary)
    euaa.set_linker(linker)
    if fmt == "cpin":
        from glossary.citations import cpin

        items: Iterable[Citation | Text] = cpin.scan(lines)
    elif fmt == "bfa":
        from glossary.citations import bfa

        items = bfa.scan(lines, references=True)
    elif fmt == "list":
        from glossary.citations import reflist

        items = reflist.scan(lines)
    elif fmt == "irb":
        from glossary.citations import irb

        items = irb.scan(lines)
    elif fmt == "academic":
        from glossary.citations import academic

        items = academic.scan(lines)
    else:
        items = euaa.scan(lines)
    try:
        for item in items:
            if isinstance(item, Citation):
                yield link_outlets(item, linker)
            elif with_text:
                yield item
    finally:
        euaa.set_linker(None)
