#!/usr/bin/env bash
# Maintainer check (not part of the test suite): compare sql/data/25_calendar_cn.sql
# against the npm package `chinese-days` for every day 2004-01-01 .. 2026-12-31.
#
# Rule: a day is a working day iff
#   - Mon-Fri and there is no 'holiday' row for it, or
#   - Sat/Sun and there is a 'working' row for it.
# That must equal chinese-days' isWorkday() for every day in the range.
#
# Usage: tools/verify-cn-calendar.sh [path/to/25_calendar_cn.sql]
# Env:   CHINESE_DAYS_VERSION (default: latest), e.g. CHINESE_DAYS_VERSION=1.5.7
# Needs: node, npm, and access to the npm registry.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sql="${1:-$here/../sql/data/25_calendar_cn.sql}"
if [[ ! -r "$sql" ]]; then
    echo "cannot read $sql" >&2
    exit 2
fi
sql="$(cd "$(dirname "$sql")" && pwd)/$(basename "$sql")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/verify-cn-calendar.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# A package.json of its own keeps npm from installing into some parent project.
echo '{"name":"verify-cn-calendar","private":true}' > "$tmp/package.json"
pkg="chinese-days${CHINESE_DAYS_VERSION:+@$CHINESE_DAYS_VERSION}"
(cd "$tmp" && npm install --no-save --no-audit --no-fund --loglevel=error "$pkg" >/dev/null)

cat > "$tmp/check.js" <<'EOF'
'use strict';
const fs = require('fs');
const cd = require('chinese-days');

// Days where chinese-days is known to contradict the State Council notice.
// They are printed but not counted as mismatches. Keep this list short and
// justified; remove an entry once the package is fixed.
const KNOWN_UPSTREAM_ERRORS = {
  // 国办发明电〔2005〕35号 (2006 holidays): "12月31日（星期六）上班".
  // chinese-days treats it as an ordinary Saturday.
  '2005-12-31': true,
};

const FIRST = '2004-01-01', LAST = '2026-12-31';
const text = fs.readFileSync(process.argv[2], 'utf8');
const rowRe = /^\('CN', '(\d{4}-\d{2}-\d{2})', '(holiday|working)', '((?:[^']|'')*)'\)[,;]$/;
const rows = {};
const problems = [];
let inserts = 0;
for (const [i, line] of text.split('\n').entries()) {
  if (line.startsWith('INSERT INTO')) { inserts++; continue; }
  if (!line.startsWith("('CN'")) continue;
  const m = rowRe.exec(line);
  if (!m) { problems.push(`line ${i + 1}: cannot parse: ${line}`); continue; }
  const [, day, kind] = m;
  if (rows[day]) problems.push(`line ${i + 1}: duplicate day ${day}`);
  rows[day] = kind;
  const wd = new Date(day + 'T00:00:00Z').getUTCDay();
  if (kind === 'working' && wd !== 0 && wd !== 6)
    problems.push(`line ${i + 1}: 'working' row on a weekday: ${day}`);
}
if (inserts !== 1) problems.push(`expected exactly one INSERT statement, found ${inserts}`);
if (Object.keys(rows).length === 0) problems.push('no rows parsed');

const ours = (day) => {
  const wd = new Date(day + 'T00:00:00Z').getUTCDay();
  if (rows[day] === 'holiday') return false;
  if (rows[day] === 'working') return true;
  return wd >= 1 && wd <= 5;
};
const fmt = (b) => (b ? 'working' : 'off');

let checked = 0, ignored = 0;
const mismatches = [];
for (let d = new Date(FIRST + 'T00:00:00Z'); d <= new Date(LAST + 'T00:00:00Z');
     d.setUTCDate(d.getUTCDate() + 1)) {
  const day = d.toISOString().slice(0, 10);
  checked++;
  const a = ours(day), b = cd.isWorkday(day);
  if (a === b) continue;
  const msg = `${day}: calendar_cn.sql=${fmt(a)} chinese-days=${fmt(b)}`;
  if (KNOWN_UPSTREAM_ERRORS[day]) {
    ignored++;
    console.log(`known upstream error (ignored): ${msg}`);
  } else {
    mismatches.push(msg);
  }
}
for (const p of problems) console.log(`format problem: ${p}`);
for (const m of mismatches) console.log(`MISMATCH ${m}`);
console.log(`${checked} days checked, ${mismatches.length + problems.length} mismatches` +
            (ignored ? ` (${ignored} known upstream error(s) ignored)` : ''));
process.exit(mismatches.length + problems.length ? 1 : 0);
EOF

cd "$tmp"
node check.js "$sql"
