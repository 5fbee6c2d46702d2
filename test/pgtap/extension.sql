-- The extension as a whole: placement, security properties, documentation,
-- privileges, and the SQLSTATE of every kind of bad input.
BEGIN;
SELECT plan(45);

-- Placement
SELECT has_schema('crm_contract');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'crm_contract'), false, 'not relocatable');
SELECT is((SELECT n.nspname::text FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'crm_contract'), 'crm_contract', 'installed in its own schema');
SELECT has_type('crm_contract', 'term', 'type term');
SELECT has_type('crm_contract', 'day_kind', 'enum day_kind');
SELECT has_table('crm_contract', 'calendar', 'table calendar');
SELECT has_table('crm_contract', 'calendar_hours', 'table calendar_hours');
SELECT has_table('crm_contract', 'calendar_exception', 'table calendar_exception');
SELECT has_table('crm_contract', 'calendar_exception_hours', 'table calendar_exception_hours');

-- The fixed public functions, their signatures and volatility
SELECT function_returns('crm_contract', 'is_working_day', ARRAY['date', 'text'], 'boolean');
SELECT function_returns('crm_contract', 'add_working_days', ARRAY['date', 'integer', 'text'], 'date');
SELECT function_returns('crm_contract', 'working_days_between', ARRAY['date', 'date', 'text'], 'integer');
SELECT function_returns('crm_contract', 'add_working_time', ARRAY['timestamp with time zone', 'interval', 'text'], 'timestamp with time zone');
SELECT function_returns('crm_contract', 'working_time_between', ARRAY['timestamp with time zone', 'timestamp with time zone', 'text'], 'interval');
SELECT function_returns('crm_contract', 'due', ARRAY['timestamp with time zone', 'crm_contract.term', 'text'], 'timestamp with time zone');
SELECT function_returns('crm_contract', 'due', ARRAY['date', 'crm_contract.term', 'text'], 'date');
SELECT volatility_is('crm_contract', 'add_working_days', ARRAY['date', 'integer', 'text'], 'stable');
SELECT volatility_is('crm_contract', 'term_in', ARRAY['cstring'], 'immutable');
SELECT is(crm_contract.add_working_days('2026-09-25', 10), '2026-10-15'::date, 'the calendar defaults to CN');

-- Security properties of an extension
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE p.prosecdef $$, 'no function is SECURITY DEFINER');
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
    JOIN pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql')
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE NOT coalesce(p.proconfig::text[] @> ARRAY['search_path=pg_catalog, pg_temp'], false) $$,
  'every SQL and PL/pgSQL function pins search_path');
SELECT is_empty($$
  SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'crm_contract'
   WHERE d.deptype = 'e' AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_class'::regclass, 'pg_operator'::regclass)
     AND obj_description(d.objid, d.classid::regclass::name) IS NULL
     AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND (t.typelem <> 0 OR t.typrelid <> 0)))
     AND NOT (d.classid = 'pg_class'::regclass AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = d.objid AND c.relkind <> 'r')) $$,
  'every function, type, operator and table has a comment (\dx+ explains the extension)');
SELECT set_eq($$
  SELECT c.relname::text, x.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x (oid, cond)
    JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'crm_contract' AND c.relname LIKE 'calendar%' $$,
  $$ VALUES ('calendar', 'WHERE NOT builtin'), ('calendar_hours', 'WHERE NOT builtin'),
            ('calendar_exception', 'WHERE NOT builtin'), ('calendar_exception_hours', 'WHERE NOT builtin'),
            ('calendar_forecast', 'WHERE NOT builtin') $$,
  'pg_dump keeps users'' calendar rows, not shipped ones');
SELECT set_eq($$
  SELECT c.relname::text FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x (oid, cond)
    JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'crm_contract' AND c.relname NOT LIKE 'calendar%' AND x.cond = '' $$,
  $$ SELECT unnest(ARRAY['tenant_member', 'contract', 'party', 'clause', 'milestone', 'installment', 'installment_due',
                         'payment', 'change_request', 'contract_id_seq', 'party_id_seq', 'clause_id_seq', 'milestone_id_seq',
                         'installment_id_seq', 'installment_due_id_seq', 'payment_id_seq', 'change_request_id_seq',
                         'force_majeure', 'force_majeure_id_seq', 'sla_target', 'sla_target_id_seq', 'sla_event', 'sla_event_id_seq']) $$,
  'pg_dump keeps every contract row and the identity sequences');

-- An ordinary role computes with calendars but cannot edit them.
CREATE ROLE crm_tap_reader;
SET ROLE crm_tap_reader;
SELECT is(crm_contract.add_working_days('2026-09-30', 1), '2026-10-08'::date, 'an ordinary role can compute on CN');
SELECT is(crm_contract.due(date '2025-09-26', '10个工作日'), '2025-10-16'::date, 'an ordinary role can use due()');
SELECT throws_ok($$INSERT INTO crm_contract.calendar (name, time_zone) VALUES ('x', 'UTC')$$, '42501', NULL,
  'an ordinary role cannot add calendars');
SELECT throws_ok($$DELETE FROM crm_contract.calendar_exception WHERE calendar = 'CN'$$, '42501', NULL,
  'an ordinary role cannot delete holidays');
RESET ROLE;

-- Every kind of bad input has its explicit SQLSTATE (never XX000).
SELECT throws_ok($$SELECT 'ten days'::crm_contract.term$$, '22P02', NULL, 'term syntax: 22P02');
SELECT throws_ok($$SELECT '-5 days'::crm_contract.term$$, '22003', NULL, 'negative term: 22003');
SELECT throws_ok($$SELECT '0 days'::crm_contract.term$$, '22003', NULL, 'zero term: 22003');
SELECT throws_ok($$SELECT '2147483648 days'::crm_contract.term$$, '22003', NULL, 'term overflow: 22003');
SELECT throws_ok($$SELECT crm_contract.add_working_days('2026-01-01', 1, 'XX')$$, '42704',
  'calendar "XX" does not exist', 'unknown calendar: 42704');
SELECT throws_ok($$SELECT crm_contract.add_working_days('2026-12-31', 1)$$, '22008',
  'calendar "CN" has no holiday data for 2027', 'beyond the loaded years: 22008');
SELECT throws_ok($$SELECT crm_contract.is_working_day('2003-12-31')$$, '22008',
  'calendar "CN" has no holiday data for 2003', 'before the loaded years: 22008');
SELECT throws_ok($$SELECT crm_contract.add_working_time(now(), '1 day')$$, '22023', NULL, 'a day of working time: 22023');
SELECT throws_ok($$SELECT crm_contract.due(date '2026-01-01', '2 hours')$$, '22023', NULL, 'hours on a date: 22023');
SELECT throws_ok($$SELECT crm_contract.add_working_days('2026-11-20', 2147483647, 'weekdays')$$, '22008', NULL, 'out of the date range: 22008');
SELECT throws_ok($$SELECT crm_contract.working_days_between('2026-01-01', 'infinity')$$, '22008', NULL, 'infinite date: 22008');
SELECT throws_ok($$INSERT INTO crm_contract.calendar (name, time_zone) VALUES ('x', 'Nowhere/Land')$$, '22023', NULL, 'unknown time zone: 22023');
SELECT throws_ok($$INSERT INTO crm_contract.calendar_hours VALUES ('CN', 1, '11:00', '14:00')$$, '22023', NULL, 'overlapping hours: 22023');
SELECT throws_ok($$UPDATE crm_contract.calendar_exception SET name = 'x' WHERE calendar = 'CN' AND day = '2026-10-01'$$, '0A000', NULL, 'shipped rows are read-only: 0A000');
SELECT throws_ok($$SELECT crm_contract.term(5, 'fortnights')$$, '22P02', NULL, 'term(): 22P02');
SELECT throws_ok($$SELECT '1% of everything'::crm_contract.penalty_rule$$, '22P02', NULL, 'penalty_rule syntax: 22P02');
SELECT throws_ok($$SELECT crm_contract.penalty('10000% per day', 92233720368547758, '2026-01-01', '2026-12-31')$$, '22003', NULL,
  'penalty overflow: 22003, never wrapped');

SELECT * FROM finish();
ROLLBACK;
