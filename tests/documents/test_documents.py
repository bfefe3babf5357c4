"""glossary.documents: .docx and .pdf read into the text the citation parsers read, with locations."""

from __future__ import annotations

import io
import zipfile

import docwriters
import pytest
import report
from hypothesis import given
from hypothesis import strategies as st

from glossary.documents import Document, DocumentError, read_document, sniff
from glossary.errors import GlossaryError
from glossary.i18n import set_language


def test_docx_body_footnotes_and_locations() -> None:
    doc = read_document(report.docx_bytes(), "report.docx")
    assert isinstance(doc, Document)
    assert doc.kind == "docx"
    lines = doc.text.split("\n")
    assert lines[0].startswith("Conscripts who refuse")
    assert lines[0].endswith("several fronts.²")
    assert "prosecution.¹ The Institute" in lines[0]
    # each footnote right after the paragraph that refers to it, as its own paragraph, in the corpus layout
    assert lines[2] == "¹ " + report.FOOTNOTES[1]
    assert lines[4] == "² " + report.FOOTNOTES[2]
    assert doc.location(1) == "paragraph 1"
    assert doc.location(3) == "footnote 1"
    assert doc.location(lines.index("⁴ " + report.FOOTNOTES[4]) + 1) == "footnote 4"
    # the empty paragraph is not counted: SOURCES USED is the third paragraph with text
    assert doc.location(lines.index("SOURCES USED") + 1) == "paragraph 3"
    assert doc.location(999) == "line 999"


def test_docx_lines_are_the_hand_written_text_versions() -> None:
    """The .docx gives the lines of the report's text version (as extracted from its PDF), each footnote
    placed after the paragraph that refers to it rather than at the page's foot."""
    text = read_document(report.docx_bytes(), "report.docx").text
    assert sorted(filter(None, text.split("\n"))) == sorted(filter(None, report.TEXT.split("\n")))


def test_docx_endnotes_separators_and_note_order() -> None:
    data = docwriters.docx(
        ["Первый абзац.{fn:7}", "Second{en:2} and{fn:3}.", "Третий."],
        {7: "Медуза, Заголовок, 1 марта 2022", 3: "BBC, Title, 2 March 2022", 9: "Never referred to"},
        {2: "Агора, Доклад, 3 March 2022"},
    )
    doc = read_document(data, "notes.docx")
    lines = doc.text.split("\n")
    # Word numbers notes in the order the body refers to them, whatever their ids; endnotes on their own
    assert lines == [
        "Первый абзац.¹",
        "",
        "¹ Медуза, Заголовок, 1 марта 2022",
        "",
        "Second¹ and².",
        "",
        "¹ Агора, Доклад, 3 March 2022",
        "",
        "² BBC, Title, 2 March 2022",
        "",
        "Третий.",
        "",
        "³ Never referred to",
    ]
    assert [doc.location(n) for n in (1, 3, 5, 7, 9, 11, 13)] == [
        "paragraph 1",
        "footnote 1",
        "paragraph 2",
        "endnote 1",
        "footnote 2",
        "paragraph 3",
        "footnote 3",
    ]
    assert "separator" not in doc.text.lower()


def test_docx_tracked_deletions_field_codes_tabs_and_tables_are_read_as_shown() -> None:
    w = docwriters.W
    body = (
        "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        '<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:tab/><w:t>after tab</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ячейка</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
    doc = read_document(buf.getvalue(), "t.docx")
    assert doc.text == "Kept after tab\n\nЯчейка"


def test_location_is_localized() -> None:
    doc = read_document(report.docx_bytes(), "report.docx")
    try:
        set_language("ru")
        assert doc.location(3) == "сноска 1"
        assert doc.location(1) == "абзац 1"
        set_language("uk")
        assert doc.location(3) == "виноска 1"
    finally:
        set_language(None)


def test_pdf_pages_superscripts_and_paragraphs() -> None:
    doc = read_document(report.pdf_bytes(), "report.pdf")
    assert doc.kind == "pdf"
    lines = doc.text.split("\n")
    assert lines[0].startswith("Conscripts who refuse to serve face criminal prosecution.¹ The Institute")
    first_note = next(i for i, line in enumerate(lines) if line.startswith("¹ "))
    assert lines[first_note].startswith("¹ Meduza, В России фактически введено военное положение")  # Cyrillic
    assert lines[first_note - 1] == ""  # a paragraph gap before the footnote
    assert doc.location(first_note + 1) == "page 1"
    assert doc.location(lines.index("SOURCES USED") + 1) == "page 3"
    fourth = next(i for i, line in enumerate(lines) if line.startswith("⁴ "))
    assert doc.location(fourth + 1) == "page 2"
    assert "" in lines[fourth + 1 : lines.index("SOURCES USED")]  # the page break


def test_pdf_cyrillic_round_trips() -> None:
    words = "Росгвардия військкоматі ЁЖИК ґанок «Медуза» — №5"
    doc = read_document(docwriters.pdf([[[(words, 10, 0)]]]), "c.pdf")
    assert doc.text == words


def test_owner_password_only_pdf_is_read() -> None:
    """A 'protected' PDF (restrictions only, empty user password) opens as readers open it."""
    data = _encrypted(report.pdf_bytes(), user="")
    doc = read_document(data, "protected.pdf")
    assert "SOURCES USED" in doc.text


def _encrypted(data: bytes, user: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("random.docx", bytes(range(256)) * 4, "not a .docx"),
        ("truncated.docx", report.docx_bytes()[:1500], "not a .docx"),
        ("sheet.docx", docwriters.zip_of({"xl/workbook.xml": "<workbook/>"}), "no word/document.xml"),
        ("bad-xml.docx", docwriters.zip_of({"word/document.xml": "<w:document><w:body>"}), "corrupt XML"),
        (
            "entities.docx",
            docwriters.zip_of({"word/document.xml": '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>'}),
            "DTD",
        ),
        ("encrypted.pdf", _encrypted(report.pdf_bytes(), user="secret"), "encrypted"),
        ("empty.pdf", docwriters.pdf([[]]), "no text layer"),
        ("random.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "not a readable PDF"),
        ("binary.txt", b"\x00\x01\x02binary", "binary data"),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
        ),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "WordDocument".encode("utf-16-le"),
            "old Word .doc",
        ),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_input_is_a_clear_error(name: str, data: bytes, says: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_document(data, name)
    assert isinstance(caught.value, GlossaryError)
    assert str(caught.value).startswith(f"{name}: ")
    assert says in str(caught.value)


def test_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.documents import docx

    monkeypatch.setattr(docx, "MAX_PART", 1000)
    data = docwriters.docx(["x" * 5000])  # 5 kB of XML packs to a few hundred bytes
    assert len(data) < 1500
    with pytest.raises(DocumentError, match="too large"):
        read_document(data, "bomb.docx")


def test_kind_by_magic_then_extension() -> None:
    assert sniff(b"PK\x03\x04...", "report.txt") == "docx"
    assert sniff(b"%PDF-1.7", "noext") == "pdf"
    assert sniff(b"hello", "x.docx") == "docx"
    assert sniff(b"hello", "x.txt") == "text"
    doc = read_document("¹ Meduza, 1 March 2022\r\n".encode(), "notes.txt")
    assert (doc.kind, doc.text, doc.location(1)) == ("text", "¹ Meduza, 1 March 2022", "line 1")


_PARAGRAPH = (
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs", "Co", "Cn"), exclude_characters="{}"
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: s.strip())
    .filter(bool)
)


@given(st.lists(st.lists(_PARAGRAPH, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
def test_any_paragraph_survives_docx(paragraphs: list[str]) -> None:
    """Every paragraph's text comes back, one line each, in order, with its paragraph number."""
    doc = read_document(docwriters.docx(paragraphs), "p.docx")
    lines = doc.text.split("\n")
    assert lines[0::2] == paragraphs
    assert [doc.location(2 * i + 1) for i in range(len(paragraphs))] == [
        f"paragraph {i + 1}" for i in range(len(paragraphs))
    ]


@given(st.lists(_PARAGRAPH, min_size=1, max_size=5))
def test_any_footnote_survives_docx(notes: list[str]) -> None:
    body = ["Text" + "".join(f"{{fn:{i + 1}}}" for i in range(len(notes)))]
    doc = read_document(docwriters.docx(body, {i + 1: t for i, t in enumerate(notes)}), "f.docx")
    lines = doc.text.split("\n")
    for i, note in enumerate(notes):
        mark = docwriters.superscript(i + 1)
        assert lines[2 + 2 * i] == f"{mark} {note}"
        assert doc.location(3 + 2 * i) == f"footnote {i + 1}"


def test_pypdf_is_imported_only_for_a_pdf() -> None:
    import subprocess
    import sys

    code = (
        "import sys, docwriters, report\n"
        "from glossary.documents import read_document\n"
        "read_document(report.docx_bytes(), 'r.docx')\n"
        "assert 'pypdf' not in sys.modules\n"
        "read_document(report.pdf_bytes(), 'r.pdf')\n"
        "assert 'pypdf' in sys.modules\n"
    )
    import os

    env = {**os.environ, "PYTHONPATH": os.path.dirname(__file__)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr


def test_text_mentioning_pdf_is_text() -> None:
    assert sniff(b"Notes on %PDF-1.4 headers", "notes.txt") == "text"
    assert sniff(b"\n  %PDF-1.4\n", "x") == "pdf"


def test_docx_text_box_comes_after_its_paragraph_once() -> None:
    w = docwriters.W
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>В рамке</w:t></w:r></w:p></w:txbxContent>"
    body = (
        f"<w:p><w:r><w:t>Before</w:t></w:r><w:r><mc:AlternateContent {mc}><mc:Choice>{box}</mc:Choice>"
        f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> after</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Next</w:t></w:r></w:p>"
    )
    doc = read_document(
        docwriters.zip_of({"word/document.xml": f"<w:document {w}><w:body>{body}</w:body></w:document>"}), "b.docx"
    )
    assert doc.text.split("\n")[0::2] == ["Before after", "В рамке", "Next"]


def test_pdf_page_numbers_and_running_headers_do_not_cut_an_entry() -> None:
    """An entry running on to the next page is rejoined by the parser only if nothing stands between."""
    header = [("EUAA COI Query Response - Russian Federation", 8, 0)]
    entry = "Meduza, В России фактически введено военное положение [Martial law is effectively imposed in Russia],"
    pages: list[list[docwriters.Line]] = []
    for n in range(1, 4):
        body: list[docwriters.Line] = [[(f"Body text of page {n}.", 10, 0)]]
        if n == 2:
            body = [[("SOURCES USED", 10, 0)], None, [(entry, 10, 0)]]
        if n == 3:
            body = [[("25 March 2022, https://meduza.io/feature/2022/03/25/v-rossii, accessed 30 March 2022", 10, 0)]]
        pages.append([header, None, *body, None, [(str(n), 8, 0)]])
    doc = read_document(docwriters.pdf(pages), "furniture.pdf")
    assert "EUAA COI Query Response" not in doc.text
    assert not any(line.strip().isdigit() for line in doc.lines)
    from glossary.citations import Citation, parse

    [cited] = [c for c in parse(doc.lines) if isinstance(c, Citation)]
    assert cited.url == "https://meduza.io/feature/2022/03/25/v-rossii"
    assert cited.date == "25 March 2022"
    assert doc.location(cited.lines[0]) == "page 2"


def test_docx_hyperlink_printed_as_url_gives_its_address() -> None:
    w = docwriters.W
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}" Target="https://zn.ua/ukr/war/item.html" TargetMode="External"/>'
        f'<Relationship Id="rId2" Type="{rel}" Target="https://meduza.io/" TargetMode="External"/></Relationships>'
    )
    note = (
        f'<w:footnotes {w} {r}><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">ZN.UA, Стаття, '
        '1 March 2022, </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>url</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve">; see </w:t></w:r><w:hyperlink r:id="rId2"><w:r><w:t>Meduza</w:t></w:r>'
        "</w:hyperlink></w:p></w:footnote></w:footnotes>"
    )
    body = f'<w:document {w}><w:body><w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    data = docwriters.zip_of(
        {
            "word/document.xml": body + "</w:body></w:document>",
            "word/footnotes.xml": note,
            "word/_rels/footnotes.xml.rels": rels,
        }
    )
    doc = read_document(data, "links.docx")
    assert doc.text.split("\n")[2] == "¹ ZN.UA, Стаття, 1 March 2022, <https://zn.ua/ukr/war/item.html>; see Meduza"


@pytest.mark.parametrize("rise", [2.0, 4.0, 6.0, 7.5])
def test_pdf_footnote_marks_raised_high_stay_on_their_line(rise: float) -> None:
    pages: list[list[docwriters.Line]] = [
        [
            [("Body text", 10, 0), ("12", 6, rise), (" goes on.", 10, 0)],
            None,
            [("12", 6, rise), (" Meduza, 1 March 2022, [url](#)", 10, 0)],
        ]
    ]
    doc = read_document(docwriters.pdf(pages), "marks.pdf")
    assert doc.lines == ["Body text¹² goes on.", "", "¹² Meduza, 1 March 2022, [url](#)"]
