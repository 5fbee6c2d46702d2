#!/usr/bin/env bash
# make test: unit tests of the core, a short fuzz run, pg_regress, isolation
# and pgTAP suites on a throwaway cluster.  Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh

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

if ! ensure_packages $PACKAGING_PACKAGES; then echo "could not install the required packages"; count 0 1; finish; fi

# --- 1. unit tests of the pure C core ---
echo "== unit tests of the core (test/unit)"
bash tools/unit.sh >"$work/unit.log" 2>&1
grep -v '^unit: ' "$work/unit.log"
read -r p f <<<"$(sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$work/unit.log")"
count "${p:-0}" "${f:-1}"

# --- the layout the architecture notes promise ---
echo "== layout (tools/check-layout.sh)"
bash tools/check-layout.sh >"$work/layout.log" 2>&1
sed 's/^/   /' "$work/layout.log"
count "$(grep -c '^ok ' "$work/layout.log")" "$(grep -c '^not ok ' "$work/layout.log")"

# --- the shipped CN calendar is what the notice texts say (tools/notices) ---
echo "== CN calendar from the notices (tools/notices/check_calendar_cn.sh)"
bash tools/notices/check_calendar_cn.sh >"$work/notices.log" 2>&1
sed 's/^/   /' "$work/notices.log"
count "$(grep -c '^ok ' "$work/notices.log")" "$(grep -c '^not ok ' "$work/notices.log")"
[ "$(grep -c '^ok \|^not ok ' "$work/notices.log")" -eq 0 ] && count 0 1

# --- China's lunar dates (the forecast's source) against independent packages ---
echo "== lunar dates (tools/lunar/check.sh)"
bash tools/lunar/check.sh >"$work/lunar.log" 2>&1
sed 's/^/   /' "$work/lunar.log"
count "$(grep -c '^ok ' "$work/lunar.log")" "$(grep -c '^not ok ' "$work/lunar.log")"

# --- 2. a fuzz run of every harness (make fuzz-long runs 100 times longer) ---
# 100,000 runs each: under a minute on 2 cores (builds included), fuzz_calendar the slowest
echo "== fuzzing (test/fuzz, ${TEST_FUZZ_RUNS:=100000} runs each)"
if bash tools/fuzz.sh "$TEST_FUZZ_RUNS" >"$work/fuzz.log" 2>&1; then
  n=$(grep -c '^fuzz .* ok$' "$work/fuzz.log"); count "$n" 0
  grep '^fuzz ' "$work/fuzz.log" | sed 's/^/   /'
else
  tail -30 "$work/fuzz.log"; count 0 1
fi

# --- 3. the SQL suites, on a throwaway cluster of a private installation ---
# (the system installation gets this build too, as make install would, but the
# suites never use it: tools/lib.sh says why)
if ! build_and_install; then echo "build failed"; count 0 1; finish; fi
in_private_cluster bash tools/cluster-suites.sh "$work/counts" 2>&1
if [ -f "$work/counts" ]; then
  read -r p f <"$work/counts"; count "$p" "$f"
else
  echo "the cluster suites did not run"; count 0 1
fi

# --- scale-out: the same scenario on plain PostgreSQL and on Citus (a coordinator and two
# workers on 127.0.0.1, Citus built by ../shared/citus/build.sh once per machine) ---
echo "== scale-out on Citus (tools/citus-suite.sh)"
bash tools/citus-suite.sh >"$work/citus.log" 2>&1
sed 's/^/   /' "$work/citus.log" | grep -vE '^   (NOTICE|DETAIL|HINT):'
p=$(grep -c '^ok ' "$work/citus.log"); f=$(grep -c '^not ok ' "$work/citus.log")
[ $((p + f)) -eq 0 ] && f=1   # a suite that did not run counts as failed
count "$p" "$f"

# --- packaging: versions, META.json, make dist, the Debian package installed and tested ---
echo "== packaging (tools/package-test.sh)"
bash tools/package-test.sh >"$work/package.log" 2>&1
grep -vE '^#   .* UTC \[[0-9]+\] ' "$work/package.log" | sed 's/^/   /'
p=$(grep -c '^ok ' "$work/package.log"); f=$(grep -c '^not ok ' "$work/package.log")
[ $((p + f)) -eq 0 ] && f=1
count "$p" "$f"
finish
