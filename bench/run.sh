#!/usr/bin/env bash
# make bench: install what is missing (orafce too), build, then time the
# functions against their baselines in a throwaway cluster of a private
# installation with this build (tools/lib.sh).  Prints tables and ratios;
# asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
ensure_packages "postgresql-$PG_MAJOR-orafce"
# BENCH=calendar, contracts, penalty, sla or year_boundary runs one of them; default all five
case "${BENCH:-all}" in
  calendar|contracts|penalty|sla|year_boundary) in_private_cluster bash bench/run_sql.sh "$BENCH" ;;
  all) in_private_cluster bash -c "bash bench/run_sql.sh calendar && bash bench/run_sql.sh contracts && bash bench/run_sql.sh penalty && bash bench/run_sql.sh sla && bash bench/run_sql.sh year_boundary" ;;
  *) echo "unknown BENCH=$BENCH: calendar, contracts, penalty, sla or year_boundary" >&2; exit 2 ;;
esac
