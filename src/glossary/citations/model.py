"""The citation record: one citation as a document prints it, with its parts picked out.

Every field keeps the text as printed; derived values (ISO dates, the outlet's glossary id) sit beside it.
``to_json()`` is the shape ``glossary cite --json`` prints (documented in the command's help and README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Outlet:
    """Who published: the name as printed, and the glossary concept it is, when it is one."""

    text: str
    id: str | None = None
    en: str | None = None
    how: str | None = None  # "name", "url", "name+url", "misspelling", ...
    expansion: str | None = None  # "ISW (Institute for the Study of War)" → "Institute for the Study of War"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "id": self.id, "en": self.en, "how": self.how, "expansion": self.expansion}


@dataclass(slots=True)
class Citation:
    """One citation: a footnote's part (footnotes may hold several) or one bibliography entry."""

    text: str  # as printed (page-break pieces joined with a space)
    lines: list[int]  # input line numbers, 1-based
    kind: str = "entry"  # "footnote" | "entry"
    section: str | None = None  # "oral", "written", "consulted", ... (bibliography sections)
    footnote: int | None = None
    authors: list[str] = field(default_factory=list)
    organisation: str | None = None  # issuing state or parent body: "Russia", "RFE/RL"
    outlet: Outlet | None = None
    title: str | None = None  # in the original script as printed
    title_romanized: str | None = None
    translation: str | None = None  # the bracketed English translation
    date: str | None = None  # as printed
    date_iso: list[str] = field(default_factory=list)
    accessed: str | None = None
    accessed_iso: str | None = None
    url: str | None = None
    url_placeholder: bool = False  # "[url](#)": the link was lost in extraction
    medium: str | None = None  # email, Telegram, Facebook, Factiva, ...
    pages: str | None = None
    note: str | None = None  # commentary printed with the citation
    format: str = "euaa"
    key: str | None = None  # BibTeX key, CSL id, RIS ID
    issues: list[str] = field(default_factory=list)  # parse-time observations (missing comma, split URL ...)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "section": self.section,
            "footnote": self.footnote,
            "lines": self.lines,
            "authors": self.authors,
            "organisation": self.organisation,
            "outlet": self.outlet.to_json() if self.outlet else None,
            "title": self.title,
            "title_romanized": self.title_romanized,
            "translation": self.translation,
            "date": self.date,
            "date_iso": self.date_iso,
            "accessed": self.accessed,
            "accessed_iso": self.accessed_iso,
            "url": self.url,
            "url_placeholder": self.url_placeholder,
            "medium": self.medium,
            "pages": self.pages,
            "note": self.note,
            "format": self.format,
            "key": self.key,
            "text": self.text,
        }


@dataclass(slots=True)
class Finding:
    """One problem found by ``glossary check``."""

    kind: str
    severity: str  # "error" | "warning" | "info"
    message: str
    lines: list[int]
    strings: list[str]  # the exact strings from the input, as printed
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "lines": self.lines,
            "strings": self.strings,
            "suggestion": self.suggestion,
        }
