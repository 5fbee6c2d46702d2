-- Working time: lunch breaks, holidays, make-up days, time zones, DST.
-- Expected instants are worked out by hand from the calendars' hours.
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SET intervalstyle = postgres;

CREATE TEMP TABLE awt (start timestamptz, amount interval, cal text, expected timestamptz, why text);
INSERT INTO awt VALUES
  ('2026-09-30 17:00+08', '2 hours',    'CN', '2026-10-08 10:00+08', 'SLA example: 17-18, then 10/8 09-10 (1-7 Oct holidays)'),
  ('2026-09-29 11:00+08', '2 hours',    'CN', '2026-09-29 14:00+08', '11-12, lunch, 13-14'),
  ('2026-09-29 12:30+08', '30 minutes', 'CN', '2026-09-29 13:30+08', 'a start in the lunch break waits for 13:00'),
  ('2026-09-29 09:00+08', '3 hours',    'CN', '2026-09-29 12:00+08', 'landing on a closing returns the closing'),
  ('2026-09-29 09:00+08', '8 hours',    'CN', '2026-09-29 18:00+08', 'one full day'),
  ('2026-09-29 09:00+08', '9 hours',    'CN', '2026-09-30 10:00+08', 'one day and an hour'),
  ('2026-09-29 07:15+08', '1 hour',     'CN', '2026-09-29 10:00+08', 'a start before opening'),
  ('2026-09-29 20:00+08', '1 hour',     'CN', '2026-09-30 10:00+08', 'a start after closing'),
  ('2026-09-29 12:00+08', '0 hours',    'CN', '2026-09-29 13:00+08', 'zero from a closing: the next opening'),
  ('2026-09-29 10:20+08', '0 hours',    'CN', '2026-09-29 10:20+08', 'zero inside hours: itself'),
  ('2026-10-09 17:00+08', '2 hours',    'CN', '2026-10-10 10:00+08', 'Saturday 10/10 is a make-up day with normal hours'),
  ('2026-09-29 17:59:30+08', '1 minute','CN', '2026-09-30 09:00:30+08', 'seconds carry over'),
  ('2026-10-08 10:00+08', '-2 hours',   'CN', '2026-09-30 17:00+08', 'backwards over National Day'),
  ('2026-10-08 09:00+08', '-1 hour',    'CN', '2026-09-30 17:00+08', 'backwards from an opening'),
  ('2026-09-29 14:00+08', '-2 hours',   'CN', '2026-09-29 11:00+08', 'backwards over lunch'),
  ('2026-09-29 13:00+08', '-1 hour',    'CN', '2026-09-29 11:00+08', 'backwards from the afternoon opening'),
  ('2026-09-28 09:00+08', '48 hours',   'CN', '2026-10-10 18:00+08', '6 working days: 9/28-30, 10/8, 10/9, 10/10'),
  ('2026-10-01 23:30+08', '1 hour',   '24x7', '2026-10-02 00:30+08', '004 §7.1: 7x24, one hour'),
  ('2026-11-20 16:00+00', '2 hours', 'weekdays', '2026-11-23 10:00+00', 'Friday 16-17 UTC, Monday 09-10'),
  ('2026-11-23 09:00+00', '8000 hours', 'weekdays', ((date '2026-11-23' + 1397) + time '17:00') AT TIME ZONE 'UTC',
   '200 weeks of 40 hours: Friday 17:00 of week 200');
SELECT start, amount, cal, add_working_time(start, amount, cal) AS got, expected, why
  FROM awt WHERE add_working_time(start, amount, cal) IS DISTINCT FROM expected;

-- working_time_between
CREATE TEMP TABLE wtb (f timestamptz, t timestamptz, cal text, expected interval, why text);
INSERT INTO wtb VALUES
  ('2026-09-30 17:00+08', '2026-10-08 10:00+08', 'CN', '02:00:00', 'over National Day'),
  ('2026-10-08 10:00+08', '2026-09-30 17:00+08', 'CN', '-02:00:00', 'negative when to < from'),
  ('2026-09-29 11:00+08', '2026-09-29 14:00+08', 'CN', '02:00:00', 'lunch excluded'),
  ('2026-09-28 00:00+08', '2026-10-12 00:00+08', 'CN', '48:00:00', '6 working days of 8 hours'),
  ('2026-10-03 10:00+08', '2026-10-03 16:00+08', 'CN', '00:00:00', 'a holiday'),
  ('2026-01-01 00:00+00', '2027-01-01 00:00+00', 'weekdays', '2088:00:00', '2026: 261 weekdays x 8 hours'),
  ('2026-03-01 00:00+00', '2026-03-02 00:00+00', '24x7', '24:00:00', 'a day');
SELECT f, t, cal, working_time_between(f, t, cal) AS got, expected, why
  FROM wtb WHERE working_time_between(f, t, cal) IS DISTINCT FROM expected;

-- working_hours shows a day's intervals as instants.
SELECT * FROM working_hours('2026-10-10');
SELECT * FROM working_hours('2026-10-01');

-- A calendar in America/New_York over the March and November DST changes.
INSERT INTO calendar (name, time_zone, description) VALUES ('NY', 'America/New_York', 'test: Mon-Fri 09-17 New York');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) SELECT 'NY', d, '09:00', '17:00' FROM generate_series(1, 5) d;
-- Bounded, so it is walked interval by interval rather than taken as elapsed time.
INSERT INTO calendar (name, time_zone, covered_from, covered_to, description)
  VALUES ('NY24', 'America/New_York', '2026-01-01', '2026-12-31', 'test: 7x24 in New York');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) SELECT 'NY24', d, '00:00', '24:00' FROM generate_series(1, 7) d;

SET timezone = 'America/New_York';
SELECT add_working_time('2026-03-06 16:00-05', '2 hours', 'NY') AS spring_forward,  -- Mon 3/9 10:00 EDT
       add_working_time('2026-10-30 16:00-04', '2 hours', 'NY') AS fall_back,       -- Mon 11/2 10:00 EST
       add_working_time('2026-03-09 10:00-04', '-2 hours', 'NY') AS spring_back;    -- Fri 3/6 16:00 EST
SELECT add_working_time('2026-03-07 12:00-05', '24 hours', 'NY24') AS real_24h,    -- 13:00 EDT: the night lost an hour
       add_working_time('2026-10-31 12:00-04', '24 hours', 'NY24') AS real_24h_fall, -- 11:00 EST: the night gained one
       working_time_between('2026-03-08 00:00-05', '2026-03-09 00:00-04', 'NY24') AS short_day,
       working_time_between('2026-11-01 00:00-04', '2026-11-02 00:00-05', 'NY24') AS long_day;
SELECT * FROM working_hours('2026-03-08', 'NY24');
SET timezone = 'Asia/Shanghai';

-- Errors.
\set VERBOSITY default
SELECT add_working_time('2026-09-29 09:00+08', '1 day');
SELECT add_working_time('2026-09-29 09:00+08', '1 mon 2 hours');
SELECT add_working_time('2026-12-31 17:30+08', '1 hour');
SELECT add_working_time('2004-01-02 09:30+08', '-1 hour');
SELECT add_working_time('2026-09-29 09:00+08', '1 hour', 'nope');
SELECT working_time_between('2026-12-31 00:00+08', '2027-01-05 00:00+08');
SELECT working_time_between('-infinity', '2026-01-01');
SELECT add_working_time('infinity', '1 hour') AS stays_infinite;
SELECT add_working_time('294276-12-30 23:00+00', '1000 hours', 'weekdays');

DELETE FROM calendar WHERE name IN ('NY', 'NY24');
