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

  # three non-superuser roles (carol of two tenants), created on every node (Citus propagates them from its database;
  # it connects to the workers as the role, so they need LOGIN)
  q -c "CREATE ROLE alice LOGIN" -c "CREATE ROLE bob LOGIN" -c "CREATE ROLE carol LOGIN" || return 1
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
  # NOTIFY: a listener on the coordinator hears the sweep's warnings and breaches, as on one node
  /usr/bin/python3 test/citus/notify.py crm_plain >"$out/notify.plain.out" 2>&1
  /usr/bin/python3 test/citus/notify.py "$CITUS_DB" >"$out/notify.citus.out" 2>&1
  check "a sweep's NOTIFY reaches the listener on the coordinator: $(head -1 "$out/notify.citus.out")" \
    bash -c "grep -q '^swept [1-9][0-9]*, [1-9][0-9]* notifications' $out/notify.citus.out"
  check "the notified events are those of plain PostgreSQL ($out/notify.*.out)" \
    bash -c "diff -u $out/notify.plain.out $out/notify.citus.out | head -40; cmp -s $out/notify.plain.out $out/notify.citus.out"
  psql -X -q -f test/citus/cluster_only.sql >"$out/cluster_only.out" 2>&1
  check "what only a cluster has: caches of the workers' sessions, 0A000 for a ticket table without the role tenant and for load_holiday_notice, plans cached past five calls (test/citus/cluster_only.expected)" \
    bash -c "diff -u test/citus/cluster_only.expected $out/cluster_only.out | head -40; cmp -s test/citus/cluster_only.expected $out/cluster_only.out"
  # pg_cron on the coordinator sweeps the distributed ticket table
  # (on the coordinator only: the workers do not load pg_cron)
  q -c "SET citus.enable_ddl_propagation = off" -c "CREATE EXTENSION pg_cron" >/dev/null &&
    q -c "SET ROLE bob" -c "INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (3, 2, 'urgent', now() - interval '2 hours')" &&
    q -c "SELECT cron.schedule('crm-sla-sweep', '* * * * *', \$\$SELECT crm_contract.sla_sweep('public.ticket')\$\$)" >/dev/null
  local i status=
  for i in $(seq 1 90); do
    status=$(q -c "SELECT d.status || ': ' || coalesce(d.return_message, '') FROM cron.job_run_details d
                    JOIN cron.job j USING (jobid) WHERE j.jobname = 'crm-sla-sweep' AND d.status IN ('succeeded', 'failed')
                   ORDER BY d.runid LIMIT 1")
    [ -n "$status" ] && break
    sleep 1
  done
  q -c "SELECT cron.unschedule('crm-sla-sweep')" >/dev/null
  check "pg_cron's sweep on the coordinator: ${status:-did not run in 90 s}" test "${status%%:*}" = succeeded
  check "it recorded ticket 3's breaches on its worker: $(q -c "SELECT string_agg(kind || ' ' || metric, ', ' ORDER BY at, kind, metric)
       FROM crm_contract.sla_event WHERE tenant = 'globex' AND ticket = '3' AND kind IN ('warned', 'breached')")" \
    test "$(q -c "SELECT count(*) FROM crm_contract.sla_event WHERE tenant = 'globex' AND ticket = '3' AND kind = 'breached'")" -ge 1
  q -f test/citus/placement.sql >"$out/placement.out" 2>&1
  check "the tenants on both workers, each tenant's tickets with its contracts (test/citus/placement.expected)" \
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
