#!/usr/bin/env bash
# Runs every test: the unit, Lua, command-line and reliability tests of build/ through ctest;
# then the same suite in an AddressSanitizer + UndefinedBehaviorSanitizer build (build-asan/);
# then each libFuzzer target for FUZZ_SECONDS (default 60) s (tools/fuzz.sh, build-fuzz/).
# NB_BUILD, NB_ASAN_BUILD, NB_FUZZ_BUILD name other build folders. Prints the time of each step.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${NB_BUILD:-build}
ASAN=${NB_ASAN_BUILD:-build-asan}
export NB_FUZZ_BUILD=${NB_FUZZ_BUILD:-build-fuzz}
jobs=$(nproc)
t0=$SECONDS
step() { echo "test.sh: $1 took $((SECONDS - t0)) s"; t0=$SECONDS; }

ctest --test-dir "$B" --output-on-failure -j"$jobs"
step "ctest ($B)"

cmake -S . -B "$ASAN" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNB_SANITIZE=ON >/dev/null
cmake --build "$ASAN" -j"$jobs" >/dev/null
step "sanitizer build ($ASAN)"
# halt_on_error: any report fails the test that caused it; leaks are reported too.
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$ASAN" --output-on-failure -j"$jobs"
step "ctest ($ASAN, address + undefined sanitizers)"

bash tools/fuzz.sh "${FUZZ_SECONDS:-60}"
step "fuzzing (tools/fuzz.sh)"

# One closing line for the whole run (set -e: reaching it means every step passed).
count() { ctest --test-dir "$1" -N | sed -n 's/^Total Tests: //p'; }
echo "test.sh: every ctest test passed in $B and $ASAN; fuzzing found nothing"
echo "test.sh: $(( $(count "$B") + $(count "$ASAN") )) passed, 0 failed"
