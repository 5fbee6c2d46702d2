#!/usr/bin/env bash
# bench/run_sql.sh NAME - run inside a throwaway cluster by bench/run.sh:
# a fresh database, then bench/NAME.sql in one session.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
db=crm_bench_$name
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f "bench/$name.sql"
