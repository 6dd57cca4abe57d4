#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-fuzz/ (or $NB_FUZZ_BUILD) and runs each for SECONDS seconds (default 60) from the committed seed corpus.
#   bash tools/fuzz.sh [SECONDS] [TARGET...]      targets: load import rules datafile literal docx (default: all)
# New interesting inputs go to BUILD/corpus-TARGET/ (kept between runs); a crashing
# input is written to BUILD/crash-* and the script fails: copy it into
# tests/fuzz/regressions/TARGET/ so that `ctest` replays it from then on, and fix the bug.
# To fuzz for hours: bash tools/fuzz.sh 36000 load   (or run BUILD/tests/fuzz_load with
# any libFuzzer options, e.g. -jobs=4 -max_total_time=36000 BUILD/corpus-load tests/fuzz/corpus/load).
set -euo pipefail
cd "$(dirname "$0")/.."
B=${NB_FUZZ_BUILD:-build-fuzz} # the build folder
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load import rules datafile literal docx)
CC=clang cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNB_FUZZ=ON -DNB_SANITIZE=ON \
  -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build "$B" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null
# seed folders a target shares with another: the literal reader reads the loader's data files
declare -A also=([literal]="tests/fuzz/corpus/load tests/fuzz/regressions/load")
status=0
for t in "${targets[@]}"; do
  mkdir -p "$B/corpus-$t"
  echo "fuzz: $t for ${seconds} s"
  # the importer keeps one script state between inputs, whose heap makes LeakSanitizer's
  # check after each input slow: leaks there are left to valgrind and the failalloc tests
  leaks=1
  [ "$t" != load ] && leaks=0
  if ! "$B/tests/fuzz_$t" -detect_leaks=$leaks -max_total_time="$seconds" -timeout=5 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$B/" \
      "$B/corpus-$t" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" ${also[$t]:-} \
      2>"$B/fuzz-$t.log"; then
    status=1
    echo "fuzz: $t FAILED; the end of $B/fuzz-$t.log:"
    tail -40 "$B/fuzz-$t.log"
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$B/fuzz-$t.log" | sed "s/^/fuzz: $t /" || true
done
exit $status
