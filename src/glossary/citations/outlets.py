"""Link a citation's outlet to a glossary concept, by its printed name and by its URL.

A URL is evidence for the outlet: the glossary lists each outlet's ``web`` domains and channels
(``zn.ua``, ``t.me/graty_me``, ``bbc.com/russian``), so a link to zn.ua identifies ZN.UA whatever the
printed name. Host names match on whole labels, longest first (``ua.interfax.com.ua`` is Interfax-Ukraine,
``interfax.com`` is Interfax). Name look-ups are cached: a report cites the same outlets again and again.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from glossary.citations.model import Outlet

if TYPE_CHECKING:
    from glossary import Glossary
    from glossary.model.concept import Concept

#: lookup kinds that identify a concept by name (partial word matches do not)
_NAME_KINDS = {
    "preferred",
    "full",
    "admitted",
    "abbreviation",
    "expansion",
    "romanized",
    "derived",
    "web",
    "deprecated",
    "generated",
    "misspelling",
    "title",
}
_ARTICLE = re.compile(r"^(?P<name>.+?)\s*\((?P<art>The|the|Le|La|Der|Die)\)$")


def _host_path(url: str) -> tuple[str, list[str]]:
    if "//" not in url:
        url = "//" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = [p for p in parts.path.lower().split("/") if p]
    return host, path


class OutletLinker:
    """Name and URL → concept, for one glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.domains: dict[str, str] = {}
        self.channels: dict[str, str] = {}
        for concept in glossary:
            for site in concept.web:
                host, path = _host_path(site)
                if path:
                    self.channels[f"{host}/{path[0]}"] = concept.id
                else:
                    self.domains.setdefault(host, concept.id)
        self._by_name = lru_cache(maxsize=8192)(self._name)

    def by_url(self, url: str | None) -> str | None:
        """The concept whose web domain or channel the URL is on."""
        if not url or "." not in url:
            return None
        host, path = _host_path(url)
        if path and f"{host}/{path[0]}" in self.channels:
            return self.channels[f"{host}/{path[0]}"]
        labels = host.split(".")
        for i in range(len(labels) - 1):
            found = self.domains.get(".".join(labels[i:]))
            if found:
                return found
        return None

    def _name(self, text: str) -> tuple[str | None, str | None, str | None]:
        """(concept id, how, right form for a misspelling) for a printed name."""
        queries = [text]
        m = _ARTICLE.match(text)
        if m:  # "New York Times (The)" → "The New York Times"
            queries += [f"{m.group('art')} {m.group('name')}", m.group("name")]
        for q in queries:
            matches = self.glossary.match(q, top=3, min_score=90)
            matches = [x for x in matches if x.how in _NAME_KINDS and not x.ambiguous]
            if matches:
                best = matches[0]
                return (
                    best.concept.id,
                    best.how,
                    best.of if best.how in ("misspelling", "deprecated") else None,
                )
        return None, None, None

    def name(self, text: str) -> tuple[str | None, str | None, str | None]:
        return self._by_name(text)

    def concept(self, concept_id: str | None) -> Concept | None:
        return self.glossary.concepts.get(concept_id) if concept_id else None

    def link(self, text: str, url: str | None, expansion: str | None = None) -> Outlet:
        """The outlet record for a printed name (and its URL)."""
        cid, how, _ = self.name(text)
        if cid is None and expansion:
            cid, how, _ = self.name(expansion)
        by_url = self.by_url(url)
        if by_url and cid and by_url != cid:
            # a sub-outlet or parent (Kavkaz.Realii on RFE/RL) keeps the printed name's concept
            concept = self.concept(by_url)
            related = concept and (cid in concept.part_of or cid in concept.related)
            if not related:
                how = "url"
                cid = by_url
        elif by_url and not cid:
            cid, how = by_url, "url"
        elif by_url == cid and cid:
            how = f"{how}+url"
        concept = self.concept(cid)
        en = concept.preferred("en") or concept.label if concept else None
        return Outlet(text=text, id=cid, en=en, how=how, expansion=expansion)
