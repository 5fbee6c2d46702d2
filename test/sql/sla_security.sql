-- Who may write the SLA log (only the extension), what alerts tell other
-- tenants (ids only), and functions given a table they may not touch.  Run as
-- a ticket writer of tenant A (sec_desk_a) and a member of tenant B
-- (sec_member_b), neither a superuser.  Deadlines counted by hand on CN
-- (Mon-Fri 09:00-12:00 and 13:00-18:00; Saturday 2026-10-10 worked).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
-- a statement's SQLSTATE and message, or 'ok'
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE ROLE sec_desk_a;
CREATE ROLE sec_member_b;
INSERT INTO tenant_member VALUES ('sec_desk_a', 'A'), ('sec_member_b', 'B'), (current_user, 'A');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('SEC-A', 'maintenance_support', 'tenant A', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS ca \gset
-- 002: respond within 2 working hours (a breach costs 0.1% of the total: 120.00), resolve within 8
INSERT INTO sla_target (contract_id, priority, metric, target, credit) VALUES
  (:ca, 'P1', 'response', '2 working hours', '0.1% of total once'), (:ca, 'P1', 'resolution', '8 working hours', NULL);
INSERT INTO contract (tenant, code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('B', 'SEC-B', 'maintenance_support', 'tenant B', 'c', 'v', 1000.00, '2026-01-05', 'active') RETURNING id AS cb \gset
INSERT INTO sla_target (tenant, contract_id, priority, metric, target, calendar) VALUES ('B', :cb, 'P1', 'response', '1 hour', '24x7');

-- A ticket table both tenants write; the writers get what their job needs and nothing on the log.
CREATE TABLE public.sec_ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON public.sec_ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.sec_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.sec_ticket TO sec_desk_a, sec_member_b;
GRANT USAGE ON SEQUENCE public.sec_ticket_id_seq TO sec_desk_a, sec_member_b;
GRANT SELECT ON contract, sla_target TO sec_desk_a, sec_member_b;
SELECT r AS role, has_table_privilege(r, 'crm_contract.sla_event', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS any_privilege_on_the_log
  FROM unnest(ARRAY['sec_desk_a', 'sec_member_b']) r;

-- 1. Writing tickets needs no privilege on the log: the trigger writes it, as the log's owner.
-- P1 opened Fri 10-09 09:00: response 11:00, resolution 18:00; paused 09:30-10:30 (1 working
-- hour): response 12:00, resolution Sat 10-10 10:00.
SET ROLE sec_desk_a;
INSERT INTO public.sec_ticket (contract_id, priority, opened_at) VALUES (:ca, 'P1', '2026-10-09 09:00+08') RETURNING id;
UPDATE public.sec_ticket SET status = 'waiting_customer', updated_at = '2026-10-09 09:30+08' WHERE id = 1;
UPDATE public.sec_ticket SET status = 'open', updated_at = '2026-10-09 10:30+08' WHERE id = 1;
SELECT response_due, resolve_due FROM public.sec_ticket WHERE id = 1;
SELECT pg_temp.try('SELECT count(*) FROM crm_contract.sla_event') AS reading_the_log;
RESET ROLE;
SELECT tenant, ticket_table, ticket, kind, at, detail FROM sla_event WHERE ticket_table = 'public.sec_ticket' ORDER BY id;

-- 2. Nobody else writes it, whatever the grants: 0.2's README had ticket writers granted INSERT.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON crm_contract.sla_event TO sec_desk_a;
SET ROLE sec_desk_a;
-- a forged breach (it would be billed), a forged pause (it would move deadlines at the next
-- recomputation), one at infinity (it would stop every later sweep), one in tenant B
SELECT pg_temp.try(format($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, priority, kind, metric, at)
                            VALUES ('A', 'public.sec_ticket', '1', %s, 'P1', 'breached', 'response', '2026-10-09 10:00+08')$$, :ca)) AS forged_breach;
SELECT pg_temp.try(format($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                            VALUES ('A', 'public.sec_ticket', '1', %s, 'paused', 'infinity')$$, :ca)) AS forged_pause;
SELECT pg_temp.try(format($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                            VALUES ('B', 'public.sec_ticket', '2', %s, 'breached', now())$$, :cb)) AS forged_for_b;
-- the restore path is for the log's owner only
SET check_function_bodies = off;
SELECT pg_temp.try(format($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                            VALUES ('A', 'public.sec_ticket', '1', %s, 'paused', now())$$, :ca)) AS forged_while_restoring;
RESET check_function_bodies;
SELECT pg_temp.try('UPDATE crm_contract.sla_event SET at = ''infinity''') AS changed;
SELECT pg_temp.try('DELETE FROM crm_contract.sla_event') AS suppressed;
SELECT pg_temp.try('TRUNCATE crm_contract.sla_event') AS truncated;
-- not even a superuser's COPY, outside a restore
RESET ROLE;
COPY sla_event (tenant, ticket_table, ticket, contract_id, kind, at) FROM STDIN;
A	public.sec_ticket	1	1	breached	2026-10-09 10:00+08
\.
-- a trigger of the ticket table's own writing in the same statement as the SLA trigger's is refused
-- too, and with it the whole statement: the response is not recorded
RESET ROLE;
CREATE FUNCTION public.sec_forge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, metric, at)
  VALUES ('A', 'public.sec_ticket', NEW.id::text, NEW.contract_id, 'breached', 'resolution', NEW.updated_at);
  RETURN NEW;
END $$;
CREATE TRIGGER zz_forge BEFORE UPDATE ON public.sec_ticket FOR EACH ROW EXECUTE FUNCTION public.sec_forge();
SET ROLE sec_desk_a;
SELECT pg_temp.try($$UPDATE public.sec_ticket SET first_response_at = '2026-10-09 11:00+08' WHERE id = 1$$) AS forged_in_the_same_statement;
SELECT first_response_at FROM public.sec_ticket WHERE id = 1;
RESET ROLE;
DROP TRIGGER zz_forge ON public.sec_ticket;
-- the log holds what the trigger wrote, nothing more: a recomputation finds every deadline right
SELECT count(*) AS events FROM sla_event WHERE ticket_table = 'public.sec_ticket';
SELECT sla_recompute('public.sec_ticket') AS deadlines_changed;
-- a real breach, billed once: a sweep at 13:00 finds the response (due 12:00) late
-- (the pause moved the response's 50% to 11:00: 09:00-09:30 and 10:30-11:00; 75% to 11:30): 3 marks
SELECT sla_sweep('public.sec_ticket', '2026-10-09 13:00+08') AS marked;
SELECT kind, obligation, accrued FROM contract_statement(:ca, '2026-10-31') WHERE kind IN ('sla_credit', 'total');

-- 3. Alerts carry ids only (test/isolation/specs/sla_sweep_race.spec shows the payloads): a member of
-- B that reads an event of A by its id finds nothing.
SELECT id AS a_breach FROM sla_event WHERE ticket_table = 'public.sec_ticket' AND kind = 'breached' \gset
GRANT SELECT ON crm_contract.sla_event TO sec_member_b;
GRANT EXECUTE ON FUNCTION sla_sweep(regclass, timestamptz), sla_recompute(regclass) TO sec_member_b;
SET ROLE sec_member_b;
SELECT count(*) AS what_b_reads_of_the_alert FROM crm_contract.sla_event WHERE id = :a_breach;
-- B's own ticket on B's contract: its events are B's (7×24, 1 hour: due 10:00)
INSERT INTO public.sec_ticket (contract_id, priority, opened_at) VALUES (:cb, 'P1', '2026-10-09 09:00+08') RETURNING id, response_due;
UPDATE public.sec_ticket SET first_response_at = '2026-10-09 09:40+08' WHERE contract_id = :cb;
SELECT kind, metric, at FROM sla_history('public.sec_ticket', '2');
-- B may write the shared table, but not A's clock: a change of A's ticket is refused, and B's sweep
-- leaves A's tickets to A (ticket 1 still due to warn at 15:00, its resolution's 50%)
SELECT pg_temp.try($$UPDATE public.sec_ticket SET first_response_at = '2026-10-09 13:10+08' WHERE id = 1$$) AS changing_a_ticket_of_a;
SELECT sla_sweep('public.sec_ticket', '2026-10-09 17:00+08') AS marked_by_b;
RESET ROLE;
SELECT sla_next_alert, sla_alerts FROM public.sec_ticket WHERE id = 1;
SET ROLE sec_member_b;
-- a ticket of B on A's contract: the targets are hidden by row-level security, and the notice says so
INSERT INTO public.sec_ticket (contract_id, priority, opened_at) VALUES (:ca, 'P1', '2026-10-09 09:00+08');
SELECT response_due, resolve_due FROM public.sec_ticket WHERE id = 3;
RESET ROLE;

-- 4. A key too long for the log is refused on the row, and the table's sweeps go on.
CREATE TABLE public.sec_keyed (
  ref text PRIMARY KEY, contract_id bigint, priority text, opened_at timestamptz,
  response_due timestamptz, sla_next_alert timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.sec_keyed FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref');
GRANT SELECT, INSERT, UPDATE ON public.sec_keyed TO sec_desk_a;
SET ROLE sec_desk_a;
SELECT pg_temp.try(format($$INSERT INTO public.sec_keyed VALUES (%L, %s, 'P1', '2026-10-09 09:00+08')$$, repeat('k', 9000), :ca)) AS long_key;
INSERT INTO public.sec_keyed (ref, contract_id, priority, opened_at) VALUES ('INC-1', :ca, 'P1', '2026-10-09 09:00+08');
SELECT pg_temp.try($$UPDATE public.sec_keyed SET ref = repeat('k', 300) WHERE ref = 'INC-1'$$) AS renamed_too_long;
RESET ROLE;
-- a key written before 0.3 refused long ones (here: with the trigger off) is warned about, not swept
ALTER TABLE public.sec_keyed DISABLE TRIGGER sla;
INSERT INTO public.sec_keyed VALUES (repeat('k', 9000), :ca, 'P1', '2026-10-09 09:00+08', '2026-10-09 11:00+08', '2026-10-09 10:00+08', 0);
ALTER TABLE public.sec_keyed ENABLE TRIGGER sla;
\set VERBOSITY terse
SELECT sla_sweep('public.sec_keyed', '2026-10-09 11:30+08') AS marked;   -- INC-1: 50% 10:00, 75% 10:30, breach 11:00
\set VERBOSITY default
SELECT left(ref, 8) AS ref, sla_next_alert FROM public.sec_keyed ORDER BY ref;

-- 5. Functions given a table: a dangling OID is 42P01; a role without the privilege is refused
-- before anything is locked (test/isolation/specs/sla_forged_insert.spec waits on no lock).
CREATE TABLE public.sec_private (id bigint, contract_id bigint, priority text, opened_at timestamptz,
  response_due timestamptz, sla_next_alert timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.sec_private FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
SET ROLE sec_member_b;
SELECT f, pg_temp.try(format(q, '4294967295::oid::regclass')) AS dangling_oid, pg_temp.try(format(q, '''public.sec_private''')) AS no_privilege
  FROM (VALUES ('sla_columns', 'SELECT * FROM crm_contract.sla_columns(%s)'),
               ('sla_history', 'SELECT * FROM crm_contract.sla_history(%s, ''1'')'),
               ('sla_report', 'SELECT * FROM crm_contract.sla_report(%s)'),
               ('sla_working_time', 'SELECT crm_contract.sla_working_time(%s, ''1'', ''CN'', now(), now())'),
               ('sla_ticket_table', 'SELECT crm_contract.sla_ticket_table(%s)'),
               ('sla_sweep', 'SELECT crm_contract.sla_sweep(%s)'),
               ('sla_recompute', 'SELECT crm_contract.sla_recompute(%s)')) v (f, q);
-- a sweep records what has passed: never ahead of the clock
SELECT pg_temp.try($$SELECT crm_contract.sla_sweep('public.sec_ticket', '2099-01-01 00:00+08')$$) AS sweep_ahead;
RESET ROLE;
-- a rule would rewrite the UPDATE a sweep drives the trigger with
CREATE TABLE public.sec_ruled (LIKE public.sec_keyed);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.sec_ruled FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref');
CREATE RULE sec_ruled_quiet AS ON UPDATE TO public.sec_ruled DO INSTEAD NOTHING;
SELECT pg_temp.try($$SELECT crm_contract.sla_sweep('public.sec_ruled')$$) AS sweep_through_a_rule,
       pg_temp.try($$SELECT crm_contract.sla_recompute('public.sec_ruled')$$) AS recompute_through_a_rule;

DROP TABLE public.sec_ticket, public.sec_keyed, public.sec_private, public.sec_ruled;
DROP FUNCTION public.sec_forge();
REVOKE ALL ON contract, sla_target, sla_event FROM sec_desk_a, sec_member_b;
REVOKE ALL ON FUNCTION sla_sweep(regclass, timestamptz), sla_recompute(regclass) FROM sec_member_b;
DROP ROLE sec_desk_a, sec_member_b;
DELETE FROM contract;
DELETE FROM tenant_member;
