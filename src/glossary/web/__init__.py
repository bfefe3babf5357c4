"""``glossary serve``: a local web page for lookup, report checking and transliteration.

The pages and the JSON API (``/api/``) are thin layers over :mod:`glossary.web.service`, which
computes the same payloads as the CLI's ``--json``. Flask is an optional extra (``glossary[web]``).
"""
