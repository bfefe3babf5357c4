"""Fixtures for the web tests: the app on a free localhost port, and Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

flask = pytest.importorskip("flask", reason="the web extra (Flask) is not installed")

from werkzeug.serving import make_server  # noqa: E402

from glossary.web.app import create_app  # noqa: E402

CHROMIUM = os.environ.get("GLOSSARY_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GLOSSARY_CHROMEDRIVER", "/usr/bin/chromedriver")
#: the tests' upload limit, small so that "too large" is cheap to provoke
MAX_UPLOAD = 256 * 1024


@pytest.fixture(scope="session")
def app() -> Any:
    return create_app(None, max_upload=MAX_UPLOAD)


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture(scope="session")
def live_url(app: Any) -> Iterator[str]:
    """The app served by a real HTTP server on 127.0.0.1, as ``glossary serve`` does."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests leave a screenshot of each page ($GLOSSARY_SCREENSHOTS, else a temp folder)."""
    wanted = os.environ.get("GLOSSARY_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium through chromedriver; CI (GLOSSARY_CI=1) fails instead of skipping."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium")
    if missing:
        if os.environ.get("GLOSSARY_CI"):
            pytest.fail(f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)")
        pytest.skip(f"no {', '.join(missing)}: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,900",
                 "--lang=en-US"):
        options.add_argument(flag)
    # the system chromedriver: Selenium Manager, which downloads its own, is never asked
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
