# pontoon: build, test, demo, benchmarks, docs, install.
# `make test` works on a fresh Debian 12 machine as root with only the Rust
# toolchain: it installs the packages the tests need (scripts/install-deps.sh).

PREFIX ?= /usr/local
DESTDIR ?=
CARGO ?= cargo
RELEASE_BIN := target/x86_64-unknown-linux-gnu/release/pontoon

.PHONY: all build deps test test-root test-unprivileged demo bench docs install clean

all: build

deps:
	@scripts/install-deps.sh

build:
	$(CARGO) build --release

# The suite runs twice: as root (rootful mode), then the same test binaries
# as the unprivileged user pontoon-ci (rootless mode, subuid/subgid ranges).
# Steps run in order even under `make -j`.
test:
	@scripts/install-deps.sh
	$(CARGO) build --release
	@$(MAKE) --no-print-directory test-root
	@$(MAKE) --no-print-directory test-unprivileged

test-root:
	@echo
	@echo "===== pontoon tests as $$(id -un) (uid $$(id -u)) ====="
	@echo "$(CARGO) test"
	@skips=$$(mktemp /tmp/pontoon-skips.XXXXXX); \
	PONTOON_SKIP_LOG=$$skips $(CARGO) test; rc=$$?; \
	echo; scripts/skip-summary.sh $$skips; rm -f $$skips; exit $$rc

test-unprivileged:
	@echo
	@if [ "$$(id -u)" -ne 0 ]; then \
		echo "===== skipping the unprivileged run: it needs root to switch users (the run above was already rootless) ====="; \
	else \
		echo "===== pontoon tests as unprivileged user $${PONTOON_CI_USER:-pontoon-ci} (rootless) ====="; \
		scripts/run-unprivileged.sh; \
	fi

demo:
	@scripts/demo.sh

bench:
	@scripts/bench.sh

# Man pages and shell completions, generated from the CLI definition and
# committed (tests/docs.rs fails when they are stale: run `make docs`).
docs: build
	$(RELEASE_BIN) __generate-docs --man man --completions completions

install: build docs
	install -D -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/pontoon
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -D -m 644 completions/pontoon.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/pontoon
	install -D -m 644 completions/_pontoon $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_pontoon
	install -D -m 644 completions/pontoon.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/pontoon.fish

clean:
	@if [ -d .demo ]; then \
		PONTOON_ROOT=.demo/root PONTOON_RUNROOT=.demo/run $(RELEASE_BIN) unshare rm -rf .demo/root .demo/run 2>/dev/null || true; \
		rm -rf .demo; \
	fi
	$(CARGO) clean
