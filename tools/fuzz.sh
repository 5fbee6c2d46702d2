#!/usr/bin/env bash
# make fuzz [FUZZ_RUNS=n]: build every libFuzzer harness in test/fuzz with
# AddressSanitizer and UndefinedBehaviorSanitizer and run it from its corpus.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for h in test/fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  corpus=test/fuzz/corpus/${name#fuzz_}
  clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -Isrc/core "$h" src/core/*.c -o "$work/$name" || { echo "fuzz $name: build failed"; status=1; continue; }
  mkdir -p "$work/$name.new"
  # new inputs go to a scratch directory; the committed corpus is only read
  if "$work/$name" -runs="$runs" -max_len=256 -timeout=10 "$work/$name.new" "$corpus" >"$work/$name.log" 2>&1; then
    echo "fuzz $name: $runs runs ok"
  else
    echo "fuzz $name: FAILED"; tail -40 "$work/$name.log"; status=1
  fi
done
exit $status
