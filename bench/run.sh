#!/usr/bin/env bash
# make bench: install what is missing (orafce too), build, install, then
# time the calendar functions against plain date arithmetic and orafce
# in a throwaway cluster.  Prints a table and ratios; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
ensure_packages "postgresql-$PG_MAJOR-orafce"
build_and_install
# BENCH=calendar, contracts, penalty or sla runs one of them; default all four
case "${BENCH:-all}" in
  calendar|contracts|penalty|sla) in_throwaway_cluster bash bench/run_sql.sh "$BENCH" ;;
  all) in_throwaway_cluster bash -c "bash bench/run_sql.sh calendar && bash bench/run_sql.sh contracts && bash bench/run_sql.sh penalty && bash bench/run_sql.sh sla" ;;
  *) echo "unknown BENCH=$BENCH: calendar, contracts, penalty or sla" >&2; exit 2 ;;
esac
