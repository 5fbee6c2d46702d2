-- One cache-invalidation trigger function, cache_invalidate(), for every table a
-- backend cache is built from (0.2 had calendar_changed() and sla_targets_changed(),
-- and the lpr table fired calendar_changed()).
CREATE FUNCTION crm_contract.cache_invalidate() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_cache_invalidate' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.cache_invalidate() IS
  'statement trigger: what sessions compiled from this table (calendars, the LPR series, SLA targets) is dropped in every session at commit';
REVOKE EXECUTE ON FUNCTION crm_contract.cache_invalidate() FROM PUBLIC;

DROP TRIGGER calendar_changed ON crm_contract.calendar;
DROP TRIGGER calendar_changed ON crm_contract.calendar_hours;
DROP TRIGGER calendar_changed ON crm_contract.calendar_exception;
DROP TRIGGER calendar_changed ON crm_contract.calendar_exception_hours;
DROP TRIGGER lpr_changed ON crm_contract.lpr;
DROP TRIGGER sla_targets_changed ON crm_contract.sla_target;
DROP TRIGGER sla_targets_changed ON crm_contract.contract;
DROP TRIGGER sla_targets_changed ON crm_contract.tenant_member;
DROP FUNCTION crm_contract.calendar_changed();
DROP FUNCTION crm_contract.sla_targets_changed();

CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.lpr
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.sla_target
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.contract
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.tenant_member
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
