-- Working days on the shipped calendars.  Every expected value below was
-- counted by hand from the State Council notices (2004, 2020, 2024-2026) or
-- from the weekly pattern; none was produced by the code under test.
SET search_path = crm_contract, public;
SET datestyle = ISO;

-- add_working_days: (day, n, calendar, expected, why)
CREATE TEMP TABLE awd (day date, n int, cal text, expected date, why text);
INSERT INTO awd VALUES
  ('2026-09-25', 10, 'CN', '2026-10-15', 'domain.md: 9/28-30, 10/8-9, Sat 10/10 make-up, 10/12-15; 1-7 Oct holidays'),
  ('2025-09-26', 10, 'CN', '2025-10-16', '001 §3.1.1: Sun 9/28 make-up, 9/29-30, 10/9-10, Sat 10/11, 10/13-16'),
  ('2026-09-30',  1, 'CN', '2026-10-08', 'National Day 10/1-10/7'),
  ('2026-10-08', -1, 'CN', '2026-09-30', 'backwards over National Day'),
  ('2026-10-15',-10, 'CN', '2026-09-24', 'backwards: 10/14,13,12,10,9,8, 9/30,29,28, then 9/25-27 Mid-Autumn, 9/24'),
  ('2026-10-09',  1, 'CN', '2026-10-10', 'Saturday 10/10 is a make-up working day'),
  ('2026-10-01',  0, 'CN', '2026-10-08', 'n = 0 on a holiday: the next working day'),
  ('2026-10-10',  0, 'CN', '2026-10-10', 'n = 0 on a make-up Saturday: itself'),
  ('2026-10-11',  0, 'CN', '2026-10-12', 'n = 0 on a Sunday'),
  ('2026-10-12',  0, 'CN', '2026-10-12', 'n = 0 on a Monday'),
  ('2025-12-31',  1, 'CN', '2026-01-04', '1/1-1/3 New Year, Sunday 1/4 make-up'),
  ('2026-02-13',  1, 'CN', '2026-02-14', 'Saturday 2/14 make-up before Spring Festival'),
  ('2026-02-14',  1, 'CN', '2026-02-24', 'Spring Festival 2/15-2/23'),
  ('2026-02-24',  4, 'CN', '2026-02-28', '2/25, 2/26, 2/27, Saturday 2/28 make-up'),
  ('2026-05-08',  1, 'CN', '2026-05-09', 'Saturday 5/9 make-up after Labour Day'),
  ('2020-01-23',  1, 'CN', '2020-02-03', 'Spring Festival 2020 extended to 2/2 (国办发明电〔2020〕1号)'),
  ('2004-01-16',  1, 'CN', '2004-01-17', '2004 Spring Festival make-up Saturday 1/17'),
  ('2005-12-30',  1, 'CN', '2005-12-31', 'Saturday 2005-12-31 worked for the 2006 New Year'),
  ('2026-11-20',1000,'weekdays', date '2026-11-20' + 1400, '1000 working days = 200 weeks from a Friday'),
  ('2026-11-20',-1000,'weekdays', date '2026-11-20' - 1400, 'and back'),
  ('2026-11-21',  1, 'weekdays', '2026-11-23', 'Saturday to Monday'),
  ('2026-11-20',  3, '24x7', '2026-11-23', 'every day counts');

SELECT day, n, cal, add_working_days(day, n, cal) AS got, expected, why
  FROM awd WHERE add_working_days(day, n, cal) IS DISTINCT FROM expected;

-- The default calendar is CN.
SELECT add_working_days('2026-09-25', 10) = '2026-10-15' AS default_is_cn;

-- is_working_day
SELECT d, is_working_day(d) AS working FROM (VALUES
  (date '2026-10-10'), ('2026-10-01'), ('2026-10-11'), ('2026-09-24'), ('2026-09-25'),
  ('2005-12-31'), ('2020-01-31'), ('2024-02-18')) v(d) ORDER BY d;

-- working_days_between: (from, to, expected)
CREATE TEMP TABLE wdb (f date, t date, cal text, expected int, why text);
INSERT INTO wdb VALUES
  ('2026-09-25', '2026-10-15', 'CN', 10, 'the domain example'),
  ('2026-10-15', '2026-09-25', 'CN', -10, 'negative when to < from'),
  ('2026-10-15', '2026-10-15', 'CN', 0, 'same day'),
  ('2026-10-01', '2026-10-07', 'CN', 0, 'inside the National Day holiday'),
  ('2026-09-30', '2026-10-08', 'CN', 1, 'only 10/8'),
  ('2003-12-31', '2004-01-05', 'CN', 2, '1/1 holiday, 1/2 and 1/5'),
  ('2023-12-31', '2024-12-31', 'CN', 251, '2024: 262 weekdays - 19 holidays + 8 make-up days'),
  ('2024-12-31', '2025-12-31', 'CN', 248, '2025: 261 weekdays - 18 holidays + 5 make-up days'),
  ('2025-12-31', '2026-12-31', 'CN', 248, '2026: 261 weekdays - 19 holidays + 6 make-up days'),
  ('2026-11-20', '2036-11-20', 'weekdays', 2609, 'ten years: 3653 days = 521 weeks (2605) + Sat..Thu (4)'),
  ('2026-11-20', '2026-11-30', '24x7', 10, 'every day');
SELECT f, t, cal, working_days_between(f, t, cal) AS got, expected, why
  FROM wdb WHERE working_days_between(f, t, cal) IS DISTINCT FROM expected;

-- add_working_days and working_days_between agree on every start in 2004-2026 (n = 1..25).
SELECT count(*) AS disagreements
  FROM generate_series(date '2004-01-01', date '2026-11-01', interval '1 day') g(d),
       generate_series(1, 25) n
 WHERE working_days_between(d::date, add_working_days(d::date, n)) <> n
    OR NOT is_working_day(add_working_days(d::date, n));

-- Every year's count equals the sum of its days.
SELECT y, working_days_between(make_date(y - 1, 12, 31), make_date(y, 12, 31)) AS by_function,
       (SELECT count(*) FROM generate_series(make_date(y, 1, 1), make_date(y, 12, 31), interval '1 day') g(d)
         WHERE is_working_day(d::date)) AS by_days
  FROM generate_series(2005, 2026) y
 WHERE working_days_between(make_date(y - 1, 12, 31), make_date(y, 12, 31)) <>
       (SELECT count(*) FROM generate_series(make_date(y, 1, 1), make_date(y, 12, 31), interval '1 day') g(d)
         WHERE is_working_day(d::date));

-- Outside the loaded years: SQLSTATE 22008 naming the year and how to load it.
\set VERBOSITY default
SELECT add_working_days('2026-12-31', 1);
SELECT add_working_days('2026-12-20', 30);
SELECT add_working_days('2004-01-02', -1);
SELECT is_working_day('2030-06-01');
SELECT working_days_between('2026-12-01', '2027-01-10');
SELECT working_days_between('2003-06-01', '2004-01-10');
SELECT add_working_days('2031-01-01', 0);
-- Unknown calendar: 42704.
SELECT add_working_days('2026-01-01', 1, 'XX');
SELECT is_working_day('2026-01-01', '');
SELECT working_days_between('2026-01-01', '2026-02-01', 'cn');
-- Infinite dates.
SELECT add_working_days('infinity', 5), add_working_days('-infinity', 5);
SELECT working_days_between('2026-01-01', 'infinity');
SELECT is_working_day('infinity');
-- Far dates on an unbounded calendar stay exact; beyond the timestamp range they fail cleanly.
SELECT add_working_days('2026-11-20', 2147483647, 'weekdays');
SELECT add_working_days('2026-11-20', -2147483647, 'weekdays');
SELECT d, add_working_days(d, 1, 'weekdays') = d + CASE extract(isodow FROM d) WHEN 5 THEN 3 WHEN 6 THEN 2 ELSE 1 END AS next_weekday
  FROM (VALUES (date '200000-01-03'), ('200000-01-07')) v(d);
