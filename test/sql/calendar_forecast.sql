-- The year boundary: CN is announced to 2026-12-31; past it, its forecast (the
-- statutory days of 全国年节及纪念日放假办法, 国务院令第798号, weekend days made up on
-- the first free weekday after the festival) is used when asked for, and always for
-- stored deadlines, marked provisional.  Expected values worked out by hand from a
-- paper calendar of 2027 and crm_contract.cn_lunar_date (除夕 2027-02-05, 清明 04-05,
-- 端午 06-09, 中秋 09-15; 2028: 中秋 10-03).
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';

-- CN's forecast of 2027: 19 days.
--   元旦 01-01 Fri; 春节 02-05 Fri..02-08 Mon, two weekend days -> 02-09, 02-10;
--   清明 04-05 Mon; 劳动节 05-01 Sat, 05-02 Sun -> 05-03, 05-04; 端午 06-09 Wed;
--   中秋 09-15 Wed; 国庆 10-01 Fri..10-03 Sun, two weekend days -> 10-04, 10-05.
SELECT day, to_char(day, 'Dy') AS dow, kind, name FROM forecast_days('CN', 2027);
-- 2028: 中秋 falls on 10-03, a National Day day: one day, named for both; National
-- Day 10-01 is a Sunday: one substitute, 10-04 Wed.
SELECT day, to_char(day, 'Dy') AS dow, name FROM forecast_days('CN', 2028) WHERE day >= '2028-09-01';
SELECT name, covered_to, forecast_to FROM calendar WHERE name = 'CN';
SELECT count(*) AS forecast_days_2027_2099, min(day), max(day) FROM calendar_forecast WHERE calendar = 'CN';

-- Strict by default: 22008, as before.  (The setting exists once the library is
-- loaded: after the first call of a crm_contract function in the session.)
SELECT add_working_days('2026-12-31', 1);
SHOW crm_contract.beyond_coverage;
-- On the forecast: a result, and one NOTICE per statement and calendar.
SET crm_contract.beyond_coverage = forecast;
SELECT add_working_days('2026-12-31', 1) AS after_new_year;            -- 01-01 off, weekend: Mon 01-04
SELECT add_working_days('2027-02-04', 1) AS after_spring_festival,      -- 02-05..02-10 off: Thu 02-11
       add_working_days('2027-04-30', 1) AS after_labour_day;           -- 05-01..05-04 off: Wed 05-05
SELECT is_working_day('2027-10-05') AS substitute_day, is_working_day('2027-10-06') AS back_to_work;
-- "respond within 2 / 8 working hours" for a ticket opened 2026-12-31 17:30 +08:
-- 0:30 on 12-31, then Mon 01-04 09:00 + 1:30 = 10:30; 8 h: 0:30 + 3:00 + 4:30 = 17:30.
SELECT due(timestamptz '2026-12-31 17:30+08', '2 working hours') AS two_hours,
       due(timestamptz '2026-12-31 17:30+08', '8 working hours') AS eight_hours;
-- announced days only: no NOTICE
SELECT add_working_days('2026-12-30', 1) AS announced;
-- past the forecast: still 22008
SELECT add_working_days('2099-12-30', 5);
RESET crm_contract.beyond_coverage;
SET crm_contract.beyond_coverage = 'maybe';

-- A user calendar with no forecast: the forecast setting changes nothing.
SELECT copy_calendar('CN', 'CN_noforecast');
UPDATE calendar SET forecast_to = NULL WHERE name = 'CN_noforecast';
SET crm_contract.beyond_coverage = forecast;
SELECT add_working_days('2026-12-31', 1, 'CN_noforecast');
RESET crm_contract.beyond_coverage;
-- A forecast needs a bounded coverage.
UPDATE calendar SET covered_to = NULL WHERE name = 'CN_noforecast';
UPDATE calendar SET forecast_to = '2030-12-31' WHERE name = 'CN_noforecast';
-- copy_calendar copies the forecast too
SELECT copy_calendar('CN', 'CN_copy');
SELECT name, forecast_to, (SELECT count(*) FROM calendar_forecast f WHERE f.calendar = c.name) AS forecast_days
  FROM calendar c WHERE name = 'CN_copy';
-- shipped forecast rows are read-only, a copy's are the user's
DELETE FROM calendar_forecast WHERE calendar = 'CN' AND day = '2027-01-01';
DELETE FROM calendar_forecast WHERE calendar = 'CN_copy' AND day = '2027-01-01';
SET crm_contract.beyond_coverage = forecast;
SELECT add_working_days('2026-12-31', 1, 'CN_copy') AS without_new_years_day;   -- Fri 01-01 works now
RESET crm_contract.beyond_coverage;
DELETE FROM calendar WHERE name IN ('CN_noforecast', 'CN_copy');

-- The statutory rules on a known year, 2025 (the first under 国务院令第798号): the
-- statutory days are inside the announced holidays (the notice adds bridge days).
SELECT s.day, s.name, e.kind AS announced
  FROM cn_statutory_days(2025) s
  LEFT JOIN calendar_exception e ON e.calendar = 'CN' AND e.day = s.day
 ORDER BY s.day;
SELECT cn_statutory_days(2100);
