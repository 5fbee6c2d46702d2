#!/usr/bin/env bash
# Runs inside a throwaway cluster of a private installation (in_private_cluster
# of tools/lib.sh, which sets CRM_ROOT): every SQL suite.
# Writes "passed failed" to the file named by $1.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
out=$1
passed=0
failed=0
bin=$CRM_ROOT$PG_BIN
pgxs=$CRM_ROOT${PG_BIN%/bin}/lib/pgxs/src/test
list() { make -s --no-print-directory PG_CONFIG="$PG_CONFIG" "print-$1"; }

# pg_regress reports each test as "... ok" or "... FAILED"
run_regress() {  # label runner opts tests
  local label=$1 runner=$2 opts=$3 tests=$4 log
  log=$(mktemp)
  echo "== $label"
  # shellcheck disable=SC2086
  $runner --bindir="$bin" $opts $tests >"$log" 2>&1
  local ok nok
  ok=$(grep -cE '\.\.\. ok' "$log")
  nok=$(grep -cE '\.\.\. FAILED|\.\.\. failed' "$log")
  grep -E '\.\.\. ' "$log" | sed 's/^/   /'
  # every test listed must report: pg_regress stops early on a missing expected file
  local want missing
  want=$(wc -w <<<"$tests")
  missing=$((want - ok - nok))
  if [ "$missing" -gt 0 ]; then
    echo "   $missing of the $want tests did not run"; tail -20 "$log"; nok=$((nok + missing))
  fi
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

# pg_prove suites: every assertion counts
run_prove() {  # label database files...
  local label=$1 db=$2 log
  shift 2
  log=$(mktemp)
  pg_prove -v -d "$db" "$@" >"$log" 2>&1
  prove_counts "$log" $?
  echo "   $label: $PROVE_OK passed, $PROVE_NOK failed"
  passed=$((passed + PROVE_OK)); failed=$((failed + PROVE_NOK))
  rm -f "$log"
}

echo "== pgTAP (test/pgtap)"
createdb crm_tap && psql -X -q -d crm_tap -c "CREATE EXTENSION pgtap; CREATE EXTENSION crm_contract;" >/dev/null
run_prove pgTAP crm_tap test/pgtap/*.sql

# one check: label, then a command whose success is the pass
check() {
  local label=$1; shift
  if "$@"; then echo "   ok: $label"; passed=$((passed + 1))
  else echo "   FAILED: $label"; failed=$((failed + 1)); fi
}
same_files() { diff -u "$1" "$2" | head -60; cmp -s "$1" "$2"; }

# Upgrade: every released version (sql/released), updated, must equal a fresh
# install of the default version in every catalog detail; the oldest, updated,
# must pass the regression suite.
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" crm_contract.control)
released=$(ls sql/released | sed -n 's/^crm_contract--\(.*\)\.sql$/\1/p' | sort -V)
oldest=$(head -1 <<<"$released")
echo "== upgrade ($(echo $released | sed 's/ /, /g') -> $version)"
mkdir -p build/upgrade
createdb crm_fresh && psql -X -q -d crm_fresh -c "CREATE EXTENSION crm_contract"
psql -X -q -d crm_fresh -f test/upgrade/catalog.sql >build/upgrade/crm_fresh.txt 2>&1
for v in $released; do
  db=crm_upgraded_${v//./_}
  createdb "$db" && psql -X -q -d "$db" -c "CREATE EXTENSION crm_contract VERSION '$v'" \
    -c "ALTER EXTENSION crm_contract UPDATE"
  psql -X -q -d "$db" -f test/upgrade/catalog.sql >"build/upgrade/$db.txt" 2>&1
  check "$v updated to $version has the catalog of a fresh $version (build/upgrade/*.txt)" \
    same_files build/upgrade/crm_fresh.txt "build/upgrade/$db.txt"
done
# the update paths: each released version to the next, and so to the default version
expected=$( (echo "$released"; echo "$version") | awk 'NR > 1 { print prev ">" $0 } { prev = $0 }' | paste -sd' ')
paths=$(psql -X -At -d crm_fresh -c "SELECT string_agg(source || '>' || target, ' ' ORDER BY source, target)
                                     FROM pg_extension_update_paths('crm_contract')
                                    WHERE path IS NOT NULL AND path = source || '--' || target")
check "single-step update paths are exactly $expected ($paths)" test "$paths" = "$expected"
reach=$(psql -X -At -d crm_fresh -c "SELECT count(*) FROM pg_extension_update_paths('crm_contract')
                                     WHERE target = '$version' AND path IS NULL")
check "every released version updates to $version" test "$reach" = 0
# rows stored under 0.2 (with this library installed before the update) keep their meaning
createdb crm_upgrade_data && psql -X -q -d crm_upgrade_data -c "CREATE EXTENSION crm_contract VERSION '0.2'"
psql -X -q -d crm_upgrade_data -f test/upgrade/data.sql >build/upgrade/data.out 2>&1
check "rows stored under 0.2 keep their meaning through the update (test/upgrade/data.sql)" \
  same_files test/upgrade/data.expected build/upgrade/data.out
rm -rf build/regress
run_regress "pg_regress on the extension updated from $oldest (test/sql)" "$pgxs/regress/pg_regress" \
  "--inputdir=test --outputdir=build/regress --use-existing --dbname=crm_upgraded_${oldest//./_}" "$(list REGRESS)"

# Dump and restore: a database using every type and table, restored into a fresh
# one, has identical data (data-only dumps compared) and computes the same.
echo "== dump and restore (test/dump)"
mkdir -p build/dump
createdb crm_dump_src && psql -X -q -v ON_ERROR_STOP=1 -d crm_dump_src -f test/dump/populate.sql >build/dump/populate.log 2>&1
pg_dump -Fc -f build/dump/src.dump crm_dump_src 2>build/dump/pg_dump.log
createdb crm_dump_dst
check "pg_restore into a fresh database" pg_restore --exit-on-error -d crm_dump_dst build/dump/src.dump
for db in crm_dump_src crm_dump_dst; do
  pg_dump --data-only "$db" 2>/dev/null | grep -v '^\\\(un\)\?restrict ' >"build/dump/$db.data.sql"
done
check "identical data after restore (data-only dumps, $(grep -c '' build/dump/crm_dump_src.data.sql) lines)" \
  same_files build/dump/crm_dump_src.data.sql build/dump/crm_dump_dst.data.sql
for db in crm_dump_src crm_dump_dst; do psql -X -q -d "$db" -f test/dump/check.sql >"build/dump/$db.check.txt" 2>&1; done
check "the restore computes as the original (sweeps, recompute, calendars, statement, history)" \
  same_files build/dump/crm_dump_src.check.txt build/dump/crm_dump_dst.check.txt

# Hostile schema: decoys in public, planted before CREATE EXTENSION, with public
# ahead of pg_catalog in search_path, change no result of the extension.
echo "== hostile schema (test/hostile)"
mkdir -p build/hostile
createdb crm_clean && psql -X -q -d crm_clean -c "CREATE EXTENSION crm_contract"
createdb crm_hostile && psql -X -q -v ON_ERROR_STOP=1 -d crm_hostile -f test/hostile/decoys.sql >/dev/null &&
  psql -X -q -d crm_hostile -c "SET search_path = public, pg_catalog" -c "CREATE EXTENSION crm_contract"
for db in crm_clean crm_hostile; do psql -X -q -d "$db" -f test/hostile/results.sql >"build/hostile/$db.out" 2>&1; done
check "results with decoys in public equal the clean ones ($(grep -c '' build/hostile/crm_clean.out) lines, no error)" \
  bash -c '! grep -q ERROR build/hostile/crm_clean.out && cmp -s build/hostile/crm_clean.out build/hostile/crm_hostile.out || { diff -u build/hostile/crm_clean.out build/hostile/crm_hostile.out | head -40; false; }'

# pg_cron: the cluster preloads it (tools/lib.sh); the job must see committed rows,
# so this file runs outside a transaction in the database pg_cron serves
echo "== pg_cron (test/cron)"
createdb crm_cron
run_prove pg_cron crm_cron test/cron/*.sql

# Corpus replay: every committed fuzz input through the server's real input and
# receive functions; each line "ok"/"not ok" of tools/replay-corpus.sh counts
echo "== corpus replay (test/fuzz/corpus through term_in, penalty_rule_in and the recv functions)"
log=$(mktemp)
bash tools/replay-corpus.sh >"$log" 2>&1
ok=$(grep -c '^ok ' "$log")
nok=$(grep -c '^not ok ' "$log")
[ $((ok + nok)) -eq 0 ] && { cat "$log"; nok=1; }
grep -E '^(ok|not ok|#) ' "$log" | sed 's/^/   /'
grep -qE '^(ok|not ok) ' "$log" && grep -E 'ERROR|FATAL' "$log" | head -10 | sed 's/^/   /'
echo "   corpus replay: $ok passed, $nok failed"
passed=$((passed + ok)); failed=$((failed + nok))
rm -f "$log"

# Clients: psycopg 3 over libpq and pgjdbc over TCP, as applications and BI tools
# connect; each line "ok"/"not ok" of test/clients/run.sh counts
echo "== clients (test/clients: psycopg 3, pgjdbc)"
log=$(mktemp)
bash test/clients/run.sh >"$log" 2>&1
ok=$(grep -c '^ok ' "$log"); nok=$(grep -c '^not ok ' "$log")
[ $((ok + nok)) -eq 0 ] && { cat "$log"; nok=1; }
sed 's/^/   /' "$log"
passed=$((passed + ok)); failed=$((failed + nok))
rm -f "$log"

# Documentation: every SQL example of README.md and doc/*.md against the output it
# shows (tools/docs-check.pl: a fresh database per file, TimeZone UTC); each
# statement "ok"/"not ok" counts, and a run that stops without them is a failure
echo "== docs (every SQL example of README.md and doc/*.md)"
log=$(mktemp)
perl tools/docs-check.pl README.md doc/*.md >"$log" 2>&1
rc=$?
ok=$(grep -c '^ok ' "$log"); nok=$(grep -c '^not ok ' "$log")
if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then tail -20 "$log" | sed 's/^/   /'; nok=1; fi
[ $((ok + nok)) -eq 0 ] && { cat "$log"; nok=1; }
grep -E '^(not ok|#)' "$log" | sed 's/^/   /'
echo "   docs: $ok passed, $nok failed"
passed=$((passed + ok)); failed=$((failed + nok))
rm -f "$log"

echo "$passed $failed" >"$out"
