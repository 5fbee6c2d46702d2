#!/usr/bin/env node
// Generate lunar_cn.csv (Chinese calendar dates for 2004..2099, UTC+8) from the
// primary source: lunar-javascript (6tail), exact version pinned in package.json.
//
// Usage:  npm ci            (or: npm install --prefix . lunar-javascript@1.7.7)
//         node generate.js  [output.csv]   (default: lunar_cn.csv next to this file)
//
// Columns:
//   chuxi    = day before 正月初一 of lunar year `year` (last day of 12th month)
//   qingming = Beijing-time date of the solar term 清明 (apparent solar longitude 15°)
//   duanwu   = 五月初五 (non-leap 5th month) of lunar year `year`
//   zhongqiu = 八月十五 (non-leap 8th month) of lunar year `year`
'use strict';
const fs = require('fs');
const path = require('path');
const { Lunar } = require('lunar-javascript');

const FIRST = 2004;
const LAST = 2099;
const EXPECTED_VERSION = '1.7.7';

const pkgVersion = require('lunar-javascript/package.json').version;
if (pkgVersion !== EXPECTED_VERSION) {
  console.error(`lunar-javascript ${pkgVersion} installed, expected ${EXPECTED_VERSION}`);
  process.exit(2);
}

const pad = (n) => String(n).padStart(2, '0');
const iso = (s) => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;

function row(y) {
  // 正月初一 of lunar year y; lunar-javascript uses positive month = non-leap month.
  const cny = Lunar.fromYmd(y, 1, 1).getSolar();
  const chuxi = cny.next(-1);
  const duanwu = Lunar.fromYmd(y, 5, 5).getSolar();
  const zhongqiu = Lunar.fromYmd(y, 8, 15).getSolar();
  // Jie-qi table of lunar year y (spans 冬至 of y-1 .. 大雪 of y); its 清明 lies in April of y.
  const qm = Lunar.fromYmd(y, 1, 1).getJieQiTable()['清明'];
  const checks = [
    [cny.getYear() === y && Lunar.fromYmd(y, 1, 1).getMonth() === 1, 'CNY year'],
    [chuxi.getLunar().getMonth() === 12 || chuxi.getLunar().getMonth() === -12, 'chuxi month 12'],
    [chuxi.next(1).getLunar().getDay() === 1, 'chuxi is last day'],
    [qm.getYear() === y && qm.getMonth() === 4, 'qingming in April'],
    [duanwu.getYear() === y && zhongqiu.getYear() === y, 'festival year'],
  ];
  for (const [ok, what] of checks) {
    if (!ok) throw new Error(`sanity check failed for ${y}: ${what}`);
  }
  return [y, iso(chuxi), iso(qm), iso(duanwu), iso(zhongqiu)];
}

const lines = ['year,chuxi,qingming,duanwu,zhongqiu'];
for (let y = FIRST; y <= LAST; y++) lines.push(row(y).join(','));
const out = process.argv[2] || path.join(__dirname, 'lunar_cn.csv');
fs.writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} rows (${FIRST}..${LAST}) to ${out} using lunar-javascript@${pkgVersion}`);
