-------------------------------------------------------------------------------
-- After the shipped LPR values: protect them, register user rows for pg_dump.
-------------------------------------------------------------------------------

CREATE TRIGGER lpr_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.lpr
  FOR EACH ROW EXECUTE FUNCTION crm_contract.lpr_protect_builtin();
CREATE TRIGGER cache_invalidate AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.lpr
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.cache_invalidate();
SELECT pg_catalog.pg_extension_config_dump('crm_contract.lpr', 'WHERE NOT builtin');
