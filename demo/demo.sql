-- make demo: crm_contract on the seed contracts' deadlines.
-- Runs in a throwaway cluster; everything printed is computed by the extension.
\pset footer off
\pset null '—'
SET client_min_messages = warning;
CREATE EXTENSION crm_contract;
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SET intervalstyle = postgres;

\echo
\echo '== Shipped working calendars'
SELECT name, time_zone, covered_from, covered_to, description FROM calendar ORDER BY name;

\echo
\echo '== China (CN) around National Day 2026: holidays and make-up working days (调休)'
SELECT d::date AS day, to_char(d, 'Dy') AS dow,
       CASE WHEN is_working_day(d::date) THEN 'working' ELSE '—' END AS on_cn,
       (SELECT name FROM calendar_exception e WHERE e.calendar = 'CN' AND e.day = d::date) AS why
  FROM generate_series(date '2026-09-18', date '2026-10-12', interval '1 day') d;

\echo
\echo '== Working days per year on CN'
SELECT y AS year, working_days_between(make_date(y - 1, 12, 31), make_date(y, 12, 31)) AS working_days
  FROM generate_series(2020, 2026) y;

\echo
\echo '== Terms as written in the contracts, parsed'
SELECT wording, wording::term AS term FROM (VALUES
  ('10個工作日'), ('60個工作日'), ('15日'), ('3個月'), ('5日'), ('1小時'), ('24小時'), ('2个工作小时'), ('8小时')) v(wording);

\echo
\echo '== Seed contracts 001 and 004 as rows: due dates follow from signing and completions'
INSERT INTO tenant_member VALUES (current_user, 'demo');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, effective_from, effective_to) VALUES
  ('001', 'implementation', '客户关系管理系统实施和服务合同', '甲方 (client)', '乙方 (vendor)', 1000000.00, '2025-09-26', 'signed', '2025-09-26', '2028-12-31'),
  ('004', 'development', '电子商务平台客户关系管理系统开发合同', '客户 (client)', '开发方 (vendor)', 300000.00, '2026-06-15', 'signed', NULL, NULL);
INSERT INTO clause (contract_id, kind, ref, wording, term, share) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'payment', '4.1.1', '自本合同签订之日起10个工作日内支付总金额的50%', '10個工作日', 0.5),
  ((SELECT id FROM contract WHERE code = '001'), 'change_request', '11.2', '变更请求10个工作日内答复', '10個工作日', NULL),
  ((SELECT id FROM contract WHERE code = '001'), 'renewal', '12.1', '到期前30日提出续约意向', '30 days', NULL);
INSERT INTO milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'project start (项目启动)', '3.1.1', 'signing', NULL, '10個工作日'),
  ((SELECT id FROM contract WHERE code = '001'), 'go-live (系统上线)', '3.1.2', 'milestone', 'project start (项目启动)', '60個工作日'),
  ((SELECT id FROM contract WHERE code = '001'), 'free support ends', '7.2.1', 'milestone', 'go-live (系统上线)', '1年'),
  ((SELECT id FROM contract WHERE code = '004'), 'development plan (开发计划)', '4.1.1', 'signing', NULL, '15日'),
  ((SELECT id FROM contract WHERE code = '004'), 'development complete (完成开发)', '4.1.2', 'signing', NULL, '3個月'),
  ((SELECT id FROM contract WHERE code = '004'), 'acceptance report (验收报告)', '4.1.3', 'milestone', 'development complete (完成开发)', '5日'),
  ((SELECT id FROM contract WHERE code = '004'), 'acceptance passed', '5.2.2', 'milestone', 'acceptance report (验收报告)', NULL);
INSERT INTO installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within, every) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'implementation fee 50%', '4.1.1', 0.5, 'signing', NULL, '10個工作日', NULL),
  ((SELECT id FROM contract WHERE code = '001'), 'maintenance fee 10%, yearly', '4.1.2', 0.1, 'milestone', 'go-live (系统上线)', NULL, '1 year'),
  ((SELECT id FROM contract WHERE code = '004'), 'advance 50%', '5.2.1', 0.5, 'signing', NULL, '5日', NULL),
  ((SELECT id FROM contract WHERE code = '004'), 'final 50%', '5.2.2', 0.5, 'milestone', 'acceptance passed', '5日', NULL);
-- What happened: completions and a change request.
UPDATE milestone SET completed_on = '2025-10-16' WHERE name = 'project start (项目启动)';
UPDATE milestone SET completed_on = '2026-01-09' WHERE name = 'go-live (系统上线)';
UPDATE milestone SET completed_on = '2026-09-14' WHERE name = 'development complete (完成开发)';
INSERT INTO change_request (contract_id, ref, received_on) VALUES ((SELECT id FROM contract WHERE code = '001'), 'CR-1', '2026-09-25');

SELECT c.code, m.clause_ref AS clause, m.name AS milestone, m.within AS term, m.anchor,
       coalesce(m.anchor_milestone, '') AS after, m.due_on, m.completed_on
  FROM milestone m JOIN contract c ON c.id = m.contract_id ORDER BY c.code, m.id;

\echo
\echo '== Payment schedules (installment occurrences)'
SELECT c.code, i.clause_ref AS clause, i.name AS installment, o.seq, o.due_on, o.amount
  FROM installment_due o JOIN installment i ON i.id = o.installment_id JOIN contract c ON c.id = i.contract_id
 ORDER BY c.code, o.due_on, i.name;

\echo
\echo '== Due within 10 working days of 2026-09-24 (Mid-Autumn and National Day in between)'
SELECT contract_code, kind, obligation, clause_ref, due_on, amount_open FROM due_within(10, '2026-09-24');

\echo '== Penalties (违约金) and late fees (滞纳金): rules as written, parsed'
SELECT wording, wording::penalty_rule AS rule, annual_rate(wording::penalty_rule) AS per_year FROM (VALUES
  ('合同总金额的1%/日'), ('应付金额的1%/日'), ('逾期付款金额的2%'), ('每日万分之五'),
  ('0.05% of overdue per day, grace 3 days, cap 30%'), ('LPR×1.5 of overdue per year')) v(wording);

\echo
\echo '== Seed 001 §9.3/§9.4 by the numbers'
SELECT penalty('合同总金额的1%/日', 1000000.00, '2026-01-09', '2026-01-21') AS "go-live 12 days late (§9.3)",
       penalty('应付金额的1%/日', 500000.00, '2025-10-16', '2025-10-23') AS "50% paid 7 days late (§9.4)",
       late_fee('每日万分之五', 100000.00, '2026-03-01', '{2026-03-11,2026-03-21}', '{40000,60000}', '2026-03-31') AS "partial payments at 0.05%/day";

\echo
\echo '== Statement of contract 001 as of 2026-03-01 (50% paid on 2025-10-23; first maintenance fee unpaid)'
INSERT INTO clause (contract_id, kind, ref, wording, rule) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'delay_penalty', '9.3', '每延迟一日，按合同总金额的1%支付违约金', '合同总金额的1%/日'),
  ((SELECT id FROM contract WHERE code = '001'), 'late_fee', '9.4', '每延迟一日，按应付金额的1%支付滞纳金', '应付金额的1%/日');
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2025-10-23', 500000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'implementation fee 50%';
SELECT line, kind, obligation, clause_ref AS clause, due_on, done_on, days_late, basis, accrued
  FROM contract_statement((SELECT id FROM contract WHERE code = '001'), '2026-03-01');
SELECT annual_rate, lpr, flags FROM penalty_review('应付金额的1%/日', 100000.00, 51000.00, 20000.00, '2026-03-01');

\echo '== SLA: tickets on seeds 002 and 004 through the crm_contract.sla_deadlines() trigger'
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status) VALUES
  ('002', 'maintenance_support', 'CRM 售后服务 (002)', '甲方', '供应商', 120000.00, '2026-01-05', 'active');
INSERT INTO sla_target (contract_id, priority, metric, target, calendar, credit) VALUES
  ((SELECT id FROM contract WHERE code = '002'), 'normal', 'response', '2个工作小时', NULL, '0.1% of total once'),   -- 002: 2 hours on working days
  ((SELECT id FROM contract WHERE code = '002'), 'normal', 'resolution', '8个工作小时', NULL, '0.2% of total once'), -- 002: general faults in 8 hours
  ((SELECT id FROM contract WHERE code = '004'), 'normal', 'response', '1小時', '24x7', NULL),        -- 004 §7.1: 7×24, 1 hour
  ((SELECT id FROM contract WHERE code = '001'), 'urgent', 'response', '24小時', '24x7', NULL);       -- 001 §7.2.3: urgent, 24 hours
CREATE TABLE ticket (
  id serial PRIMARY KEY, contract_id bigint, priority text, subject text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO ticket (contract_id, priority, subject, opened_at) VALUES
  ((SELECT id FROM contract WHERE code = '002'), 'normal', 'report export fails', '2026-09-30 17:00+08'),
  ((SELECT id FROM contract WHERE code = '002'), 'normal', 'login slow after lunch', '2026-10-09 11:30+08'),
  ((SELECT id FROM contract WHERE code = '004'), 'normal', 'order sync stopped', '2026-10-01 23:30+08'),
  ((SELECT id FROM contract WHERE code = '001'), 'urgent', 'data import broken', '2026-09-30 17:00+08');
UPDATE ticket SET first_response_at = '2026-10-08 10:30+08', resolved_at = '2026-10-08 16:00+08', status = 'resolved' WHERE subject = 'report export fails';
UPDATE ticket SET first_response_at = '2026-10-02 00:20+08' WHERE subject = 'order sync stopped';
-- waiting for the customer 13:30-15:00 moves both deadlines of the second ticket by 1.5 working hours
UPDATE ticket SET status = 'waiting_customer', updated_at = '2026-10-09 13:30+08' WHERE subject = 'login slow after lunch';
UPDATE ticket SET status = 'open', updated_at = '2026-10-09 15:00+08' WHERE subject = 'login slow after lunch';
\echo '-- a sweep as of 2026-10-09 18:00 (pg_cron runs this every minute in production)'
SELECT sla_sweep('ticket', '2026-10-09 18:00+08') AS alerts_marked;
SELECT c.code, t.subject, t.opened_at, t.response_due, t.first_response_at, t.response_breached AS late_response,
       t.resolve_due, t.resolved_at, t.resolve_breached AS late_resolution
  FROM ticket t JOIN contract c ON c.id = t.contract_id ORDER BY t.id;
\echo '-- the SLA history of "login slow after lunch"'
SELECT at, kind, metric, response_due, resolve_due, detail
  FROM sla_history('ticket', (SELECT id::text FROM ticket WHERE subject = 'login slow after lunch'));
\echo '-- per contract and month'
SELECT c.code, r.month, r.tickets_opened, r.met, r.breached, r.still_open, r.compliance, r.response_mean, r.resolution_mean
  FROM sla_report('ticket') r JOIN contract c ON c.id = r.contract_id ORDER BY c.code;
\echo '-- service credits of 002 in its statement'
SELECT kind, obligation, basis, rule, accrued FROM contract_statement((SELECT id FROM contract WHERE code = '002'), '2026-10-31')
 WHERE kind IN ('sla_credit', 'total');

\ir year_boundary.sql
