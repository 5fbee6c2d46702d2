-- crm_contract.distribute() on the coordinator, and what it leaves in the catalogs.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- rows written before the conversion move into the shards as they are (no trigger fires on them)
INSERT INTO crm_contract.contract (id, tenant, code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES (900, 'initech', 'PRE-1', 'service', 'before distribute()', 'c', 'v', 1000.00, '2026-09-25', 'signed');
INSERT INTO crm_contract.milestone (tenant, contract_id, name, within) VALUES ('initech', 900, 'start', '10 working days');
INSERT INTO crm_contract.installment (tenant, contract_id, name, share, within, every, occurrences)
VALUES ('initech', 900, 'fee', 0.1, '5 days', '1 month', 3);
INSERT INTO crm_contract.payment (tenant, installment_due_id, paid_on, amount)
SELECT 'initech', o.id, '2026-10-01', 100.00 FROM crm_contract.installment_due o WHERE o.seq = 1;
CREATE TEMP TABLE before AS
SELECT (SELECT string_agg(m.name || ' ' || m.due_on, ', ') FROM crm_contract.milestone m) AS milestones,
       (SELECT string_agg(o.seq || ' ' || o.due_on || ' ' || o.amount, ', ' ORDER BY o.seq) FROM crm_contract.installment_due o) AS occurrences,
       (SELECT sum(p.amount) FROM crm_contract.payment p) AS paid;
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
-- the rows written before are in the shards, the same
SELECT b.milestones, b.occurrences, b.paid,
       (b.milestones, b.occurrences, b.paid) IS NOT DISTINCT FROM
       ((SELECT string_agg(m.name || ' ' || m.due_on, ', ') FROM crm_contract.milestone m),
        (SELECT string_agg(o.seq || ' ' || o.due_on || ' ' || o.amount, ', ' ORDER BY o.seq) FROM crm_contract.installment_due o),
        (SELECT sum(p.amount) FROM crm_contract.payment p)) AS same_after
  FROM before b;
DELETE FROM crm_contract.payment WHERE tenant = 'initech';
DELETE FROM crm_contract.contract WHERE tenant = 'initech';
SELECT count(*) AS initech_rows FROM crm_contract.installment_due WHERE tenant = 'initech';
-- the workers refuse it
\set ON_ERROR_STOP off
SELECT result ~ '0A000|worker' AS refused_on_workers FROM run_command_on_workers($$SELECT crm_contract.distribute()$$);
