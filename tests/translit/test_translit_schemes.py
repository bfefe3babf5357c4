"""Every scheme file against its own samples, its rules and the table invariants (generated per file)."""

from __future__ import annotations

import unicodedata

import pytest

from glossary.translit.engine import compiled, rule_pattern
from glossary.translit.schemes import (
    ALPHABETS,
    APOSTROPHE,
    SCHEME_DIR,
    get_scheme,
    has_cyrillic,
    load_scheme,
    scheme_ids,
)

IDS = scheme_ids()
SAMPLES = [
    pytest.param(lang, sid, s.cyrillic, s.latin, id=f"{lang}-{sid}:{s.cyrillic}")
    for lang, sid in IDS
    for s in get_scheme(lang, sid).samples
]
VARIANT_SAMPLES = [
    pytest.param(lang, sid, name, s.cyrillic, s.latin, id=f"{lang}-{sid}+{name}:{s.cyrillic}")
    for lang, sid in IDS
    for name, variant in get_scheme(lang, sid).variants.items()
    for s in variant.samples
]
VARIANT_RULES = [
    pytest.param(lang, sid, name, rule.id, id=f"{lang}-{sid}+{name}:{rule.id}")
    for lang, sid in IDS
    for name, variant in get_scheme(lang, sid).variants.items()
    for rule in variant.rules
]
SCHEME_PARAMS = [pytest.param(lang, sid, id=f"{lang}-{sid}") for lang, sid in IDS]
RULES = [
    pytest.param(lang, sid, rule.id, id=f"{lang}-{sid}:{rule.id}")
    for lang, sid in IDS
    for rule in get_scheme(lang, sid).rules
]


def test_all_expected_schemes_exist() -> None:
    ru = {sid for lang, sid in IDS if lang == "ru"}
    assert ru == {
        "bgn-pcgn",
        "ala-lc",
        "ala-lc-ascii",
        "iso9",
        "gost-7.79-b",
        "icao",
        "scholarly",
        "wikipedia",
    }


@pytest.mark.parametrize(("lang", "sid", "cyrillic", "latin"), SAMPLES)
def test_sample(lang: str, sid: str, cyrillic: str, latin: str) -> None:
    assert compiled(lang, sid)(cyrillic) == latin


def test_bgn_pcgn_has_the_dots_variant() -> None:
    assert {"dots"} == set(get_scheme("ru", "bgn-pcgn").variants)
    assert len(VARIANT_SAMPLES) >= 9


@pytest.mark.parametrize(("lang", "sid", "variant", "cyrillic", "latin"), VARIANT_SAMPLES)
def test_variant_sample(lang: str, sid: str, variant: str, cyrillic: str, latin: str) -> None:
    assert compiled(lang, sid, variant)(cyrillic) == latin


@pytest.mark.parametrize(("lang", "sid", "variant", "rule_id"), VARIANT_RULES)
def test_variant_rule_is_exercised_by_a_sample(lang: str, sid: str, variant: str, rule_id: str) -> None:
    v = get_scheme(lang, sid).variants[variant]
    pattern = rule_pattern(next(r for r in v.rules if r.id == rule_id), lang)
    assert any(pattern.search(s.cyrillic) for s in v.samples), f"no sample exercises {rule_id}"


@pytest.mark.parametrize(("lang", "sid"), SCHEME_PARAMS)
def test_pass_rate_at_least_99_percent(lang: str, sid: str) -> None:
    scheme = get_scheme(lang, sid)
    fwd = compiled(lang, sid)
    assert scheme.samples, "every scheme carries samples from its standard"
    ok = sum(fwd(s.cyrillic) == s.latin for s in scheme.samples)
    assert ok / len(scheme.samples) >= 0.99


@pytest.mark.parametrize(("lang", "sid"), SCHEME_PARAMS)
def test_every_sample_names_its_source(lang: str, sid: str) -> None:
    assert all(len(s.source) > 10 for s in get_scheme(lang, sid).samples)


@pytest.mark.parametrize(("lang", "sid", "rule_id"), RULES)
def test_rule_is_exercised_by_a_sample(lang: str, sid: str, rule_id: str) -> None:
    scheme = get_scheme(lang, sid)
    rule = next(r for r in scheme.rules if r.id == rule_id)
    pattern = rule_pattern(rule, lang)
    assert any(pattern.search(unicodedata.normalize("NFC", s.cyrillic)) for s in scheme.samples), (
        f"no sample of {lang}-{sid} exercises rule {rule_id}"
    )


@pytest.mark.parametrize(("lang", "sid"), SCHEME_PARAMS)
def test_table_covers_the_alphabet(lang: str, sid: str) -> None:
    letters = get_scheme(lang, sid).letters
    assert set(ALPHABETS[lang]) <= set(letters)
    if lang == "uk":
        scheme = get_scheme(lang, sid)
        assert APOSTROPHE in letters or any(r.match == APOSTROPHE for r in scheme.rules)


@pytest.mark.parametrize(("lang", "sid"), SCHEME_PARAMS)
def test_outputs_are_latin_and_nfc(lang: str, sid: str) -> None:
    scheme = get_scheme(lang, sid)
    outs = list(scheme.letters.values()) + [r.out for r in scheme.rules]
    for out in outs:
        assert not has_cyrillic(out)
        assert unicodedata.normalize("NFC", out) == out
    fwd = compiled(lang, sid)
    alphabet = ALPHABETS[lang]
    spaced = " ".join(alphabet)
    for text in (alphabet, alphabet.upper(), alphabet.capitalize(), spaced, spaced.upper()):
        out = fwd(text)
        assert not has_cyrillic(out), out
        assert unicodedata.is_normalized("NFC", out)


@pytest.mark.parametrize(("lang", "sid"), SCHEME_PARAMS)
def test_foreign_cyrillic_never_survives(lang: str, sid: str) -> None:
    other = "".join(ALPHABETS.values()) + "ўђјљњћџѣѳѵҐӘҚ\u0483"
    assert not has_cyrillic(compiled(lang, sid)(other + other.upper()))


def test_broken_scheme_file_reports_file_and_line(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    from glossary.errors import DataError

    path = Path(str(tmp_path)) / "ru-broken.yaml"
    path.write_text(
        "id: broken\nlang: ru\nname: x\nstandard: x\nreference: x\nreversible: false\n"
        "letters:\n  а: a\nrules:\n  - id: r1\n    match: е\n    at: middle\n    out: е\n"
        "samples: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_scheme(path)
    text = "\n".join(str(p) for p in info.value.problems)
    assert "ru-broken.yaml:8" in text  # letters not covered
    assert "ru-broken.yaml:10" in text
    assert "'at'" in text
    assert "contains Cyrillic" in text


def test_duplicate_letter_in_a_scheme_file_is_refused_with_its_line(tmp_path: pytest.TempPathFactory) -> None:
    """A letter given twice used to keep the last value silently; the terms' reader refuses it."""
    from pathlib import Path

    from glossary.errors import DataError

    source = next(p for p in SCHEME_DIR.glob("ru-*.yaml"))
    lines = source.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(("а:", "'а':", '"а":')))
    lines.insert(at + 1, lines[at].replace("a", "o", 1) if "a" in lines[at] else lines[at])
    path = Path(str(tmp_path)) / source.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_scheme(path)
    assert f"{source.name}:{at + 2}: duplicate key 'а'" in str(info.value.problems[0])


@pytest.mark.parametrize(("lang", "sid", "variant", "cyrillic", "latin"), VARIANT_SAMPLES)
def test_variant_sample_reads_back(lang: str, sid: str, variant: str, cyrillic: str, latin: str) -> None:
    from glossary.translit import untransliterate

    # the reverse of the plain scheme reads the standard's optional marks too (Ulan-Ud·e → Улан-Удэ)
    assert cyrillic in untransliterate(latin, lang=lang, scheme=sid)
