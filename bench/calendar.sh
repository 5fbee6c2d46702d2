#!/usr/bin/env bash
# bench/calendar.sh - run inside a throwaway cluster by bench/run.sh:
# a fresh database, then bench/calendar.sql in one session.
set -euo pipefail
cd "$(dirname "$0")/.."
db=crm_bench
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f bench/calendar.sql
