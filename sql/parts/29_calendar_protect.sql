
-------------------------------------------------------------------------------
-- After the shipped calendars: mark them, protect them, register user rows for pg_dump.
-------------------------------------------------------------------------------

UPDATE crm_contract.calendar_exception SET builtin = true;

CREATE TRIGGER calendar_check BEFORE INSERT OR UPDATE ON crm_contract.calendar
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_check();
CREATE TRIGGER calendar_merge_builtin BEFORE INSERT ON crm_contract.calendar
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_merge_builtin();
CREATE TRIGGER calendar_hours_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_exception_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_exception
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_exception_hours_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_exception_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_forecast_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_forecast
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_hours_check();
CREATE TRIGGER calendar_exception_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_exception_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_hours_check();
CREATE TRIGGER calendar_exception_check AFTER INSERT OR UPDATE OF kind ON crm_contract.calendar_exception
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_check();

CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_forecast
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();

-- pg_dump keeps what users add; shipped rows come back with CREATE EXTENSION.
-- An edited shipped calendar row is dumped too (builtin turns false) and
-- merged back on restore by calendar_merge_builtin.
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_hours', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception_hours', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_forecast', 'WHERE NOT builtin');
