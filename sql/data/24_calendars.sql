-- Shipped calendars (inserted before the protecting triggers exist).
INSERT INTO crm_contract.calendar (name, time_zone, covered_from, covered_to, description, builtin, forecast_to) VALUES
  ('CN', 'Asia/Shanghai', '2004-01-01', '2026-12-31',
   'China: Mon-Fri 09:00-12:00 and 13:00-18:00, statutory holidays and make-up working days (调休) as announced by the State Council General Office, 2004-2026', true,
   '2099-12-31'),
  ('24x7', 'UTC', NULL, NULL, 'every minute counts (7×24), no holidays', true, NULL),
  ('weekdays', 'UTC', NULL, NULL, 'Mon-Fri 09:00-17:00 UTC, no holidays', true, NULL);

INSERT INTO crm_contract.calendar_hours (calendar, weekday, opens, closes, builtin)
SELECT 'CN', d, t.opens, t.closes, true
  FROM pg_catalog.generate_series(1, 5) AS d,
       (VALUES ('09:00'::time, '12:00'::time), ('13:00', '18:00')) AS t (opens, closes)
UNION ALL
SELECT '24x7', d, '00:00', '24:00', true FROM pg_catalog.generate_series(1, 7) AS d
UNION ALL
SELECT 'weekdays', d, '09:00', '17:00', true FROM pg_catalog.generate_series(1, 5) AS d;
