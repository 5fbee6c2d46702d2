-- The scale-out comparison (tools/citus-suite.sh): the same scenario on plain PostgreSQL
-- and on a Citus coordinator with two workers after crm_contract.distribute(); the two
-- outputs must be identical.  psql variable :citus says which one runs, for the two
-- steps that only Citus has (distributing the ticket table); their output is the same.
-- Two tenants, acme and globex (on different workers under Citus), each written by its
-- own non-superuser role: alice and bob, with row-level security deciding what each sees.
\set ON_ERROR_STOP on
\set SHOW_CONTEXT never
SET client_min_messages = warning;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';

-- (the roles alice and bob exist: tools/citus-suite.sh creates them, on every node)
INSERT INTO crm_contract.tenant_member VALUES ('alice', 'acme'), ('bob', 'globex');
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_contract.contract, crm_contract.clause, crm_contract.milestone,
  crm_contract.installment, crm_contract.payment, crm_contract.change_request, crm_contract.sla_target,
  crm_contract.force_majeure, crm_contract.installment_due, crm_contract.party TO alice, bob;
GRANT SELECT ON crm_contract.sla_event TO alice, bob;

-- A ticket table distributed by its tenant column, colocated with the contracts.
CREATE TABLE public.ticket (
  tenant text NOT NULL DEFAULT crm_contract.current_tenant(),
  id bigint NOT NULL,
  contract_id bigint NOT NULL,
  priority text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL,
  updated_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  response_due timestamptz,
  resolve_due timestamptz,
  response_breached boolean,
  resolve_breached boolean,
  sla_next_alert timestamptz,
  sla_alerts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX ON public.ticket (sla_next_alert);
\if :citus
\o /dev/null
SELECT create_distributed_table('public.ticket', 'tenant', colocate_with => 'crm_contract.contract');
-- the SLA trigger on a distributed table: Citus wants this for CREATE TRIGGER (doc/scale-out.md)
SET citus.enable_unsafe_triggers = on;
\o
\endif
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.ticket FOR EACH ROW
  EXECUTE FUNCTION crm_contract.sla_deadlines('tenant=tenant');
GRANT SELECT, INSERT, UPDATE ON public.ticket TO alice, bob;

-- acme: seed 001, signed 2025-09-26 (alice)
SET ROLE alice;
SELECT crm_contract.current_tenant() AS alice_tenant;
INSERT INTO crm_contract.contract (id, code, kind, title, client, vendor, total_amount)
VALUES (1, '001', 'implementation', 'CRM 实施和服务合同', '甲方', '乙方', 1000000.00);
INSERT INTO crm_contract.clause (contract_id, kind, ref, wording, rule) VALUES
  (1, 'delay_penalty', '9.3', '每延迟一日，按合同总金额的1%支付违约金', '合同总金额的1%/日'),
  (1, 'late_fee', '9.4', '每延迟一日，按应付金额的1%支付滞纳金', '应付金额的1%/日');
INSERT INTO crm_contract.milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within) VALUES
  (1, 'project start', '3.1.1', 'signing', NULL, '10個工作日'),
  (1, 'go-live', '3.1.2', 'milestone', 'project start', '60個工作日');
INSERT INTO crm_contract.installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within, every, occurrences) VALUES
  (1, 'implementation fee 50%', '4.1.1', 0.5, 'signing', NULL, '10個工作日', NULL, NULL),
  (1, 'maintenance fee 10%', '4.1.2', 0.1, 'milestone', 'go-live', NULL, '1 year', 2);
UPDATE crm_contract.contract SET signed_on = '2025-09-26', status = 'signed' WHERE id = 1;
SELECT name, due_on FROM crm_contract.milestone ORDER BY name;
UPDATE crm_contract.milestone SET completed_on = '2025-10-16' WHERE name = 'project start';
UPDATE crm_contract.milestone SET completed_on = '2026-01-21' WHERE name = 'go-live';
SELECT i.name, o.seq, o.due_on, o.amount, o.due_provisional
  FROM crm_contract.installment_due o JOIN crm_contract.installment i ON i.id = o.installment_id AND i.tenant = o.tenant
 ORDER BY i.name, o.seq;
-- (payments by id: an INSERT ... SELECT under row-level security is refused by Citus, doc/scale-out.md)
SELECT o.id AS due_50 FROM crm_contract.installment_due o
  JOIN crm_contract.installment i ON i.id = o.installment_id AND i.tenant = o.tenant WHERE i.name = 'implementation fee 50%' \gset
SELECT o.id AS due_m1 FROM crm_contract.installment_due o
  JOIN crm_contract.installment i ON i.id = o.installment_id AND i.tenant = o.tenant WHERE i.name = 'maintenance fee 10%' AND o.seq = 1 \gset
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount) VALUES (:due_50, '2025-10-23', 500000.00);
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount) VALUES (:due_m1, '2026-02-10', 40000.00);
INSERT INTO crm_contract.change_request (contract_id, ref, received_on) VALUES (1, 'CR-1', '2026-09-25');
INSERT INTO crm_contract.clause (contract_id, kind, ref, term) VALUES (1, 'change_request', '11.2', '10 working days');
SELECT ref, due_on FROM crm_contract.change_request;
-- statement as of 2026-03-01 (test/sql/penalty_statement.sql counts it by hand: 186,400.00)
SELECT line, kind, obligation, due_on, days_late, accrued, obligor FROM crm_contract.contract_statement(1, '2026-03-01');
RESET ROLE;

-- globex: seed 004 (bob), 7×24 support
SET ROLE bob;
SELECT crm_contract.current_tenant() AS bob_tenant;
INSERT INTO crm_contract.contract (id, code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES (2, '004', 'development', 'CRM 开发合同', '甲方', '乙方', 300000.00, '2026-09-25', 'signed');
INSERT INTO crm_contract.milestone (contract_id, name, within) VALUES (2, 'development plan', '15 days'), (2, 'development done', '3 months');
INSERT INTO crm_contract.installment (contract_id, name, share, within) VALUES (2, 'advance 50%', 0.5, '5 days');
SELECT name, due_on FROM crm_contract.milestone ORDER BY name;
-- bob sees only globex
SELECT code, tenant FROM crm_contract.contract ORDER BY code;
RESET ROLE;
SET ROLE alice;
SELECT code, tenant FROM crm_contract.contract ORDER BY code;
-- alice cannot write globex rows
-- (the SQLSTATE only: Citus names the shard in the message)
\set ON_ERROR_STOP off
\set VERBOSITY sqlstate
INSERT INTO crm_contract.contract (id, tenant, code, kind, title, client, vendor, total_amount)
VALUES (3, 'globex', 'X', 'service', 'x', 'c', 'v', 1.00);
\set VERBOSITY default
\set ON_ERROR_STOP on
RESET ROLE;

-- SLA targets and tickets through the trigger (role tenant: each write reads its tenant's rows only)
SET ROLE alice;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar, credit) VALUES
  (1, 'P1', 'response', '2个工作小时', NULL, '0.5% of total'),
  (1, 'P1', 'resolution', '8 working hours', NULL, NULL),
  (1, 'P2', 'response', '4 working hours', NULL, NULL),
  (1, 'P2', 'resolution', '16 working hours', NULL, NULL);
-- 10/9 (Fri) 11:30 P1: response 11:30-12, 13-14:30 -> 14:30; resolution 8h -> Sat 10/10 (make-up day) 11:30
INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES
  (1, 1, 'P1', '2026-10-09 11:30+08'),
  (2, 1, 'P1', '2026-10-09 15:00+08');
SELECT id, response_due, resolve_due, sla_next_alert FROM public.ticket ORDER BY id;
-- a pause waiting for the customer 10/9 13:00-15:00 moves ticket 1's deadlines by two working hours
UPDATE public.ticket SET status = 'waiting_customer', updated_at = '2026-10-09 13:00+08' WHERE id = 1;
UPDATE public.ticket SET status = 'open', updated_at = '2026-10-09 15:00+08' WHERE id = 1;
SELECT id, status, response_due, resolve_due FROM public.ticket WHERE id = 1;
-- a priority change keeps the time elapsed: P2 from 10/9 16:00
UPDATE public.ticket SET priority = 'P2', updated_at = '2026-10-09 16:00+08' WHERE id = 2;
SELECT id, priority, response_due, resolve_due FROM public.ticket WHERE id = 2;
-- ticket 1 answered late (due 16:30), resolved, reopened
UPDATE public.ticket SET first_response_at = '2026-10-09 17:00+08', updated_at = '2026-10-09 17:00+08' WHERE id = 1;
UPDATE public.ticket SET resolved_at = '2026-10-10 10:00+08', status = 'resolved', updated_at = '2026-10-10 10:00+08' WHERE id = 1;
UPDATE public.ticket SET resolved_at = NULL, status = 'open', updated_at = '2026-10-12 09:00+08' WHERE id = 1;
SELECT id, status, response_breached, resolve_breached, response_due, resolve_due FROM public.ticket WHERE id = 1;
SELECT at, kind, metric, priority, status, response_due, resolve_due FROM crm_contract.sla_history('public.ticket', '1');
RESET ROLE;

SET ROLE bob;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar) VALUES
  (2, 'urgent', 'response', '1 hour', '24x7'),
  (2, 'urgent', 'resolution', '4 hours', '24x7');
INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (1, 2, 'urgent', '2026-10-01 23:30+08');
SELECT tenant, id, response_due, resolve_due FROM public.ticket ORDER BY tenant, id;
RESET ROLE;

-- a sweep as of 10/12 12:00: warnings and breaches of both tenants, each once
SELECT crm_contract.sla_sweep('public.ticket', '2026-10-12 12:00+08') AS swept;
SELECT crm_contract.sla_sweep('public.ticket', '2026-10-12 12:00+08') AS swept_again;
SELECT e.tenant, e.ticket, e.kind, e.metric, e.at FROM crm_contract.sla_event e
 WHERE e.kind IN ('warned', 'breached') ORDER BY e.tenant, e.ticket, e.at, e.kind, e.metric;

-- a calendar edit (10/12 made a holiday in a copy of CN) and the recomputation of running clocks
SELECT crm_contract.copy_calendar('CN', 'CN_acme');
SET ROLE alice;
UPDATE crm_contract.sla_target SET calendar = 'CN_acme' WHERE contract_id = 1;
RESET ROLE;
INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name) VALUES ('CN_acme', '2026-10-12', 'holiday', 'acme day');
SELECT crm_contract.sla_recompute('public.ticket') AS recomputed;
SELECT tenant, id, response_due, resolve_due FROM public.ticket ORDER BY tenant, id;

-- the report and the statement with the SLA credit
SET ROLE alice;
SELECT contract_id, month, tickets_opened, met, breached, still_open, compliance FROM crm_contract.sla_report('public.ticket');
SELECT line, kind, obligation, accrued FROM crm_contract.contract_statement(1, '2026-10-31') WHERE kind IN ('sla_credit', 'total');
RESET ROLE;

-- a role of two tenants chooses one per transaction (SET LOCAL, which Citus sends to the workers)
GRANT SELECT, INSERT, UPDATE ON crm_contract.contract, crm_contract.sla_target, public.ticket TO carol;
GRANT SELECT ON crm_contract.sla_event TO carol;
INSERT INTO crm_contract.tenant_member VALUES ('carol', 'acme'), ('carol', 'globex');
SET ROLE carol;
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL crm_contract.tenant = 'globex';
SELECT crm_contract.current_tenant() AS carol_tenant, (SELECT string_agg(code, ',') FROM crm_contract.contract) AS contracts;
INSERT INTO public.ticket (id, contract_id, priority, opened_at) VALUES (10, 2, 'urgent', '2026-10-21 10:00+08');
SELECT tenant, id, response_due FROM public.ticket WHERE id = 10;
COMMIT;
RESET ROLE;

-- reports: one tenant's, as its role
SET ROLE alice;
SELECT contract_code, kind, obligation, due_on, days_late > 0 AS late FROM crm_contract.obligations ORDER BY 1, 2, 3, 4;
SELECT contract_code, obligation, due_on FROM crm_contract.due_within(10, '2026-09-24') ORDER BY 1, 2, 3;
RESET ROLE;
-- reports: every tenant as the owner
SELECT contract_code, kind, obligation, due_on FROM crm_contract.obligations ORDER BY contract_code, kind, obligation, due_on;
SELECT contract_code, obligation, due_on FROM crm_contract.due_within(10, '2026-09-24') ORDER BY 1, 2, 3;
SELECT crm_contract.recompute_due_dates('CN') AS recomputed;
