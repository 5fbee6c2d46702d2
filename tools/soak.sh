#!/usr/bin/env bash
# make soak [SOAK_SECONDS=300] [SOAK_CLIENTS=8]: pgbench clients insert tickets,
# pause and resume them, respond, resolve and reopen, report progress, change priorities, sweep
# and pay installments at the same time, for a bounded time, in a throwaway
# cluster of a private installation (tools/lib.sh); then the invariants of test/soak/check.sql must hold.  Fails on any
# failed transaction (pgbench retries serialization failures and deadlocks, and
# counts what still fails) or any violation.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
seconds=${SOAK_SECONDS:-300}
clients=${SOAK_CLIENTS:-8}

if [ "${1:-}" != inside ]; then
  ensure_packages
  in_private_cluster bash tools/soak.sh inside
  exit $?
fi

mkdir -p build/soak
createdb crm_soak
psql -X -q -v ON_ERROR_STOP=1 -d crm_soak -f test/soak/setup.sql >/dev/null
echo "== soak: $clients clients for $seconds s"
s=test/soak
pgbench -n -c "$clients" -j 2 -T "$seconds" --max-tries=10 -P 30 \
  -f $s/insert_ticket.sql@10 -f $s/pause_resume.sql@6 -f $s/respond.sql@4 -f $s/resolve_reopen.sql@3 \
  -f $s/priority.sql@2 -f $s/progress.sql@3 -f $s/sweep.sql@1 -f $s/payment.sql@3 crm_soak 2>&1 | tee build/soak/pgbench.log
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' build/soak/pgbench.log)
done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' build/soak/pgbench.log)
aborted=$(grep -c 'aborted' build/soak/pgbench.log || true)
psql -X -d crm_soak -f $s/check.sql | tee build/soak/check.log
violations=$(sed -n '/^violations:/,$p' build/soak/check.log | grep -cE '^\(([1-9][0-9]*) rows?\)' || true)
echo "soak: ${done_tx:-0} transactions, ${failed:-?} failed, $aborted clients aborted, $violations violation lists not empty"
[ "${failed:-1}" = 0 ] && [ "$aborted" = 0 ] && [ "$violations" = 0 ]
