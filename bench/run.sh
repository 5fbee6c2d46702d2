#!/usr/bin/env bash
# make bench: install what is missing (orafce too), build, install, then
# time the calendar functions against plain date arithmetic and orafce
# in a throwaway cluster.  Prints a table and ratios; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
ensure_packages "postgresql-$PG_MAJOR-orafce"
build_and_install
in_throwaway_cluster bash bench/calendar.sh
