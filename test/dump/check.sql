-- Run in the dumped database and in its restore; the outputs must be identical.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET timezone = 'Asia/Shanghai';
SET datestyle = ISO;
-- alerts already fired are not fired again; deadlines equal a fresh recomputation
SELECT crm_contract.sla_sweep('public.ticket', '2026-10-09 13:30+08') AS swept_again;
SELECT crm_contract.sla_recompute('public.ticket') AS deadlines_changed_by_recompute;
-- user calendars work: 2026-11-20 is a company holiday on CN-acme, 10-03 one in Berlin
SELECT crm_contract.due(date '2026-11-19', '1 working day', 'CN-acme') AS acme,
       crm_contract.add_working_days('2026-10-02', 1, 'DE-office') AS berlin;
SELECT name, description FROM crm_contract.calendar ORDER BY name;
SELECT count(*) AS cn_exceptions FROM crm_contract.calendar_exception WHERE calendar = 'CN';
SELECT published_on, rate FROM crm_contract.lpr ORDER BY published_on DESC LIMIT 2;
-- the schedules and money as dumped
SELECT line, kind, obligation, due_on, done_on, days_late, accrued
  FROM crm_contract.contract_statement((SELECT id FROM crm_contract.contract WHERE code = '001'), '2026-03-01');
SELECT kind, at, detail FROM crm_contract.sla_history('public.ticket', '1');
SELECT * FROM public.quote ORDER BY id;
-- and the trigger still works on a new ticket
INSERT INTO public.ticket (contract_id, priority, opened_at)
SELECT id, 'P1', '2026-10-12 09:00+08' FROM crm_contract.contract WHERE code = '002' RETURNING response_due, resolve_due;
-- the overpaid occurrence kept from the 0.2 history: its payment, and the statement's credit note
SELECT i.name, d.amount, sum(p.amount) AS paid FROM crm_contract.installment_due d
  JOIN crm_contract.installment i ON i.id = d.installment_id JOIN crm_contract.payment p ON p.installment_due_id = d.id
 WHERE i.name = 'hardware' GROUP BY i.name, d.amount;
SELECT obligation, days_late, accrued, due_note
  FROM crm_contract.contract_statement((SELECT id FROM crm_contract.contract WHERE code = '001'), '2026-03-01')
 WHERE obligation = 'hardware';
