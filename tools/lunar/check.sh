#!/usr/bin/env bash
# The lunar dates CN's forecast is built from (sql/data/27_cn_lunar_date.sql),
# checked by tools/lunar/check.js against packages that share no code with its
# source (chinese-days, date-chinese, an independent GB/T 33661 computation on
# astronomia), and rows 2004-2026 against the shipped holidays.  Needs node and
# the npm registry (the packages are installed into build/lunar-deps).
# Prints one TAP line.
set -uo pipefail
cd "$(dirname "$0")/../.."
mkdir -p build
csv=build/lunar_cn.csv
perl -ne 'BEGIN { print "year,chuxi,qingming,duanwu,zhongqiu\n" }
  print "$1,$2,$3,$4,$5\n" if /^\s*\((\d{4}), \x27([\d-]+)\x27, \x27([\d-]+)\x27, \x27([\d-]+)\x27, \x27([\d-]+)\x27\)/' \
  sql/data/27_cn_lunar_date.sql >"$csv"
rows=$(($(grep -c '' "$csv") - 1))
if node tools/lunar/check.js --csv "$csv" --deps build/lunar-deps --holidays sql/data/25_calendar_cn.sql \
     >build/lunar-check.log 2>&1; then
  echo "ok - the shipped lunar dates ($rows years) agree with chinese-days, date-chinese and a GB/T 33661 computation: $(sed -n 's/^summary: //p' build/lunar-check.log)"
else
  echo "not ok - the shipped lunar dates disagree with an independent source (build/lunar-check.log):"
  tail -15 build/lunar-check.log | sed 's/^/#   /'
fi
