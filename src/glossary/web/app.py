"""The Flask application of ``glossary serve``: three pages and a JSON API over :mod:`glossary.web.service`.

Flask (Pallets) is imported only here, so only ``glossary serve`` pays for it. Jinja2 escapes every
value it prints (a citation holding ``<script>`` is shown, not run) and the Content-Security-Policy
allows only the package's own scripts and styles: no inline script, no CDN, no outside request.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, abort, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from glossary import i18n
from glossary.errors import GlossaryError, UsageError
from glossary.i18n import _, ngettext
from glossary.web import service

#: uploads and pasted text above this many bytes are refused (``glossary serve --max-upload``)
DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024
UI_COOKIE = "glossary-ui"
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: what /api/ lists: method, path, what it returns (the CLI command whose --json it mirrors)
API = [
    ("GET", "/api/lookup?q=QUERY&top=N", "glossary lookup QUERY --json"),
    ("GET", "/api/concept/ID", "the concept's entry, romanizations under every scheme, linked relations"),
    ("POST", "/api/annotate  {\"text\": ...}", "glossary annotate --json"),
    ("POST", "/api/check  {\"text\": ..., \"name\": ..., \"format\": ...} or a multipart 'file'",
     "glossary check --json, with the mentions and the format read"),
    ("GET", "/api/translit?text=TEXT&lang=ru|uk", "glossary translit --all --json"),
    ("GET", "/api/translit?text=TEXT&lang=ru|uk&reverse=1", "glossary translit --reverse --json"),
]


def create_app(terms: str | None = None, *, max_upload: int = DEFAULT_MAX_UPLOAD) -> Flask:
    """The application; the glossary is loaded once, on the first request that needs it."""
    from glossary.store import load

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_upload
    app.config["MAX_FORM_MEMORY_SIZE"] = max_upload
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # UTF-8 as written, like the CLI
    app.json.sort_keys = False  # type: ignore[attr-defined]  # the CLI's key order
    app.jinja_env.add_extension("jinja2.ext.i18n")
    # templates call _("...") and ngettext(...) with str.format placeholders, as the Python code does
    app.jinja_env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)  # type: ignore[attr-defined]
    # one request at a time does the work: the interface language is process-wide, and the
    # checker's SQLite store and the matcher caches are not shared across threads
    lock = threading.Lock()
    state: dict[str, Any] = {}

    def glossary() -> Any:
        if "glossary" not in state:
            state["glossary"] = load(terms)
        return state["glossary"]

    def ui_language() -> str:
        asked = request.args.get("ui") or request.cookies.get(UI_COOKIE)
        if asked in i18n.UI_LANGS:
            return asked
        return request.accept_languages.best_match(i18n.UI_LANGS) or "en"

    def page(template: str, **values: Any) -> Response:
        lang = values.pop("_lang")
        response = make_response(render_template(template, ui=lang, langs=i18n.UI_LANGS, **values))
        if request.args.get("ui") in i18n.UI_LANGS:
            response.set_cookie(UI_COOKIE, lang, samesite="Strict", httponly=True)
        return response

    def work(fn: Callable[[str], Response]) -> Response:
        """Run a view in the request's interface language, holding the lock."""
        with lock:
            lang = ui_language()
            i18n.set_language(lang)
            try:
                return fn(lang)
            finally:
                i18n.set_language(None)

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    # --- pages ---------------------------------------------------------------------------------------
    @app.get("/")
    def lookup_page() -> Response:
        def view(lang: str) -> Response:
            q = request.args.get("q", "").strip()
            result = service.lookup(glossary(), q, top=10) if q else None
            return page("lookup.html", _lang=lang, q=q, result=result)

        return work(view)

    @app.get("/concept/<concept_id>")
    def concept_page(concept_id: str) -> Response:
        def view(lang: str) -> Response:
            g = glossary()
            if concept_id not in g:
                abort(404)
            card = service.concept_card(g, concept_id)
            q = request.args.get("q", "").strip()
            match = None
            if q:
                match = next((m for m in service.lookup(g, q, top=20)["matches"] if m["id"] == concept_id), None)
            return page("concept.html", _lang=lang, card=card, q=q, match=match)

        return work(view)

    @app.route("/check", methods=["GET", "POST"])
    def check_page() -> Response:
        def view(lang: str) -> Response:
            if request.method == "GET":
                return page("check.html", _lang=lang, report=None, text="")
            report = _report_from_request(glossary())
            lines = service.segment_lines(report.text, report.mentions)
            by_line: dict[int, list[int]] = {}
            for i, f in enumerate(report.findings):
                for n in f["lines"]:
                    by_line.setdefault(n, []).append(i)
            return page("check.html", _lang=lang, report=report, lines=lines, by_line=by_line,
                        text=report.text if request.form.get("text") else "")

        return work(view)

    @app.get("/translit")
    def translit_page() -> Response:
        def view(lang: str) -> Response:
            text = request.args.get("text", "").strip()
            src = request.args.get("lang") or None
            forward = reverse = None
            if text:
                forward = service.translit_all(text, lang=src)
                reverse = {la: service.translit_reverse(glossary(), text, lang=la)["candidates"]
                           for la in ("ru", "uk")}
            return page("translit.html", _lang=lang, text=text, src=src, forward=forward, reverse=reverse)

        return work(view)

    # --- API -----------------------------------------------------------------------------------------
    @app.get("/api/")
    def api_index() -> Response:
        return jsonify({"endpoints": [{"method": m, "path": p, "returns": r} for m, p, r in API]})

    @app.get("/api/lookup")
    def api_lookup() -> Response:
        def view(_lang: str) -> Response:
            top = _int_arg("top", 5)
            return jsonify(service.lookup(glossary(), request.args.get("q", ""), top=top))

        return work(view)

    @app.get("/api/concept/<concept_id>")
    def api_concept(concept_id: str) -> Response:
        return work(lambda _lang: jsonify(service.concept_card(glossary(), concept_id)))

    @app.post("/api/annotate")
    def api_annotate() -> Response:
        def view(_lang: str) -> Response:
            text = _json_field("text")
            return jsonify(service.annotate(glossary(), text))

        return work(view)

    @app.post("/api/check")
    def api_check() -> Response:
        return work(lambda _lang: jsonify(_report_from_request(glossary()).to_json()))

    @app.get("/api/translit")
    def api_translit() -> Response:
        def view(_lang: str) -> Response:
            text = request.args.get("text", "")
            lang = request.args.get("lang") or None
            if request.args.get("reverse") in ("1", "true", "yes"):
                if lang is None:
                    raise UsageError(_("--reverse needs --lang (or a --scheme that names one language)"))
                top = _int_arg("top", 5)
                return jsonify(service.translit_reverse(glossary(), text, lang=lang, top=top))
            return jsonify(service.translit_all(text, lang=lang))

        return work(view)

    # --- errors --------------------------------------------------------------------------------------
    @app.errorhandler(GlossaryError)
    def _bad_input(exc: GlossaryError) -> tuple[Response | str, int]:
        return _error(str(exc), 400)

    @app.errorhandler(RequestEntityTooLarge)
    def _too_large(_exc: RequestEntityTooLarge) -> tuple[Response | str, int]:
        mb = app.config["MAX_CONTENT_LENGTH"] / (1024 * 1024)
        return _error(_("the upload is larger than the limit of {mb:g} MB").format(mb=mb), 413)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> tuple[Response | str, int]:
        code = exc.code or 500
        return _error(_("page not found") if code == 404 else str(exc.description or exc.name), code)

    def _error(message: str, code: int) -> tuple[Response | str, int]:
        if request.path.startswith("/api/"):
            return jsonify({"error": message, "status": code}), code
        lang = ui_language()
        i18n.set_language(lang)
        try:
            return render_template("error.html", ui=lang, langs=i18n.UI_LANGS, message=message, code=code), code
        finally:
            i18n.set_language(None)

    return app


def _int_arg(name: str, default: int) -> int:
    value = request.args.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise UsageError(_("{name} must be a whole number").format(name=name)) from None


def _json_field(name: str) -> str:
    """A string field of a JSON body, else of a form."""
    data = request.get_json(silent=True) if request.is_json else None
    value = data.get(name) if isinstance(data, dict) else request.form.get(name)
    if not isinstance(value, str):
        raise UsageError(_("the request needs a text field '{name}'").format(name=name))
    return value


def _report_from_request(glossary: Any) -> service.Report:
    """The document of a check request: an uploaded file, a JSON body or the pasted text of the form."""
    fmt: str | None = None
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        name = os.path.basename(upload.filename.replace("\\", "/"))
        fmt = request.form.get("format") or None
        return service.check_upload(glossary, upload.read(), name, fmt=fmt)
    if request.is_json:
        data = request.get_json(silent=True)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise UsageError(_("the request needs a text field '{name}'").format(name="text"))
        given, asked = data.get("name"), data.get("format")
        name = given if isinstance(given, str) else "pasted.txt"
        fmt = asked if isinstance(asked, str) else None
        text = data["text"]
    else:
        text = request.form.get("text", "")
        name = "pasted.txt"
        fmt = request.form.get("format") or None
    if not text.strip():
        raise UsageError(_("nothing to check: paste a text or choose a file"))
    return service.check_report(glossary, text, name=name, fmt=fmt)
