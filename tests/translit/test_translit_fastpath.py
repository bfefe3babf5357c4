"""The engine's fast paths give the same answer as the slow and sure one (``Compiled._run``).

The fast path leaves rare capitals to a guard, writes stand-ins for outputs with combining marks
(so NFC's quick check passes) and decides all-caps per letter; each of these has a way out to the
slow path, exercised here with the inputs that need it.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.translit import transliterate
from glossary.translit.engine import compiled
from glossary.translit.schemes import scheme_ids

ALL = scheme_ids()
#: letters of both alphabets in both cases, apostrophes and quotes, spaces, Latin, a rare capital
#: (Ѹ, multi-letter fallback), combining marks, and the engine's own noncharacters
CHARS = (
    "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя"
    "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "'’ʼ`« » -.\tabX\u0301\u0316Ѹџ\ufdd0\ufdef"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CHARS, max_size=14))
def test_fast_path_equals_slow_path(text: str) -> None:
    for lang, sid in ALL:
        fwd = compiled(lang, sid)
        nfc = unicodedata.normalize("NFC", text)
        assert fwd(text) == fwd._run(nfc), (lang, sid)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="АБВЖЗЙЩЮЯЄЇҐЁЪЬѸ'’", min_size=2, max_size=8))
def test_an_all_caps_word_is_its_lower_case_upper(word: str) -> None:
    # the spec's all-caps rule, stated on words: ЩУКА → SHCHUKA = upper("shchuka")
    # one word: letters, with single apostrophes only between two of them
    if re.search("^['’]|['’]$|['’]{2}", word):
        return
    for lang, sid in ALL:
        fwd = compiled(lang, sid)
        assert fwd(word) == fwd(word.lower()).upper(), (lang, sid, word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("’їжак", "’yizhak"),  # a quote before the word: ї is word-initial
        ("«’ЇЖАК»", "«’YIZHAK»"),
        ("ʼЯ", "ʼYa"),  # U+02BC outside letters is a quote, not a letter
        ("Мар’їне", "Marine"),  # between letters: an apostrophe, not word-initial after it
    ],
)
def test_quotes_are_not_apostrophes_before_a_word(text: str, expected: str) -> None:
    assert transliterate(text, lang="uk", scheme="kmu-2010") == expected


def test_combining_mark_after_a_held_output_is_ordered() -> None:
    # ISO 9 ґ → g̀ (combining grave); a mark below after it must be reordered by NFC
    out = transliterate("ґ\u0316а", lang="uk", scheme="iso9")
    assert out == unicodedata.normalize("NFC", "g\u0300\u0316a")
    assert unicodedata.is_normalized("NFC", out)


def test_rare_capital_in_an_all_caps_word() -> None:
    fwd = compiled("ru", "bgn-pcgn")
    assert fwd("ѸЩ") == fwd("ѹщ").upper()
    assert fwd("Ѹщ") == fwd("ѹщ")[0].upper() + fwd("ѹщ")[1:]
