#!/usr/bin/env bash
# The scale-out suite (make test): on a coordinator and two workers on 127.0.0.1
# (tools/citus-cluster.sh), test/citus/scenario.sql runs in a plain database of the
# coordinator (no Citus in it) and in a Citus database after crm_contract.distribute();
# the outputs must be identical.  Then catalog checks of the distribution, the tenants'
# placement and a pg_cron sweep.  Each check prints "ok" or "not ok"; exit 0 when all pass.
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
. tools/citus-cluster.sh

suite() {
  set -uo pipefail
  local out=build/citus n=0 bad=0
  rm -rf "$out"; mkdir -p "$out"
  ok() { n=$((n + 1)); echo "ok $n - $*"; }
  nok() { n=$((n + 1)); bad=$((bad + 1)); echo "not ok $n - $*"; }
  check() { local label=$1; shift; if "$@"; then ok "$label"; else nok "$label"; fi; }
  q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

  # two non-superuser roles, created on every node (Citus propagates them from its database;
  # it connects to the workers as the role, so they need LOGIN)
  q -c "CREATE ROLE alice LOGIN" -c "CREATE ROLE bob LOGIN" || return 1
  # plain PostgreSQL: a database of the coordinator without the citus extension
  q -d postgres -c "CREATE DATABASE crm_plain" &&
    q -d crm_plain -c "CREATE EXTENSION crm_contract" || return 1
  psql -X -q -d crm_plain -v citus=0 -f test/citus/scenario.sql >"$out/plain.out" 2>&1
  check "the scenario runs on plain PostgreSQL ($out/plain.out)" test $? -eq 0
  check "distribute() without Citus: 0A000" bash -c \
    "psql -X -q -d crm_plain -v VERBOSITY=verbose -c 'SELECT crm_contract.distribute()' 2>&1 | grep -q '0A000'"

  # Citus: CREATE EXTENSION reaches the workers; distribute() converts it
  q -c "CREATE EXTENSION crm_contract" || return 1
  q -f test/citus/distribute.sql >"$out/distribute.out" 2>&1
  check "distribute() and its catalog (test/citus/distribute.expected)" \
    bash -c "diff -u test/citus/distribute.expected $out/distribute.out | head -40; cmp -s test/citus/distribute.expected $out/distribute.out"
  psql -X -q -v citus=1 -f test/citus/scenario.sql >"$out/citus.out" 2>&1
  check "the scenario runs on Citus ($out/citus.out)" test $? -eq 0
  check "the outputs of plain PostgreSQL and Citus are identical" \
    bash -c "diff -u $out/plain.out $out/citus.out | head -80; cmp -s $out/plain.out $out/citus.out"
  q -f test/citus/placement.sql >"$out/placement.out" 2>&1
  check "tenants on both workers, rows only in shards (test/citus/placement.expected)" \
    bash -c "diff -u test/citus/placement.expected $out/placement.out | head -40; cmp -s test/citus/placement.expected $out/placement.out"
  echo "citus: $((n - bad)) passed, $bad failed"
  [ "$bad" -eq 0 ]
}

export -f suite
in_citus_cluster bash -c suite
rc=$?
if [ "$rc" -eq 2 ]; then
  echo "not ok - the scale-out suite did not run: Citus could not be installed"
fi
exit "$rc"
