# Two entry points (see README): `make demo` sets up and shows the tool; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable install with the test tools; re-run when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/glossary lookup voenkomat
	@echo
	$(BIN)/glossary lookup 'ст. 338 УК РФ' --lang en,ru
	@echo
	$(BIN)/glossary lookup 'Росгвардия' --lang en

test: $(VENV)/.installed
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# --- Translations of the tool's own messages (issue #6; see docs/translating.md) -------------------
# extract → update → compile; the .mo files are committed, and tests/i18n checks that they, the .po
# files and the .pot all agree with the code (no missing, stale or fuzzy entry).
.PHONY: catalogs catalogs-check
CATALOG_LANGS := ru uk
catalogs: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ --add-comments=TRANSLATORS: --add-location=file \
	    --sort-by-file --project=glossary --msgid-bugs-address=glossary-developers \
	    --copyright-holder="glossary developers" -o locales/glossary.pot src
	for l in $(CATALOG_LANGS); do \
	    if [ -f locales/$$l/LC_MESSAGES/glossary.po ]; then \
	        $(BIN)/pybabel update -D glossary -i locales/glossary.pot -d locales -l $$l \
	            --ignore-obsolete --no-fuzzy-matching --update-header-comment; \
	    else $(BIN)/pybabel init -D glossary -i locales/glossary.pot -d locales -l $$l; fi; \
	done
	$(BIN)/pybabel compile -D glossary -d locales --statistics
	$(MAKE) catalogs-check

catalogs-check:
	for f in locales/glossary.pot locales/*/LC_MESSAGES/glossary.po; do msgfmt --check -o /dev/null $$f || exit 1; done
