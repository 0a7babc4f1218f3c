# pontoon: build, test, demo, benchmarks, docs, install.
# `make test` works on a fresh Debian 12 machine as root with only the Rust
# toolchain: it installs the packages the tests need (scripts/install-deps.sh).

PREFIX ?= /usr/local
DESTDIR ?=
CARGO ?= cargo
RELEASE_BIN := target/x86_64-unknown-linux-gnu/release/pontoon

.PHONY: all build deps test test-root test-unprivileged demo bench docs install install-shims uninstall uninstall-shims clean

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

# pontoon against Podman and each scenario's floor, root and rootless,
# interleaved; writes docs/benchmarks.md (knobs at the top of
# scripts/bench.sh; PONTOON_BENCH_QUICK=1 checks every row in minutes).
bench:
	@scripts/bench.sh

# Man pages and shell completions, generated from the CLI definition and
# committed (tests/docs.rs fails when they are stale: run `make docs`).
docs: build
	$(RELEASE_BIN) __generate-docs --man man --completions completions

# Installs what `make build` made (or BIN=, a pontoon built elsewhere:
# the tests install theirs) with the committed man pages, completions and
# the systemd user unit. `make docs` is not run: tests/docs.rs keeps man/
# and completions/ in step with the CLI.
BIN ?= $(RELEASE_BIN)
# The per-container monitor built with BIN, beside it (src/bin/pontoon-monitor.rs).
MONITOR_BIN ?= $(dir $(BIN))pontoon-monitor
BINDIR := $(DESTDIR)$(PREFIX)/bin
LIBEXECDIR := $(DESTDIR)$(PREFIX)/libexec/pontoon
MAN1DIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHCOMPDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHCOMPDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
USERUNITDIR := $(DESTDIR)$(PREFIX)/lib/systemd/user
MANPAGES := $(notdir $(wildcard man/*.1))
SHIMS := docker podman

install: $(if $(filter $(RELEASE_BIN),$(BIN)),build)
	install -D -m 755 $(BIN) $(BINDIR)/pontoon
	install -D -m 755 $(MONITOR_BIN) $(LIBEXECDIR)/pontoon-monitor
	install -d $(MAN1DIR)
	install -m 644 $(addprefix man/,$(MANPAGES)) $(MAN1DIR)/
	install -D -m 644 completions/pontoon.bash $(BASHCOMPDIR)/pontoon
	install -D -m 644 completions/_pontoon $(ZSHCOMPDIR)/_pontoon
	install -D -m 644 completions/pontoon.fish $(FISHCOMPDIR)/pontoon.fish
	install -d $(USERUNITDIR)
	sed 's|@BINDIR@|$(PREFIX)/bin|g' contrib/systemd/pontoon-restart.service >$(USERUNITDIR)/pontoon-restart.service
	chmod 644 $(USERUNITDIR)/pontoon-restart.service

# `docker` and `podman` commands that run pontoon, with their completions
# (not part of `install`: they stand in for the real ones in PATH).
install-shims:
	install -d $(BINDIR) $(BASHCOMPDIR) $(FISHCOMPDIR)
	for shim in $(SHIMS); do \
		install -m 755 contrib/shims/$$shim $(BINDIR)/$$shim && \
		sed "s/SHIM/$$shim/g" contrib/shims/completion.bash >$(BASHCOMPDIR)/$$shim && \
		sed "s/SHIM/$$shim/g" contrib/shims/completion.fish >$(FISHCOMPDIR)/$$shim.fish || exit 1; \
	done

# Removes the files install put (and the shims'); directories stay, as
# they may hold other packages' files.
uninstall: uninstall-shims
	rm -f $(BINDIR)/pontoon $(LIBEXECDIR)/pontoon-monitor $(addprefix $(MAN1DIR)/,$(MANPAGES))
	rm -f $(BASHCOMPDIR)/pontoon $(ZSHCOMPDIR)/_pontoon $(FISHCOMPDIR)/pontoon.fish
	rm -f $(USERUNITDIR)/pontoon-restart.service

uninstall-shims:
	rm -f $(addprefix $(BINDIR)/,$(SHIMS)) $(addprefix $(BASHCOMPDIR)/,$(SHIMS)) $(addprefix $(FISHCOMPDIR)/,$(addsuffix .fish,$(SHIMS)))

clean:
	@if [ -d .demo ]; then \
		PONTOON_ROOT=.demo/root PONTOON_RUNROOT=.demo/run $(RELEASE_BIN) unshare rm -rf .demo/root .demo/run 2>/dev/null || true; \
		rm -rf .demo; \
	fi
	$(CARGO) clean
