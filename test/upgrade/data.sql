-- Data stored under 0.2, with the 0.3 library installed, then ALTER EXTENSION UPDATE
-- (tools/cluster-suites.sh runs it in a database created with VERSION '0.2' and compares
-- the output with test/upgrade/data.expected).  Expected values are worked by hand from
-- the 2026 notice (National Day 10/1-7, make-up Saturday 10/10).
\set VERBOSITY terse
SET client_min_messages = warning;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SET search_path = public;
SELECT extversion FROM pg_extension WHERE extname = 'crm_contract';                     -- 0.2

-- Before the update the library keeps 0.2's meaning: periods unadjusted.
SELECT crm_contract.due(date '2026-09-26', '5 days') AS due_02;                          -- 2026-10-01
SELECT crm_contract.add_working_days('2026-09-30', 1) AS next_working_day;               -- 2026-10-08
SELECT crm_contract.penalty('1% of total per day', 1000000, '2026-01-09', '2026-01-21'); -- 120000.00

-- A contract as 0.2 stored it.
INSERT INTO crm_contract.tenant_member VALUES (current_user, 'up');
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('U-1', 'implementation', 't', '甲方', '乙方', 1000000.00, '2026-09-26', 'signed');
INSERT INTO crm_contract.clause (contract_id, kind, ref, wording, rule)
SELECT c.id, v.kind::crm_contract.clause_kind, v.ref, v.wording, v.rule::crm_contract.penalty_rule
  FROM crm_contract.contract c, (VALUES
  ('delay_penalty', '9.1', '任何一方未能履行本合同的义务，均视为违约', NULL),
  ('delay_penalty', '9.3', '如乙方未能按时完成实施，每延迟一日，应向甲方支付合同总金额1%的违约金', '1% of total per day'),
  ('late_fee', '9.4', '如果甲方未能按时支付费用，每延迟一日，应向乙方支付应付金额1%的滞纳金', '1% of overdue per day')) v(kind, ref, wording, rule);
INSERT INTO crm_contract.clause (contract_id, kind, ref, term) SELECT id, 'change_request', '11.2', '5 days' FROM crm_contract.contract;
INSERT INTO crm_contract.milestone (contract_id, name, within) SELECT id, 'delivery', '5 days' FROM crm_contract.contract;
INSERT INTO crm_contract.installment (contract_id, name, amount, within) SELECT id, 'fee', 100000.00, '5 days' FROM crm_contract.contract;
INSERT INTO crm_contract.change_request (contract_id, ref, received_on) SELECT id, 'CR-1', '2026-09-26' FROM crm_contract.contract;
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount) SELECT id, '2026-09-30', 100000.00 FROM crm_contract.installment_due;
UPDATE crm_contract.installment SET amount = 60000.00;    -- 0.2 let the amount drop below what was paid
SELECT name, due_on FROM crm_contract.milestone;           -- delivery 2026-10-01 (9/26 + 5, unadjusted)
SELECT ref, due_on FROM crm_contract.change_request;        -- CR-1 2026-10-01

ALTER EXTENSION crm_contract UPDATE;                        -- warns: 1 occurrence overpaid, 1 clause without rule
SELECT extversion FROM pg_extension WHERE extname = 'crm_contract';                     -- 0.3

-- Stored rows keep their meaning; penalty clauses charge whom their wording names.
SELECT name, convention, obligor, due_on FROM crm_contract.milestone;                   -- delivery unadjusted vendor 2026-10-01
SELECT ref, kind, convention, obligor, rule FROM crm_contract.clause ORDER BY crm_contract.clause_ref_key(ref);
-- 9.1 delay_penalty unadjusted vendor (no rule); 9.3 vendor; 9.4 client; 11.2 no obligor
SELECT ref, due_on FROM crm_contract.change_request;        -- still 2026-10-01
-- New calls and rows follow Art. 203.
SELECT crm_contract.due(date '2026-09-26', '5 days') AS due_03;                          -- 2026-10-08
INSERT INTO crm_contract.milestone (contract_id, name, within) SELECT id, 'training', '5 days' FROM crm_contract.contract;
UPDATE crm_contract.milestone SET convention = 'following' WHERE name = 'delivery';
SELECT name, convention, due_on FROM crm_contract.milestone ORDER BY name;              -- delivery, training: following 2026-10-08
-- As of 10/31, delivery done 10/12: 10/9..10/12 = 4 days x 1% x 1,000,000.00 = 40,000.00 by 9.3 (the
-- first clause with a rule: 9.1 has none), the vendor's; the fee (60,000.00 due 10/1, paid
-- 100,000.00 on 9/30) is on time, its 40,000.00 beyond the amount a credit; training is open,
-- due 10/8: 10/9..10/31 = 23 days x 10,000.00 = 230,000.00.
UPDATE crm_contract.milestone SET completed_on = '2026-10-12' WHERE name = 'delivery';
SELECT kind, obligation, clause_ref, due_on, days_late, accrued, obligor, due_note
  FROM crm_contract.contract_statement((SELECT id FROM crm_contract.contract), '2026-10-31');
