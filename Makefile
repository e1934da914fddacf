# regiokaart: `make run` serves the site with demo data, `make test` runs the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format migrations-check messages messages-check install bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime

run: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.dev
	$(BIN)/pytest -n auto --maxprocesses=4

lint: $(VENV)/.dev messages-check
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: $(VENV)/.runtime
	$(BIN)/python manage.py makemigrations --check --dry-run

# Translations (needs gettext). Our own strings are written in Dutch, so locale/nl
# holds only hand-written Dutch for what Django, django-simple-history,
# django-import-export and django-axes leave in English. makemessages never runs
# for nl: it would drop all of those as obsolete. It keeps the catalogs of the
# languages in MESSAGE_LOCALES in step with our source; the English site adds "en".
MESSAGE_LOCALES := en
MAKEMESSAGES := $(BIN)/python manage.py makemessages --no-location --no-obsolete \
	$(addprefix -l ,$(MESSAGE_LOCALES)) \
	--ignore=.venv --ignore=staticfiles --ignore=media --ignore=node_modules

messages: $(VENV)/.runtime
ifneq ($(MESSAGE_LOCALES),)
	$(MAKEMESSAGES)
	$(MAKEMESSAGES) -d djangojs
endif
	touch locale/*/LC_MESSAGES/*.po  # compilemessages skips a .mo newer than its .po
	$(BIN)/python manage.py compilemessages \
		--ignore=.venv --ignore=staticfiles --ignore=media --ignore=node_modules

# The committed catalogs are what "make messages" makes; nl and en have nothing
# fuzzy or untranslated.
messages-check: messages
	git diff --exit-code -- locale/
	! grep -n '#, fuzzy' locale/nl/LC_MESSAGES/*.po
	! grep -n '#, fuzzy' locale/en/LC_MESSAGES/*.po
	for po in locale/nl/LC_MESSAGES/*.po locale/en/LC_MESSAGES/*.po; do \
		test -z "$$(msgattrib --untranslated $$po)" || { echo "$$po: untranslated"; exit 1; }; \
	done

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
