"""Read a text file whatever its encoding: UTF-8 (± BOM), UTF-16, Windows-1251, KOI8-R; never mangle.

Detection looks at a prefix: a BOM decides; else strict UTF-8; else NUL-byte patterns mean UTF-16; else the
single-byte Cyrillic code page whose decoding looks like Russian/Ukrainian text (mostly lower-case letters,
common letters frequent). Anything else is an error asking for ``--encoding``, not a silent guess.
The file is then read line by line through an incremental decoder, so memory stays flat.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from glossary.errors import GlossaryError

PREFIX = 1 << 16
_COMMON = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёіїєґ")


def _cyrillic_score(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    if not letters:
        return 0.0
    cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    lower_common = sum(1 for ch in cyr if ch in _COMMON)
    return (lower_common / len(letters)) if len(cyr) / len(letters) > 0.9 else 0.0


def detect(prefix: bytes) -> str:
    """The codec name for data beginning with *prefix* (raises GlossaryError when it cannot tell)."""
    if prefix.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if prefix.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if prefix.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(prefix) >= 4 and b"\x00" in prefix:
        even = prefix[0::2].count(0)
        odd = prefix[1::2].count(0)
        half = len(prefix) // 2
        if odd > 0.3 * half and even < 0.05 * half:
            return "utf-16-le"
        if even > 0.3 * half and odd < 0.05 * half:
            return "utf-16-be"
        msg = "binary data (NUL bytes), not text; give --encoding if it is text"
        raise GlossaryError(msg)
    try:
        prefix.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(prefix) - 4 and exc.reason == "unexpected end of data":
            return "utf-8"  # a character cut by the prefix boundary
    scores = {}
    for codec in ("cp1251", "koi8_r", "koi8_u"):
        try:
            scores[codec] = _cyrillic_score(prefix.decode(codec))
        except UnicodeDecodeError:
            continue
    best = max(scores, key=lambda c: scores[c], default=None)
    if best is None or scores[best] < 0.5:
        msg = "cannot tell the encoding (not UTF-8, UTF-16, Windows-1251 or KOI8-R text); give --encoding"
        raise GlossaryError(msg)
    if best == "koi8_u" and scores["koi8_u"] <= scores.get("koi8_r", 0):
        best = "koi8_r"
    return best


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


class _Chain(io.RawIOBase):
    """The already-read prefix, then the rest of the stream, as one readable stream."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def iter_lines(stream: BinaryIO, *, encoding: str | None = None, name: str = "<stdin>") -> Iterator[str]:
    """Decoded lines (without line ends) of *stream*; a decoding error names the file and line."""
    prefix = stream.read(PREFIX)
    codec = encoding or detect(prefix)
    try:
        codecs.lookup(codec)
    except LookupError:
        msg = f"unknown encoding '{codec}'"
        raise GlossaryError(msg) from None
    if codec.replace("_", "-").lower().startswith(("utf-16", "utf-32")):
        wide = io.TextIOWrapper(
            io.BufferedReader(_Chain(prefix, stream)), encoding=codec, errors="strict", newline=None
        )
        n = 0
        try:
            for line in wide:
                n += 1
                yield line.rstrip("\n")
        except UnicodeDecodeError:
            msg = f"{name}: near line {n + 1}: cannot decode the text as {codec}; give the right --encoding"
            raise GlossaryError(msg) from None
        return
    # byte-oriented codecs: split on b"\n" first, so an error names its exact line
    raw = io.BufferedReader(_Chain(prefix, stream))
    first = True
    for n, data in enumerate(raw, start=1):
        try:
            line = data.decode(codec)
        except UnicodeDecodeError as exc:
            msg = (
                f"{name}:{n}: cannot decode byte 0x{data[exc.start]:02x} (column {exc.start + 1}) "
                f"as {codec}; "
                f"give the right --encoding"
            )
            raise GlossaryError(msg) from None
        if first and codec == "utf-8-sig":
            line = line.removeprefix("\ufeff")
        first = False
        yield line.rstrip("\r\n")


def open_lines(path: str, *, encoding: str | None = None) -> Iterator[str]:
    """Lines of the file at *path*, or of stdin when *path* is ``-``."""
    if path == "-":
        yield from iter_lines(sys.stdin.buffer, encoding=encoding, name="<stdin>")
        return
    try:
        handle = open(path, "rb")
    except OSError as exc:
        msg = f"{path}: {exc.strerror}"
        raise GlossaryError(msg) from None
    with handle:
        yield from iter_lines(handle, encoding=encoding, name=path)


def read_text(path: str, *, encoding: str | None = None) -> tuple[str, str]:
    """(whole text, codec) — for formats parsed as a whole (BibTeX, CSL-JSON, RIS)."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            msg = f"{path}: {exc.strerror}"
            raise GlossaryError(msg) from None
    codec = encoding or detect(data[:PREFIX])
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        msg = (
            f"{path}:{_line_of(data, exc.start)}: cannot decode byte 0x{data[exc.start]:02x} as {codec}; "
            f"give the right --encoding"
        )
        raise GlossaryError(msg) from None
    except LookupError:
        msg = f"unknown encoding '{codec}'"
        raise GlossaryError(msg) from None


def detect_codec(path: str) -> str:
    """The codec of the file at *path* (for writing a normalized file back in its own encoding)."""
    with open(path, "rb") as handle:
        return detect(handle.read(PREFIX))


__all__ = ["detect", "detect_codec", "iter_lines", "open_lines", "read_text"]
