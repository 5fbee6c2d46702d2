-- Security audit of the installed extension (the placement and SECURITY DEFINER /
-- search_path checks are in extension.sql): privileges of PUBLIC, what the
-- install and upgrade scripts contain, where every object lives.
BEGIN;
SELECT plan(17);

CREATE TEMP VIEW ext_functions AS
SELECT p.oid, p.oid::regprocedure::text AS signature, p.proname, p.prorettype
  FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract';

SELECT is_empty($$
  SELECT signature FROM ext_functions
   WHERE proname IN ('copy_calendar', 'recompute_due_dates', 'sla_recompute', 'sla_sweep')
     AND has_function_privilege('public', oid, 'EXECUTE') $$,
  'PUBLIC cannot execute the administrative functions (copy_calendar, recompute_due_dates, sla_recompute, sla_sweep)');
SELECT is_empty($$
  SELECT signature FROM ext_functions
   WHERE prorettype = 'trigger'::regtype AND proname <> 'sla_deadlines'
     AND has_function_privilege('public', oid, 'EXECUTE') $$,
  'PUBLIC cannot execute the extension''s internal trigger functions');
SELECT ok(has_function_privilege('public', 'crm_contract.sla_deadlines()', 'EXECUTE'),
  'sla_deadlines() stays executable: users attach it to their ticket tables');
SELECT is((SELECT count(*)::int FROM ext_functions WHERE has_function_privilege('public', oid, 'EXECUTE')
            AND proname IN ('due', 'add_working_days', 'penalty', 'late_fee', 'contract_statement', 'sla_report')), 9,
  'the computing functions stay executable by PUBLIC (due four times: date or timestamptz, with or without a convention; add_working_days, penalty, late_fee, contract_statement, sla_report)');

SELECT is_empty($$
  SELECT c.oid::regclass::text || ' ' || p.privilege_type
    FROM pg_class c
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
    CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) p
   WHERE p.grantee = 0 AND p.privilege_type NOT IN ('SELECT') $$,
  'PUBLIC holds no privilege on any extension table or view beyond SELECT');

SELECT is_empty($$
  SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE d.deptype = 'e' AND d.classid = 'pg_proc'::regclass
     AND (SELECT pronamespace FROM pg_proc WHERE oid = d.objid) <> 'crm_contract'::regnamespace
  UNION ALL
  SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass
     AND (SELECT relnamespace FROM pg_class WHERE oid = d.objid) <> 'crm_contract'::regnamespace
  UNION ALL
  SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE d.deptype = 'e' AND d.classid = 'pg_type'::regclass
     AND (SELECT typnamespace FROM pg_type WHERE oid = d.objid) <> 'crm_contract'::regnamespace $$,
  'every function, relation and type of the extension is in schema crm_contract');

-- the installed scripts, read from the share directory
CREATE TEMP TABLE scripts AS
SELECT f AS file, pg_read_file(s.dir || '/' || f) AS body
  FROM (SELECT setting AS dir FROM pg_config WHERE name = 'SHAREDIR') d0,
       LATERAL (SELECT d0.dir || '/extension' AS dir) s,
       LATERAL pg_ls_dir(s.dir) f
 WHERE f LIKE 'crm_contract--%.sql';
SELECT ok((SELECT count(*) FROM scripts) >= 3, 'the install scripts of 0.1 and 0.2 and the upgrade script are installed');
SELECT is_empty($$
  SELECT file FROM scripts WHERE body ~* 'security\s+definer'
  UNION ALL
  SELECT file FROM scripts WHERE file !~ '--.*--' AND body ~* 'create\s+or\s+replace' $$,
  'no script says SECURITY DEFINER, no install script says CREATE OR REPLACE');
-- an upgrade script may replace only functions that are already members of the extension
SELECT is_empty($$
  SELECT s.file || ': ' || m[1] FROM scripts s, LATERAL regexp_matches(s.body, 'create\s+or\s+replace\s+(\S+\s+\S+?)\(', 'gi') m
   WHERE s.file ~ '--.*--'
     AND (lower(m[1]) !~ '^function crm_contract\.'
          OR NOT EXISTS (SELECT 1 FROM ext_functions f WHERE 'function crm_contract.' || f.proname = lower(m[1]))) $$,
  'upgrade scripts CREATE OR REPLACE only the extension''s own functions');

-- a role with no grants is refused, with the SQLSTATE of a privilege error
CREATE ROLE crm_sec_nobody;
SET ROLE crm_sec_nobody;
SELECT throws_ok($$SELECT crm_contract.copy_calendar('CN', 'stolen')$$, '42501', NULL,
  'a role without the grant cannot copy calendars');
RESET ROLE;

-- The SLA log: only the extension writes it.
SELECT is_empty($$
  SELECT p.grantee::regrole::text || ' ' || p.privilege_type
    FROM pg_class c CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) p
   WHERE c.oid = 'crm_contract.sla_event'::regclass AND p.grantee <> c.relowner $$,
  'nobody but its owner holds a privilege on crm_contract.sla_event (not even SELECT: readers are granted it)');
SELECT is((SELECT string_agg(t.tgname || ' ' || p.proname, ', ' ORDER BY t.tgname) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE t.tgrelid = 'crm_contract.sla_event'::regclass AND NOT t.tgisinternal),
          'sla_event_append_only sla_event_append_only, sla_event_guard sla_event_guard, sla_event_no_truncate sla_event_append_only',
  'sla_event is guarded on INSERT and append-only on UPDATE, DELETE and TRUNCATE');
INSERT INTO crm_contract.tenant_member VALUES ('crm_sec_desk', 'S'), (current_user, 'S');
CREATE ROLE crm_sec_desk;
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('SEC', 'maintenance_support', 'security', 'c', 'v', 1000.00, '2026-01-05', 'active');
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target)
SELECT id, 'P1', 'response', '2 working hours' FROM crm_contract.contract WHERE code = 'SEC';
CREATE TABLE public.sec_tap_ticket (id bigserial PRIMARY KEY, contract_id bigint, priority text, status text DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, response_due timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.sec_tap_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.sec_tap_ticket TO crm_sec_desk;
GRANT USAGE ON SEQUENCE public.sec_tap_ticket_id_seq TO crm_sec_desk;
GRANT SELECT ON crm_contract.contract, crm_contract.sla_target TO crm_sec_desk;
SET ROLE crm_sec_desk;
SELECT lives_ok($$INSERT INTO public.sec_tap_ticket (contract_id, priority, opened_at)
                  SELECT id, 'P1', '2026-10-09 09:00+08' FROM crm_contract.contract WHERE code = 'SEC';
                  UPDATE public.sec_tap_ticket SET status = 'pending', updated_at = '2026-10-09 09:30+08'$$,
  'a ticket writer with no privilege on the log writes tickets whose changes are logged');
RESET ROLE;
SELECT is((SELECT string_agg(kind::text, ',' ORDER BY id) FROM crm_contract.sla_event WHERE ticket_table = 'public.sec_tap_ticket'),
          'started,paused', '... by the trigger, as the log''s owner');
GRANT SELECT, INSERT ON crm_contract.sla_event TO crm_sec_desk;   -- what 0.2's README told administrators to grant
SET ROLE crm_sec_desk;
SELECT throws_ok($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                   VALUES ('S', 'public.sec_tap_ticket', '1', 1, 'breached', '2026-10-09 10:00+08')$$, '42501',
  'crm_contract.sla_event is written only by the SLA trigger and sweeps: INSERT refused',
  'a ticket writer granted INSERT on the log still cannot write an event');
RESET ROLE;
SELECT throws_ok($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                   VALUES ('S', 'public.sec_tap_ticket', '1', 1, 'breached', '2026-10-09 10:00+08')$$, '42501', NULL,
  'nor can a superuser, outside a restore');
SET LOCAL check_function_bodies = off;
SELECT lives_ok($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                  VALUES ('S', 'public.sec_tap_ticket', '1', 1, 'breached', '2026-10-09 10:00+08')$$,
  'a restore (check_function_bodies off, as pg_restore sets it) by the owner loads events as dumped');

SELECT * FROM finish();
ROLLBACK;
