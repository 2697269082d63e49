# virtconform: see README.md.  GNU make; objects go under build/.

CC ?= cc
PKGS := libxml-2.0 cmocka
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS ?= -O2 -g
WARNFLAGS := -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE
ALL_CFLAGS = $(WARNFLAGS) $(CFLAGS) $(SAN_FLAGS) -Isrc -Iharness -Imock $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)

B := build
# V=1 shows the full compiler command lines.
ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-6s %s\n'
endif
LIB_SRC := $(sort $(wildcard src/util/*.c src/conf/*.c src/caps/*.c src/cpu/*.c src/net/*.c src/qemu/*.c \
	mock/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
HARNESS_SRC := $(sort $(wildcard harness/*.c))
# the live tier runs a real QEMU: `make check-live`, not `make check`
LIVE_SRC := tests/test_live.c
TEST_SRC := $(filter-out $(LIVE_SRC),$(sort $(wildcard tests/test_*.c)))

LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
HARNESS_OBJ := $(HARNESS_SRC:%.c=$(B)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
LIVE_BIN := $(LIVE_SRC:tests/%.c=$(B)/tests/%)

LIB := $(B)/libvirtconform.a
HARNESS_LIB := $(B)/libvcharness.a
# the fuzz targets, for the tiers, and their replay programs (fuzz/fuzz.mk)
FUZZ_LIB := $(B)/libvcfuzz.a
FUZZ_REPLAY := $(patsubst fuzz/fuzz_%.c,$(B)/fuzz/fuzz-%,$(sort $(wildcard fuzz/fuzz_*.c)))
CLI := $(B)/virtconform

# Where the reference corpus lives; its tiers say "skipped" without it.
VC_REFDIR ?= $(CURDIR)/../shared/reference/libvirt-0.10.2
export VC_REFDIR
export VC_SRCDIR := $(CURDIR)
export VC_CLI := $(CURDIR)/$(CLI)

VALGRIND := valgrind --quiet --leak-check=full --show-leak-kinds=definite \
	--errors-for-leak-kinds=definite --error-exitcode=99 --trace-children=yes \
	--trace-children-skip='*/bash,*/sh,*/diff'

.PHONY: all build-tests check check-live check-valgrind check-asan coverage bench deps check-deps clean \
	matrix run
.SECONDARY:

all: check-deps $(CLI)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(quiet) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

# The test programs find their data in the tree they were built from, and
# the CLI they run beside them, from any directory (VC_SRCDIR and VC_CLI
# override both).
$(B)/harness/corpus.o: ALL_CFLAGS += -DVC_SOURCE_DIR='"$(CURDIR)"' -DVC_BUILT_CLI='"$(CURDIR)/$(CLI)"'

# The fake kernel (mock/) finds its scenarios here, in the source tree.
$(B)/mock/%.o: ALL_CFLAGS += -DVC_MOCK_SCENARIO_DIR='"$(CURDIR)/mock/scenarios"'

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(HARNESS_LIB): $(HARNESS_OBJ)
	$(quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(CLI): $(CLI_OBJ) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(B)/tests/%: $(B)/tests/%.o $(FUZZ_LIB) $(HARNESS_LIB) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(FUZZ_LIB) $(HARNESS_LIB) $(LIB) $(PKG_LIBS)

# Building needs only the compiler, pkg-config, libxml2 and cmocka; make
# checks for them and, when one is missing, says so and stops: it never
# installs anything.  Installing is `make deps` (or .ci/run): everything
# the targets use, on Debian or Ubuntu, as root or through sudo.
DEB_PKGS := gcc make pkg-config libxml2-dev libxml2-utils libcmocka-dev valgrind gcovr
check-deps:
	@pkg-config --exists $(PKGS) 2>/dev/null || { \
	  echo "missing build dependencies (pkg-config, libxml2-dev, libcmocka-dev): run make deps"; \
	  exit 1; }

# $(1): the program a target needs beyond the build dependencies
need = @command -v $(1) >/dev/null || { echo "$@ needs $(1): run make deps"; exit 1; }

deps:
	@if ! command -v apt-get >/dev/null; then \
	  echo "make deps: no apt-get here; install: $(DEB_PKGS)"; exit 1; fi; \
	if [ "$$(id -u)" = 0 ]; then as=; \
	elif command -v sudo >/dev/null; then as=sudo; \
	else echo "make deps: not root and no sudo; as root run: apt-get install -y $(DEB_PKGS)"; \
	  exit 1; fi; \
	echo "installing: $(DEB_PKGS)"; \
	get="$$as env DEBIAN_FRONTEND=noninteractive apt-get"; \
	$$get install -y --no-install-recommends $(DEB_PKGS) >/dev/null || \
	  { $$get update >/dev/null && $$get install -y --no-install-recommends $(DEB_PKGS) >/dev/null; }

# the replay programs too, so that they keep building with any compiler
build-tests: $(TEST_BIN) $(LIVE_BIN) $(FUZZ_REPLAY)

# A benchmark, not a test: capability detection, XML parsing and argv
# building over the whole corpus, warm, and the peak memory; the same over
# generated inputs at two sizes (tests/bench.c); then the instructions the
# xml2argv-reference tier spends per row, whole process, under callgrind
# (VC_TIER runs that tier alone).  ITERATIONS=N sets the rounds (default
# 2000).
BENCH := $(B)/bench
$(BENCH): $(B)/tests/bench.o $(HARNESS_LIB) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $< $(HARNESS_LIB) $(LIB) $(PKG_LIBS)

BENCH_CG := $(B)/bench-xml2argv-reference
# Scaling, in instructions (callgrind, only inside detection, parsing
# and building): each generated input at N and 4N; linear code grows
# x4, quadratic x16, and more than x6 fails the target.
# (SCSI disks: 7 a controller, and controllers go up to index 1023)
BENCH_SCALE := listing:25000 virtio-disks:5000 scsi-disks:1750 serials:5000 controllers:5000
BENCH_SCALE_FNS := --collect-atstart=no --toggle-collect=vc_caps_parse_devices \
	--toggle-collect=vc_domain_parse --toggle-collect=vc_qemu_build
bench: check-deps $(BENCH) $(B)/tests/test_xml2argv
	$(call need,valgrind)
	@$(BENCH) $(ITERATIONS)
	@for s in $(BENCH_SCALE); do \
	  kind=$${s%%:*}; n=$${s#*:}; \
	  for m in $$n $$((n * 4)); do \
	    valgrind --tool=callgrind --callgrind-out-file=$(B)/bench-scale.callgrind \
	      $(BENCH_SCALE_FNS) $(BENCH) --scale=$$kind:$$m >/dev/null 2>&1 || \
	      { $(BENCH) --scale=$$kind:$$m >&2; echo "bench: --scale=$$kind:$$m failed" >&2; exit 1; }; \
	    sed -nE 's/^summary: ([0-9]+).*/\1/p' $(B)/bench-scale.callgrind; \
	  done | paste -sd' ' | awk -v k=$$kind -v n=$$n '{ \
	    if (NF != 2) { printf "scaling of %s: not measured\n", k; exit 1 } \
	    printf "scaling of %s: %d -> %d: x%.2f instructions (linear x4, quadratic x16)\n", \
	      k, n, 4 * n, $$2 / $$1; \
	    if ($$2 / $$1 > 6) { printf "bench: %s grows faster than linear\n", k; exit 1 } }' || exit 1; \
	done
	@if [ ! -d "$(VC_REFDIR)" ]; then \
	  echo "xml2argv-reference: skipped (reference corpus not found at $(VC_REFDIR))"; \
	else \
	  VC_TIER=xml2argv-reference valgrind --tool=callgrind \
	    --callgrind-out-file=$(BENCH_CG).callgrind $(B)/tests/test_xml2argv \
	    >$(BENCH_CG).log 2>&1; \
	  rows=$$(sed -nE 's/^xml2argv-reference: ([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) xfail)?.*/\1 \2 \4/p' \
	    $(BENCH_CG).log | awk '{ print $$1 + $$2 + $$3 }'); \
	  total=$$(sed -nE 's/^(summary|totals): ([0-9]+).*/\2/p' $(BENCH_CG).callgrind | head -n 1); \
	  if [ -z "$$rows" ] || [ "$$rows" = 0 ] || [ -z "$$total" ]; then \
	    echo "xml2argv-reference: no figure (see $(BENCH_CG).log)"; exit 1; fi; \
	  awk -v t="$$total" -v r="$$rows" 'BEGIN { printf "xml2argv-reference: %.0f instructions per row (callgrind, whole process, %d rows)\n", t / r, r }'; \
	fi

check: check-deps $(CLI) $(TEST_BIN) $(FUZZ_REPLAY)
	@VC_LOGDIR=$(B)/test-logs VC_RESULTDIR=$(B)/test-results harness/run-tests $(TEST_BIN)

# The matrix of domains x recordings (`virtconform matrix`), as the
# snapshots under matrix/ that the matrix tier of `make check` compares
# with: the project's corpus against every recording of qemuhelpdata/,
# and against the reference recordings when the reference corpus is here.
# MATRIX_DIR=DIR writes them elsewhere (make run: build/matrix).
MATRIX_DIR ?= matrix
matrix: check-deps $(CLI)
	@mkdir -p $(MATRIX_DIR)
	@$(CLI) matrix --corpus=xml2argvdata --output-dir=$(MATRIX_DIR) --name=project qemuhelpdata
	@if [ -d "$(VC_REFDIR)/qemuhelp" ]; then \
	  $(CLI) matrix --corpus=xml2argvdata --output-dir=$(MATRIX_DIR) --name=reference \
	    "$(VC_REFDIR)/qemuhelp"; \
	else echo "matrix: reference: skipped (reference corpus not found at $(VC_REFDIR))"; fi

# The main job: build, make check, the matrix and (when this host has
# QEMU) make check-live, ending in one table (harness/run-main).
run: check-deps
	@MAKE="$(MAKE)" harness/run-main

# The live tiers (tests/test_live.c): the host's QEMU started for every
# case of tests/live/ and xml2argvdata/, checked over QMP; skipped when
# no QEMU here matches a recording.  VC_LIVE_PROJECT=0 leaves out the
# xml2argvdata cases.
check-live: check-deps $(CLI) $(LIVE_BIN)
	@VC_LOGDIR=$(B)/test-logs VC_RESULTDIR=$(B)/test-results harness/run-tests $(LIVE_BIN)

# The injection tier runs one variant in VC_INJECTION_STRIDE under
# memcheck (every variant would take minutes there), caps-errors one cut
# of a recording in VC_CUT_STRIDE, the roundtrip-values tier one variant
# in VC_VALUES_STRIDE, the fuzz-smoke tier one execution in
# VC_FUZZ_SMOKE_STRIDE.
check-valgrind: check-deps $(CLI) $(TEST_BIN)
	$(call need,valgrind)
	@VC_LOGDIR=$(B)/test-logs VC_RESULTDIR=$(B)/test-results VC_WRAPPER="$(VALGRIND)" \
	  VC_TEST_TIMEOUT=$${VC_TEST_TIMEOUT:-3600} VC_INJECTION_STRIDE=6 VC_CUT_STRIDE=10 \
	  VC_VALUES_STRIDE=10 VC_FUZZ_SMOKE_STRIDE=10 harness/run-tests $(TEST_BIN)

# The same tiers built with AddressSanitizer and UBSan, in a build
# directory of their own (the fuzz-smoke tier runs every other input).
check-asan:
	@VC_FUZZ_SMOKE_STRIDE=2 $(MAKE) --no-print-directory B=$(B)/asan \
	  SAN_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  check

# Line coverage of src/net: every tier built with --coverage (-O0, so
# lines map to code) in a build directory of its own and run there, then
# gcovr's per-file table and one figure; fails below COVERAGE_MIN percent.
# -u links libgcov's __gcov_dump, which forked checks call before _exit
# (harness/netns.c).
COVERAGE_MIN ?= 95
COV_B := $(B)/coverage
coverage:
	$(call need,gcovr)
	@# counts add up across runs: start from none
	@find $(COV_B) -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory B=$(COV_B) CFLAGS="-O0 -g --coverage" \
	  LDFLAGS="--coverage -Wl,-u,__gcov_dump" check
	@gcovr --root . --filter 'src/net/' --txt $(COV_B)/coverage.txt $(COV_B)
	@sed -n '/^File/,/^TOTAL/p' $(COV_B)/coverage.txt | grep -v '^-'
	@awk -v min=$(COVERAGE_MIN) '$$1 == "TOTAL" { \
	    pct = $$2 ? 100 * $$3 / $$2 : 0; \
	    printf "coverage: src/net/ %.1f%% of lines (%d of %d)\n", pct, $$3, $$2; \
	    if (pct < min) { printf "coverage: below COVERAGE_MIN=%s%%\n", min; exit 1 } }' \
	  $(COV_B)/coverage.txt

clean:
	rm -rf $(B)

include fuzz/fuzz.mk

-include $(shell find $(B) -name '*.d' 2>/dev/null)
