#!/usr/bin/env bash
# make demo: set up, then run demo/demo.sql on the seed contracts' deadlines
# in a throwaway cluster and print the result.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/lib.sh
ensure_packages
build_and_install
in_throwaway_cluster bash -c 'psql -X -q -v ON_ERROR_STOP=1 -P pager=off -f demo/demo.sql'
