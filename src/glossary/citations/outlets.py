"""Link a citation's outlet to a glossary concept, by its printed name and by its URL.

A URL is evidence for the outlet: the glossary lists each outlet's ``web`` domains and channels
(``zn.ua``, ``t.me/graty_me``, ``bbc.com/russian``; the concept field ``domains`` is the subject area, not
a web address), so a link to zn.ua identifies ZN.UA whatever the printed name. Host names match on whole
labels, longest first (``ua.interfax.com.ua`` is Interfax-Ukraine, ``interfax.com`` is Interfax); a channel
(``bbc.com/russian``, ``t.me/<name>``) is the host and the first path segment, before the bare domain
(``bbc.com/russian/news-1`` is BBC News Russian, not the BBC). Telegram's web preview ``t.me/s/<name>`` and
``telegram.me`` are the same channel. A copy in a web archive is read as the URL it archived, and a link
into a document repository (Refworld, ecoi.net, ReliefWeb, ...) says nothing about who published the
document, so it links no outlet: ``Human Rights Watch, ..., available at: https://www.refworld.org/...`` is
Human Rights Watch.

A printed name is looked up as printed first; only when that fails, under the habits publishers have
(:func:`name_variants`): ``The`` added or dropped, a trailing ``TV``/``News``/``Service``/``Online``
dropped or ``Service`` added (``BBC Russian`` → BBC Russian Service), a name printed as a web address
(``Censor.NET``) read as a URL, and ``@handle`` or ``t.me/handle`` as a Telegram channel. Name look-ups are
cached: a report cites the same outlets again and again.
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
_LEADING_ARTICLE = re.compile(r"^(?:The|the)\s+(?=\S)")
#: words publishers add to or leave off an outlet's name ("Dozhd TV", "BBC Russian", "Kommersant Online")
_SUFFIXES = ("TV", "News", "Service", "Online", "Channel", "Foundation")
_LANGUAGES = ("Russian", "Ukrainian", "Belarusian", "Tatar", "Crimean Tatar", "Chechen", "Georgian", "Kazakh")
_HOSTLIKE = re.compile(r"^(?:[\w-]+\.)+(?:[a-z]{2,6}|NET|COM|RU|UA|ORG)$", re.IGNORECASE)
_HANDLE = re.compile(r"^(?:@|(?:https?://)?(?:t|telegram)\.me/(?:s/)?)(?P<h>[A-Za-z][\w]{3,31})/?$")


def name_variants(text: str) -> list[str]:
    """Other spellings of a printed outlet name under publishers' habits, most likely first (not *text*)."""
    out: list[str] = []
    printed = text
    m = _ARTICLE.match(text)
    if m:  # "New York Times (The)" → "The New York Times"
        out += [f"{m.group('art')} {m.group('name')}", m.group("name")]
        text = m.group("name")
    bare = _LEADING_ARTICLE.sub("", text)
    if bare != text:
        out.append(bare)
    elif " " in text or text[:1].isupper():
        out.append(f"The {text}")
    words = bare.split()
    if len(words) >= 2 and words[-1] in _SUFFIXES:
        out.append(" ".join(words[:-1]))
    if len(words) >= 2 and words[-1] in _LANGUAGES:  # "BBC Russian" → "BBC Russian Service"
        out.append(f"{bare} Service")
    if len(words) >= 2 and words[0] == "TV":
        out.append(" ".join(words[1:]))
    seen = {printed}
    return [v for v in out if not (v in seen or seen.add(v))]  # type: ignore[func-returns-value]


#: hosts that serve other publishers' documents: their links are no evidence of the outlet
_REPOSITORIES = ("refworld.org", "ecoi.net", "reliefweb.int", "docslib.org", "scribd.com", "factiva.com",
                 "archive.org", "archive.ph", "archive.today", "doi.org")
_ARCHIVED = re.compile(r"^https?://(?:web\.archive\.org|webarchive\.[\w.]+|archive\.ph|archive\.today)/"
                       r"(?:web/)?[\w*]+/(?P<u>https?://.+)$", re.IGNORECASE)


def _host_path(url: str) -> tuple[str, list[str]]:
    archived = _ARCHIVED.match(url)
    if archived:  # "https://web.archive.org/web/2023.../https://meduza.io/...": the archived page
        url = archived.group("u")
    if "//" not in url:
        url = "//" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = [p for p in parts.path.lower().split("/") if p]
    if host == "telegram.me":
        host = "t.me"
    if host == "t.me" and len(path) >= 2 and path[0] == "s":  # the web preview of a channel
        path = path[1:]
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
        labels = host.split(".")
        suffixes = [".".join(labels[i:]) for i in range(len(labels) - 1)]
        if any(suffix in _REPOSITORIES for suffix in suffixes):
            return None
        if path:  # a channel on the host or a parent domain ("m.bbc.com/russian") before any bare domain
            for suffix in suffixes:
                found = self.channels.get(f"{suffix}/{path[0]}")
                if found:
                    return found
        for suffix in suffixes:
            found = self.domains.get(suffix)
            if found:
                return found
        return None

    def _name(self, text: str) -> tuple[str | None, str | None, str | None]:
        """(concept id, how, right form for a misspelling) for a printed name."""
        text = text.strip()
        if not text:
            return None, None, None
        handle = _HANDLE.match(text)
        if handle:  # "@stranaua", "t.me/stranaua": a Telegram channel
            cid = self.channels.get(f"t.me/{handle.group('h').lower()}")
            if cid:
                return cid, "web", None
        found = self._lookup(text)
        if found[0]:
            return found
        if _HOSTLIKE.match(text):  # "Censor.NET", "Focus.ua": the name is the outlet's web address
            cid = self.by_url(text)
            if cid:
                return cid, "web", None
        for variant in name_variants(text):
            found = self._lookup(variant)
            if found[0]:
                return found
        return None, None, None

    def _lookup(self, query: str) -> tuple[str | None, str | None, str | None]:
        matches = self.glossary.match(query, top=3, min_score=90)
        matches = [x for x in matches if x.how in _NAME_KINDS and not x.ambiguous]
        if not matches:
            return None, None, None
        best = matches[0]
        return best.concept.id, best.how, best.of if best.how in ("misspelling", "deprecated") else None

    def name(self, text: str) -> tuple[str | None, str | None, str | None]:
        return self._by_name(text)

    def concept(self, concept_id: str | None) -> Concept | None:
        return self.glossary.concepts.get(concept_id) if concept_id else None

    def link(self, text: str, url: str | None, expansion: str | None = None, *, state: str | None = None) -> Outlet:
        """The outlet record for a printed name (and its URL); *state* is the state printed before a body's
        name (``Ukraine. 2015. Ministry of Defence.``), which makes ``Ministry of Defence`` one ministry."""
        cid, how, _ = self.name(text)
        if cid is None and expansion:
            cid, how, _ = self.name(expansion)
        if cid is None and state:
            cid, how, _ = self.name(f"{text} of {state}")
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
