"""``check --report FILE.html`` / ``--format html``: every finding beside its lines, escaped, localized."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glossary.citations.model import Finding
from glossary.citations.report import MAX_LINES, render_html
from glossary.cli import main

HERE = Path(__file__).parent
EXCERPT = HERE / "data" / "euaa-q24-excerpt.txt"
TERMS = str(HERE / "data" / "terms")


class _Page(HTMLParser):
    """The parts of the page the tests read: every tag, the title, the sections and, per finding, its class,
    all its text, its message and the text of its cited lines (``<ol class="cited">``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.findings: list[dict[str, str]] = []
        self.sections: list[str] = []
        self.title = ""
        self._where: list[str] = []  # "title", "article", "message", "cited": what the data belongs to

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        cls = a.get("class") or ""
        if tag == "article":
            self.findings.append({"class": cls, "text": "", "message": "", "cited": ""})
        if tag == "section":
            self.sections.append(str(a.get("id")))
        role = {"title": "title", "article": "article"}.get(tag) or {"message": "message", "cited": "cited"}.get(cls)
        self._where.append(role or "")

    def handle_endtag(self, tag: str) -> None:
        if self._where:
            self._where.pop()

    def handle_data(self, data: str) -> None:
        if "title" in self._where:
            self.title += data
        if "article" not in self._where:
            return
        f = self.findings[-1]
        f["text"] += data
        if "message" in self._where:
            f["message"] += data
        if "cited" in self._where:
            f["cited"] += data


def _parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[_Page, str, list[dict[str, object]]]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    import contextlib

    json_out, text_out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(json_out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["check", str(EXCERPT), "--json", "--terms", TERMS]) == 1
    with contextlib.redirect_stdout(text_out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["check", str(EXCERPT), "--report", str(out), "--terms", TERMS]) == 1
    assert ": error: " in text_out.getvalue()  # the findings are still printed beside the page
    text = out.read_text(encoding="utf-8")
    return _parse(text), text, json.loads(json_out.getvalue())


def test_every_finding_and_its_lines_appear(corpus_page: tuple[_Page, str, list[dict[str, object]]]) -> None:
    page, _text, findings = corpus_page
    source = EXCERPT.read_text(encoding="utf-8").split("\n")
    assert len(page.findings) == len(findings) > 20
    messages = [f["message"] for f in page.findings]
    for f in findings:
        assert f["message"] in messages, f["message"]
        lines = f["lines"]
        assert isinstance(lines, list)
        wanted = [source[n - 1] for n in list(dict.fromkeys(lines))[:MAX_LINES]]
        shown = [
            p for p in page.findings
            if p["message"] == f["message"] and str(f["kind"]) in p["text"] and all(w in p["cited"] for w in wanted)
        ]
        assert shown, (f["kind"], lines)  # the finding, beside each of its lines
        assert str(f["severity"]) in shown[0]["class"]
        for s in f["strings"]:  # type: ignore[attr-defined]
            assert s in shown[0]["text"]


def test_grouped_by_kind_with_the_summary(corpus_page: tuple[_Page, str, list[dict[str, object]]]) -> None:
    page, text, findings = corpus_page
    kinds = {str(f["kind"]) for f in findings}
    assert sorted(page.sections) == sorted(f"kind-{k}" for k in kinds)
    errors = sum(f["severity"] == "error" for f in findings)
    assert f"{len(findings)} findings: {errors} errors" in text
    # errors first: the first section is a kind with an error finding
    first = page.sections[0].removeprefix("kind-")
    assert any(f["kind"] == first and f["severity"] == "error" for f in findings)


def test_self_contained(corpus_page: tuple[_Page, str, list[dict[str, object]]]) -> None:
    page, _text, _ = corpus_page
    names = {tag for tag, _ in page.tags}
    assert "script" not in names
    assert "link" not in names
    assert "img" not in names
    assert "style" in names
    csp = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp
    assert "default-src 'none'" in str(csp[0]["content"])
    assert not any(v and ("http://" in v or "https://" in v) for _, a in page.tags for v in a.values())


HOSTILE = (
    "SOURCES USED\n\n"
    "<script>alert('x')</script> Mеduza, «Заголовок» [Title \"><img src=x onerror=alert(1)>], "
    "1 March 2022, [url](#)\n"
)


def test_hostile_text_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "<b>report&amp;.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", str(src), "--report", str(out), "--terms", TERMS])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    page = _parse(text)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names
    assert "img" not in names
    assert "b" not in names
    assert "<b>report&amp;.txt" in page.title
    assert any("<script>alert('x')</script>" in f["cited"] for f in page.findings)
    assert "mixed-script" in text


def test_format_html_on_stdout_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(HOSTILE.encode()), encoding="utf-8"))
    assert main(["check", "-", "--format", "html", "--terms", TERMS]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("<!DOCTYPE html>")
    page = _parse(out)
    assert "<stdin>" in page.title
    assert any("Mеduza" in f["cited"] for f in page.findings)
    assert "findings" in err


def test_localized_in_the_ui_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    src = tmp_path / "r.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    main(["check", str(src), "--report", str(out), "--ui-lang", "uk", "--terms", TERMS])
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    assert '<html lang="uk">' in text
    assert "Перевірка посилань" in _parse(text).title
    assert "помилка" in text


def test_report_replaces_the_file_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    out.write_text("old report", encoding="utf-8")
    src = tmp_path / "r.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    main(["check", str(src), "--report", str(out), "--terms", TERMS])
    capsys.readouterr()
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".glossary-")] == []


def test_report_into_a_file_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "r.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert main(["check", str(src), "--report", str(blocker / "r.html"), "--terms", TERMS]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: cannot write ")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_no_findings_and_long_findings() -> None:
    page = render_html([], {}, source="clean.txt")
    assert "No findings" in page
    assert "0 findings: 0 errors, 0 warnings, 0 info" in page
    many = Finding("uncited-entry", "warning", "w", list(range(1, 30)), ["x"])
    text = render_html([many], {n: f"line {n} x" for n in range(1, 30)}, source="a.txt")
    assert text.count("<mark>x</mark>") == MAX_LINES
    assert "and 17 more lines" in text
