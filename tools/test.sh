#!/usr/bin/env bash
# make test: unit tests of the core, a short fuzz run, pg_regress, isolation
# and pgTAP suites on a throwaway cluster.  Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh

only=${2:-}
[ "${1:-}" = "--only" ] || only=
passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
finish() {
  echo
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! ensure_packages; then echo "could not install the required packages"; count 0 1; finish; fi

# --- 1. unit tests of the pure C core ---
echo "== unit tests of the core (test/unit)"
for t in test/unit/test_*.c; do
  name=$(basename "$t" .c)
  if ! cc -std=c11 -O1 -g -Wall -Wextra -Werror -Isrc/core "$t" src/core/*.c -o "$work/$name" 2>"$work/$name.err"; then
    echo "   $name: does not compile"; cat "$work/$name.err"; count 0 1; continue
  fi
  "$work/$name" >"$work/$name.tap" 2>&1
  rc=$?
  ok=$(grep -c '^ok ' "$work/$name.tap")
  nok=$(grep -c '^not ok ' "$work/$name.tap")
  [ $rc -ne 0 ] && [ "$nok" -eq 0 ] && nok=1   # crashed or plan mismatch
  grep -A3 '^not ok ' "$work/$name.tap" | head -40
  echo "   $name: $ok passed, $nok failed"
  count "$ok" "$nok"
done
[ "$only" = unit ] && finish

# --- 2. a fuzz run of every harness (make fuzz-long runs 100 times longer) ---
# 100,000 runs each: under a minute on 2 cores (builds included), fuzz_workcal the slowest
echo "== fuzzing (test/fuzz, ${TEST_FUZZ_RUNS:=100000} runs each)"
if bash tools/fuzz.sh "$TEST_FUZZ_RUNS" >"$work/fuzz.log" 2>&1; then
  n=$(grep -c '^fuzz .* ok$' "$work/fuzz.log"); count "$n" 0
  grep '^fuzz ' "$work/fuzz.log" | sed 's/^/   /'
else
  tail -30 "$work/fuzz.log"; count 0 1
fi

# --- 3. the SQL suites, on a throwaway cluster ---
if ! build_and_install; then echo "build failed"; count 0 1; finish; fi
in_throwaway_cluster bash tools/cluster-suites.sh "$work/counts" 2>&1
if [ -f "$work/counts" ]; then
  read -r p f <"$work/counts"; count "$p" "$f"
else
  echo "the cluster suites did not run"; count 0 1
fi
finish
