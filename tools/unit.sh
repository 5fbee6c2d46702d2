#!/usr/bin/env bash
# make unit: the C unit tests of the pure core (test/unit), plain programs
# compiled with cc and nothing else installed.  One line per program, then
# "unit: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for t in test/unit/test_*.c; do
  name=$(basename "$t" .c)
  if ! cc -std=c11 -O1 -g -Wall -Wextra -Werror -Isrc/core "$t" src/core/*.c -o "$work/$name" 2>"$work/$name.err"; then
    echo "   $name: does not compile"; cat "$work/$name.err"; failed=$((failed + 1)); continue
  fi
  "$work/$name" >"$work/$name.tap" 2>&1
  rc=$?
  ok=$(grep -c '^ok ' "$work/$name.tap")
  nok=$(grep -c '^not ok ' "$work/$name.tap")
  [ $rc -ne 0 ] && [ "$nok" -eq 0 ] && nok=1   # crashed or plan mismatch
  grep -A3 '^not ok ' "$work/$name.tap" | head -40
  echo "   $name: $ok passed, $nok failed"
  passed=$((passed + ok)); failed=$((failed + nok))
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
