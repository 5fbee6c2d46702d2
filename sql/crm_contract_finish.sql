
-------------------------------------------------------------------------------
-- After the shipped data: mark it, protect it, register user rows for pg_dump.
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
CREATE TRIGGER calendar_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_hours_check();
CREATE TRIGGER calendar_exception_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_exception_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_hours_check();
CREATE TRIGGER calendar_exception_check AFTER INSERT OR UPDATE OF kind ON crm_contract.calendar_exception
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_check();

CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();

-- pg_dump keeps what users add; shipped rows come back with CREATE EXTENSION.
-- An edited shipped calendar row is dumped too (builtin turns false) and
-- merged back on restore by calendar_merge_builtin.
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_hours', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception_hours', 'WHERE NOT builtin');

-- Calendars are reference data: every role may compute with them (the C
-- functions read them with the caller's rights); only their owner edits them.
GRANT USAGE ON SCHEMA crm_contract TO PUBLIC;
GRANT SELECT ON crm_contract.calendar, crm_contract.calendar_hours,
  crm_contract.calendar_exception, crm_contract.calendar_exception_hours TO PUBLIC;
-- Each role reads its own tenant memberships (row-level security on tenant_member).
GRANT SELECT ON crm_contract.tenant_member TO PUBLIC;
-- The view runs with the caller's rights (security_invoker): table privileges and
-- row-level security still decide what each role sees.
GRANT SELECT ON crm_contract.obligations TO PUBLIC;

-- Row-level security on every table that holds tenant rows (those with a tenant
-- column), forced on the owner too, and pg_dump keeps all their rows and identities.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT c.oid::regclass AS rel, c.relname
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped
            WHERE c.relnamespace = 'crm_contract'::regnamespace AND c.relkind = 'r'
              AND c.relname <> 'tenant_member'
            ORDER BY c.relname LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t.rel);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.rel);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s
                      USING (tenant OPERATOR(pg_catalog.=) (SELECT crm_contract.current_tenant()))
                      WITH CHECK (tenant OPERATOR(pg_catalog.=) (SELECT crm_contract.current_tenant()))', t.rel);
    EXECUTE format('COMMENT ON POLICY tenant_isolation ON %s IS %L', t.rel,
                   'rows of the current role''s tenant only (crm_contract.current_tenant())');
    PERFORM pg_catalog.pg_extension_config_dump(t.rel, '');
    PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence(t.rel::text, 'id')::regclass, '');
  END LOOP;
END $$;

-- Administrative and internal functions are not for PUBLIC: the extension's own
-- trigger functions (a trigger runs its function without an EXECUTE check, so
-- revoking costs the tables nothing), and the functions that recompute or sweep in
-- bulk or copy calendars: grant them to the roles that administer crm_contract.
-- sla_deadlines() stays executable: users attach it to their own ticket tables.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = 'crm_contract'::regnamespace
              AND ((p.prorettype = 'trigger'::regtype AND p.proname <> 'sla_deadlines')
                   OR p.proname IN ('copy_calendar', 'recompute_due_dates', 'sla_recompute', 'sla_sweep'))
            ORDER BY 1 LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;
