"""``glossary serve``: the local web page (lookup, check a report, transliterate) and its JSON API."""

from __future__ import annotations

import argparse
import sys

from glossary.i18n import N_, _

HELP = N_("open a local web page to look up terms, check a report and transliterate")
EPILOG = N_(
    "Examples:\n"
    "  glossary serve                  (then open http://127.0.0.1:8765/)\n"
    "  glossary serve --open --port 9000\n\n"
    "Pages: / (look up, with suggestions as you type), /check (paste a report or drop a .txt, .docx,\n"
    ".pdf, .bib, .ris or .json file: every mention highlighted, check's findings beside it), /translit\n"
    "(every scheme side by side, and back to Cyrillic). /api/ lists the JSON endpoints, which mirror\n"
    "the --json output of lookup, annotate, check and translit.\n"
    "The server listens on 127.0.0.1 (this computer only) unless --host says otherwise; nothing you\n"
    "paste or upload is sent anywhere or kept. Needs the web extra: pip install 'glossary[web]'.\n"
    "Exit status: 0 when stopped with Ctrl+C, 2 for usage errors (a port in use, Flask missing)."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help=_("address to listen on (default: 127.0.0.1, this computer only)"))
    parser.add_argument("--port", type=int, default=8765, help=_("port to listen on (default: 8765; 0: any free port)"))
    parser.add_argument("--open", action="store_true", help=_("open the page in the default web browser"))
    parser.add_argument("--max-upload", type=float, default=10, metavar="MB",
                        help=_("largest upload or pasted text accepted, in megabytes (default: 10)"))


def run(args: argparse.Namespace) -> int:
    from glossary.errors import UsageError

    if not 0 <= args.port <= 65535:
        raise UsageError(_("--port must be between 0 and 65535"))
    if args.max_upload <= 0:
        raise UsageError(_("--max-upload must be more than 0"))
    try:
        from werkzeug.serving import make_server

        from glossary.web.app import create_app
    except ImportError as exc:
        raise UsageError(_("glossary serve needs Flask: pip install 'glossary[web]' ({error})").format(
            error=exc)) from None
    app = create_app(args.terms, max_upload=int(args.max_upload * 1024 * 1024))
    try:
        # werkzeug prints its own advice and exits when the port is taken: ask first, say it in one line
        if args.port:
            import socket

            family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
            socket.create_server((args.host, args.port), family=family).close()
        server = make_server(args.host, args.port, app, threaded=True)
    except OSError as exc:
        raise UsageError(_("cannot listen on {host}:{port}: {reason}").format(
            host=args.host, port=args.port, reason=exc.strerror or exc)) from None
    host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{host}:{server.server_port}/"
    local = args.host in ("127.0.0.1", "localhost", "::1")
    print(_("Serving on {url}").format(url=url), file=sys.stderr)
    print(_("Listening on this computer only; press Ctrl+C to stop.") if local else
          _("Warning: listening on {host}, other computers on the network can reach this page.").format(
              host=args.host), file=sys.stderr)
    sys.stderr.flush()
    if args.open:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
