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
  ('2026-09-29 17:50+08', '20 working minutes', 'CN', '2026-09-30 09:10+08', 'working minutes'),
  -- Civil Code Art. 203 (the default): the last day's close of business, 18:00 on CN, 24:00 without business hours
  ('2026-09-25 15:00+08', '15天', 'CN', '2026-10-10 18:00+08', 'last day Saturday 10/10 is a make-up working day'),
  ('2026-01-31 09:00+08', '1个月', 'CN', '2026-02-28 18:00+08', 'months clamp; Saturday 2/28 is a make-up working day'),
  ('2026-09-26 10:00+08', '5 days', 'CN', '2026-10-08 18:00+08', 'last day 10/1 is National Day (10/1-7): Thursday 10/8'),
  ('2026-09-21 20:00+08', '5 days', 'CN', '2026-09-28 18:00+08', 'last day 9/26 is in Mid-Autumn (9/25-27): Monday 9/28; the start''s time of day does not matter'),
  ('2026-03-02 08:00+08', '5 days', 'CN', '2026-03-09 18:00+08', 'last day Saturday 3/7 is a weekly rest day: Monday 3/9'),
  ('2026-09-26 10:00+08', '5 days', '24x7', '2026-10-02 00:00+00', '24x7 keeps UTC, every day works: the period ends at 24:00 UTC of 10/1');
SELECT start, t, cal, due(start, t, cal) AS got, expected, why
  FROM due_instants WHERE due(start, t, cal) IS DISTINCT FROM expected;

-- The convention 'unadjusted' (Art. 204: as the parties agreed): the day as counted, at the start's time of day.
SELECT start, t, cal, due(start, t, cal, 'unadjusted') AS got, expected, why FROM (VALUES
  (timestamptz '2026-09-25 15:00+08', '15天'::term, 'CN', timestamptz '2026-10-10 15:00+08', 'days keep the local time of day'),
  ('2026-01-31 09:00+08', '1个月', 'CN', '2026-02-28 09:00+08', 'months clamp'),
  ('2026-09-26 10:00+08', '5 days', 'CN', '2026-10-01 10:00+08', 'National Day itself'),
  ('2026-09-25 15:00+08', '10 working days', 'CN', '2026-10-15 15:00+08', 'working days are the same under both conventions'),
  ('2026-09-30 17:00+08', '2 working hours', 'CN', '2026-10-08 10:00+08', 'working hours too'),
  ('2026-09-30 17:00+08', '24 hours', 'CN', '2026-10-01 17:00+08', 'and hours')) v(start, t, cal, expected, why)
 WHERE due(start, t, cal, 'unadjusted') IS DISTINCT FROM expected;

-- Dates under Art. 203 (2026 notice: Mid-Autumn 9/25-27, National Day 10/1-7, make-up days 9/20 and 10/10,
-- Labour Day 5/1-5, Dragon Boat 6/19-21, Qingming 4/4-6, Spring Festival 2/15-23 with make-up 2/14 and 2/28,
-- New Year 1/1-3 with make-up Sunday 1/4), and the same periods unadjusted.
SELECT start, t, due(start, t) AS following, f AS expected_following, due(start, t, 'CN', 'unadjusted') AS unadjusted, u AS expected_unadjusted, why
  FROM (VALUES
  (date '2026-09-26', '5 days'::term, date '2026-10-08', date '2026-10-01', '10/1 is National Day: the day after the holiday'),
  ('2026-10-05', '5 days', '2026-10-10', '2026-10-10', 'Saturday 10/10 is a make-up working day'),
  ('2026-09-15', '5 days', '2026-09-20', '2026-09-20', 'Sunday 9/20 is a make-up working day'),
  ('2026-09-21', '5 days', '2026-09-28', '2026-09-26', 'Saturday 9/26 in Mid-Autumn, then Sunday 9/27: Monday'),
  ('2026-04-28', '1 week', '2026-05-06', '2026-05-05', '5/5 is Labour Day'),
  ('2026-01-15', '1 month', '2026-02-24', '2026-02-15', '2/15 opens the Spring Festival (2/15-23)'),
  ('2025-02-15', '1 year', '2026-02-24', '2026-02-15', 'a year, the same'),
  ('2026-03-06', '1 month', '2026-04-07', '2026-04-06', '4/6 is Qingming'),
  ('2026-03-02', '5 days', '2026-03-09', '2026-03-07', 'a plain Saturday is a weekly rest day'),
  ('2026-06-14', '5 days', '2026-06-22', '2026-06-19', 'Dragon Boat 6/19-21'),
  ('2025-12-27', '5 days', '2026-01-04', '2026-01-01', 'New Year 1/1-3, then the make-up Sunday 1/4'),
  ('2026-12-26', '5 days', '2026-12-31', '2026-12-31', 'a Thursday'),
  ('2026-09-26', '5 working days', '2026-10-09', '2026-10-09', 'working days: 9/28, 9/29, 9/30, 10/8, 10/9 under both')) v(start, t, f, u, why)
 WHERE due(start, t) IS DISTINCT FROM f OR due(start, t, 'CN', 'unadjusted') IS DISTINCT FROM u;
-- try_due and stored_due take the convention too
SELECT try_due(date '2026-09-26', '5 days', 'CN', 'unadjusted') AS try_unadjusted,           -- 2026-10-01
       try_due(date '2026-09-26', '5 days', 'CN', 'following') AS try_following,             -- 2026-10-08
       (stored_due(date '2026-09-26', '5 days', 'CN', 'following')).due_on AS stored;        -- 2026-10-08

-- due_before: notice periods counted back from a date: the last day x whose period ends by d.
SELECT d, t, due_before(d, t) AS got, expected FROM (VALUES
  (date '2026-12-31', '30 days'::term, date '2026-12-01'),       -- renewal notice 30 days before expiry; from 12/2 the period ends in 2027
  ('2026-10-15', '10 working days', '2026-09-27'),               -- 10 working days from 9/27 (a Sunday of Mid-Autumn) end 10/15, from 9/28 on 10/16
  ('2026-01-05', '1 working day', '2026-01-04'),                 -- Sunday 1/4 is a make-up day
  ('2026-03-31', '1 month', '2026-02-28'),                       -- from 2/28: Saturday 3/28, moved to Monday 3/30
  ('2026-03-15', '2 weeks', '2026-02-27'),                       -- Sunday 3/15: from 2/27 Friday 3/13; from 2/28 Saturday 3/14, moved to 3/16
  ('2026-02-28', '1 month', '2026-01-31'),                       -- due(1/31, 1 month) = 2/28, a make-up Saturday; from 2/1 Sunday 3/1 moves to 3/2
  ('2026-10-08', '5 days', '2026-10-03'),                        -- from 10/3: 10/8; from 10/4: 10/9
  ('2026-10-07', '5 days', '2026-09-25'),                        -- 10/7 is a holiday: from 9/25 the period ends 9/30; from 9/26 on 10/8
  ('2026-10-31', '30 days', '2026-09-30')) v(d, t, expected)     -- from 10/1: Saturday 10/31, moved to 11/2
 WHERE due_before(d, t) IS DISTINCT FROM expected;
SELECT d, t, due_before(d, t, 'CN', 'unadjusted') AS got, expected FROM (VALUES
  (date '2026-02-28', '1 month'::term, date '2026-01-31'),       -- 1/28..1/31 all end 2/28: the last is 1/31
  ('2026-10-07', '5 days', '2026-10-02'),
  ('2026-03-15', '2 weeks', '2026-03-01'),
  ('2027-02-28', '1 year', '2026-02-28'),                        -- no 2027 holiday data needed
  ('2026-10-15', '10 working days', '2026-09-27')) v(d, t, expected)
 WHERE due_before(d, t, 'CN', 'unadjusted') IS DISTINCT FROM expected;

-- due_before is the inverse of due in the documented sense, on every day from 1/15 to 12/15 and
-- both conventions: x <= due_before(d, t) exactly when due(x, t) <= d.  due is monotone in x,
-- so that is due(due_before(d, t), t) <= d < due(due_before(d, t) + 1, t).
SELECT t, conv, count(*) AS days, count(*) FILTER (WHERE NOT ok) AS violations
  FROM (SELECT t, conv, due(b, t, 'CN', conv) <= d AND due(b + 1, t, 'CN', conv) > d AS ok
          FROM generate_series(date '2026-01-15', date '2026-12-15', interval '1 day') g(g)
         CROSS JOIN LATERAL (SELECT g::date AS d) dd
         CROSS JOIN unnest(ARRAY['1 day', '5 days', '1 week', '2 weeks', '1 month', '3 months', '10 working days']::term[]) t
         CROSS JOIN unnest(enum_range(NULL::due_convention)) conv
         CROSS JOIN LATERAL (SELECT due_before(d, t, 'CN', conv) AS b) x) s
 GROUP BY t, conv ORDER BY t::text, conv;

-- Days are wall-clock days in the calendar's zone; hours are elapsed time.
INSERT INTO calendar (name, time_zone, description) VALUES ('NY_due', 'America/New_York', 'test');
SET timezone = 'America/New_York';
SELECT due(timestamptz '2026-03-07 12:00-05', '1 day', 'NY_due', 'unadjusted') AS one_day,     -- 2026-03-08 12:00 EDT
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
SELECT due(date '2026-03-07', '1 day', 'NY_due');   -- no working day to move a last day to: Art. 203 cannot apply
SELECT due(date '2026-03-07', '1 day', 'CN', 'sideways');
SELECT due(date '2026-12-20', '30 days');            -- 2027 is not announced: is 2027-01-19 a working day?

DELETE FROM calendar WHERE name = 'NY_due';
