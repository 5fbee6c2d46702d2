-------------------------------------------------------------------------------
-- Tenancy: row-level security on every table with a tenant column
-------------------------------------------------------------------------------

-- Row-level security on every table that holds tenant rows (those with a tenant
-- column), forced on the owner too, and pg_dump keeps all their rows and identities.
-- The policy calls current_tenant() without a subquery around it (it caches its answer
-- per statement): Citus refuses subqueries in the policies of distributed tables.
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
                      USING (tenant OPERATOR(pg_catalog.=) crm_contract.current_tenant())
                      WITH CHECK (tenant OPERATOR(pg_catalog.=) crm_contract.current_tenant())', t.rel);
    EXECUTE format('COMMENT ON POLICY tenant_isolation ON %s IS %L', t.rel,
                   'rows of the current role''s tenant only (crm_contract.current_tenant())');
    PERFORM pg_catalog.pg_extension_config_dump(t.rel, '');
    PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence(t.rel::text, 'id')::regclass, '');
  END LOOP;
END $$;
