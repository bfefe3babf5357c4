"""The JSON API under /api/ and the pages through Flask's test client, hostile input included."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.web import service

DATA = Path(__file__).parent.parent / "citations" / "data"
CORPUS = (DATA / "euaa-q24-excerpt.txt").read_text(encoding="utf-8")


def _cli_json(*args: str) -> Any:
    out = subprocess.run([sys.executable, "-m", "glossary", *args, "--json"], capture_output=True, text=True,
                         check=False)
    return json.loads(out.stdout)


def test_api_index_lists_every_endpoint(client: Any) -> None:
    paths = [e["path"] for e in client.get("/api/").get_json()["endpoints"]]
    for name in ("lookup", "concept", "annotate", "check", "translit"):
        assert any(p.startswith(f"/api/{name}") for p in paths), name


def test_lookup_mirrors_the_cli(client: Any) -> None:
    got = client.get("/api/lookup", query_string={"q": "Росгвардии", "top": 3}).get_json()
    assert got == _cli_json("lookup", "Росгвардии", "--top", "3")
    assert got["matches"][0]["id"] == "rosgvardiya"


def test_lookup_json_is_utf8_not_escaped(client: Any) -> None:
    body = client.get("/api/lookup", query_string={"q": "OMON"}).get_data(as_text=True)
    assert "ОМОН" in body
    assert "\\u" not in body


@pytest.mark.parametrize(("query", "top"), [("", "5"), ("   ", "5"), ("OMON", "0"), ("OMON", "x"), ("OMON", "99")])
def test_lookup_bad_input_is_a_400_with_a_message(client: Any, query: str, top: str) -> None:
    r = client.get("/api/lookup", query_string={"q": query, "top": top})
    assert r.status_code == 400
    assert r.get_json()["error"]


def test_concept_card_has_romanizations_and_relations(client: Any) -> None:
    card = client.get("/api/concept/rosgvardiya").get_json()
    assert card["ru"]["preferred"] == "Росгвардия"
    assert card["schemes"]["ru"]["bgn-pcgn"] == "Rosgvardiya"
    assert card["sources"]
    assert client.get("/api/concept/no-such-thing").status_code == 400


def test_annotate_mirrors_the_cli(client: Any, tmp_path: Path) -> None:
    text = "Сотрудники Росгвардии и ОМОНа задержали дезертира; the voenkomat called him."
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    got = client.post("/api/annotate", json={"text": text}).get_json()
    assert got == _cli_json("annotate", str(path))
    assert {m["id"] for m in got} >= {"rosgvardiya", "omon", "voenkomat"}


def test_annotate_needs_text(client: Any) -> None:
    assert client.post("/api/annotate", json={"txt": "x"}).status_code == 400
    assert client.post("/api/annotate", data=b"\xff\xfe", content_type="application/json").status_code == 400


def test_check_mirrors_the_cli_findings(client: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(CORPUS, encoding="utf-8")
    got = client.post("/api/check", json={"text": CORPUS, "name": "report.txt"}).get_json()
    assert got["format"] == "euaa"
    assert got["citations"] > 50
    assert got["findings"] == _cli_json("check", str(path))
    assert got["mentions"]


def test_check_upload_of_a_text_file(client: Any) -> None:
    r = client.post("/api/check", data={"file": (io.BytesIO(CORPUS.encode()), "q24.txt")},
                    content_type="multipart/form-data")
    assert r.status_code == 200
    assert r.get_json()["name"] == "q24.txt"


def test_check_refuses_an_oversized_upload(client: Any) -> None:
    big = b"x" * (client.application.config["MAX_CONTENT_LENGTH"] + 1)
    r = client.post("/api/check", data={"file": (io.BytesIO(big), "big.txt")}, content_type="multipart/form-data")
    assert r.status_code == 413
    assert "MB" in r.get_json()["error"]
    page = client.post("/check", data={"file": (io.BytesIO(big), "big.txt")}, content_type="multipart/form-data")
    assert page.status_code == 413
    assert b'id="error"' in page.data


@pytest.mark.parametrize(
    ("data", "name"),
    [(bytes(range(256)) * 4, "binary.txt"), (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png"),
     ("Росгвардия".encode("cp1251"), "legacy.txt")],
)
def test_check_refuses_a_binary_or_unknown_file(client: Any, data: bytes, name: str) -> None:
    r = client.post("/api/check", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert r.status_code == 400
    assert name in r.get_json()["error"]
    page = client.post("/check", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    assert page.status_code == 400
    assert name.encode() in page.data


def test_upload_name_cannot_escape_the_temporary_folder(client: Any, tmp_path: Path) -> None:
    evil = "../../" + str(tmp_path / "escaped.txt").lstrip("/")
    r = client.post("/api/check", data={"file": (io.BytesIO(CORPUS.encode()), evil)},
                    content_type="multipart/form-data")
    assert r.status_code == 200
    assert r.get_json()["name"] == "escaped.txt"
    assert not (tmp_path / "escaped.txt").exists()


def test_script_in_text_is_escaped_on_the_page(client: Any) -> None:
    text = 'Meduza, «Росгвардия» <script>alert("x")</script>, 1 March 2022, <img src=x onerror=alert(1)>'
    page = client.post("/check", data={"text": text}).get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    lookup = client.get("/", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)" not in lookup


def test_pages_allow_only_their_own_scripts_and_styles(client: Any) -> None:
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "default-src 'none'" in csp
    page = r.get_data(as_text=True)
    assert "http://" not in page.replace("http://127.0.0.1", "")
    assert "https://" not in page
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_translit_endpoints(client: Any) -> None:
    got = client.get("/api/translit", query_string={"text": "Запоріжжя"}).get_json()
    assert got["lang"] == "uk"
    assert got["romanizations"]["kmu-2010"] == "Zaporizhzhia"
    rev = client.get("/api/translit", query_string={"text": "Rosgvardiya", "lang": "ru", "reverse": "1"}).get_json()
    first = rev["candidates"][0]
    assert (first["text"], first["reason"]) == ("Росгвардия", "glossary")
    assert all(0 <= c["score"] <= 100 and c["explanation"] for c in rev["candidates"])
    assert rev == _cli_json("translit", "--reverse", "--lang", "ru", "Rosgvardiya")
    assert client.get("/api/translit", query_string={"text": "x", "reverse": "1"}).status_code == 400
    assert client.get("/api/translit", query_string={"text": ""}).status_code == 400
    assert client.get("/api/translit", query_string={"text": "x", "lang": "de"}).status_code == 400


def test_unknown_page_is_a_404_page(client: Any) -> None:
    r = client.get("/no/such/page")
    assert r.status_code == 404
    assert b'id="error"' in r.data
    assert client.get("/api/nothing").get_json()["status"] == 404


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_pages_in_russian_and_ukrainian(client: Any, lang: str) -> None:
    en = client.get("/?ui=en").get_data(as_text=True)
    other = client.get(f"/?ui={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}">' in other
    assert "Check a report" in en
    assert "Check a report" not in other
    # the choice is remembered for the next page
    assert f'<html lang="{lang}">' in client.get("/translit").get_data(as_text=True)


def test_browser_language_is_followed(client: Any) -> None:
    page = client.get("/", headers={"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="uk">' in page


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_segments_give_the_text_back(text: str) -> None:
    """Highlighting never loses or repeats a character, whatever the mentions."""
    n = len(text)
    mentions = [{"start": i, "end": min(n, i + 3)} for i in range(0, n, 4)]
    mentions += [{"start": 1, "end": 2}]  # an overlapping one is skipped
    lines = service.segment_lines(text, mentions)
    assert "\n".join("".join(s.text for s in line) for line in lines) == text


def test_every_example_on_the_lookup_page_finds_a_concept(client: Any) -> None:
    import re
    from html import unescape

    page = client.get("/?ui=en").get_data(as_text=True)
    links = [unescape(h) for h in re.findall(r'<p class="examples">.*?</p>', page, re.S)[0].split('href="')[1:]]
    assert len(links) >= 5
    for link in links:
        href = link.split('"', 1)[0]
        result = client.get(href).get_data(as_text=True)
        assert 'class="match"' in result, href


def _report_module() -> Any:
    import importlib

    sys.path.insert(0, str(Path(__file__).parent.parent / "documents"))
    try:
        return importlib.import_module("report")
    finally:
        sys.path.pop(0)


@pytest.mark.parametrize(("kind", "unit"), [("docx", "footnote"), ("pdf", "page")])
def test_word_and_pdf_uploads_find_what_the_text_version_does(client: Any, kind: str, unit: str) -> None:
    report = _report_module()
    data = report.docx_bytes() if kind == "docx" else report.pdf_bytes()
    got = client.post("/api/check", data={"file": (io.BytesIO(data), f"report.{kind}")},
                      content_type="multipart/form-data").get_json()
    text = client.post("/api/check", json={"text": report.TEXT, "name": "report.txt"}).get_json()
    strip = [{k: v for k, v in f.items() if k != "lines"} for f in got["findings"]]
    assert strip == [{k: v for k, v in f.items() if k != "lines"} for f in text["findings"]]
    assert got["name"] == f"report.{kind}"
    assert any(loc.startswith(unit) for loc in got["locations"].values())
    page = client.post("/check", data={"file": (io.BytesIO(data), f"report.{kind}")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert f">{unit} " in page  # findings link to their footnote or page


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf"])
def test_a_damaged_word_or_pdf_file_is_a_clear_400(client: Any, name: str) -> None:
    r = client.post("/api/check", data={"file": (io.BytesIO(b"PK\x03\x04garbage" if name.endswith("x") else
                                                             b"%PDF-1.7 garbage"), name)},
                    content_type="multipart/form-data")
    assert r.status_code == 400
    assert name in r.get_json()["error"]


def test_check_reads_an_irb_reference_list(client: Any) -> None:
    """The style menu offers the IRB and academic styles (issue #12); detection picks them as the CLI does."""
    text = ("References\nCarleton University, Ottawa. 13 September 1993. Telephone interview with Professor of "
            "History.\nDepartment of National Defence, Ottawa. 13 September 1993. Telephone interview with "
            "researcher.\n")
    got = client.post("/api/check", json={"text": text, "name": "rir.txt"}).get_json()
    assert (got["format"], got["citations"]) == ("irb", 2)
    page = client.get("/check").get_data(as_text=True)
    assert '<option value="irb">' in page
    assert '<option value="academic">' in page
