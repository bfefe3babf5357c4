"""cite, check, normalize and annotate on a .docx and a .pdf, through the real entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docwriters
import pytest
import report

from glossary.cli import main


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    out = {"txt": folder / "report.txt", "docx": folder / "report.docx", "pdf": folder / "report.pdf"}
    out["txt"].write_text(report.TEXT, encoding="utf-8")
    out["docx"].write_bytes(report.docx_bytes())
    out["pdf"].write_bytes(report.pdf_bytes())
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _findings(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[dict[str, object]]]:
    code, out, _ = run(capsys, "check", str(path), "--json")
    return code, json.loads(out)


def _same(finding: dict[str, object]) -> tuple[object, ...]:
    return tuple(finding[k] for k in ("kind", "severity", "message", "strings", "suggestion"))


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_check_finds_what_it_finds_in_the_text_version(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], kind: str
) -> None:
    code_text, in_text = _findings(capsys, files["txt"])
    code_doc, in_doc = _findings(capsys, files[kind])
    assert code_doc == code_text == 1
    assert len(in_text) >= 6
    assert {f["kind"] for f in in_text} >= {"mixed-script", "missing-from-bibliography", "misspelling", "uncited-entry"}
    assert sorted(map(_same, in_doc)) == sorted(map(_same, in_text))
    assert all("locations" not in f for f in in_text)
    by_kind = {(f["kind"], str(f["message"])): f["locations"] for f in in_doc}
    mixed = by_kind["mixed-script", "'Mеduza' mixes Cyrillic and Latin letters"]
    missing4 = by_kind["missing-from-bibliography", "footnote 4 cites a source that is not in the bibliography"]
    uncited = next(v for (k, _), v in by_kind.items() if k == "uncited-entry")
    if kind == "docx":
        assert mixed == ["footnote 3"]
        assert missing4 == ["footnote 4"]
        assert uncited == ["paragraph 6"]
    else:
        assert mixed == ["page 2"]
        assert missing4 == ["page 2"]
        assert uncited == ["page 3"]


def test_check_text_output_names_the_location(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, out, err = run(capsys, "check", str(files["docx"]))
    assert code == 1
    assert f"{files['docx']}:footnote 3: error: mixed-script: 'Mеduza' mixes Cyrillic and Latin letters" in out
    assert "6 findings (3 errors)" in err
    code, out, _ = run(capsys, "check", str(files["pdf"]))
    assert f"{files['pdf']}:page 2: error: mixed-script:" in out


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_cite_gives_the_text_versions_records_with_locations(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], kind: str
) -> None:
    _, out, _ = run(capsys, "cite", str(files["txt"]), "--json")
    in_text = json.loads(out)
    code, out, _ = run(capsys, "cite", str(files[kind]), "--json")
    in_doc = json.loads(out)
    assert code == 0
    drop = {"lines", "location"}
    assert [{k: v for k, v in r.items() if k not in drop} for r in in_doc] == [
        {k: v for k, v in r.items() if k not in drop} for r in in_text
    ]
    notes = [r["location"] for r in in_doc if r["kind"] == "footnote"]
    if kind == "docx":
        assert notes == ["footnote 1", "footnote 2", "footnote 3", "footnote 4"]
    else:
        assert notes == ["page 1", "page 1", "page 2", "page 2"]
    _, out, _ = run(capsys, "cite", str(files[kind]))
    first = out.splitlines()[0].split("\t")
    assert first[:2] == (["footnote 1", "fn 1"] if kind == "docx" else ["page 1", "fn 1"])


def test_annotate_reads_documents(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, out, _ = run(capsys, "annotate", str(files["docx"]), "--json")
    assert code == 0
    mentions = json.loads(out)
    meduza = next(m for m in mentions if m["id"] == "meduza")
    assert meduza["location"] == "footnote 1"
    code, out, _ = run(capsys, "annotate", str(files["pdf"]))
    assert code == 0
    assert any(line.startswith("page 1\t") and "(meduza)" in line for line in out.splitlines())


def test_normalize_writes_text_never_the_document(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    before = files["docx"].read_bytes()
    _, _, err_text = run(capsys, "normalize", str(files["txt"]))
    code, out, err = run(capsys, "normalize", str(files["docx"]))
    assert code == 0
    assert err == err_text == "7 citations in, 7 out; 3 changes\n"
    assert "SOURCES USED" in out
    assert out.index("Agora,") < out.index(
        "Meduza, В России фактически введено военное положение [Martial law is "
        "effectively imposed in Russia], 25 March 2022, https://"
    )  # sorted
    target = tmp_path / "fixed.txt"
    code, _, _ = run(capsys, "normalize", str(files["pdf"]), "-o", str(target))
    assert code == 0
    assert "SOURCES USED" in target.read_text(encoding="utf-8")
    for argv in (["--in-place"], ["-o", str(files["docx"])], ["--report", str(files["docx"])]):
        code, out, err = run(capsys, "normalize", str(files["docx"]), *argv)
        assert code == 2
        assert out == ""
        assert err.startswith("Error: ")
        assert err.count("\n") == 1
    assert files["docx"].read_bytes() == before
    assert not list(files["docx"].parent.glob("*.bak"))


@pytest.mark.parametrize("command", ["cite", "check", "normalize", "annotate"])
@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("random.docx", bytes(range(256)) * 8, "not a .docx"),
        ("truncated.docx", report.docx_bytes()[:1500], "not a .docx"),
        ("empty.pdf", docwriters.pdf([[]]), "no text layer"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "encrypted"),
    ],
)
def test_bad_documents_exit_2_with_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(capsys, command, str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"Error: {path}: ")
    assert says in err
    assert err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written


def test_encrypted_pdf_through_python_m(tmp_path: Path) -> None:
    import io

    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(report.pdf_bytes())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "glossary", "check", str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"Error: {path}: the PDF is encrypted")


def test_check_docx_through_python_m(files: dict[str, Path]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "glossary", "check", str(files["docx"]), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert any(f["locations"] == ["footnote 3"] for f in json.loads(done.stdout))


def test_check_on_the_corpus_excerpt_printed_as_a_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The EUAA corpus lines (tests/citations/data) printed into a PDF of their pages: check finds what it
    finds in the text, each finding on the page of its lines."""
    excerpt = Path(__file__).parent.parent / "citations" / "data" / "euaa-q24-excerpt.txt"
    text = excerpt.read_text(encoding="utf-8")
    pdf = tmp_path / "excerpt.pdf"
    pdf.write_bytes(report.pdf_of_text(text))
    code_text, in_text = _findings(capsys, excerpt)
    code_pdf, in_pdf = _findings(capsys, pdf)
    assert code_pdf == code_text
    assert len(in_text) > 20
    assert sorted(map(_same, in_pdf)) == sorted(map(_same, in_text))
    pages = {str(loc) for f in in_pdf for loc in f["locations"]}  # type: ignore[attr-defined]
    assert len(pages) > 3
    assert all(p.startswith("page ") for p in pages)


def test_a_pipe_is_read_as_text_once(tmp_path: Path) -> None:
    """``glossary cite <(cat report.txt)``: sniffing must not eat the pipe's first bytes."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [sys.executable, "-m", "glossary", "cite", str(fifo), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with fifo.open("w", encoding="utf-8") as fh:
        fh.write(report.TEXT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert len(json.loads(out)) == 7
