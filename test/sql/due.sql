-- due(): a term applied to a date or an instant on a calendar.  Seeds 001 and 004 by hand.
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';

CREATE TEMP TABLE due_dates (start date, t term, cal text, expected date, why text);
INSERT INTO due_dates VALUES
  ('2025-09-26', '10個工作日', 'CN', '2025-10-16', '001 §3.1.1 project start, signed 2025-09-26'),
  ('2025-09-26', '10个工作日', 'CN', '2025-10-16', '001 §4.1.1 50% payment, same rule'),
  ('2025-10-16', '60個工作日', 'CN', '2026-01-09', '001 §3.1.2 go-live: Oct 17-31 (11), Nov (20), Dec (23) = 54; Sun Jan 4 make-up (55), Jan 5-9 (60)'),
  ('2025-09-26', '15日', 'CN', '2025-10-11', '004 §4.1.1 development plan within 15 days'),
  ('2025-09-26', '3個月', 'CN', '2025-12-26', '004 §4.1.2 development within 3 months'),
  ('2025-12-26', '5日', 'CN', '2025-12-31', '004 §4.1.3 acceptance report within 5 days'),
  ('2026-01-31', '1 month', 'CN', '2026-02-28', 'month end clamps like date + interval'),
  ('2024-01-31', '1个月', 'CN', '2024-02-29', 'leap year'),
  ('2024-02-29', '1年', 'CN', '2025-02-28', 'a year from 29 February'),
  ('2025-09-26', '2 weeks', 'CN', '2025-10-10', 'weeks are 7 days'),
  ('2025-09-26', '1 year', '24x7', '2026-09-26', 'calendar units ignore the calendar''s holidays'),
  ('2026-09-25', '10 working days', 'weekdays', '2026-10-09', 'on a calendar with no holidays');
SELECT start, t, cal, due(start, t, cal) AS got, expected, why
  FROM due_dates WHERE due(start, t, cal) IS DISTINCT FROM expected;

CREATE TEMP TABLE due_instants (start timestamptz, t term, cal text, expected timestamptz, why text);
INSERT INTO due_instants VALUES
  ('2026-09-30 17:00+08', '2 working hours', 'CN', '2026-10-08 10:00+08', '002: respond within 2 working hours'),
  ('2026-09-30 10:00+08', '8个工作小时', 'CN', '2026-10-08 10:00+08', '002: resolve general faults within 8 working hours: 10-12, 13-18, then 09-10'),
  ('2026-10-01 23:30+08', '1 hour', '24x7', '2026-10-02 00:30+08', '004 §7.1.2: respond within 1 hour, 7x24'),
  ('2026-10-01 23:30+08', '1 hour', 'CN', '2026-10-02 00:30+08', 'plain hours are elapsed time on any calendar'),
  ('2026-09-30 17:00+08', '24小時', 'CN', '2026-10-01 17:00+08', '001 §7.2.3: urgent problems within 24 hours'),
  ('2026-09-25 15:00+08', '10 working days', 'CN', '2026-10-15 15:00+08', 'working days keep the local time of day'),
  ('2026-09-25 15:00+08', '15天', 'CN', '2026-10-10 15:00+08', 'days keep the local time of day'),
  ('2026-01-31 09:00+08', '1个月', 'CN', '2026-02-28 09:00+08', 'months clamp'),
  ('2026-09-29 17:50+08', '20 working minutes', 'CN', '2026-09-30 09:10+08', 'working minutes');
SELECT start, t, cal, due(start, t, cal) AS got, expected, why
  FROM due_instants WHERE due(start, t, cal) IS DISTINCT FROM expected;

-- due_before: notice periods counted back from a date.
SELECT d, t, due_before(d, t) AS got, expected FROM (VALUES
  (date '2026-12-31', '30 days'::term, date '2026-12-01'),       -- renewal notice 30 days before expiry
  ('2026-10-15', '10 working days', '2026-09-24'),               -- back over National Day and Mid-Autumn
  ('2026-01-05', '1 working day', '2026-01-04'),                 -- Sunday 1/4 is a make-up day
  ('2026-03-31', '1 month', '2026-02-28'),                       -- month end clamps
  ('2026-03-15', '2 weeks', '2026-03-01'),
  ('2027-02-28', '1 year', '2026-02-28')) v(d, t, expected)
 WHERE due_before(d, t) IS DISTINCT FROM expected;

-- Days are wall-clock days in the calendar's zone; hours are elapsed time.
INSERT INTO calendar (name, time_zone, description) VALUES ('NY_due', 'America/New_York', 'test');
SET timezone = 'America/New_York';
SELECT due(timestamptz '2026-03-07 12:00-05', '1 day', 'NY_due') AS one_day,     -- 2026-03-08 12:00 EDT
       due(timestamptz '2026-03-07 12:00-05', '24 hours', 'NY_due') AS "24h";   -- 2026-03-08 13:00 EDT
SET timezone = 'Asia/Shanghai';

-- Errors.
\set VERBOSITY default
SELECT due(date '2026-09-30', '2 hours');
SELECT due(date '2026-09-30', '30 working minutes');
SELECT due(date '2026-12-20', '10 working days');
SELECT due(date '2026-09-30', '1 day', 'nowhere');
SELECT due(date '2026-09-30', 'ten days');
SELECT due(date '294276-01-01', '1000 years', '24x7');
SELECT due(date 'infinity', '1 day');
SELECT due_before(date '2026-09-30', '2 hours');
SELECT due_before(date '2004-01-05', '3 working days');

DELETE FROM calendar WHERE name = 'NY_due';
