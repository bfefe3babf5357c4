"""Dates as COI sources print them, in English, Russian and Ukrainian, and back out per locale.

Parsing reads ``5 April 2022``, ``April 5, 2022``, ``19 марта 2022 г.``, ``19 березня 2022 р.``,
``март 2022``, ``19.03.2022``, ``2022-03-19``, several days of one month (``19, 25, 26 March 2022``,
``23 and 26 March 2022``) and ``n.d.``. Month names come from the CLDR data that Babel ships (format/genitive
and stand-alone/nominative,
wide and abbreviated), so no month table is kept here. Formatting goes through Babel:
``5 April 2022`` (en), ``5 апреля 2022 г.`` (ru), ``5 квітня 2022 р.`` (uk) — CLDR puts a narrow no-break
space (U+202F) before ``г.``/``р.``, and parsing accepts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from glossary.errors import UsageError

__all__ = ["PartialDate", "find_dates", "format_date", "month_names", "parse_date"]

LOCALES = {"en": "en_GB", "ru": "ru", "uk": "uk"}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precise as the source gives it: year only, month and year, a day, or several days."""

    year: int | None = None
    month: int | None = None
    days: tuple[int, ...] = ()
    nd: bool = False  # "n.d.": the source states it has no date

    @property
    def day(self) -> int | None:
        return self.days[0] if self.days else None

    def iso(self) -> str | None:
        """``2022-03-19``, ``2022-03``, ``2022``; several days give the first; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if not self.days:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.days[0]:02d}"

    def isos(self) -> list[str]:
        """One ISO date per day named (``19, 25, 26 March 2022`` gives three)."""
        if self.year is None or self.month is None or not self.days:
            one = self.iso()
            return [one] if one else []
        return [f"{self.year:04d}-{self.month:02d}-{d:02d}" for d in self.days]


_DIGIT = re.compile(r"\d")
_ND = re.compile(r"\b(?:n\.\s?d\.|no date|б\.\s?д\.|без даты|без дати|o\.\s?D\.|ohne Datum)", re.IGNORECASE)


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Lower-case month name or abbreviation (en, ru, uk, de; genitive and nominative) → month number.

    German is here for the Austrian BFA's reports (``15. März 2024``); the names are CLDR's, via Babel.
    """
    from babel import Locale

    names: dict[str, int] = {}
    for code in ("en", "ru", "uk", "de"):
        loc = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in loc.months[context][width].items():
                    key = name.lower().rstrip(".")
                    if len(key) >= 3:
                        names.setdefault(key, num)
    names.setdefault("sept", 9)
    return names


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = sorted(month_names(), key=len, reverse=True)
    mon = "(?P<mon>" + "|".join(re.escape(m) for m in months) + r")\.?"
    days = r"(?P<days>\d{1,2}\.?(?:(?:\s*,\s*|\s+(?:and|и|і|та|&)\s+|\s*[-–]\s*)\d{1,2})*)"
    year = r"(?P<year>(?:1[89]|20)\d\d)(?:\s*(?:г|р|гг|рр|года|року)\.?(?!\w))?"
    dmy = re.compile(rf"(?<![\w.])(?:{days}\s+)?{mon}(?:,?\s+{year})?(?![\w])", re.IGNORECASE)
    mdy = re.compile(rf"(?<![\w.]){mon}\s+(?P<d>\d{{1,2}}),\s+{year}", re.IGNORECASE)
    num = re.compile(
        r"(?<![\w.])(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)"
        r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)|(?P<mm>\d{1,2})\.(?P<my>(?:19|20)\d\d)"
        r"|(?P<by>(?:1[89]|20)\d\d))(?![\w])"
    )
    return dmy, mdy, num


def _days(text: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    if re.search(r"\d\s*[-–]\s*\d", text):  # a range of days: keep both ends
        return tuple(int(x) for x in re.findall(r"\d+", text))
    return tuple(int(x) for x in re.findall(r"\d+", text))


_WORD = re.compile(r"[^\W\d_]+")


def find_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Every date in *text* as (start, end, date), in order; bare month names without a year are kept."""
    if not _DIGIT.search(text) and not _ND.search(text):
        return []  # every date we read has a digit, except "n.d."
    return list(_find_dates(text))


@lru_cache(maxsize=4096)
def _find_dates(text: str) -> tuple[tuple[int, int, PartialDate], ...]:
    """Cached: a report prints the same dates (and accessed dates) again and again."""
    dmy, mdy, num = _patterns()
    # a month name is always a whole word: without one, the month patterns (long alternations) cannot match
    names = month_names()
    has_month = any(w in names for w in _WORD.findall(text.lower()))
    found: list[tuple[int, int, PartialDate]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _ND.finditer(text):
        found.append((m.start(), m.end(), PartialDate(nd=True)))
        taken.append(m.span())
    for m in mdy.finditer(text) if has_month else ():
        if free(*m.span()):
            month = month_names()[m.group("mon").lower()]
            found.append((m.start(), m.end(), PartialDate(int(m.group("year")), month, (int(m.group("d")),))))
            taken.append(m.span())
    for m in dmy.finditer(text) if has_month else ():
        if not free(*m.span()):
            continue
        word = m.group("mon").lower()
        # "May", "март" alone are words too: without day or year, a month name counts only if capitalised
        if not m.group("days") and not m.group("year") and (len(word) < 4 or not m.group("mon")[0].isupper()):
            continue
        if word in ("may", "mar", "jun", "jan", "dec") and not (m.group("days") or m.group("year")):
            continue
        days = _days(m.group("days"))
        if any(d < 1 or d > 31 for d in days):
            continue
        year = int(m.group("year")) if m.group("year") else None
        found.append((m.start(), m.end(), PartialDate(year, month_names()[word], days)))
        taken.append(m.span())
    for m in num.finditer(text):
        if not free(*m.span()):
            continue
        if m.group("y"):
            d, mo = int(m.group("d")), int(m.group("m"))
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            pd = PartialDate(int(m.group("y")), mo, (d,))
        elif m.group("iy"):
            mo, d = int(m.group("im")), int(m.group("id"))
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            pd = PartialDate(int(m.group("iy")), mo, (d,))
        elif m.group("my"):  # 9.2022: month and year (German and Austrian sources)
            mo = int(m.group("mm"))
            if not 1 <= mo <= 12:
                continue
            pd = PartialDate(int(m.group("my")), mo)
        else:
            pd = PartialDate(int(m.group("by")))
        found.append((m.start(), m.end(), pd))
        taken.append(m.span())
    found.sort(key=lambda t: t[0])
    return tuple(found)


def parse_date(text: str) -> PartialDate | None:
    """The first date in *text*, or None (``n.d.`` gives ``PartialDate(nd=True)``)."""
    found = find_dates(text)
    return found[0][2] if found else None


def format_date(value: PartialDate | date, locale: str = "en", *, style: str = "long") -> str:
    """``5 April 2022`` / ``5 апреля 2022 г.`` / ``5 квітня 2022 р.``; partial dates keep their precision."""
    from babel.dates import format_date as babel_format
    from babel.dates import format_skeleton

    if locale not in LOCALES:
        msg = f"unknown locale '{locale}' (expected one of: {', '.join(LOCALES)})"
        raise UsageError(msg)
    loc = LOCALES[locale]
    if isinstance(value, date):
        return str(babel_format(value, style, locale=loc))
    if value.nd or value.year is None:
        return {"en": "n.d.", "ru": "б. д.", "uk": "б. д."}[locale]
    if value.month is None:
        return str(value.year)
    if not value.days:
        return str(format_skeleton("yMMMM", date(value.year, value.month, 1), locale=loc))
    return str(babel_format(date(value.year, value.month, value.days[0]), style, locale=loc))
