-------------------------------------------------------------------------------
-- Scale-out on Citus (doc/scale-out.md): one call distributes the installed extension
-------------------------------------------------------------------------------

-- Reference tables (a copy on every node): the calendars, the LPR series and the
-- tenant memberships, which every computation reads.  Distributed by tenant and
-- colocated with crm_contract.contract: every table with a tenant column.  Citus
-- is called by name (EXECUTE): crm_contract does not depend on it.
CREATE FUNCTION crm_contract.distribute() RETURNS TABLE (table_name regclass, distribution text)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  reference_tables text[] := ARRAY['calendar', 'calendar_hours', 'calendar_exception', 'calendar_exception_hours',
                                   'calendar_forecast', 'cn_lunar_date', 'lpr', 'tenant_member'];
  tenant_tables text[] := ARRAY['contract', 'party', 'clause', 'milestone', 'installment', 'installment_due',
                                'payment', 'change_request', 'force_majeure', 'sla_target', 'sla_event'];
  ext_owner oid;
  is_coordinator boolean;
  t text;
  k record;
  fkeys text[] := '{}';
  fkey text;
  seq text;
  failed text;
BEGIN
  PERFORM FROM pg_extension WHERE extname = 'citus';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'crm_contract.distribute() needs Citus: extension "citus" is not installed in database "%"', current_database()
      USING ERRCODE = '0A000', HINT = 'On a Citus coordinator: CREATE EXTENSION citus; add the workers; then call it again.';
  END IF;
  SELECT e.extowner INTO ext_owner FROM pg_extension e WHERE e.extname = 'crm_contract';
  IF NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) AND current_user::regrole::oid <> ext_owner THEN
    RAISE EXCEPTION 'crm_contract.distribute() is for the owner of crm_contract: role "%" is not', current_user
      USING ERRCODE = '42501';
  END IF;
  EXECUTE 'SELECT pg_catalog.citus_is_coordinator()' INTO is_coordinator;
  IF NOT is_coordinator THEN
    RAISE EXCEPTION 'crm_contract.distribute() runs on the Citus coordinator, and this node of database "%" is a worker', current_database()
      USING ERRCODE = '0A000';
  END IF;
  -- Already distributed: the same answer again (and the identity ranges of any new worker).
  PERFORM FROM pg_dist_partition p WHERE p.logicalrelid = 'crm_contract.contract'::regclass;
  IF NOT FOUND THEN
    -- the extension's triggers stay on every shard (Citus calls that unsafe: they read
    -- only rows of their own tenant, which are on their node, and reference tables)
    PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
    PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    -- Foreign keys are taken off while the tables are converted (Citus would make every
    -- table they reach a local Citus table) and put back as they were.
    FOR k IN SELECT c.conrelid::regclass AS rel, c.conname, pg_get_constraintdef(c.oid) AS def
               FROM pg_constraint c
              WHERE c.connamespace = 'crm_contract'::regnamespace AND c.contype = 'f'
              ORDER BY c.conrelid::regclass::text, c.conname LOOP
      fkeys := fkeys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.rel, k.conname, k.def);
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.rel, k.conname);
      -- the workers' own copies of the tables (CREATE EXTENSION made them there) too,
      -- before Citus takes them over: it puts the keys back on every node
      EXECUTE 'SELECT pg_catalog.count(*) FROM pg_catalog.run_command_on_workers($1) WHERE NOT success'
        USING format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', k.rel, k.conname);
    END LOOP;
    -- A Citus key holds the distribution column: the primary keys on id alone go (on the
    -- workers' copies too); (id, tenant) stays, the key the foreign keys reference, and
    -- ids stay apart by the ranges set below.
    FOREACH t IN ARRAY tenant_tables LOOP
      BEGIN
        EXECUTE format('ALTER TABLE crm_contract.%I DROP CONSTRAINT %I', t, t || '_pkey');
      EXCEPTION WHEN dependent_objects_still_exist THEN
        RAISE EXCEPTION 'crm_contract.distribute(): the primary key of crm_contract.% cannot go: a foreign key of another table depends on it', t
          USING ERRCODE = '2BP01',
                HINT = 'A distributed table can be referenced only by tables distributed with it: drop that foreign key, or reference (id, tenant) from a table distributed by tenant.';
      END;
      EXECUTE 'SELECT pg_catalog.count(*) FROM pg_catalog.run_command_on_workers($1) WHERE NOT success'
        USING format('ALTER TABLE crm_contract.%I DROP CONSTRAINT IF EXISTS %I', t, t || '_pkey');
    END LOOP;
    -- The shards are filled with the rows as stored: no trigger of the extension fires
    -- on them (the shipped calendar rows are read-only, occurrences are written by their
    -- installment, the SLA log by the trigger), and the triggers are back after it.
    FOREACH t IN ARRAY reference_tables || tenant_tables LOOP
      EXECUTE format('ALTER TABLE crm_contract.%I DISABLE TRIGGER USER', t);
    END LOOP;
    FOREACH t IN ARRAY reference_tables LOOP
      EXECUTE 'SELECT pg_catalog.create_reference_table($1)' USING format('crm_contract.%I', t)::regclass;
    END LOOP;
    FOREACH t IN ARRAY tenant_tables LOOP
      EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''tenant'', colocate_with => $2)'
        USING format('crm_contract.%I', t)::regclass, CASE WHEN t = 'contract' THEN 'default' ELSE 'crm_contract.contract' END;
    END LOOP;
    -- the rows now live in the shards: the coordinator's own copies go
    FOREACH t IN ARRAY reference_tables || tenant_tables LOOP
      EXECUTE 'SELECT pg_catalog.truncate_local_data_after_distributing_table($1)' USING format('crm_contract.%I', t)::regclass;
    END LOOP;
    FOREACH fkey IN ARRAY fkeys LOOP
      EXECUTE fkey;
    END LOOP;
    FOREACH t IN ARRAY reference_tables || tenant_tables LOOP
      EXECUTE format('ALTER TABLE crm_contract.%I ENABLE TRIGGER USER', t);
    END LOOP;
  END IF;
  -- Identities that cannot collide across nodes: a row inserted on a worker (the SLA
  -- trigger's events, a write routed through a worker) takes its id from that node's
  -- copy of the sequence, which CREATE EXTENSION started at 1 there too: each node
  -- counts in a range of its own, 2^48 ids above its group id (the coordinator's is 0).
  -- Every call sets them, so a call after citus_add_node() gives the new worker its range.
  FOREACH t IN ARRAY tenant_tables LOOP
    seq := pg_get_serial_sequence(format('crm_contract.%I', t), 'id');
    EXECUTE 'SELECT pg_catalog.string_agg(r.result, ''; '') FROM pg_catalog.run_command_on_workers($1) r WHERE NOT r.success'
      INTO failed
      USING format('SELECT pg_catalog.setval(%L, greatest(pg_catalog.nextval(%L),'
                   ' ((SELECT g.groupid FROM pg_catalog.pg_dist_local_group g)::bigint << 48) + 1), false)', seq, seq);
    IF failed IS NOT NULL THEN
      RAISE EXCEPTION 'crm_contract.distribute(): the sequence % could not be set on every worker: %', seq, failed
        USING ERRCODE = '55000';
    END IF;
  END LOOP;
  RETURN QUERY
    SELECT p.logicalrelid::regclass,
           CASE WHEN p.partmethod = 'n' THEN 'reference'
                ELSE 'distributed by ' || pg_catalog.column_to_column_name(p.logicalrelid, p.partkey) END
      FROM pg_dist_partition p
      JOIN pg_class c ON c.oid = p.logicalrelid
     WHERE c.relnamespace = 'crm_contract'::regnamespace
     ORDER BY p.partmethod DESC, c.relname;
END $$;
COMMENT ON FUNCTION crm_contract.distribute() IS
  'on a Citus coordinator, as the owner: makes the calendars, LPR and tenant memberships reference tables and distributes every tenant table by tenant, colocated with contract (0A000 without Citus); returns each table and how it is distributed';
REVOKE EXECUTE ON FUNCTION crm_contract.distribute() FROM PUBLIC;
