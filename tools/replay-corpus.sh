#!/usr/bin/env bash
# Runs inside pg_virtualenv (from tools/cluster-suites.sh): every committed
# fuzz corpus input through the server's real input and receive functions
# (tools/replay-corpus.sql), then checks that the server never restarted.
# Prints TAP lines; the caller counts "ok" and "not ok".
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# a copy the server's OS user can read, wherever the checkout lives
for c in term penalty term_wire penalty_wire notice; do cp -r "test/fuzz/corpus/$c" "$dir/"; done
chmod -R a+rX "$dir"

# UTF8 whatever the cluster's default: the text inputs are UTF-8
createdb -E UTF8 -T template0 --locale=C crm_replay || { echo "not ok - createdb crm_replay"; exit 1; }
# pg_postmaster_start_time() stays put when a crashed backend makes the
# postmaster reinitialise (PostgreSQL 15), but every other process is
# restarted then: the checkpointer's pid tells
alive="SELECT pg_postmaster_start_time() || ', checkpointer ' || pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"
started=$(psql -X -At -d crm_replay -c "$alive")
psql -X -q -At -v ON_ERROR_STOP=1 -v corpus="$dir" -d crm_replay -f tools/replay-corpus.sql
rc=$?
[ $rc -eq 0 ] || echo "not ok - tools/replay-corpus.sql stopped (psql exit $rc)"
sleep 1	# let a crash, if any, be noticed
now=$(psql -X -At -d crm_replay -c "$alive" 2>&1)
if [ -n "$started" ] && [ "$started" = "$now" ]; then
  echo "ok - the server never restarted (started $started)"
else
  echo "not ok - the server restarted: started $started, now $now"
fi
