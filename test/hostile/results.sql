-- Results of every kind of crm_contract computation, run with public AHEAD of
-- pg_catalog in search_path: in a clean database and in one where
-- test/hostile/decoys.sql planted decoys in public before CREATE EXTENSION.
-- The outputs must be identical.  This file's own statements qualify every
-- name and operator, so only the extension's internals could meet a decoy.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SET search_path = public, pg_catalog;
INSERT INTO crm_contract.tenant_member VALUES (pg_catalog."current_user"(), 'hostile');
SELECT crm_contract.current_tenant();

-- calendars and terms
SELECT crm_contract.due('2025-09-26'::pg_catalog.date, '10個工作日'::crm_contract.term),
       crm_contract.due('2026-09-30 17:00+08'::pg_catalog.timestamptz, '2个工作小时'::crm_contract.term),
       crm_contract.add_working_days('2026-09-25'::pg_catalog.date, 10),
       crm_contract.working_days_between('2025-12-31'::pg_catalog.date, '2026-12-31'::pg_catalog.date),
       crm_contract.add_working_time('2026-09-29 11:00+08'::pg_catalog.timestamptz, '2 hours'::pg_catalog.interval),
       crm_contract.working_time_between('2026-09-30 17:00+08'::pg_catalog.timestamptz, '2026-10-08 10:00+08'::pg_catalog.timestamptz),
       crm_contract.is_working_day('2026-10-10'::pg_catalog.date);
SELECT crm_contract.copy_calendar('CN', 'CN-h', 'copy');
INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name) VALUES ('CN-h', '2026-10-09', 'holiday', 'company day');
SELECT crm_contract.add_working_days('2026-10-08'::pg_catalog.date, 1, 'CN-h');

-- money
SELECT crm_contract.penalty('1% of total per day', 1000000.00, '2025-10-16', '2026-01-17'),
       crm_contract.late_fee('应付金额的1%/日', 100000.00, '2025-10-16', ARRAY['2025-10-20'::pg_catalog.date, '2025-11-01'],
                             ARRAY[40000.00, 60000.00], '2026-03-01'),
       crm_contract.annual_rate('0.05% of overdue per day'::crm_contract.penalty_rule, '2026-03-01'::pg_catalog.date);
SELECT * FROM crm_contract.late_fee_breakdown('0.05% of overdue per day', 1000.00, '2026-01-01', ARRAY['2026-01-11'::pg_catalog.date], ARRAY[500.00], '2026-01-21');
SELECT * FROM crm_contract.penalty_review('应付金额的1%/日', 100000.00, 51000.00, 20000.00, '2026-03-01');

-- a contract with its schedule and statement
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('001', 'implementation', 'CRM 实施', '甲方', '乙方', 1000000.00, '2025-09-26', 'active') RETURNING id AS c1 \gset
INSERT INTO crm_contract.clause (contract_id, kind, ref, rule) VALUES (:c1, 'delay_penalty', '9.3', '1% of total per day'),
  (:c1, 'late_fee', '9.4', '应付金额的1%/日');
INSERT INTO crm_contract.milestone (contract_id, name, within) VALUES (:c1, 'project start', '10 working days');
INSERT INTO crm_contract.milestone (contract_id, name, anchor, anchor_milestone, within) VALUES (:c1, 'go-live', 'milestone', 'project start', '3 months');
INSERT INTO crm_contract.installment (contract_id, name, share, within) VALUES (:c1, 'half', 0.5, '10 working days');
INSERT INTO crm_contract.installment (contract_id, name, share, anchor, anchor_milestone, every, occurrences)
VALUES (:c1, 'maintenance', 0.1, 'milestone', 'go-live', '1 year', 3);
UPDATE crm_contract.milestone SET completed_on = '2025-10-17' WHERE name OPERATOR(pg_catalog.=) 'project start';
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount)
SELECT d.id, '2025-10-23', 400000.00 FROM crm_contract.installment_due d
  JOIN crm_contract.installment i ON i.id OPERATOR(pg_catalog.=) d.installment_id WHERE i.name OPERATOR(pg_catalog.=) 'half';
SELECT name, due_on, completed_on FROM crm_contract.milestone ORDER BY id;
SELECT seq, due_on, amount FROM crm_contract.installment_due ORDER BY id;
SELECT * FROM crm_contract.contract_statement(:c1, '2026-03-01');
SELECT contract_code, kind, obligation, due_on, amount_open FROM crm_contract.obligations ORDER BY 1, 4, 3;
SELECT * FROM crm_contract.due_within(100, '2025-10-01');

-- SLA: a ticket table, a pause, a sweep, a recompute, the history and the report
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, credit) VALUES
  (:c1, 'P1', 'response', '2 working hours', '0.1% of total once'), (:c1, 'P1', 'resolution', '8 working hours', NULL);
CREATE TABLE public.hostile_ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.hostile_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.hostile_ticket (contract_id, priority, opened_at) VALUES (:c1, 'P1', '2026-10-09 09:00+08'), (:c1, 'P1', '2026-10-08 09:00+08');
UPDATE public.hostile_ticket SET status = 'pending', updated_at = '2026-10-09 09:30+08' WHERE id OPERATOR(pg_catalog.=) 1::pg_catalog.int8;
UPDATE public.hostile_ticket SET status = 'open', updated_at = '2026-10-09 11:30+08' WHERE id OPERATOR(pg_catalog.=) 1::pg_catalog.int8;
UPDATE public.hostile_ticket SET first_response_at = '2026-10-08 12:00+08', resolved_at = '2026-10-08 15:00+08' WHERE id OPERATOR(pg_catalog.=) 2::pg_catalog.int8;
SELECT crm_contract.sla_sweep('public.hostile_ticket', '2026-10-09 13:30+08');
SELECT crm_contract.sla_recompute('public.hostile_ticket');
SELECT id, response_due, resolve_due, response_breached, resolve_breached, sla_next_alert, sla_alerts FROM public.hostile_ticket ORDER BY id;
SELECT kind, metric, at, response_due, resolve_due, detail FROM crm_contract.sla_history('public.hostile_ticket', '1');
SELECT month, tickets_opened, met, breached, still_open, compliance, response_mean, response_p95, resolution_mean
  FROM crm_contract.sla_report('public.hostile_ticket');
SELECT line, kind, obligation, accrued FROM crm_contract.contract_statement(:c1, '2026-10-31');
SELECT role, mapped_to FROM crm_contract.sla_columns('public.hostile_ticket') ORDER BY 1;
