-- make demo: crm_contract on the seed contracts' deadlines.
-- Runs in a throwaway cluster; everything printed is computed by the extension.
\pset footer off
\pset null '—'
SET client_min_messages = warning;
CREATE EXTENSION crm_contract;
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SET intervalstyle = postgres;

\echo
\echo '== Shipped working calendars'
SELECT name, time_zone, covered_from, covered_to, description FROM calendar ORDER BY name;

\echo
\echo '== China (CN) around National Day 2026: holidays and make-up working days (调休)'
SELECT d::date AS day, to_char(d, 'Dy') AS dow,
       CASE WHEN is_working_day(d::date) THEN 'working' ELSE '—' END AS on_cn,
       (SELECT name FROM calendar_exception e WHERE e.calendar = 'CN' AND e.day = d::date) AS why
  FROM generate_series(date '2026-09-18', date '2026-10-12', interval '1 day') d;

\echo
\echo '== Working days per year on CN'
SELECT y AS year, working_days_between(make_date(y - 1, 12, 31), make_date(y, 12, 31)) AS working_days
  FROM generate_series(2020, 2026) y;

\echo
\echo '== Terms as written in the contracts, parsed'
SELECT wording, wording::term AS term FROM (VALUES
  ('10個工作日'), ('60個工作日'), ('15日'), ('3個月'), ('5日'), ('1小時'), ('24小時'), ('2个工作小时'), ('8小时')) v(wording);

\echo
\echo '== Seed deadlines: what is due when'
CREATE TEMP TABLE seed_deadline (seed text, clause text, obligation text, anchor text, anchored_on date, t term);
INSERT INTO seed_deadline VALUES
  ('001', '§3.1.1', 'project start (项目启动)',            'signed',        '2025-09-26', '10個工作日'),
  ('001', '§4.1.1', 'pay 50% of the total (实施费用)',     'signed',        '2025-09-26', '10個工作日'),
  ('001', '§3.1.2', 'go-live (系统上线)',                  'project start', '2025-10-16', '60個工作日'),
  ('001', '§4.1.2', 'maintenance fee 10%, yearly',         'go-live',       '2026-01-09', '1年'),
  ('001', '§7.2.1', 'end of free support year',            'go-live',       '2026-01-09', '1年'),
  ('001', '§11.2',  'answer a change request',             'request',       '2026-09-25', '10 working days'),
  ('004', '§4.1.1', 'development plan (开发计划)',         'signed',        '2026-06-15', '15日'),
  ('004', '§4.1.2', 'development complete (完成开发)',     'signed',        '2026-06-15', '3個月'),
  ('004', '§4.1.3', 'acceptance report (验收报告)',        'completion',    '2026-09-15', '5日'),
  ('004', '§5.2.1', '50% advance payment',                 'signed',        '2026-06-15', '5日');
SELECT seed, clause, obligation, t AS term, anchor, anchored_on, due(anchored_on, t) AS due_on,
       to_char(due(anchored_on, t), 'Dy') AS dow
  FROM seed_deadline ORDER BY seed, anchored_on, clause;

\echo
\echo '== SLA clocks: response and resolution deadlines of tickets'
CREATE TEMP TABLE ticket (seed text, rule text, opened timestamptz, t term, cal text);
INSERT INTO ticket VALUES
  ('002', 'respond within 2 hours on working days',   '2026-09-30 17:00+08', '2个工作小时', 'CN'),
  ('002', 'resolve general faults within 8 hours',    '2026-09-30 10:00+08', '8个工作小时', 'CN'),
  ('002', 'respond within 2 hours, lunch break',      '2026-10-09 11:30+08', '2个工作小时', 'CN'),
  ('004', '§7.1 respond within 1 hour, 7×24',         '2026-10-01 23:30+08', '1小時',       '24x7'),
  ('001', '§7.2.3 urgent problems within 24 hours',   '2026-09-30 17:00+08', '24小時',      'CN');
SELECT seed, rule, opened, t AS term, cal AS calendar, due(opened, t, cal) AS deadline,
       working_time_between(opened, due(opened, t, cal), cal) AS working_time_counted
  FROM ticket;
