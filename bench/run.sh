#!/usr/bin/env bash
# make bench: install what is missing (orafce too), build, install, then
# time the calendar functions against plain date arithmetic and orafce
# in a throwaway cluster.  Prints a table and ratios; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
ensure_packages "postgresql-$PG_MAJOR-orafce"
build_and_install
# BENCH=calendar, contracts or penalty runs one of them; default all
case "${BENCH:-all}" in
  calendar) in_throwaway_cluster bash bench/calendar.sh ;;
  contracts) in_throwaway_cluster bash bench/contracts.sh ;;
  penalty) in_throwaway_cluster bash bench/penalty.sh ;;
  *) in_throwaway_cluster bash -c "bash bench/calendar.sh && bash bench/contracts.sh && bash bench/penalty.sh" ;;
esac
