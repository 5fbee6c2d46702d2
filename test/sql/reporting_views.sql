-- The views for reporting tools: obligations_accrued, sla_ticket_tables,
-- sla_compliance, sla_credits and sla_at_risk, read by tenant roles under
-- row-level security (rep_bi_a of tenant RA, rep_bi_b of tenant RB, neither a
-- superuser), with "today" pinned by SET LOCAL crm_contract.today.  Every
-- value is counted by hand below on CN (Mon-Fri 09:00-12:00 and 13:00-18:00 at
-- +08; Saturday 2026-10-10 worked; 2026-10-08 a Thursday, 10-09 a Friday) and
-- 24x7.  Earlier tests' events stay in the append-only log: the superuser's
-- queries name this test's tables.
SET search_path = public, crm_contract;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

CREATE ROLE rep_bi_a;
CREATE ROLE rep_bi_b;
INSERT INTO crm_contract.tenant_member VALUES ('rep_bi_a', 'RA'), ('rep_bi_b', 'RB'), (current_user, 'RA');
-- what a reporting role reads: every tenant table (row-level security shows its own rows), the log, the ticket tables
GRANT SELECT ON crm_contract.contract, crm_contract.party, crm_contract.clause, crm_contract.milestone,
  crm_contract.installment, crm_contract.installment_due, crm_contract.payment, crm_contract.change_request,
  crm_contract.force_majeure, crm_contract.sla_target, crm_contract.sla_event TO rep_bi_a, rep_bi_b;

-- 1. crm_contract.today(): CURRENT_DATE unless pinned
SELECT crm_contract.today() = CURRENT_DATE AS unpinned_is_current_date;
BEGIN;
SET LOCAL crm_contract.today = '2026-03-12';
SELECT crm_contract.today() AS pinned;
COMMIT;
SELECT crm_contract.today() = CURRENT_DATE AS unpinned_after_the_transaction;
SELECT pg_temp.try($$SET LOCAL crm_contract.today = 'infinity'; SELECT crm_contract.today()$$) AS infinite_today;

-- 2. obligations_accrued.  REP-O (tenant RA), 100,000.00: delivery due on 2026-03-02 (a Monday),
-- 0.1% of the total per day late (a vendor's delay: 100.00 a day); an advance of 20,000.00 due the same
-- day, 0.05% a day of what is unpaid (the client's), 5,000.00 paid on 03-07.
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('REP-O', 'development', 'obligations', '甲方', '乙方', 100000.00, '2026-01-05', 'active') RETURNING id AS co \gset
INSERT INTO crm_contract.clause (contract_id, kind, ref, rule, obligor) VALUES
  (:co, 'delay_penalty', '9.1', '0.1% of total per day', 'vendor'),
  (:co, 'late_fee', '9.3', '0.05% of overdue per day', 'client');
INSERT INTO crm_contract.milestone (contract_id, name, anchor, anchor_date) VALUES (:co, 'delivery', 'date', '2026-03-02');
INSERT INTO crm_contract.installment (contract_id, name, amount, anchor, anchor_date) VALUES (:co, 'advance', 20000.00, 'date', '2026-03-02');
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-03-07', 5000.00 FROM crm_contract.installment_due o JOIN crm_contract.installment i ON i.id = o.installment_id
 WHERE i.contract_id = :co;
-- As of 2026-03-12: late 3/3..3/12, 10 days.  delivery: 10 x 100.00 = 1,000.00.  advance: 3/3..3/7 on
-- 20,000.00 (a payment counts from the next day), 5 x 10.00 = 50.00, then 3/8..3/12 on 15,000.00,
-- 5 x 7.50 = 37.50: 87.50, with 15,000.00 open.
SET ROLE rep_bi_a;
BEGIN;
SET LOCAL crm_contract.today = '2026-03-12';
SELECT kind, obligation, clause_ref, due_on, days_late, amount_open, rule, accrued, obligor
  FROM crm_contract.obligations_accrued WHERE contract_code = 'REP-O' ORDER BY kind, obligation;
SELECT kind, days_left, days_late FROM crm_contract.obligations WHERE contract_code = 'REP-O' ORDER BY kind;   -- -10 and 10
COMMIT;
-- as of the due day itself: nothing late, nothing accrued
BEGIN;
SET LOCAL crm_contract.today = '2026-03-02';
SELECT kind, days_late, accrued FROM crm_contract.obligations_accrued WHERE contract_code = 'REP-O' ORDER BY kind;
COMMIT;
RESET ROLE;
-- another tenant sees none of it
SET ROLE rep_bi_b;
SELECT count(*) AS tenant_b_sees FROM crm_contract.obligations_accrued WHERE contract_code = 'REP-O';
RESET ROLE;

-- 3. SLA.  REP-A (tenant RA), 120,000.00, with a fee of 10,000.00 due 2026-10-15: P1 responds in 2 working
-- hours (a breach credits 0.5% of the month's fee, 50.00) and resolves in 8 (0.1% of the total, 120.00);
-- P2 in 4 and 16, no credit.  REP-B (tenant RB): P1 responds in 1 hour on 24x7.
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('REP-A', 'maintenance_support', 'SLA', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS ca \gset
INSERT INTO crm_contract.installment (contract_id, name, amount, anchor, anchor_date) VALUES (:ca, 'October fee', 10000.00, 'date', '2026-10-15');
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar, credit) VALUES
  (:ca, 'P1', 'response', '2 working hours', NULL, '0.5% of overdue once'),
  (:ca, 'P1', 'resolution', '8 working hours', NULL, '0.1% of total once'),
  (:ca, 'P2', 'response', '4 working hours', NULL, NULL),
  (:ca, 'P2', 'resolution', '16 working hours', NULL, NULL);
INSERT INTO crm_contract.contract (tenant, code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('RB', 'REP-B', 'maintenance_support', 'SLA of B', 'c', 'v', 1000.00, '2026-01-05', 'active') RETURNING id AS cb \gset
INSERT INTO crm_contract.sla_target (tenant, contract_id, priority, metric, target, calendar) VALUES ('RB', :cb, 'P1', 'response', '1 hour', '24x7');

-- three ticket tables: the default names (shared by both tenants), other names, and arguments that do not fit
CREATE TABLE public.rep_ticket (
  id bigserial PRIMARY KEY, contract_id bigint NOT NULL, priority text NOT NULL, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.rep_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE TABLE public.rep_ticket2 (
  ref text PRIMARY KEY, agreement bigint NOT NULL, priority text NOT NULL, status text NOT NULL DEFAULT 'open',
  created timestamptz NOT NULL, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.rep_ticket2 FOR EACH ROW
  EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref', 'contract=agreement', 'opened=created');
CREATE TABLE public.rep_broken (LIKE public.rep_ticket);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.rep_broken FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('frobnicate=x');
CREATE TABLE public.rep_hidden (LIKE public.rep_ticket);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.rep_hidden FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT ON public.rep_ticket, public.rep_ticket2, public.rep_broken TO rep_bi_a, rep_bi_b;

-- sla_ticket_tables: the tables the role reads (not rep_hidden), the trigger's arguments as written, each
-- role's column (the default names where no argument maps it; no progressed: no last_update_at), or the
-- error of an unknown role (22023)
SET ROLE rep_bi_a;
SELECT ticket_table, table_name, trigger_name, partitioned, enabled, arguments FROM crm_contract.sla_ticket_tables
 WHERE table_name LIKE 'rep\_%' ORDER BY table_name;
SELECT table_name, id_column, contract_column, priority_column, opened_column, status_column, paused_statuses,
       changed_column, responded_column, resolved_column, progressed_column, update_due_column, alerts_column,
       left(mapping_error, 5) AS error
  FROM crm_contract.sla_ticket_tables WHERE table_name LIKE 'rep\_%' ORDER BY table_name;
RESET ROLE;
SELECT count(*) AS superuser_sees_rep_hidden FROM crm_contract.sla_ticket_tables WHERE table_name = 'rep_hidden';
DROP TABLE public.rep_broken, public.rep_hidden;

-- The tickets (REP-A P1 unless said), in public.rep_ticket:
-- 1: opened Fri 10-09 09:00, response due 11:00, resolution 18:00 (09-12, 13-18).  Answered 10:30 (90
--    working minutes), resolved 17:00 (420 minutes): met.  Its warnings (response 50% at 10:00,
--    resolution 50% at 14:00 and 75% at 16:00) came before and do not make it at risk.
-- 2: opened Fri 09:00, answered 11:30 (150 minutes, after 11:00: breached), resolved 16:00 (360 minutes).
-- 3: opened Thu 10-08 09:00, answered 09:30 (30 minutes), never resolved: the resolution due Thu 18:00
--    is breached (found by the sweep of Fri 16:30).
-- 4: opened Fri 15:00, response due 17:00: its 50% (16:00) and 75% (16:30) pass by the sweep of 16:30.
--    Waiting for the customer from 16:40.
-- 5: opened Thu 09:00, answered 09:10 (10 minutes), resolved 14:30 after its resolution's 50% (14:00):
--    met; reopened Fri 10:00: 8 hours from Fri 10:00 (10-12, 13-18: 7 h, Sat 09-10) due Sat 10-10 10:00,
--    its 50% (4 h: 10-12, 13-15) at Fri 15:00 passes by the sweep of 16:30, its 75% (Fri 17:00) not.
-- 6: REP-B, opened Fri 16:00 on 24x7: due 17:00, its 50% at 16:30 passes by the sweep, its 75% (16:45) not.
-- T10 (rep_ticket2): REP-A P2 opened Fri 14:00, response 4 h due 18:00, its 50% at 16:00 passes, 75% (17:00) not.
INSERT INTO public.rep_ticket (contract_id, priority, opened_at) VALUES
  (:ca, 'P1', '2026-10-09 09:00+08'), (:ca, 'P1', '2026-10-09 09:00+08'), (:ca, 'P1', '2026-10-08 09:00+08'),
  (:ca, 'P1', '2026-10-09 15:00+08'), (:ca, 'P1', '2026-10-08 09:00+08'), (:cb, 'P1', '2026-10-09 16:00+08');
UPDATE public.rep_ticket SET first_response_at = '2026-10-09 10:30+08', updated_at = '2026-10-09 10:30+08' WHERE id = 1;
UPDATE public.rep_ticket SET resolved_at = '2026-10-09 17:00+08', updated_at = '2026-10-09 17:00+08' WHERE id = 1;
UPDATE public.rep_ticket SET first_response_at = '2026-10-09 11:30+08', updated_at = '2026-10-09 11:30+08' WHERE id = 2;
UPDATE public.rep_ticket SET resolved_at = '2026-10-09 16:00+08', updated_at = '2026-10-09 16:00+08' WHERE id = 2;
UPDATE public.rep_ticket SET first_response_at = '2026-10-08 09:30+08', updated_at = '2026-10-08 09:30+08' WHERE id = 3;
UPDATE public.rep_ticket SET first_response_at = '2026-10-08 09:10+08', updated_at = '2026-10-08 09:10+08' WHERE id = 5;
UPDATE public.rep_ticket SET resolved_at = '2026-10-08 14:30+08', updated_at = '2026-10-08 14:30+08' WHERE id = 5;
UPDATE public.rep_ticket SET resolved_at = NULL, updated_at = '2026-10-09 10:00+08' WHERE id = 5;
INSERT INTO public.rep_ticket2 (ref, agreement, priority, created) VALUES ('T10', :ca, 'P2', '2026-10-09 14:00+08');
SELECT crm_contract.sla_sweep('public.rep_ticket', '2026-10-09 16:30+08') IS NOT NULL AS swept,
       crm_contract.sla_sweep('public.rep_ticket2', '2026-10-09 16:30+08') IS NOT NULL AS swept2;
UPDATE public.rep_ticket SET status = 'waiting_customer', updated_at = '2026-10-09 16:40+08' WHERE id = 4;

-- sla_at_risk, as tenant RA: 4's response (75%, paused, due 17:00), 5's resolution (50% at Fri 15:00,
-- due Sat 10:00; its first cycle's warning was met) and T10's response (50% at 16:00, due 18:00).
SET ROLE rep_bi_a;
SELECT ticket_table, ticket, contract_code, metric, priority, status, paused, warned_at, warning, due
  FROM crm_contract.sla_at_risk ORDER BY ticket_table, ticket, metric;
RESET ROLE;
-- as tenant RB: 6's response only
SET ROLE rep_bi_b;
SELECT ticket_table, ticket, contract_code, metric, warned_at, warning, due FROM crm_contract.sla_at_risk ORDER BY 1, 2;
RESET ROLE;

-- 4 is answered at 16:50 as it comes back: 10 minutes paused move its deadlines: response 17:10 (met;
-- 15:00-16:40 and 16:50 is 100 minutes), resolution 8 h from Fri 15:00 (15-18, Sat 09-12, 13-15) + 10
-- minutes = Sat 15:10.  A sweep on Sat 10-10 at 10:30: 4's resolution reaches 50% at 10:10 (Fri 15:00-16:40
-- and 16:50-18:00 are 2 h 50, Sat 09:00-10:10 the rest); 5's resolution is breached at 10:00; T10's
-- response at Fri 18:00; 6's at 17:00.
UPDATE public.rep_ticket SET status = 'open', first_response_at = '2026-10-09 16:50+08', updated_at = '2026-10-09 16:50+08' WHERE id = 4;
SELECT crm_contract.sla_sweep('public.rep_ticket', '2026-10-10 10:30+08') IS NOT NULL AS swept,
       crm_contract.sla_sweep('public.rep_ticket2', '2026-10-10 10:30+08') IS NOT NULL AS swept2;
SET ROLE rep_bi_a;
SELECT ticket_table, ticket, metric, status, paused, warned_at, warning, due FROM crm_contract.sla_at_risk ORDER BY 1, 2, 3;
RESET ROLE;
SET ROLE rep_bi_b;
SELECT count(*) AS tenant_b_at_risk FROM crm_contract.sla_at_risk;
RESET ROLE;

-- 5. sla_compliance, per table, contract and month of opening (October 2026, in +08).
-- rep_ticket, REP-A: 5 opened; met 1 (ticket 1); breached 3 (2: response; 3 and 5: resolution); still open 1
-- (4); compliance 1 / (1 + 3) = 25.00%.  Responses 10, 30, 90, 100, 150 minutes: mean 380 / 5 = 76.00,
-- p95 the first value with 95% at or below it, the fifth of five: 150.00.  Resolutions (resolved: 1 and 2;
-- 5 is reopened) 420 and 360: mean 390.00, p95 420.00.
-- rep_ticket2, REP-A: T10 opened and breached: compliance 0 / 1 = 0.00, no times.
-- rep_ticket, REP-B: 6 opened and breached, tenant RB's only.
SET ROLE rep_bi_a;
SELECT ticket_table, contract_code, month, tickets_opened, met, breached, still_open, compliance_percent,
       response_mean_minutes, response_p95_minutes, resolution_mean_minutes, resolution_p95_minutes
  FROM crm_contract.sla_compliance ORDER BY ticket_table, contract_code, month;
RESET ROLE;
SET ROLE rep_bi_b;
SELECT ticket_table, contract_code, month, tickets_opened, met, breached, still_open, compliance_percent
  FROM crm_contract.sla_compliance ORDER BY 1, 2, 3;
RESET ROLE;

-- 6. sla_credits, per contract, month of the breach and rule.  As of 2026-10-31: resolution breaches of 3
-- (Thu 18:00) and 5 (Sat 10:00): 2 x 0.1% x 120,000.00 = 240.00; the response breach of 2 (Fri 11:00):
-- 0.5% of October's fee 10,000.00 = 50.00 (T10 is P2: no credit).  As of 2026-10-08: only 3's, 120.00.
SET ROLE rep_bi_a;
BEGIN;
SET LOCAL crm_contract.today = '2026-10-31';
SELECT contract_code, month, breaches, rule, basis, credit FROM crm_contract.sla_credits ORDER BY contract_code, month, rule;
SET LOCAL crm_contract.today = '2026-10-08';
SELECT contract_code, month, breaches, rule, basis, credit FROM crm_contract.sla_credits ORDER BY contract_code, month, rule;
COMMIT;
RESET ROLE;
SET ROLE rep_bi_b;
SELECT count(*) AS tenant_b_credits FROM crm_contract.sla_credits;
RESET ROLE;

-- 7. The views' column types are standard ones
SELECT c.relname AS view, count(*) AS columns,
       string_agg(DISTINCT format_type(a.atttypid, NULL), ', ' ORDER BY format_type(a.atttypid, NULL)) AS types
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'crm_contract'::regnamespace
   AND c.relname IN ('obligations_accrued', 'sla_ticket_tables', 'sla_compliance', 'sla_credits', 'sla_at_risk')
 GROUP BY c.relname ORDER BY c.relname;
SELECT c.relname AS view, c.reloptions FROM pg_class c
 WHERE c.relnamespace = 'crm_contract'::regnamespace
   AND c.relname IN ('obligations_accrued', 'sla_ticket_tables', 'sla_compliance', 'sla_credits', 'sla_at_risk')
 ORDER BY c.relname;

DROP TABLE public.rep_ticket, public.rep_ticket2;
REVOKE ALL ON crm_contract.contract, crm_contract.party, crm_contract.clause, crm_contract.milestone,
  crm_contract.installment, crm_contract.installment_due, crm_contract.payment, crm_contract.change_request,
  crm_contract.force_majeure, crm_contract.sla_target, crm_contract.sla_event FROM rep_bi_a, rep_bi_b;
DROP ROLE rep_bi_a, rep_bi_b;
DELETE FROM crm_contract.payment;
DELETE FROM crm_contract.contract;
DELETE FROM crm_contract.tenant_member;
