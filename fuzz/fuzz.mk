# fuzz.mk: the fuzz targets (fuzz/fuzz_NAME.c), included by the Makefile.
#
# Each target is linked four ways (fuzz/fuzz.h):
#   $(B)/fuzz/fuzz-NAME       a replay program (standalone_main.c), any CC
#   $(B)/libvcfuzz.a          the targets' entry points renamed
#                             vc_fuzz_NAME_init/_one, for the tiers
#   make fuzz                 libFuzzer (clang), in $(B)/fuzz/libfuzzer*
#   make fuzz-afl             AFL++ (afl-clang-fast), in $(B)/fuzz/afl
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))
# what the targets share; mutate*.c and values.c are the structure-aware
# mutation engine the domain target's custom mutator and the smoke tier use
FUZZ_COMMON_SRC := $(filter-out fuzz/fuzz_%.c fuzz/standalone_main.c fuzz/domain_mutator.c \
	fuzz/gen_%.c, $(sort $(wildcard fuzz/*.c)))
FUZZ_COMMON_OBJ := $(FUZZ_COMMON_SRC:%.c=$(B)/%.o)
FUZZ_TIER_OBJ := $(FUZZ_TARGETS:%=$(B)/fuzz-tier/fuzz_%.o)
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz-%)

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

# How a target program gets its main(): standalone_main.c, or the
# engine's (FUZZ_ENGINE_LDFLAGS, with the engine's extra objects).
FUZZ_MAIN_OBJ ?= $(B)/fuzz/standalone_main.o
FUZZ_ENGINE_LDFLAGS ?=
$(B)/fuzz/fuzz-%: $(B)/fuzz/fuzz_%.o $(FUZZ_MAIN_OBJ) $(FUZZ_COMMON_OBJ) $(HARNESS_LIB) $(LIB)
	$(quiet) LINK $@
	$(Q)$(CC) $(ALL_LDFLAGS) $(FUZZ_ENGINE_LDFLAGS) -o $@ $(filter %.o,$^) \
	  $(HARNESS_LIB) $(LIB) $(PKG_LIBS)

.PHONY: fuzz-replay
fuzz-replay: $(FUZZ_REPLAY)
