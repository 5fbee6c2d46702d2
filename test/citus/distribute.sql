-- crm_contract.distribute() on the coordinator, and what it leaves in the catalogs.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT * FROM crm_contract.distribute();
-- a second call changes nothing and answers the same
SELECT count(*) AS tables FROM crm_contract.distribute();
-- every distributed table in the colocation group of contract, by tenant
SELECT count(*) AS distributed, count(DISTINCT colocationid) AS colocation_groups
  FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
 WHERE c.relnamespace = 'crm_contract'::regnamespace AND p.partmethod = 'h';
-- the foreign keys are back, as they were, on the coordinator
SELECT conrelid::regclass AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
 WHERE connamespace = 'crm_contract'::regnamespace AND contype = 'f'
   AND conrelid IN (SELECT logicalrelid FROM pg_dist_partition) ORDER BY 1::text, 2;
-- no trigger of the extension is left disabled, on any node (shards included)
SELECT nodeport > 0 AS node, result AS disabled_triggers FROM run_command_on_all_nodes($$
  SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = 'crm_contract'::regnamespace AND NOT t.tgisinternal AND t.tgenabled = 'D'$$) JOIN pg_dist_node USING (nodeid)
 ORDER BY nodeport;
-- every shard of contract has the extension's triggers (and the shipped calendar rows are in the reference table, once)
SELECT count(*) AS calendars FROM crm_contract.calendar;
SELECT count(*) AS cn_days FROM crm_contract.calendar_exception WHERE calendar = 'CN';
-- each node's identities count in a range of its own (2^48 ids per node group)
SELECT nodeport > 0 AS node, result AS own_range FROM run_command_on_all_nodes($$
  SELECT bool_and(pg_catalog.nextval(s::regclass) >> 48 = (SELECT groupid FROM pg_dist_local_group))
    FROM unnest(ARRAY['contract', 'sla_event', 'installment_due', 'payment']) t,
         LATERAL pg_get_serial_sequence('crm_contract.' || t, 'id') s$$) JOIN pg_dist_node USING (nodeid)
 ORDER BY nodeport;
-- the workers refuse it
\set ON_ERROR_STOP off
SELECT result ~ '0A000|worker' AS refused_on_workers FROM run_command_on_workers($$SELECT crm_contract.distribute()$$);
