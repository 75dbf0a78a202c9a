# Self-bootstrapping: every target creates .venv and installs what it needs on first use.
# Stamp files make a repeated install a no-op until pyproject.toml or package-lock.json changes.

PYTHON := .venv/bin/python

.PHONY: help generate test test-real bench bench-peers clean

help:
	@echo "make generate     create .venv if needed, install, write the client package to generated/"
	@echo "make test         install (plus Prism), run every test and mypy --strict"
	@echo "make test-real    run only the tests against the real Cloudflare specs in ../shared"
	@echo "make bench        run every benchmark in bench/"
	@echo "make bench-peers  set up .bench/venv with the peers bench/bench_peers.py compares with"
	@echo "make clean        remove .venv, node_modules, caches and build output"

generate: .stamp-venv
	$(PYTHON) -m generator generate

# Everything, the real-spec tests included (they skip, saying why, where ../shared is absent).
test: .stamp-venv .stamp-node .stamp-generated
	$(PYTHON) -m pytest tests generated/tests
	$(PYTHON) -m mypy --strict generator
	$(PYTHON) -m mypy --strict generated/src
	$(PYTHON) -m black --check --quiet generator tests bench

test-real: .stamp-venv
	$(PYTHON) -m pytest -m real tests; status=$$?; \
		cat build/test-real/generated-tests.txt 2>/dev/null | head -60; exit $$status

# Our own benchmarks, then the comparison with the peers (openapi-python-client, the official
# SDK), which run from a benchmark-only venv in .bench/ (rebuilt when the script's pins change).
bench: .stamp-venv bench-peers
	@for script in $(filter-out bench/bench_peers.py,$(wildcard bench/*.py)); do \
		echo "== $$script"; $(PYTHON) "$$script" || exit 1; done

.bench/.stamp-venv: bench/bench_peers.py .stamp-venv
	$(PYTHON) bench/bench_peers.py --setup
	@touch $@

bench-peers: .bench/.stamp-venv .stamp-generated
	$(PYTHON) bench/bench_peers.py --json .bench/results.json $(BENCH_ARGS)

clean:
	rm -rf .venv node_modules .stamp-venv .stamp-node .stamp-generated .cache .bench .mypy_cache .pytest_cache \
		build dist *.egg-info

$(PYTHON):
	python3 -m venv .venv

.stamp-venv: pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

# The generated package, installed in editable mode so its tests (and mypy) import it.
.stamp-generated: generated/pyproject.toml .stamp-venv
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e generated
	touch $@

.stamp-node: package-lock.json
	@if command -v npm >/dev/null && command -v node >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm/node not found: skipping Prism, so the contract tests that need it will skip"; \
	fi
