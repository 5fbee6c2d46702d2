#!/usr/bin/env bash
# make fuzz [FUZZ_RUNS=n], make fuzz-long: build every libFuzzer harness in
# test/fuzz with AddressSanitizer and UndefinedBehaviorSanitizer and run it
# from its corpus.  Argument: a number of runs per harness (default 200000) or
# "long" (10,000,000).  FUZZ_JOBS harnesses run at once (default: the CPUs).
# One line per harness: "fuzz NAME: RUNS runs in SECS s, N sanitizer reports, ok|FAILED".
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200000}
[ "$runs" = long ] && runs=10000000
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Build first (clang is busy enough), then run in parallel.
harnesses=()
status=0
mkdir -p build/fuzz
for h in test/fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  if clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
      -Isrc/core "$h" src/core/*.c -o "$work/$name"; then
    harnesses+=("$name")
  else
    echo "fuzz $name: build failed"; status=1
  fi
done

run_one() {
  local name=$1 corpus=test/fuzz/corpus/${1#fuzz_} start end done_runs reports rc max_len
  # a harness may ask for longer inputs in its header: " * fuzz.sh max_len: N"
  max_len=$(sed -n 's/^ \* fuzz\.sh max_len: \([0-9]*\).*/\1/p' "test/fuzz/$name.c" | head -1)
  mkdir -p "$work/$name.new"
  start=$(date +%s)
  # new inputs go to a scratch directory; the committed corpus is only read
  # and a failing input is kept in build/fuzz (libFuzzer names it crash-…, leak-…)
  "$work/$name" -runs="$runs" -max_len="${max_len:-256}" -timeout=10 -artifact_prefix="build/fuzz/$name-" \
    "$work/$name.new" "$corpus" >"$work/$name.log" 2>&1
  rc=$?
  end=$(date +%s)
  done_runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "$work/$name.log" | tail -1)
  # -fno-sanitize-recover makes every report fatal; count them anyway, so that
  # a report can never hide behind a zero exit status
  reports=$(grep -cE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)' "$work/$name.log")
  if [ $rc -eq 0 ] && [ "$reports" -eq 0 ] && [ -n "$done_runs" ] && [ "$done_runs" -ge "$runs" ]; then
    echo "fuzz $name: $done_runs runs in $((end - start)) s, 0 sanitizer reports, ok" >"$work/$name.result"
  else
    { echo "fuzz $name: FAILED (exit $rc, ${done_runs:-0} runs in $((end - start)) s, $reports sanitizer reports)"
      tail -40 "$work/$name.log"; } >"$work/$name.result"
    return 1
  fi
}

# largest harness first: they do the most per run, and the slowest should not start last
for name in $(cd test/fuzz && ls -S "${harnesses[@]/%/.c}" | sed 's/\.c$//'); do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  run_one "$name" &
done
wait
for name in "${harnesses[@]}"; do
  cat "$work/$name.result"
  grep -q ', ok$' "$work/$name.result" || status=1
done
exit $status
