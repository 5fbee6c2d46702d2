#!/usr/bin/env bash
# bench/citus.sh [SECONDS]: ticket inserts through the SLA trigger on a Citus cluster
# (a coordinator and two workers on 127.0.0.1, tools/citus-cluster.sh) against the same
# on one node (a plain database of the coordinator), per client count 1, 4 and 8, with
# pgbench; prints transactions per second and the ratio.  No timing is asserted.
#
# On one machine all three servers share its cores: this measures what distribution
# costs per insert (planning on the coordinator, a round trip to the worker, the
# trigger reading its tenant's shard there), not the speed-up of real nodes
# (doc/scale-out.md).
set -uo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
. tools/citus-cluster.sh
export BENCH_SECONDS=${1:-${BENCH_SECONDS:-15}}

bench() {
  set -uo pipefail
  local work db c tps
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  psql -X -q -d postgres -c "CREATE DATABASE crm_plain" >/dev/null || return 1
  for db in crm_plain "$CITUS_DB"; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL' || return 1
SET client_min_messages = warning;
CREATE EXTENSION crm_contract;
DO $$ BEGIN IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN PERFORM crm_contract.distribute(); END IF; END $$;
INSERT INTO crm_contract.tenant_member SELECT current_user, 't' || k FROM generate_series(1, 16) k;
CREATE TABLE public.ticket (
  tenant text NOT NULL, id bigint NOT NULL, contract_id bigint NOT NULL, priority text NOT NULL,
  status text NOT NULL DEFAULT 'open', opened_at timestamptz NOT NULL, updated_at timestamptz,
  first_response_at timestamptz, resolved_at timestamptz, response_due timestamptz, resolve_due timestamptz,
  response_breached boolean, resolve_breached boolean, sla_next_alert timestamptz,
  sla_alerts integer NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id));
CREATE SEQUENCE public.ticket_id;
SQL
    if [ "$db" = "$CITUS_DB" ]; then
      psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT create_distributed_table('public.ticket', 'tenant', colocate_with => 'crm_contract.contract')" >/dev/null || return 1
    fi
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL' || return 1
SET citus.enable_unsafe_triggers = on;
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.ticket FOR EACH ROW
  EXECUTE FUNCTION crm_contract.sla_deadlines('tenant=tenant');
-- 16 tenants with a contract each (spread over the workers), targets on CN working hours
INSERT INTO crm_contract.contract (id, tenant, code, kind, title, client, vendor, total_amount, signed_on, status)
SELECT k, 't' || k, 'C' || k, 'maintenance_support', 'bench', 'c', 'v', 1000.00, '2026-01-05', 'active' FROM generate_series(1, 16) k;
INSERT INTO crm_contract.sla_target (tenant, contract_id, priority, metric, target)
SELECT 't' || k, k, 'P1', m, t FROM generate_series(1, 16) k,
  (VALUES ('response'::crm_contract.sla_metric, '2 working hours'::crm_contract.term), ('resolution', '8 working hours')) v (m, t);
SQL
  done
  cat >"$work/insert.sql" <<'SQL'
\set k random(1, 16)
INSERT INTO public.ticket (tenant, id, contract_id, priority, opened_at)
VALUES ('t' || :k, nextval('public.ticket_id'), :k, 'P1', timestamptz '2026-10-09 09:00+08' + (random() * interval '30 days'));
SQL
  echo "ticket inserts through crm_contract.sla_deadlines('tenant=tenant'), ${BENCH_SECONDS} s per run, 16 tenants"
  echo "NOTE: the three servers share this one machine: this measures the overhead of distribution, not its speed-up."
  printf '%-8s | %14s | %14s | %s\n' clients "one node tps" "Citus tps" "Citus / one node"
  printf '%s\n' "---------|----------------|----------------|-----------------"
  for c in 1 4 8; do
    declare -A res=()
    for db in crm_plain "$CITUS_DB"; do
      tps=$(pgbench -n -c "$c" -j "$c" -T "$BENCH_SECONDS" -f "$work/insert.sql" "$db" 2>&1 |
            sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -1)
      res[$db]=${tps:-0}
    done
    printf '%-8s | %14.1f | %14.1f | %.2fx\n' "$c" "${res[crm_plain]}" "${res[$CITUS_DB]}" \
      "$(awk -v a="${res[$CITUS_DB]}" -v b="${res[crm_plain]}" 'BEGIN { print (b > 0 ? a / b : 0) }')"
  done
  for db in crm_plain "$CITUS_DB"; do
    echo "$db: $(psql -X -At -d "$db" -c "SELECT count(*) || ' tickets, ' || count(*) FILTER (WHERE response_due IS NULL) || ' without a deadline' FROM public.ticket")"
  done
}

export -f bench
in_citus_cluster bash -c bench
