#!/usr/bin/env bash
# Runs inside pg_virtualenv: pg_regress, isolation and pgTAP suites.
# Writes "passed failed" to the file named by $1.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
out=$1
passed=0
failed=0
pgxs=$($PG_CONFIG --pkglibdir)/pgxs/src/test
list() { make -s --no-print-directory PG_CONFIG="$PG_CONFIG" "print-$1"; }

# pg_regress reports each test as "... ok" or "... FAILED"
run_regress() {  # label runner opts tests
  local label=$1 runner=$2 opts=$3 tests=$4 log
  log=$(mktemp)
  echo "== $label"
  # shellcheck disable=SC2086
  $runner --bindir="$PG_BIN" $opts $tests >"$log" 2>&1
  local ok nok
  ok=$(grep -cE '\.\.\. ok' "$log")
  nok=$(grep -cE '\.\.\. FAILED|\.\.\. failed' "$log")
  grep -E '\.\.\. ' "$log" | sed 's/^/   /'
  if [ "$nok" -gt 0 ] || [ $((ok + nok)) -eq 0 ]; then
    [ $((ok + nok)) -eq 0 ] && { cat "$log"; nok=1; }
    for d in build/regress/regression.diffs build/isolation/regression.diffs; do
      [ -s "$d" ] && head -150 "$d"
    done
  fi
  passed=$((passed + ok)); failed=$((failed + nok))
  rm -f "$log"
}

rm -rf build/regress build/isolation
mkdir -p build/regress build/isolation
run_regress "pg_regress (test/sql)" "$pgxs/regress/pg_regress" \
  "--inputdir=test --outputdir=build/regress --load-extension=crm_contract --dbname=crm_regress" "$(list REGRESS)"
run_regress "isolation (test/isolation)" "$pgxs/isolation/pg_isolation_regress" \
  "--inputdir=test/isolation --outputdir=build/isolation --load-extension=crm_contract --dbname=crm_isolation" "$(list ISOLATION)"

# pgTAP: every assertion counts
echo "== pgTAP (test/pgtap)"
createdb crm_tap && psql -X -q -d crm_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION crm_contract;" >/dev/null
log=$(mktemp)
pg_prove -v -d crm_tap test/pgtap/*.sql >"$log" 2>&1
rc=$?
ok=$(grep -cE '^\s*ok [0-9]+' "$log")
nok=$(grep -cE '^\s*not ok [0-9]+' "$log")
[ $rc -ne 0 ] && [ "$nok" -eq 0 ] && nok=1
grep -E '^test/pgtap|^\s*not ok|^#' "$log" | head -60 | sed 's/^/   /'
echo "   pgTAP: $ok passed, $nok failed"
passed=$((passed + ok)); failed=$((failed + nok))
rm -f "$log"

# pg_cron: the cluster preloads it (tools/lib.sh); the job must see committed rows,
# so this file runs outside a transaction in the database pg_cron serves
echo "== pg_cron (test/cron)"
createdb crm_cron
log=$(mktemp)
pg_prove -v -d crm_cron test/cron/*.sql >"$log" 2>&1
rc=$?
ok=$(grep -cE '^\s*ok [0-9]+' "$log")
nok=$(grep -cE '^\s*not ok [0-9]+' "$log")
[ $rc -ne 0 ] && [ "$nok" -eq 0 ] && nok=1
grep -E '^test/cron|^\s*not ok|^#' "$log" | head -40 | sed 's/^/   /'
echo "   pg_cron: $ok passed, $nok failed"
passed=$((passed + ok)); failed=$((failed + nok))
rm -f "$log"

echo "$passed $failed" >"$out"
