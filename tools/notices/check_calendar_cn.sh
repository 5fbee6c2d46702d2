#!/usr/bin/env bash
# tools/notices/check_calendar_cn.sh: sql/data/25_calendar_cn.sql is what
# tools/notices/gen_calendar_cn.c makes of the notice texts in sql/data/notices/.
# Builds the generator (cc, no PostgreSQL), regenerates into a temp file and
# diffs.  One TAP line, "ok - …" or "not ok - …" (the diff follows as # lines);
# exit status 0 only for ok.
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
what="sql/data/25_calendar_cn.sql is generated from sql/data/notices"
if ! cc -std=c11 -O1 -Wall -Wextra -Werror -Isrc/core tools/notices/gen_calendar_cn.c \
    src/core/*.c -o "$work/gen" 2>"$work/err"; then
  echo "not ok - $what: the generator does not build"; sed 's/^/# /' "$work/err"; exit 1
fi
if ! "$work/gen" sql/data/notices >"$work/calendar_cn.sql" 2>"$work/err"; then
  echo "not ok - $what: $(head -1 "$work/err")"; exit 1
fi
if ! diff -u sql/data/25_calendar_cn.sql "$work/calendar_cn.sql" >"$work/diff"; then
  echo "not ok - $what: the committed file differs (changed lines: $(grep '^[-+]' "$work/diff" | grep -vc '^\(---\|+++\) '); make calendar-data rewrites it)"
  head -40 "$work/diff" | sed 's/^/# /'
  exit 1
fi
echo "ok - $what"
