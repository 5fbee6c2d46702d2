-- The forecast of CN for the years after its announced ones: the statutory days of
-- 全国年节及纪念日放假办法 (国务院令第798号) with weekend days made up (cn_statutory_days),
-- 2027-2099 (the years of crm_contract.cn_lunar_date after 2026).
INSERT INTO crm_contract.calendar_forecast (calendar, day, kind, name, builtin)
SELECT 'CN', s.day, s.kind, s.name, true
  FROM pg_catalog.generate_series(2027, 2099) AS y, crm_contract.cn_statutory_days(y) AS s;
