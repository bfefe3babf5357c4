"""Citations in COI reports: parse, check and normalize footnotes and bibliographies.

``parse(lines, glossary=g)`` streams ``Citation`` records (and the document's other text) from an EUAA/EASO or
UK Home Office CPIN style document; ``read_records(path, fmt)`` reads BibTeX, CSL-JSON or RIS; ``check`` finds
inconsistencies; ``normalize`` writes the bibliography back. Formats: ``euaa`` (EUAA/EASO text), ``cpin``,
``bfa`` (Austrian BFA ``■`` source lists), ``bibtex``, ``csl-json``, ``ris``, ``md`` (output only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from glossary.citations import formats  # noqa: F401 - the package exposes its formats module
from glossary.citations.model import Citation, Finding, Outlet

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.citations.euaa import Text
    from glossary.citations.outlets import OutletLinker

__all__ = ["FORMATS", "Citation", "Finding", "Outlet", "Scan", "link_outlets", "make_linker", "parse", "scanner"]

FORMATS = ("euaa", "cpin", "bfa", "list", "bibtex", "csl-json", "ris")
#: a text-style parser: the document's lines and the outlet linker (or ``None``) → citations and other text
Scan = Callable[[Iterable[str], "OutletLinker | None"], Iterator["Citation | Text"]]


def scanner(fmt: str, *, references: bool = True) -> Scan:
    """The parser of text style *fmt* (``euaa``, ``cpin``, ``bfa``, ``list``), the one place a style is added.
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
    linked = linker.link(name, citation.url, o.expansion)
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
    """Stream the citations of a text document (EUAA, CPIN, BFA style, a bare list); ``with_text``: other text too.

    Outlets are linked to *glossary* through *linker* (built from *glossary* when not given: pass one to reuse
    its name cache across documents)."""
    if linker is None:
        linker = make_linker(glossary)
    for item in scanner(fmt)(lines, linker):
        if isinstance(item, Citation):
            yield link_outlets(item, linker)
        elif with_text:
            yield item
