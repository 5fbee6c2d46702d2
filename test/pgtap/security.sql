-- Security audit of the installed extension (the placement and SECURITY DEFINER /
-- search_path checks are in extension.sql): privileges of PUBLIC, what the
-- install and upgrade scripts contain, where every object lives.
BEGIN;
SELECT plan(10);

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

SELECT * FROM finish();
ROLLBACK;
