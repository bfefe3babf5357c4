"""``glossary check`` as one self-contained HTML page an editor can open and read.

The page lists the findings grouped by kind (the worst kinds first), each beside the lines of the report it
refers to, with the printed strings marked in them, and the summary on top. It is one file: the CSS is inline,
nothing is fetched (a Content-Security-Policy forbids it), and every piece of text from the report or the
findings is HTML-escaped. The words of the page follow the interface language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from glossary.i18n import _, current_language, ngettext

if TYPE_CHECKING:
    from glossary.citations.model import Finding

#: The most lines shown for one finding; the rest are counted ("and 12 more lines").
MAX_LINES = 12
_RANK = {"error": 0, "warning": 1, "info": 2}

_CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#35608f;--line:#d7d7de;--bg:#fafafc}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1c1b1f;background:var(--bg)}
header,main,nav{max-width:70rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.25rem}
h1{font-size:1.45rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.summary{font-size:1.05rem;margin:.4rem 0 1rem}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem .9rem}
nav a{text-decoration:none;color:#1c1b1f;border-bottom:1px dotted}
.finding{display:grid;grid-template-columns:minmax(16rem,1fr) minmax(20rem,1.4fr);gap:1rem;background:#fff;
 border:1px solid var(--line);border-left:5px solid var(--info);border-radius:6px;padding:.7rem .9rem;margin:.6rem 0}
.finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:var(--warn)}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.error .sev{color:var(--err)}.warning .sev{color:var(--warn)}.info .sev{color:var(--info)}
.message{margin:.25rem 0}
.suggestion{margin:.25rem 0;color:#245b2a}
.strings{margin:.25rem 0;padding:0;list-style:none}
.strings li{display:inline-block;margin:0 .3rem .2rem 0}
code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f1f5;padding:0 .2rem;
 border-radius:3px;white-space:pre-wrap;word-break:break-word}
.cited{margin:0;padding:0;list-style:none}
.cited li{display:grid;grid-template-columns:7.5rem 1fr;gap:.5rem;padding:.15rem 0;border-top:1px solid #eee}
.cited li:first-child{border-top:0}
.where{color:#5f5f6b;font-size:.85rem;text-align:right}
mark{background:#ffe08a;padding:0 .1rem}
.none{color:#5f5f6b;font-style:italic}
@media (max-width:50rem){.finding{grid-template-columns:1fr}}
@media print{body{background:#fff}.finding{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _marked(line: str, strings: Iterable[str]) -> str:
    """*line* escaped, with each of *strings* that occurs in it wrapped in ``<mark>``."""
    wanted = sorted({s for s in strings if s and s in line}, key=len, reverse=True)
    if not wanted:
        return _e(line)
    pattern = re.compile("|".join(map(re.escape, wanted)))
    out: list[str] = []
    last = 0
    for m in pattern.finditer(line):
        out.append(_e(line[last : m.start()]))
        out.append(f"<mark>{_e(m.group())}</mark>")
        last = m.end()
    out.append(_e(line[last:]))
    return "".join(out)


def _severity(severity: str) -> str:
    return {"error": _("error"), "warning": _("warning"), "info": _("info")}.get(severity, severity)


def _finding(f: Finding, n: int, text_of: Callable[[int], str | None], where: Callable[[int], str]) -> str:
    parts = [f'<article class="finding {_e(f.severity)}" id="f-{n}">', "<div>",
             f'<div class="sev">{_e(_severity(f.severity))} · {_e(f.kind)}</div>',
             f'<p class="message">{_e(f.message)}</p>']
    if f.suggestion:
        suggestion = _("suggestion: {s}").format(s=f.suggestion)
        parts.append(f'<p class="suggestion">{_e(suggestion)}</p>')
    if f.strings:
        parts.append('<ul class="strings">' + "".join(f"<li><code>{_e(s)}</code></li>" for s in f.strings)
                     + "</ul>")
    parts.append("</div><div>")
    cited = [(line, text_of(line)) for line in dict.fromkeys(f.lines)]
    if cited:
        rows = [
            f'<li><span class="where">{_e(where(line))}</span>'
            f'<code>{_marked(t, f.strings) if t is not None else ""}</code></li>'
            for line, t in cited[:MAX_LINES]
        ]
        if len(cited) > MAX_LINES:
            more = len(cited) - MAX_LINES
            rows.append('<li><span class="where"></span><span class="none">' + _e(
                ngettext("and {n} more line", "and {n} more lines", more).format(n=more)) + "</span></li>")
        parts.append('<ol class="cited">' + "".join(rows) + "</ol>")
    else:
        nowhere = _("not tied to a line of the report")
        parts.append(f'<p class="none">{_e(nowhere)}</p>')
    parts.append("</div></article>")
    return "".join(parts)


def render_html(
    findings: Iterable[Finding],
    lines: Mapping[int, str],
    *,
    source: str,
    where: Callable[[int], str] | None = None,
    counts: Mapping[str, int] | None = None,
) -> str:
    """The page for *findings* of the report *source*, whose text is *lines* (1-based line → text).

    *where* names a line as the reader knows it ("footnote 3", "page 2"; default "line 12"); *counts* are
    the findings per severity (default: counted from *findings*).
    """
    items = list(findings)
    if counts is None:
        counts = {s: sum(f.severity == s for f in items) for s in _RANK}
    locate = where or (lambda n: _("line {n}").format(n=n))
    by_kind: dict[str, list[Finding]] = {}
    for f in items:
        by_kind.setdefault(f.kind, []).append(f)
    kinds = sorted(by_kind, key=lambda k: (min(_RANK.get(f.severity, 3) for f in by_kind[k]), k))
    title = _("Citation check: {file}").format(file=source)
    e, w, i = (counts.get(s, 0) for s in _RANK)
    summary = ngettext("{n} finding", "{n} findings", len(items)).format(n=len(items)) + ": " + ", ".join((
        ngettext("{n} error", "{n} errors", e).format(n=e),
        ngettext("{n} warning", "{n} warnings", w).format(n=w),
        ngettext("{n} info", "{n} info", i).format(n=i),
    ))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(current_language())}">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="glossary check">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f'<header><h1>{_e(title)}</h1><p class="summary">{_e(summary)}</p></header>',
    ]
    if kinds:
        label = _("kinds of finding")
        out.append(f'<nav aria-label="{_e(label)}"><ul>' + "".join(
            f'<li><a href="#kind-{_e(k)}">{_e(k)}</a> ({len(by_kind[k])})</li>' for k in kinds) + "</ul></nav>")
    out.append("<main>")
    if not kinds:
        clean = _("No findings: nothing to correct in the citations.")
        out.append(f'<p class="none">{_e(clean)}</p>')
    n = 0
    for kind in kinds:
        out.append(f'<section id="kind-{_e(kind)}"><h2>{_e(kind)} ({len(by_kind[kind])})</h2>')
        for f in sorted(by_kind[kind], key=lambda f: (_RANK.get(f.severity, 3), f.lines[:1])):
            n += 1
            out.append(_finding(f, n, lines.get, locate))
        out.append("</section>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
