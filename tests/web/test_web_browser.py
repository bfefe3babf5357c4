"""The pages driven in a real headless Chromium: lookup, check a report (paste and .docx upload), translit."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

DATA = Path(__file__).parent.parent / "citations" / "data"


def _wait(browser: Any, css: str, timeout: float = 20) -> Any:
    return WebDriverWait(browser, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _shot(browser: Any, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 5000, f"screenshot {path} looks empty"
    return path


def test_lookup_suggests_as_you_type_and_opens_the_card(browser: Any, live_url: str, screenshots: Path) -> None:
    browser.get(live_url + "/?ui=en")
    box = _wait(browser, "#q")
    box.send_keys("Росгвардии")
    first = WebDriverWait(browser, 20).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, "#suggestions li a") or None
    )[0]
    assert "National Guard" in first.text
    _shot(browser, screenshots, "lookup-suggestions")
    first.click()
    card = _wait(browser, "#card")
    assert "National Guard of Russia" in card.find_element(By.TAG_NAME, "h1").text
    assert "Росгвардия" in card.text
    assert "bgn-pcgn" in card.text
    assert "Rosgvardiya" in card.text
    assert "inflected" in card.find_element(By.CSS_SELECTOR, ".why").text  # why the query matched
    _shot(browser, screenshots, "concept")


def test_pasted_corpus_paragraph_shows_mentions_and_findings(
    browser: Any, live_url: str, screenshots: Path
) -> None:
    text = (DATA / "euaa-q24-excerpt.txt").read_text(encoding="utf-8")
    browser.get(live_url + "/check?ui=en")
    area = _wait(browser, "#text")
    # typing 300 lines key by key is slow: set the value as a user's paste would
    browser.execute_script("arguments[0].value = arguments[1];", area, text)
    browser.find_element(By.ID, "check-button").click()
    _wait(browser, "#report")
    marks = browser.find_elements(By.CSS_SELECTOR, "#doc mark.mention")
    assert len(marks) > 50
    ids = {m.get_attribute("data-id") for m in marks}
    assert {"rosgvardiya", "meduza"} <= ids
    findings = browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")
    assert findings, "the corpus excerpt has known findings"
    link = findings[0].find_element(By.CSS_SELECTOR, ".where a")
    target = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    assert browser.execute_script("return location.hash") == "#" + target
    assert browser.find_element(By.ID, target).is_displayed()
    # hovering a mention shows its concept, English name and how it matched
    from selenium.webdriver import ActionChains

    mark = next(m for m in marks if m.get_attribute("data-id") == "rosgvardiya")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", mark)
    ActionChains(browser).move_to_element(mark).perform()
    card = WebDriverWait(browser, 10).until(
        lambda b: next((c for c in b.find_elements(By.CSS_SELECTOR, ".hovercard") if c.is_displayed()), None)
    )
    assert "National Guard of Russia" in card.text
    browser.execute_script("document.getElementById('report').scrollIntoView();")
    _shot(browser, screenshots, "check")


def test_script_in_pasted_text_is_shown_not_run(browser: Any, live_url: str) -> None:
    browser.get(live_url + "/check?ui=en")
    area = _wait(browser, "#text")
    payload = 'Meduza, <script>document.title="pwned"</script> «Росгвардия», 1 March 2022, url'
    browser.execute_script("arguments[0].value = arguments[1];", area, payload)
    browser.find_element(By.ID, "check-button").click()
    _wait(browser, "#report")
    assert browser.title != "pwned"
    assert '<script>document.title="pwned"</script>' in browser.find_element(By.ID, "doc").text


def _docx(path: Path, body: list[str], footnotes: list[str]) -> Path:
    """A minimal Word document in the format's own XML: body paragraphs and footnotes."""
    from xml.sax.saxutils import escape

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(t)}</w:t></w:r></w:p>" for t in body)
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p></w:footnote>'
        for i, t in enumerate(footnotes, start=1)
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", f"<?xml version=\"1.0\"?><w:document {w}><w:body>{paras}</w:body></w:document>")
        z.writestr("word/footnotes.xml", f"<?xml version=\"1.0\"?><w:footnotes {w}>{notes}</w:footnotes>")
    return path


def test_docx_upload_is_checked(browser: Any, live_url: str, screenshots: Path, tmp_path: Path) -> None:
    pytest.importorskip("glossary.documents", reason="Word input (glossary.documents) is not built")
    doc = _docx(tmp_path / "report.docx",
                ["Officers of Росгвардия detained deserters in МК.ru reports."],
                ["МК.ru, Дезертиры, 1 March 2022, https://www.mk.ru/"])
    browser.get(live_url + "/check?ui=en")
    _wait(browser, "#file").send_keys(str(doc))
    browser.find_element(By.ID, "check-button").click()
    _wait(browser, "#report")
    assert "report.docx" in browser.find_element(By.CSS_SELECTOR, "#report h2").text
    ids = {m.get_attribute("data-id") for m in browser.find_elements(By.CSS_SELECTOR, "#doc mark.mention")}
    assert "rosgvardiya" in ids
    _shot(browser, screenshots, "check-docx")


def test_translit_page_shows_every_scheme_and_reverse(browser: Any, live_url: str, screenshots: Path) -> None:
    browser.get(live_url + "/translit?ui=en&text=" + quote("Запоріжжя"))
    forward = _wait(browser, "#forward")
    assert "Zaporizhzhia" in forward.text
    assert "kmu-2010" in forward.text
    browser.get(live_url + "/translit?ui=en&text=Rosgvardiya")
    reverse = _wait(browser, "#reverse")
    assert "Росгвардия" in reverse.text
    first = reverse.find_element(By.CSS_SELECTOR, "tr.candidate")  # the ru table comes first
    cells = [td.text for td in first.find_elements(By.TAG_NAME, "td")]
    assert cells[0] == "Росгвардия"
    assert 50 < int(cells[1]) <= 100
    assert "in the glossary" in cells[2]
    _shot(browser, screenshots, "translit")


def test_interface_in_russian_and_ukrainian(browser: Any, live_url: str) -> None:
    browser.get(live_url + "/?ui=ru")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    nav_ru = browser.find_element(By.TAG_NAME, "nav").text
    browser.get(live_url + "/?ui=uk")
    nav_uk = browser.find_element(By.TAG_NAME, "nav").text
    browser.get(live_url + "/?ui=en")
    nav_en = browser.find_element(By.TAG_NAME, "nav").text
    assert "Check a report" in nav_en
    assert nav_ru != nav_en
    assert nav_uk != nav_en
    assert nav_ru != nav_uk
