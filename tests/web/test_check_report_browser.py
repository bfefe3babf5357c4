"""The ``check --report`` page opened from disk in headless Chromium: laid out by its inline CSS, loading nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By

from glossary.cli import main

DATA = Path(__file__).parent.parent / "citations" / "data"


def test_report_page_in_a_browser(browser: Any, tmp_path: Path, screenshots: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.html"
    main(["check", str(DATA / "euaa-q24-excerpt.txt"), "--report", str(report), "--terms", str(DATA / "terms")])
    capsys.readouterr()
    browser.get(report.as_uri())
    assert browser.title.startswith("Citation check: ")
    cards = browser.find_elements(By.CSS_SELECTOR, "article.finding")
    assert len(cards) > 20
    first = cards[0]
    # the finding and its cited lines sit side by side (two columns at this window width)
    left, right = first.find_elements(By.XPATH, "./div")
    assert right.location["x"] > left.location["x"] + 100
    assert first.find_elements(By.CSS_SELECTOR, ".cited code")
    assert first.value_of_css_property("border-left-width") == "5px"  # the inline CSS applied
    # the kinds' index links to their sections
    link = browser.find_element(By.CSS_SELECTOR, "nav a")
    target = link.get_attribute("href").split("#", 1)[1]
    assert browser.find_elements(By.ID, target)
    # nothing but the page itself was loaded
    resources = browser.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
    browser.save_screenshot(str(screenshots / "check-report.png"))
    assert (screenshots / "check-report.png").stat().st_size > 5000
