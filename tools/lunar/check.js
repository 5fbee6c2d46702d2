#!/usr/bin/env node
// Independent checks of lunar_cn.csv (generated from lunar-javascript by generate.js).
//
//   node check.js [--csv FILE] [--deps DIR] [--no-install] [--holidays calendar_cn.sql] [--verbose]
//
// Installs its own dependencies (exact versions) with
//   npm install --prefix DIR chinese-days@1.5.7 date-chinese@2.1.4 astronomia@4.2.0
// (DIR defaults to $LUNAR_CHECK_DEPS or <tmpdir>/crm_contract_lunar_check) and needs nothing else.
//
// Checks (none of them uses lunar-javascript):
//   A  chinese-days 1.5.7  - month table 1900-2100 (from Bigkoo/Android-PickerView) + solar-term
//                            formula [Y*D+C]-L with a per-year correction table.
//   B  date-chinese 2.1.4  - computes the calendar from astronomia (VSOP87 sun, Meeus ch.49 new moons).
//   C  GB/T 33661-2017 rules re-implemented here on astronomia 4.2.0 ephemerides:
//                            VSOP87B (full) sun + ELP/MPP02 (DE405 fit) moon, Espenak-Meeus dT;
//                            also reports how close every deciding event is to Beijing midnight
//                            and whether a "frozen dT" scenario would move any date.
// Exit status: 0 = every mismatch is in ALLOW below; 1 = unexplained mismatch; 2 = setup error.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const DEPS = { 'chinese-days': '1.5.7', 'date-chinese': '2.1.4', astronomia: '4.2.0' };
const FIRST = 2004;
const LAST = 2099;
const COLS = ['chuxi', 'qingming', 'duanwu', 'zhongqiu'];

// Documented, explained disagreements (see SOURCE.md). Keyed check/year/column; the values
// must match exactly, otherwise the entry does not apply.
const ALLOW = [
  {
    check: 'B', year: 2033, col: 'zhongqiu', csv: '2033-09-08', other: '2033-10-07',
    why: 'date-chinese 2.1.4 leap-month bug ("2033 problem"): it makes 2033-08-25 a leap 7th month; ' +
      'GB/T 33661 rule 4 puts the leap month after the 11th month (闰十一月, 2033-12-22), as HKO and ' +
      'Calendrical Calculations do, so 八月十五 = 2033-09-08.',
  },
];

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = {
    csv: path.join(__dirname, 'lunar_cn.csv'),
    deps: path.resolve(process.env.LUNAR_CHECK_DEPS || path.join(os.tmpdir(), 'crm_contract_lunar_check')),
    install: true, holidays: null, verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--csv') o.csv = argv[++i];
    else if (a === '--deps') o.deps = path.resolve(argv[++i]);
    else if (a === '--no-install') o.install = false;
    else if (a === '--holidays') o.holidays = argv[++i];
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 20).join('\n'));
      process.exit(0);
    } else { console.error(`unknown argument ${a}`); process.exit(2); }
  }
  return o;
}

function installedVersion(dir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch (e) { return null; }
}

function ensureDeps(dir, install) {
  const missing = Object.entries(DEPS).filter(([n, v]) => installedVersion(dir, n) !== v);
  if (missing.length && install) {
    fs.mkdirSync(dir, { recursive: true });
    const specs = Object.entries(DEPS).map(([n, v]) => `${n}@${v}`);
    console.log(`installing ${specs.join(' ')} into ${dir}`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', ...specs],
      { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  for (const [n, v] of Object.entries(DEPS)) {
    const got = installedVersion(dir, n);
    if (got !== v) { console.error(`setup error: ${n}@${v} needed in ${dir}, found ${got}`); process.exit(2); }
  }
  // date-chinese must resolve astronomia to the pinned top-level copy
  const nested = installedVersion(path.join(dir, 'node_modules', 'date-chinese'), 'astronomia');
  if (nested && nested !== DEPS.astronomia) {
    console.error(`setup error: date-chinese uses nested astronomia@${nested}`); process.exit(2);
  }
  // resolve through the install dir's node_modules (honours package "exports" maps)
  return require('module').createRequire(path.join(dir, 'package.json'));
}

// ---------------------------------------------------------------- dates
const pad = (n) => String(n).padStart(2, '0');
// day number = Julian Day Number of the civil date (noon-based JD rounded)
function jdnToIso(j) {
  let a = j + 32044; const b = Math.floor((4 * a + 3) / 146097); const c = a - Math.floor(146097 * b / 4);
  const d = Math.floor((4 * c + 3) / 1461); const e = c - Math.floor(1461 * d / 4); const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1; const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${year}-${pad(month)}-${pad(day)}`;
}
function isoToJdn(s) {
  const [y, m, d] = s.split('-').map(Number);
  const a = Math.floor((14 - m) / 12); const yy = y + 4800 - a; const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}
const addDays = (iso, n) => jdnToIso(isoToJdn(iso) + n);

// ---------------------------------------------------------------- CSV
function readCsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length);
  if (lines[0] !== 'year,' + COLS.join(',')) throw new Error(`bad header: ${lines[0]}`);
  const rows = lines.slice(1).map((l) => {
    const f = l.split(',');
    if (f.length !== 5) throw new Error(`bad line: ${l}`);
    const r = { year: Number(f[0]) };
    COLS.forEach((c, i) => {
      if (!/^\d{4}-\d\d-\d\d$/.test(f[i + 1]) || jdnToIso(isoToJdn(f[i + 1])) !== f[i + 1]) throw new Error(`bad date ${f[i + 1]} in: ${l}`);
      r[c] = f[i + 1];
    });
    return r;
  });
  rows.forEach((r, i) => { if (r.year !== FIRST + i) throw new Error(`expected year ${FIRST + i}, got ${r.year}`); });
  if (rows.length !== LAST - FIRST + 1) throw new Error(`expected ${LAST - FIRST + 1} rows, got ${rows.length}`);
  return rows;
}

// ---------------------------------------------------------------- check A: chinese-days
function checkA(req) {
  const cd = req('chinese-days');
  const out = {};
  for (let y = FIRST; y <= LAST; y++) {
    const cny = cd.getSolarDateFromLunar(`${y}-01-01`).date;
    out[y] = {
      chuxi: addDays(cny, -1),
      qingming: cd.getSolarTermDate(y, 4, 'pure_brightness'),
      duanwu: cd.getSolarDateFromLunar(`${y}-05-05`).date,
      zhongqiu: cd.getSolarDateFromLunar(`${y}-08-15`).date,
    };
  }
  return out;
}

// ---------------------------------------------------------------- check B: date-chinese
function checkB(req) {
  const { CalendarChinese } = req('date-chinese');
  const g = (o) => `${o.year}-${pad(o.month)}-${pad(o.day)}`;
  const cal = new CalendarChinese();
  const out = {};
  for (let y = FIRST; y <= LAST; y++) {
    const ny = cal.newYear(y);
    cal.fromJDE(ny);
    const [cycle, cy] = cal.get();
    const cny = g(cal.toGregorian());
    cal.fromJDE(cal.qingming(y));
    out[y] = {
      chuxi: addDays(cny, -1),
      qingming: g(cal.toGregorian()),
      duanwu: g(new CalendarChinese(cycle, cy, 5, false, 5).toGregorian()),
      zhongqiu: g(new CalendarChinese(cycle, cy, 8, false, 15).toGregorian()),
    };
  }
  return out;
}

// ---------------------------------------------------------------- check C: ephemeris + GB/T 33661
function checkC(req) {
  const a = req('astronomia');
  const earth = new a.planetposition.Planet(req('astronomia/data/vsop87Bearth').default || req('astronomia/data/vsop87Bearth'));
  const elpd = req('astronomia/data/elpMppDe');
  const moon = new a.elp.Moon(elpd.default || elpd);
  const TWO_PI = 2 * Math.PI;
  const toYear = (jde) => 2000 + (jde - 2451545) / 365.25;
  const wrap = (x) => { x = x % TWO_PI; if (x > Math.PI) x -= TWO_PI; if (x <= -Math.PI) x += TWO_PI; return x; };
  const sunApp = (jde) => a.solar.apparentVSOP87(earth, jde).lon; // geometric + FK5 + nutation + aberration
  // apparent moon minus apparent sun (nutation cancels); moon light-time applied
  const elong = (jde) => {
    const tau = moon.lightTime(jde);
    return wrap(moon.position(jde - tau).lon - (sunApp(jde) - a.nutation.nutation(jde)[0]));
  };
  // Newton iteration with the derivative taken once at the (already close) first guess
  const solve = (f, t) => {
    const h = 1e-3; let v = f(t); const d = (f(t + h) - v) / h;
    for (let i = 0; i < 20; i++) {
      const dt = -v / d; t += dt;
      if (Math.abs(dt) < 2e-7) return t; // 0.02 s
      v = f(t);
    }
    throw new Error('no convergence');
  };
  // JDE (TT) -> UT1+8 as fractional JD; civil day number = floor(jd + 0.5)
  const bjt = (jde, dt) => jde - dt(toYear(jde)) / 86400 + 8 / 24;
  const dayOf = (jdBjt) => Math.floor(jdBjt + 0.5);
  const secsFromMidnight = (jdBjt) => { const f = jdBjt + 0.5 - Math.floor(jdBjt + 0.5); return f < 0.5 ? f * 86400 : (f - 1) * 86400; };

  const start = isoToJdn('2002-10-15'); const end = isoToJdn('2100-03-01');
  // new moons (TT)
  const moons = [];
  for (let k = Math.floor((start - 2451550.1) / 29.530588861); ; k++) {
    const mean = 2451550.09766 + 29.530588861 * k;
    if (mean > end) break;
    // Meeus ch.49 new moon (within a minute) as first guess
    moons.push(solve(elong, a.moonphase.newMoon(toYear(mean))));
  }
  for (let i = 1; i < moons.length; i++) {
    const gap = moons[i] - moons[i - 1];
    if (gap < 29.2 || gap > 29.9) throw new Error(`new-moon solver: gap ${gap} days at JDE ${moons[i]}`);
  }
  // zhongqi (multiples of 30 deg) and Qingming (15 deg), TT
  const terms = [];
  for (let n = Math.floor((start - 2451623.8) / 365.2422 * 24) - 1; ; n++) {
    const lon = ((n * 15) % 360 + 360) % 360;
    if (lon % 30 !== 0 && lon !== 15) continue;
    // mean-sun guess, corrected by the equation of centre (~ +-2 days)
    const mean = 2451623.80984 + 365.242189623 * n / 24;
    if (mean > end + 20) break;
    const target = lon * Math.PI / 180;
    const g = wrap(sunApp(mean) - target);
    terms.push({ lon, jde: solve((t) => wrap(sunApp(t) - target), mean - g / (TWO_PI / 365.2422)) });
  }

  function calendar(dt) {
    const md = moons.map((j) => dayOf(bjt(j, dt)));
    const zq = terms.filter((t) => t.lon % 30 === 0).map((t) => ({ lon: t.lon, day: dayOf(bjt(t.jde, dt)) }));
    const months = [];
    for (let i = 0; i + 1 < md.length; i++) {
      const inside = zq.filter((z) => z.day >= md[i] && z.day < md[i + 1]);
      months.push({ i, start: md[i], end: md[i + 1], zq: inside.map((z) => z.lon), leap: false, num: null });
    }
    const m11 = months.filter((m) => m.zq.includes(270)).map((m) => m.i);
    for (let k = 0; k + 1 < m11.length; k++) {
      const s = m11[k]; const e = m11[k + 1];
      if (e - s === 13) {
        const lm = months.slice(s, e).find((m) => m.zq.length === 0);
        if (!lm) throw new Error('13-month sui without a month lacking zhongqi');
        lm.leap = true;
      } else if (e - s !== 12) throw new Error(`sui with ${e - s} months`);
    }
    let num = null;
    for (const m of months) {
      if (m11.includes(m.i)) num = 11;
      else if (num !== null && !m.leap) num = num % 12 + 1;
      m.num = num;
    }
    const out = {};
    for (let y = FIRST; y <= LAST; y++) {
      const idx = months.findIndex((m) => m.num === 1 && !m.leap && jdnToIso(m.start).startsWith(`${y}-`));
      const cnyIso = jdnToIso(months[idx].start);
      if (cnyIso < `${y}-01-20` || cnyIso > `${y}-02-21`) throw new Error(`check C: implausible 正月初一 ${cnyIso}`);
      const m5 = months.slice(idx).find((m) => m.num === 5 && !m.leap);
      const m8 = months.slice(idx).find((m) => m.num === 8 && !m.leap);
      const qm = terms.find((t) => t.lon === 15 && jdnToIso(dayOf(bjt(t.jde, dt))).startsWith(`${y}-`));
      out[y] = {
        chuxi: jdnToIso(months[idx].start - 1), qingming: jdnToIso(dayOf(bjt(qm.jde, dt))),
        duanwu: jdnToIso(m5.start + 4), zhongqiu: jdnToIso(m8.start + 14),
        // deciding events, for the margin report
        _ev: { chuxi: moons[idx], duanwu: moons[m5.i], zhongqiu: moons[m8.i], qingming: qm.jde },
      };
    }
    // zhongqi near midnight that sit on a month boundary could change leap placement
    const risky = [];
    for (const t of terms.filter((t) => t.lon % 30 === 0)) {
      const s = secsFromMidnight(bjt(t.jde, dt));
      const d = dayOf(bjt(t.jde, dt));
      if (Math.abs(s) < 600 && (md.includes(d) || md.includes(d + 1))) risky.push({ lon: t.lon, day: jdnToIso(d), s });
    }
    return { out, risky };
  }

  const fmtBjt = (jdB) => {
    let d = dayOf(jdB); let f = Math.round((jdB + 0.5 - d) * 86400);
    if (f >= 86400) { d += 1; f -= 86400; }
    return `${jdnToIso(d)} ${pad(Math.floor(f / 3600))}:${pad(Math.floor((f % 3600) / 60))}:${pad(f % 60)}`;
  };
  return { calendar, moons, bjt, secsFromMidnight, fmtBjt, dtEM: (jde) => a.deltat.deltaT(toYear(jde)), toYear, deltaT: a.deltat.deltaT };
}

// ---------------------------------------------------------------- main
function main() {
  const opt = parseArgs(process.argv.slice(2));
  let rows;
  try { rows = readCsv(opt.csv); } catch (e) { console.error(`setup error: ${opt.csv}: ${e.message}`); process.exit(2); }
  const req = ensureDeps(opt.deps, opt.install);

  const tC = Date.now();
  const C = checkC(req);
  const dtEM = (y) => req('astronomia').deltat.deltaT(y);
  const FROZEN_YEAR = 2025;
  const dtFrozen = (y) => (y <= FROZEN_YEAR ? dtEM(y) : dtEM(FROZEN_YEAR));
  const base = C.calendar(dtEM);
  const frozen = C.calendar(dtFrozen);

  const t0 = Date.now(); const dataA = checkA(req); const t1 = Date.now(); const dataB = checkB(req); const t2 = Date.now();
  if (opt.verbose) console.log(`timing: C ${t0 - tC} ms, A ${t1 - t0} ms, B ${t2 - t1} ms`);
  const results = {
    A: { name: `chinese-days@${DEPS['chinese-days']} (table + term formula)`, data: dataA },
    B: { name: `date-chinese@${DEPS['date-chinese']} (astronomia, Meeus new moons)`, data: dataB },
    C: { name: `GB/T 33661 rules on astronomia@${DEPS.astronomia} VSOP87+ELP/MPP02, Espenak-Meeus dT`, data: base.out },
  };

  let unexplained = 0; let allowed = 0; let compared = 0;
  const usedAllow = new Set();
  console.log(`lunar_cn.csv: ${rows.length} rows (${FIRST}-${LAST}), columns ${COLS.join(', ')}`);
  for (const [key, r] of Object.entries(results)) {
    const mism = [];
    for (const row of rows) {
      for (const c of COLS) {
        compared++;
        const other = r.data[row.year][c];
        if (other === row[c]) continue;
        const al = ALLOW.find((x) => x.check === key && x.year === row.year && x.col === c && x.csv === row[c] && x.other === other);
        if (al) { usedAllow.add(al); allowed++; mism.push(`  allowed   ${row.year} ${c}: csv ${row[c]} vs ${other} -- ${al.why}`); } else { unexplained++; mism.push(`  MISMATCH  ${row.year} ${c}: csv ${row[c]} vs ${other}`); }
      }
    }
    console.log(`check ${key}: ${r.name}: ${rows.length} rows x ${COLS.length} columns compared, ${mism.length} mismatch(es)`);
    mism.forEach((m) => console.log(m));
  }
  for (const al of ALLOW) if (!usedAllow.has(al)) console.log(`  note: allow-list entry ${al.check}/${al.year}/${al.col} no longer needed`);

  // margin report: deciding events within 15 minutes of Beijing midnight (check C ephemeris)
  console.log('deciding events within 15 min of Beijing midnight (check C ephemeris, UT1+8 with Espenak-Meeus dT):');
  const close = [];
  for (const row of rows) {
    for (const c of COLS) {
      const jde = base.out[row.year]._ev[c];
      const dt = dtEM(C.toYear(jde));
      const s = C.secsFromMidnight(C.bjt(jde, dtEM));
      if (Math.abs(s) < 900) close.push({ year: row.year, c, when: C.fmtBjt(C.bjt(jde, dtEM)), s, dt });
    }
  }
  for (const x of close) {
    const what = x.c === 'qingming' ? 'Qingming (15 deg)' : `new moon starting ${x.c === 'chuxi' ? 'month 1' : x.c === 'duanwu' ? 'month 5' : 'month 8'}`;
    const flip = x.s < 0 ? `date moves if dT < ${(x.dt + x.s).toFixed(0)} s` : `date moves if dT > ${(x.dt + x.s).toFixed(0)} s`;
    console.log(`  ${x.year} ${x.c.padEnd(8)} ${what.padEnd(26)} ${x.when}  (${x.s < 0 ? '' : '+'}${x.s.toFixed(0)} s from midnight; dT used ${x.dt.toFixed(0)} s; ${flip})`);
  }
  const decided = new Set(rows.flatMap((row) => COLS.map((c) => base.out[row.year]._ev[c])));
  const others = C.moons.filter((j) => !decided.has(j) && Math.abs(C.secsFromMidnight(C.bjt(j, dtEM))) < 300 &&
    j > 2453005.5 && j < 2488069.5); // 2004-01-01 .. 2100-01-01
  console.log(`  (new moons within 5 min of midnight that decide no CSV cell: ${others.map((j) => C.fmtBjt(C.bjt(j, dtEM))).join(', ') || 'none'})`);
  console.log(`zhongqi within 10 min of midnight on or next to a new-moon day (could move a leap month): ${base.risky.length ? base.risky.map((r) => `${r.lon} deg ${r.day} (${r.s.toFixed(0)} s)`).join(', ') : 'none'}`);
  // scenario: dT frozen at its 2025 value (Earth rotation rate stays as it is now)
  const moved = [];
  for (const row of rows) for (const c of COLS) if (frozen.out[row.year][c] !== base.out[row.year][c]) moved.push(`${row.year} ${c}: ${base.out[row.year][c]} -> ${frozen.out[row.year][c]}`);
  console.log(`dT-frozen-at-${FROZEN_YEAR} scenario (${dtEM(FROZEN_YEAR).toFixed(0)} s): ${moved.length ? moved.join('; ') : 'no date changes'}`);

  let holidayFail = 0;
  if (opt.holidays) {
    const { checkHolidays, defaultSql } = require('./check_holidays.js');
    holidayFail = checkHolidays(rows, opt.holidays === 'auto' ? defaultSql() : opt.holidays, console.log);
  }

  const total = unexplained + holidayFail;
  console.log(`summary: ${rows.length} rows, ${compared} comparisons, ${allowed} allowed mismatch(es), ${unexplained} unexplained mismatch(es)` +
    (opt.holidays ? `, ${holidayFail} holiday-data failure(s)` : ''));
  console.log(total ? 'RESULT: FAIL' : 'RESULT: OK');
  process.exit(total ? 1 : 0);
}

module.exports = { readCsv, isoToJdn, jdnToIso, addDays, checkC };
if (require.main === module) main();
