-- What only a cluster has (tools/citus-suite.sh, after the scenario, in the Citus database).
\set ON_ERROR_STOP off
\set SHOW_CONTEXT never
SET client_min_messages = warning;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';

-- A calendar edit reaches the caches of the workers' sessions: alice's worker session
-- compiled CN_acme for ticket 20; after 10/16 is made a holiday, ticket 21, opened at the
-- same instant in the same session, is due on the next working day.
SET ROLE alice;
INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (20, 1, 'P1', '2026-10-15 17:00+08');
RESET ROLE;
INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name) VALUES ('CN_acme', '2026-10-16', 'holiday', 'acme day 2');
SET ROLE alice;
INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (21, 1, 'P1', '2026-10-15 17:00+08');
SELECT id, response_due FROM public.ticket WHERE id IN (20, 21) ORDER BY id;
RESET ROLE;

-- Unsupported setups are refused with 0A000, naming them: a distributed ticket table
-- whose trigger has no role tenant, at its first write and at a sweep.
CREATE TABLE public.untenanted (
  tenant text NOT NULL, id bigint NOT NULL, contract_id bigint, priority text, opened_at timestamptz,
  response_due timestamptz, sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant, id));
SELECT count(*) AS distributed FROM (SELECT create_distributed_table('public.untenanted', 'tenant', colocate_with => 'crm_contract.contract')) x;
SET citus.enable_unsafe_triggers = on;
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.untenanted FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.untenanted (tenant, id, contract_id, priority, opened_at) VALUES ('acme', 1, 1, 'P1', '2026-10-09 10:00+08');
\echo :LAST_ERROR_SQLSTATE
SELECT crm_contract.sla_sweep('public.untenanted', '2026-10-12 12:00+08');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS untenanted_rows FROM public.untenanted;

-- Cached plans: PL/pgSQL plans its queries generically after five calls in a session;
-- Citus must still run them (the triggers on the shards, the statement, recompute).
SET ROLE alice;
SELECT count(*) AS statements FROM generate_series(1, 8) g, LATERAL crm_contract.contract_statement(1, '2026-10-31') s WHERE s.kind = 'total';
DO $$
BEGIN
  FOR i IN 1..8 LOOP
    INSERT INTO crm_contract.milestone (contract_id, name, anchor, anchor_milestone, within)
    VALUES (1, 'step ' || i, 'milestone', 'project start', (i || ' working days')::crm_contract.term);
    UPDATE crm_contract.milestone SET within = ((i + 1) || ' working days')::crm_contract.term WHERE contract_id = 1 AND name = 'step ' || i;
  END LOOP;
END $$;
SELECT count(*) AS steps, min(due_on), max(due_on) FROM crm_contract.milestone WHERE name LIKE 'step %';
RESET ROLE;
DO $$
DECLARE
  n bigint := 0;
BEGIN
  FOR i IN 1..8 LOOP
    n := n + crm_contract.recompute_due_dates('CN');
  END LOOP;
  RAISE WARNING 'recompute_due_dates 8 times in one session: % rows', n;
END $$;

-- Loading a year's notice: refused on Citus (its lock with the writers holds on one node)
\set notice `cat test/notices/2027-synthetic.txt`
SELECT count(*) FROM crm_contract.load_holiday_notice('CN', :'notice');
\echo :LAST_ERROR_SQLSTATE
