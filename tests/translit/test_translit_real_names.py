"""Reverse transliteration as a caseworker meets it: real names, real words first, never a mixed-script token."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.text.scripts import mixed_tokens
from glossary.translit import reverse_candidates, untransliterate
from glossary.translit.schemes import scheme_ids

TABLE = Path(__file__).parent / "data" / "real_names.tsv"
#: floors for the table's accuracy (measured 86/90 top-1, 89/90 top-3 when the table was made)
TOP1_FLOOR = 0.90
TOP3_FLOOR = 0.95


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("romanization\t") or not line.strip():
            continue
        latin, cyrillic, lang, kind, source = line.split("\t")
        assert lang in ("ru", "uk")
        assert kind in ("person", "place")
        assert source
        rows.append((latin, cyrillic, lang, kind))
    return rows


def _same(a: str, b: str) -> bool:
    """Equal up to NFC, ё/е (Russian writes either) and the apostrophe's shape."""

    def norm(s: str) -> str:
        s = unicodedata.normalize("NFC", s).replace("ё", "е").replace("Ё", "Е")
        return s.replace("'", "ʼ").replace("’", "ʼ")

    return norm(a) == norm(b)


@pytest.mark.parametrize(
    ("latin", "lang", "expected"),
    [
        ("Shoigu", "ru", "Шойгу"),  # not Шоигу
        ("Kharkov", "ru", "Харьков"),  # the ь no English spelling writes
        ("Sergei", "ru", "Сергей"),  # not Сергеи, the plural
        ("Sergei Shoigu", "ru", "Сергей Шойгу"),
        ("Khabarovsk", "ru", "Хабаровск"),
        ("Khmelnytskyi", "uk", "Хмельницький"),
        ("Shchuka", "ru", "Щука"),
        ("Yekaterinburg", "ru", "Екатеринбург"),
    ],
)
def test_the_real_spelling_comes_first(latin: str, lang: str, expected: str) -> None:
    assert untransliterate(latin, lang=lang)[0] == expected


@pytest.mark.parametrize(("latin", "lang"), [("Khabarovsk", "ru"), ("Shchuka", "ru"), ("Khmelnytskyi", "uk")])
def test_no_candidate_mixes_scripts(latin: str, lang: str) -> None:
    cands = untransliterate(latin, lang=lang)
    assert "Кhабаровск" not in cands
    assert not [c for c in cands if mixed_tokens(c)]


def test_every_candidate_is_scored_and_real_words_rank_first() -> None:
    cands = reverse_candidates("Sergei Shoigu", lang="ru")
    assert len(cands) > 2
    assert all(0 <= c.score <= 100 for c in cands)
    assert cands[0].score >= 90
    assert cands[0].reason in ("name", "dictionary")
    assert "surname" in cands[0].explanation
    reasons = [c.reason != "spelling" for c in cands]
    assert reasons == sorted(reasons, reverse=True), "a real word never ranks below a mere spelling"
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_the_glossary_forms_are_asked_and_named() -> None:
    got = reverse_candidates("Rosgvardiya", lang="ru", forms=lambda w: "rosgvardiya" if w == "Росгвардия" else None)
    assert (got[0].text, got[0].reason) == ("Росгвардия", "glossary")
    assert "rosgvardiya" in got[0].explanation
    assert "bgn-pcgn" in got[0].schemes


def test_the_names_list_reads_its_own_spellings() -> None:
    # given-names.yaml lists Yuri with Юрий; no scheme writes Юрий as Yuri
    assert untransliterate("Yuri", lang="ru")[0] == "Юрий"


def test_a_letter_no_scheme_reads_keeps_the_token_latin() -> None:
    got = reverse_candidates("Straße Москва", lang="ru")
    assert got[0].text.startswith("Straße")
    assert not mixed_tokens(got[0].text)


SCHEMES = [pytest.param(lang, sid, id=f"{lang}-{sid}") for lang, sid in scheme_ids()]
SCHEMES += [pytest.param(lang, None, id=f"{lang}-any") for lang in ("ru", "uk")]
_MIX = "abcdeghijklmnoprstuvyzkhshchASKHZ'’ʹʺ·-. ëĭžšŝčâûê" + "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ" + "ßøłαж1"


@pytest.mark.parametrize(("lang", "scheme"), SCHEMES)
@settings(max_examples=25, deadline=None)
@given(text=st.one_of(st.text(max_size=10), st.text(alphabet=_MIX, max_size=14)))
def test_no_reverse_candidate_of_any_scheme_mixes_scripts(lang: str, scheme: str | None, text: str) -> None:
    for cand in reverse_candidates(text, lang=lang, scheme=scheme):
        assert not mixed_tokens(cand.text), (text, cand.text)
        assert 0 <= cand.score <= 100


def test_real_names_table_accuracy() -> None:
    rows = _rows()
    assert len(rows) >= 50
    assert {(r[2], r[3]) for r in rows} == {("ru", "person"), ("ru", "place"), ("uk", "person"), ("uk", "place")}
    top1 = top3 = 0
    for latin, cyrillic, lang, _kind in rows:
        cands = untransliterate(latin, lang=lang)  # no glossary: the table holds none of its names
        top1 += bool(cands) and _same(cands[0], cyrillic)
        top3 += any(_same(c, cyrillic) for c in cands[:3])
    assert top1 / len(rows) >= TOP1_FLOOR, f"top-1 {top1}/{len(rows)}"
    assert top3 / len(rows) >= TOP3_FLOOR, f"top-3 {top3}/{len(rows)}"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["translit", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_reverse_shows_scores_and_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "--reverse", "--lang", "ru", "--top", "3", "Kharkov")
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == 3
    assert lines[0].split()[:2] == ["Харьков", "100"]
    assert "Кhарков" not in out
    assert "not a known word" in lines[1]


def test_cli_reverse_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(capsys, "--reverse", "--lang", "ru", "--top", "2", "--json", "Shoigu")
    data = json.loads(out)
    assert code == 0
    assert (data["text"], data["lang"], data["scheme"]) == ("Shoigu", "ru", None)
    assert len(data["candidates"]) == 2
    first = data["candidates"][0]
    assert set(first) == {"text", "score", "reason", "explanation", "schemes"}
    assert (first["text"], first["reason"]) == ("Шойгу", "dictionary")


def test_cli_reverse_reason_is_localized(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    code, out, _ = _cli(capsys, "--ui-lang", "ru", "--reverse", "--lang", "ru", "--top", "1", "Shoigu")
    assert code == 0
    assert "фамилия" in out
    code, out, _ = _cli(capsys, "--ui-lang", "uk", "--reverse", "--lang", "ru", "--top", "1", "Shoigu")
    assert "прізвище" in out


def test_cli_reverse_top_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(capsys, "--reverse", "--lang", "ru", "--top", "0", "Shoigu")
    assert (code, out) == (2, "")
    assert err.startswith("Error:")

