-- Calendar tables: validation on write, shipped rows, copies, user edits and
-- the per-session cache following every change.
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
\set VERBOSITY default

-- What is shipped.
SELECT name, time_zone, covered_from, covered_to, builtin FROM calendar ORDER BY name;
SELECT calendar, weekday, opens, closes FROM calendar_hours WHERE calendar = 'CN' ORDER BY weekday, opens LIMIT 4;
SELECT extract(year FROM day)::int AS year, count(*) FILTER (WHERE kind = 'holiday') AS holidays,
       count(*) FILTER (WHERE kind = 'working') AS make_up_days
  FROM calendar_exception WHERE calendar = 'CN' AND day >= '2024-01-01' GROUP BY 1 ORDER BY 1;
SELECT day, kind, name FROM calendar_exception WHERE calendar = 'CN' AND day BETWEEN '2026-09-20' AND '2026-10-10' ORDER BY day;

-- Invalid rows are refused when written.
INSERT INTO calendar (name, time_zone) VALUES ('bad', 'Mars/Olympus_Mons');
INSERT INTO calendar (name, time_zone) VALUES ('', 'UTC');
INSERT INTO calendar (name, time_zone, covered_from, covered_to) VALUES ('bad', 'UTC', '2026-12-31', '2026-01-01');
INSERT INTO calendar (name, time_zone, builtin) VALUES ('bad', 'UTC', true);
INSERT INTO calendar (name, time_zone, description) VALUES ('acme', 'Asia/Shanghai', 'test calendar');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '18:00', '09:00');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 8, '09:00', '12:00');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '09:00', '12:00');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '11:00', '14:00');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '08:00', '09:30');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('nowhere', 1, '09:00', '12:00');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '13:00', '18:00'), ('acme', 2, '13:00', '18:00'), ('acme', 2, '17:00', '19:00');
SELECT count(*) AS acme_hours FROM calendar_hours WHERE calendar = 'acme';  -- only the earlier row: the failed statement wrote none
INSERT INTO calendar_hours (calendar, weekday, opens, closes)
  SELECT 'acme', d, t.o, t.c FROM generate_series(2, 5) d, (VALUES (time '09:00', time '12:00'), ('13:00', '18:00')) t(o, c);
INSERT INTO calendar_hours (calendar, weekday, opens, closes) VALUES ('acme', 1, '13:00', '18:00');
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('acme', '2026-10-01', 'holiday', 'National Day');
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('acme', '2026-10-01', 'working', 'both');
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('acme', '2026-10-02', 'weekend', 'no such kind');
INSERT INTO calendar_exception_hours (calendar, day, opens, closes) VALUES ('acme', '2026-10-01', '09:00', '12:00');
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('acme', '2026-10-10', 'working', 'half day');
INSERT INTO calendar_exception_hours (calendar, day, opens, closes) VALUES ('acme', '2026-10-10', '09:00', '12:00');
INSERT INTO calendar_exception_hours (calendar, day, opens, closes) VALUES ('acme', '2026-10-10', '10:00', '11:00');
UPDATE calendar_exception SET kind = 'holiday' WHERE calendar = 'acme' AND day = '2026-10-10';
UPDATE calendar SET time_zone = 'Nowhere/Land' WHERE name = 'acme';

-- The acme calendar in use: unbounded, Mon-Fri 09-12/13-18, a holiday and a half-day Saturday.
SELECT is_working_day('2026-10-01', 'acme') AS oct1, is_working_day('2026-10-10', 'acme') AS oct10,
       add_working_days('2026-09-30', 1, 'acme') AS after_sep30,
       add_working_time('2026-10-09 17:00+08', '2 hours', 'acme') AS over_half_day,     -- Fri 17-18, Sat 09-10
       add_working_time('2026-10-09 17:00+08', '5 hours', 'acme') AS past_half_day;     -- Fri 17-18, Sat 09-12, Mon 09-10

-- Edits are seen at once by this session: the cache follows.
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('acme', '2026-10-12', 'holiday', 'company day');
SELECT add_working_days('2026-10-10', 1, 'acme') AS skips_company_day;   -- 10/13
DELETE FROM calendar_exception WHERE calendar = 'acme' AND day = '2026-10-12';
SELECT add_working_days('2026-10-10', 1, 'acme') AS back_to_monday;      -- 10/12
BEGIN;
UPDATE calendar_hours SET opens = '08:00' WHERE calendar = 'acme' AND weekday = 1 AND opens = '09:00';
SELECT add_working_time('2026-10-12 08:00+08', '1 hour', 'acme') AS early_monday;   -- 09:00
ROLLBACK;
SELECT add_working_time('2026-10-12 08:00+08', '1 hour', 'acme') AS after_rollback; -- 10:00
UPDATE calendar SET covered_to = '2026-12-31' WHERE name = 'acme';
SELECT add_working_days('2026-12-31', 1, 'acme');
UPDATE calendar SET covered_to = NULL WHERE name = 'acme';
SELECT add_working_days('2026-12-31', 1, 'acme') AS unbounded_again;      -- Friday 2027-01-01
UPDATE calendar SET name = 'acme2' WHERE name = 'acme';
SELECT add_working_days('2026-09-30', 1, 'acme2') AS renamed, (SELECT count(*) FROM calendar_hours WHERE calendar = 'acme2') AS hours_followed;
SELECT add_working_days('2026-09-30', 1, 'acme');
DELETE FROM calendar WHERE name = 'acme2';
SELECT add_working_days('2026-09-30', 1, 'acme2');

-- Shipped rows are read-only; users add rows (next year's holidays) or copy.
UPDATE calendar_exception SET kind = 'working' WHERE calendar = 'CN' AND day = '2026-10-01';
DELETE FROM calendar_hours WHERE calendar = 'CN';
DELETE FROM calendar WHERE name = 'CN';
UPDATE calendar SET name = 'China' WHERE name = 'CN';
INSERT INTO calendar_exception (calendar, day, kind, name, builtin) VALUES ('CN', '2027-01-01', 'holiday', 'x', true);
SELECT copy_calendar('CN', 'CN_acme', 'CN with company days');
SELECT copy_calendar('nope', 'x');
SELECT name, covered_from, covered_to, builtin, description FROM calendar WHERE name = 'CN_acme';
SELECT (SELECT count(*) FROM calendar_exception WHERE calendar = 'CN_acme') = (SELECT count(*) FROM calendar_exception WHERE calendar = 'CN') AS same_exceptions;
UPDATE calendar_exception SET kind = 'working', name = 'company works' WHERE calendar = 'CN_acme' AND day = '2026-10-07';
SELECT add_working_days('2026-09-30', 1, 'CN_acme') AS copy_edited, add_working_days('2026-09-30', 1, 'CN') AS original;

-- Loading a new year: add its exceptions, then extend the covered range.
-- (The 2027 rows below are test data, not the State Council's announcement.)
BEGIN;
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('CN', '2027-01-01', 'holiday', '元旦 / New Year''s Day (test)');
UPDATE calendar SET covered_to = '2027-12-31' WHERE name = 'CN';
SELECT builtin FROM calendar WHERE name = 'CN';   -- an edited shipped row is the user's and is dumped
SELECT add_working_days('2026-12-31', 1) AS first_working_day_2027;   -- Mon 2027-01-04
ROLLBACK;
SELECT add_working_days('2026-12-31', 1);

-- Compiled calendars are small: CN (23 years) under 64 KiB.
SELECT calendar, bytes < 65536 AS under_64k, exception_days, zone_shifts
  FROM calendar_cache() WHERE calendar = 'CN';

DELETE FROM calendar WHERE name = 'CN_acme';
