"""``glossary serve`` through the real entry point: it listens on localhost, says so, serves, stops."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from glossary.cli import main


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "glossary", "serve", "--port", "0", *args],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"http://\S+/", line)
    assert found, f"no URL in {line!r}"
    return proc, found.group(0)


def test_serve_listens_on_localhost_and_answers() -> None:
    proc, url = _start()
    try:
        assert url.startswith("http://127.0.0.1:")
        assert proc.stderr is not None
        assert "this computer only" in proc.stderr.readline()
        with urllib.request.urlopen(url + "api/lookup?q=OMON", timeout=30) as r:
            assert json.load(r)["matches"][0]["id"] == "omon"
        with urllib.request.urlopen(url, timeout=30) as r:
            assert "text/html" in r.headers["Content-Type"]
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0


def test_serve_on_another_host_warns() -> None:
    proc, _url = _start("--host", "0.0.0.0")
    try:
        assert proc.stderr is not None
        assert "other computers" in proc.stderr.readline()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def test_port_in_use_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("Error: cannot listen on 127.0.0.1:")


@pytest.mark.parametrize("args", [["--port", "70000"], ["--max-upload", "0"]])
def test_bad_options_are_usage_errors(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *args]) == 2
    assert capsys.readouterr().err.startswith("Error: ")


def test_serve_help_explains_the_pages() -> None:
    out = subprocess.run([sys.executable, "-m", "glossary", "serve", "--help"], capture_output=True, text=True,
                         check=True, env={**os.environ, "LANGUAGE": "en"}).stdout
    for word in ("/check", "/translit", "/api/", "127.0.0.1", "--max-upload"):
        assert word in out


def test_cli_start_does_not_import_flask() -> None:
    code = "import sys; from glossary.cli import main; main(['lookup','OMON']); print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
    time.sleep(0)
