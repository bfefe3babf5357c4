"""Plain UTF-8 text as a ``Document`` (locations are line numbers)."""

from __future__ import annotations

from glossary.documents import Document, DocumentError
from glossary.i18n import _


def read_plain(data: bytes, name: str) -> Document:
    if b"\x00" in data[:65536]:
        raise DocumentError(name, _("binary data, not text (nor a .docx or .pdf file)"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(name, _("not UTF-8 text (byte {pos})").format(pos=exc.start)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    count = text.count("\n") + 1
    return Document(text=text, kind="text", name=name, places=[("line", n) for n in range(1, count + 1)])
