"""Outlet linking from every clue: the printed name under publishers' habits, the URL, a Telegram channel."""

from __future__ import annotations

import pytest

from glossary import Glossary
from glossary.citations import make_linker
from glossary.citations.outlets import name_variants


@pytest.mark.parametrize(
    ("printed", "concept"),
    [
        ("BBC Russian", "bbc-russian"),  # "Service" left off
        ("BBC News Russian", "bbc-russian"),
        ("Moscow Times", "moscow-times"),  # leading article left off
        ("The Insider", "the-insider"),
        ("Kommersant Online", "kommersant"),  # a trailing word added
        ("Russia Behind Bars Foundation", "russia-behind-bars"),
        ("Dozhd TV", "tv-rain"),
        ("Censor.NET", "censor-net"),  # the name is the web address
        ("@stranaua", "strana-ua"),  # a Telegram handle
        ("t.me/DeepStateUA", "deepstate"),
        ("Liga", "liga-net"),  # IRB's name for LIGA.net (terms/media.yaml, with its source)
        ("Iswestija", "izvestia"),  # the BFA's German transliteration
    ],
)
def test_printed_names_under_publishers_habits(bundled: Glossary, printed: str, concept: str) -> None:
    linker = make_linker(bundled)
    assert linker is not None
    assert linker.name(printed)[0] == concept


@pytest.mark.parametrize("printed", ["BBC", "Radio Svoboda", "Novosti", "The New Voice of Ukraine", "Federal"])
def test_names_that_are_not_one_known_outlet_stay_unlinked(bundled: Glossary, printed: str) -> None:
    """"BBC" alone is not one service; "Radio Svoboda" is shared by two; the rest are not in the glossary."""
    linker = make_linker(bundled)
    assert linker is not None
    assert linker.name(printed)[0] is None


@pytest.mark.parametrize(
    ("url", "concept"),
    [
        ("https://www.bbc.com/russian/articles/c4gl3x", "bbc-russian"),  # channel = host + first path segment
        ("https://m.bbc.com/russian/news-62", "bbc-russian"),  # ... on a sub-domain too
        ("https://www.bbc.com/ukrainian/articles/c1", "bbc-ukrainian"),
        ("https://t.me/s/stranaua/1234", "strana-ua"),  # Telegram's web preview
        ("https://telegram.me/DeepStateUA", "deepstate"),
        ("https://ua.interfax.com.ua/news/general/1.html", "interfax-ukraine"),
        ("https://www.svoboda.org/a/32000.html", "radio-svoboda"),
        ("https://www.radiosvoboda.org/a/32000.html", "radio-svoboda-ukrainian-service"),
    ],
)
def test_url_domain_and_path(bundled: Glossary, url: str, concept: str) -> None:
    linker = make_linker(bundled)
    assert linker is not None
    assert linker.by_url(url) == concept


def test_bbc_with_a_bbc_russian_link_is_bbc_russian(bundled: Glossary) -> None:
    linker = make_linker(bundled)
    assert linker is not None
    outlet = linker.link("BBC", "https://www.bbc.com/russian/features-62181133")
    assert (outlet.id, outlet.how) == ("bbc-russian", "url")
    assert linker.link("BBC", None).id is None


def test_name_variants() -> None:
    assert name_variants("New York Times (The)") == ["The New York Times", "New York Times"]
    assert "BBC Russian Service" in name_variants("BBC Russian")
    assert "Meduza" not in name_variants("Meduza")
    assert name_variants("The Insider") == ["Insider"]
    assert not any(v.endswith("Service") for v in name_variants("Federal Security"))
