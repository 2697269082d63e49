# fuzz.mk: the fuzz targets (fuzz/fuzz_NAME.c), included by the Makefile.
#
# Each target is linked four ways (fuzz/fuzz.h):
#   $(B)/fuzz/fuzz-NAME       a replay program (standalone_main.c), any CC
#   $(B)/libvcfuzz.a          the targets' entry points renamed
#                             vc_fuzz_NAME_init/_one, for the tiers
#   make fuzz                 libFuzzer (clang), in $(B)/fuzz/libfuzzer*
#   make fuzz-afl             AFL++ (afl-clang-fast), in $(B)/fuzz/afl-build
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
# what the targets share; mutate*.c and values.c are the structure-aware
# mutation engine the domain target's custom mutator and the smoke tier use
FUZZ_COMMON_SRC := $(filter-out fuzz/fuzz_%.c fuzz/standalone_main.c fuzz/domain_mutator.c \
	fuzz/gen_%.c, $(sort $(wildcard fuzz/*.c)))
FUZZ_COMMON_OBJ := $(FUZZ_COMMON_SRC:%.c=$(B)/%.o)
FUZZ_TIER_OBJ := $(FUZZ_TARGETS:%=$(B)/fuzz-tier/fuzz_%.o)

# The targets find the capability sets, scenarios and seeds in the
# source tree they were built from (VC_SRCDIR overrides it).
FUZZ_CFLAGS = -Ifuzz -DVC_FUZZ_SRCDIR='"$(CURDIR)"'
$(B)/fuzz/%.o: ALL_CFLAGS += $(FUZZ_CFLAGS)
$(B)/tests/test_fuzz_%.o: ALL_CFLAGS += $(FUZZ_CFLAGS)

# The tiers link every target into one program: each target's entry
# points get its name (fuzz/targets.h declares them).
$(B)/fuzz-tier/fuzz_%.o: fuzz/fuzz_%.c
	@mkdir -p $(dir $@)
	$(quiet) CC "$< (renamed for the tiers)"
	$(Q)$(CC) $(ALL_CFLAGS) $(FUZZ_CFLAGS) -DLLVMFuzzerInitialize=vc_fuzz_$*_init \
	  -DLLVMFuzzerTestOneInput=vc_fuzz_$*_one -c $< -o $@

$(FUZZ_LIB): $(FUZZ_TIER_OBJ) $(FUZZ_COMMON_OBJ)
	$(quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

# How a target program gets its main(): standalone_main.c, or, in an
# engine's sub-make (FUZZ_ENGINE), the engine's, with libFuzzer's custom
# mutator and crossover for the domain target.
ifeq ($(FUZZ_ENGINE),libfuzzer)
FUZZ_MAIN_OBJ :=
FUZZ_ENGINE_LDFLAGS := -fsanitize=fuzzer
$(B)/fuzz/fuzz-domain: $(B)/fuzz/domain_mutator.o
else ifeq ($(FUZZ_ENGINE),afl)
FUZZ_MAIN_OBJ :=
FUZZ_ENGINE_LDFLAGS := -fsanitize=fuzzer
else
FUZZ_MAIN_OBJ := $(B)/fuzz/standalone_main.o
FUZZ_ENGINE_LDFLAGS :=
endif
$(B)/fuzz/fuzz-%: $(B)/fuzz/fuzz_%.o $(FUZZ_MAIN_OBJ) $(FUZZ_COMMON_OBJ) $(HARNESS_LIB) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) $(FUZZ_ENGINE_LDFLAGS) -o $@ $(filter %.o,$^) \
	  $(HARNESS_LIB) $(LIB) $(PKG_LIBS)

.PHONY: fuzz-replay
fuzz-replay: $(FUZZ_REPLAY)

# The programs make fuzz runs first: a target's seeds into a directory,
# the domain dictionary (generated from the vocabulary, never by hand).
$(B)/fuzz/gen-%: $(B)/fuzz/gen_%.o $(FUZZ_COMMON_OBJ) $(HARNESS_LIB) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(HARNESS_LIB) $(LIB) $(PKG_LIBS)

$(B)/fuzz/domain.dict: $(B)/fuzz/gen-dict
	$(quiet) GEN $@
	$(Q)$< >$@.tmp && mv $@.tmp $@

# ---- the engines: make fuzz, make fuzz-afl, make fuzz-coverage ---------
# FUZZ_TIME seconds per target (default 60); FUZZ_TARGET=NAME runs one.
# make fuzz: libFuzzer with ASan+UBSan (FUZZ_SAN=none: no sanitizer, for
# the plain executions per second), then the line coverage of src/ the
# corpus reaches (FUZZ_COVERAGE=0 skips it).
FUZZ_TIME ?= 60
FUZZ_TARGET ?=
FUZZ_SAN ?= address,undefined
FUZZ_COVERAGE ?= 1
FUZZ_RUN = $(or $(FUZZ_TARGET),$(FUZZ_TARGETS))
FUZZ_OUT := $(B)/fuzz
comma := ,
FUZZ_PLAIN = $(filter none,$(FUZZ_SAN))
FUZZ_LF_B = $(FUZZ_OUT)/libfuzzer$(if $(FUZZ_PLAIN),-plain)
FUZZ_LF_SAN = -fsanitize=fuzzer-no-link$(if $(FUZZ_PLAIN),,$(comma)$(FUZZ_SAN) \
	-fno-sanitize-recover=all) -fno-omit-frame-pointer
FUZZ_AFL_B = $(FUZZ_OUT)/afl-build

.PHONY: fuzz fuzz-afl fuzz-coverage fuzz-prepare fuzz-deps-clang fuzz-deps-afl
fuzz-prepare: check-deps $(FUZZ_OUT)/gen-seeds
	@rm -f $(FUZZ_OUT)/domain.dict && $(MAKE) --no-print-directory $(FUZZ_OUT)/domain.dict

# clang's libFuzzer runtime is libclang-rt-14-dev
fuzz-deps-clang:
	@if ! command -v clang >/dev/null || \
	    [ "$$(clang --print-file-name=libclang_rt.fuzzer-x86_64.a)" = libclang_rt.fuzzer-x86_64.a ]; then \
	  $(MAKE) --no-print-directory deps DEB_PKGS="clang libclang-rt-14-dev"; fi

fuzz-deps-afl:
	@command -v afl-clang-fast >/dev/null || $(MAKE) --no-print-directory deps DEB_PKGS="afl++"

fuzz: fuzz-deps-clang fuzz-prepare
	@$(MAKE) --no-print-directory B=$(FUZZ_LF_B) CC=clang CFLAGS="-O2 -g" \
	  SAN_FLAGS="$(FUZZ_LF_SAN)" FUZZ_ENGINE=libfuzzer $(FUZZ_RUN:%=$(FUZZ_LF_B)/fuzz/fuzz-%)
	@echo "fuzz: libFuzzer, sanitizers: $(or $(FUZZ_PLAIN),$(FUZZ_SAN)), $(FUZZ_TIME) s per target"
	@FUZZ_TIME=$(FUZZ_TIME) FUZZ_OUT=$(FUZZ_OUT) fuzz/run libfuzzer $(FUZZ_LF_B)/fuzz $(FUZZ_RUN); \
	  rc=$$?; \
	  if [ "$(FUZZ_COVERAGE)" = 1 ]; then $(MAKE) --no-print-directory fuzz-coverage || rc=1; fi; \
	  exit $$rc

# AFL++ mutates bytes (with the dictionary for the domain target); its
# build has ASan and UBSan too.
fuzz-afl: fuzz-deps-clang fuzz-deps-afl fuzz-prepare
	@$(MAKE) --no-print-directory B=$(FUZZ_AFL_B) CC=afl-clang-fast CFLAGS="-O2 -g" \
	  SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  FUZZ_ENGINE=afl $(FUZZ_RUN:%=$(FUZZ_AFL_B)/fuzz/fuzz-%)
	@echo "fuzz: AFL++, sanitizers: address,undefined, $(FUZZ_TIME) s per target"
	@FUZZ_TIME=$(FUZZ_TIME) FUZZ_OUT=$(FUZZ_OUT) fuzz/run afl $(FUZZ_AFL_B)/fuzz $(FUZZ_RUN)

# The line coverage of src/ that the seeds, corpora and regression
# inputs reach: the replay programs built with --coverage, run over them.
FUZZ_COV_B = $(FUZZ_OUT)/coverage
fuzz-coverage:
	@command -v gcovr >/dev/null || $(MAKE) --no-print-directory deps
	@find $(FUZZ_COV_B) -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory B=$(FUZZ_COV_B) CFLAGS="-O0 -g --coverage" \
	  LDFLAGS=--coverage $(FUZZ_RUN:%=$(FUZZ_COV_B)/fuzz/fuzz-%)
	@for t in $(FUZZ_RUN); do \
	  $(FUZZ_COV_B)/fuzz/fuzz-$$t $(FUZZ_OUT)/seeds/$$t \
	    $$( [ -d $(FUZZ_OUT)/corpus/$$t ] && echo $(FUZZ_OUT)/corpus/$$t) \
	    $$( [ -d $(FUZZ_OUT)/afl/$$t/default/queue ] && echo $(FUZZ_OUT)/afl/$$t/default/queue) \
	    >$(FUZZ_OUT)/logs/$$t.coverage.log 2>&1 || \
	    { echo "fuzz-coverage: the replay of $$t failed: $(FUZZ_OUT)/logs/$$t.coverage.log"; exit 1; }; \
	done
	@gcovr --root . --filter 'src/' --txt $(FUZZ_COV_B)/coverage.txt $(FUZZ_COV_B) >/dev/null
	@awk '$$1 == "TOTAL" { printf "fuzz: line coverage of src/ over the corpora ($(FUZZ_RUN)): %.1f%% (%d of %d lines)\n", \
	    $$2 ? 100 * $$3 / $$2 : 0, $$3, $$2 }' $(FUZZ_COV_B)/coverage.txt
