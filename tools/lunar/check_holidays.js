#!/usr/bin/env node
// Sanity check of lunar_cn.csv rows 2004-2026 against the project's shipped holiday data
// (sql/data/calendar_cn.sql). No dependencies.
//
//   node check_holidays.js [lunar_cn.csv] [path/to/calendar_cn.sql]
//
// Rules (全国年节及纪念日放假办法, State Council):
//   1999 rules (in force 2000-2007): 春节 = 正月初一..初三; 清明/端午/中秋 not holidays.
//   2007 revision (from 2008):       春节 = 除夕, 初一, 初二; 清明, 端午, 中秋 one day each.
//   2013 revision (from 2014):       春节 = 初一..初三.
//   2024 revision (from 2025):       春节 = 除夕, 初一..初三.
// Checked: 正月初一 (chuxi+1) is a 春节 holiday every year; chuxi is a holiday where the rules
// make it one (2008-2013, 2025+); from 2008 the qingming/duanwu/zhongqiu dates are holidays whose
// name contains 清明/端午/中秋; before 2008 no such holidays exist.
'use strict';
const fs = require('fs');
const path = require('path');

function parseSql(file) {
  const text = fs.readFileSync(file, 'utf8');
  const re = /\('CN', '(\d{4}-\d\d-\d\d)', '(holiday|working)', '((?:[^']|'')*)'\)/g;
  const days = new Map();
  let m;
  while ((m = re.exec(text))) days.set(m[1], { kind: m[2], name: m[3] });
  return days;
}

function checkHolidays(rows, sqlFile, log = console.log) {
  const { addDays } = require('./check.js');
  const days = parseSql(sqlFile);
  const years = new Set([...days.keys()].map((d) => Number(d.slice(0, 4))));
  const isHol = (d, word) => { const x = days.get(d); return !!x && x.kind === 'holiday' && (!word || x.name.includes(word)); };
  let fails = 0; let checks = 0; const notes = [];
  const fail = (msg) => { fails++; log(`  HOLIDAY-DATA MISMATCH ${msg}`); };
  const covered = rows.filter((r) => years.has(r.year));
  for (const r of covered) {
    const y = r.year;
    const cny = addDays(r.chuxi, 1);
    checks++; if (!isHol(cny, '春节')) fail(`${y}: 正月初一 ${cny} is not a 春节 holiday`);
    const chuxiStatutory = (y >= 2008 && y <= 2013) || y >= 2025;
    if (chuxiStatutory) { checks++; if (!isHol(r.chuxi, '春节')) fail(`${y}: 除夕 ${r.chuxi} is statutory but not a 春节 holiday`); }
    else if (isHol(r.chuxi)) notes.push(`${y} 除夕 ${r.chuxi} is a holiday by arrangement`);
    for (const [col, word] of [['qingming', '清明'], ['duanwu', '端午'], ['zhongqiu', '中秋']]) {
      const inYear = [...days.entries()].filter(([d, x]) => d.startsWith(`${y}-`) && x.kind === 'holiday' && x.name.includes(word));
      checks++;
      if (y >= 2008) {
        if (!isHol(r[col], word)) fail(`${y}: ${col} ${r[col]} is not a ${word} holiday`);
      } else if (inYear.length) fail(`${y}: ${word} holidays listed before 2008: ${inYear.map((e) => e[0]).join(',')}`);
    }
  }
  log(`holiday data ${path.basename(sqlFile)}: ${covered.length} years (${covered[0].year}-${covered[covered.length - 1].year}), ${checks} checks, ${fails} failure(s)`);
  if (notes.length) log(`  info: ${notes.join('; ')}`);
  return fails;
}

// default: the project's sql/data/*calendar_cn.sql (it has been renamed with a numeric prefix),
// looked for in each parent directory of this script and in a sibling checkout named "main"
function defaultSql() {
  const dirs = [];
  for (let d = __dirname; ; d = path.dirname(d)) {
    dirs.push(path.join(d, 'sql', 'data'), path.join(d, 'main', 'sql', 'data'));
    if (path.dirname(d) === d) break;
  }
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    const f = fs.readdirSync(dir).filter((n) => /(^|_)calendar_cn\.sql$/.test(n)).sort();
    if (f.length) return path.join(dir, f[0]);
  }
  throw new Error('calendar_cn.sql not found; pass its path');
}

module.exports = { checkHolidays, defaultSql };

if (require.main === module) {
  const { readCsv } = require('./check.js');
  const csv = process.argv[2] || path.join(__dirname, 'lunar_cn.csv');
  const sql = process.argv[3] || defaultSql();
  const n = checkHolidays(readCsv(csv), sql);
  console.log(n ? 'RESULT: FAIL' : 'RESULT: OK');
  process.exit(n ? 1 : 0);
}
