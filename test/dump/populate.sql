-- A database that uses every type and table of crm_contract, for the dump and
-- restore test (tools/cluster-suites.sh): user calendars and LPR values, seed
-- 001 and 002 as contracts with schedules, payments, force majeure, SLA targets,
-- a ticket table with its trigger and events, user columns of the extension's types.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'Asia/Shanghai';
CREATE EXTENSION crm_contract;
SET search_path = crm_contract, public;
INSERT INTO tenant_member VALUES (current_user, 'dump');

-- user calendar rows: a copy with a company day, an own calendar, and an edit of the shipped CN row
SELECT copy_calendar('CN', 'CN-acme', 'CN plus company days');
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('CN-acme', '2026-11-20', 'holiday', 'founders day');
INSERT INTO calendar (name, time_zone, covered_from, covered_to, description) VALUES ('DE-office', 'Europe/Berlin', '2026-01-01', '2026-12-31', 'Berlin office');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) SELECT 'DE-office', d, '08:00', '16:30' FROM generate_series(1, 5) d;
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('DE-office', '2026-10-03', 'holiday', 'Tag der Deutschen Einheit');
UPDATE calendar SET description = 'China, edited by us' WHERE name = 'CN';
-- a user LPR value
INSERT INTO lpr (published_on, rate) VALUES ('2026-11-20', 2.95);

INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('001', 'implementation', 'CRM 实施', '甲方', '乙方', 1000000.00, '2025-09-26', 'active'),
       ('002', 'maintenance_support', 'CRM 售后服务', '甲方', '乙方', 120000.00, '2026-01-05', 'active');
INSERT INTO party (contract_id, name, role) SELECT id, '代理商', 'intermediary' FROM contract WHERE code = '001';
INSERT INTO clause (contract_id, kind, ref, term, rule) SELECT id, 'delay_penalty', '9.3', NULL, '1% of total per day' FROM contract WHERE code = '001';
INSERT INTO clause (contract_id, kind, ref, term, rule) SELECT id, 'late_fee', '9.4', NULL, '应付金额的1%/日' FROM contract WHERE code = '001';
INSERT INTO clause (contract_id, kind, ref, term) SELECT id, 'change_request', '11.2', '10个工作日' FROM contract WHERE code = '001';
INSERT INTO milestone (contract_id, name, clause_ref, within) SELECT id, 'project start', '3.1.1', '10 working days' FROM contract WHERE code = '001';
INSERT INTO milestone (contract_id, name, anchor, anchor_milestone, within) SELECT id, 'go-live', 'milestone', 'project start', '3 months' FROM contract WHERE code = '001';
INSERT INTO installment (contract_id, name, share, within) SELECT id, 'implementation fee 50%', 0.5, '10個工作日' FROM contract WHERE code = '001';
INSERT INTO installment (contract_id, name, share, anchor, anchor_milestone, every, occurrences)
  SELECT id, 'maintenance 10%', 0.1, 'milestone', 'go-live', '1 year', 3 FROM contract WHERE code = '001';
INSERT INTO installment (contract_id, name, amount, anchor, anchor_date, every, occurrences)
  SELECT id, 'monthly fee', 10000.00, 'date', '2026-01-15', '1 month', 12 FROM contract WHERE code = '002';
INSERT INTO payment (installment_due_id, paid_on, amount)
  SELECT d.id, '2025-10-23', 400000.00 FROM installment_due d JOIN installment i ON i.id = d.installment_id WHERE i.name = 'implementation fee 50%';
-- a history 0.2 allowed (issue 11): the amount lowered after payments, leaving an occurrence paid
-- 500,000.00 against 300,000.00 due; 0.3 refuses that on write, and keeps such rows on restore
INSERT INTO installment (contract_id, name, amount) SELECT id, 'hardware', 500000.00 FROM contract WHERE code = '001';
INSERT INTO payment (installment_due_id, paid_on, amount, reference)
  SELECT d.id, '2026-01-20', 500000.00, 'HW-1' FROM installment_due d JOIN installment i ON i.id = d.installment_id WHERE i.name = 'hardware';
ALTER TABLE installment DISABLE TRIGGER installment_occurrences;
ALTER TABLE installment_due DISABLE TRIGGER installment_due_protect;
UPDATE installment SET amount = 300000.00 WHERE name = 'hardware';
UPDATE installment_due d SET amount = 300000.00 FROM installment i WHERE i.id = d.installment_id AND i.name = 'hardware';
ALTER TABLE installment_due ENABLE TRIGGER installment_due_protect;
ALTER TABLE installment ENABLE TRIGGER installment_occurrences;
-- and a delay penalty clause 0.2 took without a rule (0.3 refuses it on write, keeps it on restore)
ALTER TABLE clause DISABLE TRIGGER clause_check;
INSERT INTO clause (contract_id, kind, ref, wording) SELECT id, 'delay_penalty', '16.1', '违约金另行约定' FROM contract WHERE code = '002';
ALTER TABLE clause ENABLE TRIGGER clause_check;
INSERT INTO change_request (contract_id, ref, received_on) SELECT id, 'CR-1', '2026-03-02' FROM contract WHERE code = '001';
INSERT INTO force_majeure (contract_id, from_day, to_day, description) SELECT id, '2025-10-20', '2025-10-22', 'typhoon' FROM contract WHERE code = '001';
UPDATE milestone SET completed_on = '2025-10-17' WHERE name = 'project start';

INSERT INTO sla_target (contract_id, priority, metric, target, calendar, credit)
  SELECT id, 'P1', 'response', '2 working hours', NULL, '0.1% of total once' FROM contract WHERE code = '002';
INSERT INTO sla_target (contract_id, priority, metric, target) SELECT id, 'P1', 'resolution', '8 working hours' FROM contract WHERE code = '002';

CREATE TABLE public.ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON public.ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.ticket (contract_id, priority, opened_at) SELECT id, 'P1', '2026-10-09 09:00+08' FROM contract WHERE code = '002';
INSERT INTO public.ticket (contract_id, priority, opened_at) SELECT id, 'P1', '2026-10-08 09:00+08' FROM contract WHERE code = '002';
-- a pause moves the first ticket's deadlines; a sweep marks alerts; the second is answered late
UPDATE public.ticket SET status = 'pending', updated_at = '2026-10-09 09:30+08' WHERE id = 1;
UPDATE public.ticket SET status = 'open', updated_at = '2026-10-09 11:30+08' WHERE id = 1;
SELECT sla_sweep('public.ticket', '2026-10-09 13:30+08');
UPDATE public.ticket SET first_response_at = '2026-10-08 12:00+08' WHERE id = 2;

-- user columns of the extension's types
CREATE TABLE public.quote (id int PRIMARY KEY, lead_time crm_contract.term, late_rule crm_contract.penalty_rule, days crm_contract.day_kind);
INSERT INTO public.quote VALUES (1, '10个工作日', '0.05% of overdue per day, cap 10%', 'working'), (2, '3 months', 'LPR×1.5 of overdue per year, floating', 'holiday');
