-- Forecasts past a calendar's covered days (the year boundary): calendar.forecast_to,
-- calendar_forecast, the lunar dates and statutory days of China, CN's forecast.
ALTER TABLE crm_contract.calendar ADD COLUMN forecast_to date;
ALTER TABLE crm_contract.calendar ADD CONSTRAINT calendar_forecast_check CHECK (forecast_to IS NULL OR covered_to IS NOT NULL);
--@statement COMMENT ON COLUMN crm_contract.calendar.covered_to IS
--@statement COMMENT ON COLUMN crm_contract.calendar.forecast_to IS
--@replace-function calendar_merge_builtin

--@statement CREATE TABLE crm_contract.calendar_forecast (
--@statement COMMENT ON TABLE crm_contract.calendar_forecast IS
--@statement CREATE TABLE crm_contract.cn_lunar_date (
--@statement COMMENT ON TABLE crm_contract.cn_lunar_date IS
--@replace-function cn_statutory_days
--@replace-function forecast_days
--@replace-function copy_calendar
--@include sql/data/27_cn_lunar_date.sql
--@include sql/data/28_calendar_forecast_cn.sql

-- CN gets its forecast; the shipped row stays shipped (calendar_check would make it a user row)
ALTER TABLE crm_contract.calendar DISABLE TRIGGER calendar_check;
UPDATE crm_contract.calendar SET forecast_to = '2099-12-31'
 WHERE name = 'CN' AND (covered_to IS NULL OR covered_to < '2099-12-31') AND covered_to IS NOT NULL;
ALTER TABLE crm_contract.calendar ENABLE TRIGGER calendar_check;

CREATE TRIGGER calendar_forecast_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_forecast
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_forecast
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_forecast', 'WHERE NOT builtin');
GRANT SELECT ON crm_contract.calendar_forecast, crm_contract.cn_lunar_date TO PUBLIC;

-- Stored deadlines use the forecast and say so
--@replace-function stored_due
ALTER TABLE crm_contract.milestone ADD COLUMN due_provisional boolean NOT NULL DEFAULT false;
ALTER TABLE crm_contract.installment ADD COLUMN due_provisional boolean NOT NULL DEFAULT false;
ALTER TABLE crm_contract.installment_due ADD COLUMN due_provisional boolean NOT NULL DEFAULT false;
ALTER TABLE crm_contract.change_request ADD COLUMN due_provisional boolean NOT NULL DEFAULT false;
--@statement COMMENT ON COLUMN crm_contract.milestone.due_provisional IS
--@statement COMMENT ON COLUMN crm_contract.installment.due_provisional IS
--@statement COMMENT ON COLUMN crm_contract.installment_due.due_provisional IS
--@statement COMMENT ON COLUMN crm_contract.change_request.due_provisional IS
