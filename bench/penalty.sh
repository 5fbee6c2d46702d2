#!/usr/bin/env bash
# bench/penalty.sh - run inside a throwaway cluster by bench/run.sh:
# penalty() on a million invoices (bench/penalty.sql).
set -euo pipefail
cd "$(dirname "$0")/.."
db=crm_bench_penalty
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f bench/penalty.sql
