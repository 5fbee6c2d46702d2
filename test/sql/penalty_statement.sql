-- contract_statement and penalty_review on seed 001, by hand.
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'clause', 'milestone', 'installment', 'installment_due', 'payment', 'force_majeure']) t;
INSERT INTO tenant_member VALUES (current_user, 'statement');

INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('001', 'implementation', 'CRM 实施和服务合同', '甲方', '乙方', 1000000.00, '2025-09-26', 'signed');
INSERT INTO clause (contract_id, kind, ref, wording, rule) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'delay_penalty', '9.3', '每延迟一日，按合同总金额的1%支付违约金', '合同总金额的1%/日'),
  ((SELECT id FROM contract WHERE code = '001'), 'late_fee', '9.4', '每延迟一日，按应付金额的1%支付滞纳金', '应付金额的1%/日');
INSERT INTO milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'project start', '3.1.1', 'signing', NULL, '10個工作日'),
  ((SELECT id FROM contract WHERE code = '001'), 'go-live', '3.1.2', 'milestone', 'project start', '60個工作日');
INSERT INTO installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within, every, occurrences) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'implementation fee 50%', '4.1.1', 0.5, 'signing', NULL, '10個工作日', NULL, NULL),
  ((SELECT id FROM contract WHERE code = '001'), 'maintenance fee 10%', '4.1.2', 0.1, 'milestone', 'go-live', NULL, '1 year', 2);
UPDATE milestone SET completed_on = '2025-10-16' WHERE name = 'project start';   -- on time
UPDATE milestone SET completed_on = '2026-01-21' WHERE name = 'go-live';         -- due 2026-01-09: 12 days late
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2025-10-23', 500000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'implementation fee 50%';
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-02-10', 40000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'maintenance fee 10%' AND o.seq = 1;

-- As of 2026-03-01, by hand:
--   project start: on time, 0.00
--   go-live: 12 days x 1% x 1,000,000.00 = 120,000.00 (001 §9.3)
--   50% (500,000.00 due 2025-10-16, paid 2025-10-23): 7 days x 1% x 500,000.00 = 35,000.00 (001 §9.4)
--   maintenance #1 (100,000.00 due 2026-01-21, 40,000.00 paid 2026-02-10): 1/22-2/10 20 days x 1,000.00
--     = 20,000.00, then 2/11-3/1 19 days x 600.00 = 11,400.00: 31,400.00
--   maintenance #2 due 2027-01-21: 0.00.  Total 186,400.00.
-- Money is numeric(,2) throughout; a total per obligor: the client 35,000.00 + 31,400.00 = 66,400.00, the vendor
-- 120,000.00; maintenance #2 (2027-01-21, a Thursday) is computed on the 2027 forecast: provisional.
SELECT line, kind, obligation, clause_ref, due_on, done_on, days_late, basis, rule, accrued, obligor, due_provisional
  FROM contract_statement((SELECT id FROM contract WHERE code = '001'), '2026-03-01');

-- Force majeure 2026-01-15 to 2026-01-17: three of go-live's late days accrue nothing: 9 x 10,000.00 = 90,000.00.
INSERT INTO force_majeure (contract_id, from_day, to_day, description)
VALUES ((SELECT id FROM contract WHERE code = '001'), '2026-01-15', '2026-01-17', '不可抗力 (test)');
SELECT kind, obligation, days_late, accrued FROM contract_statement((SELECT id FROM contract WHERE code = '001'), '2026-03-01')
 WHERE kind = 'total' OR obligation = 'go-live';
SELECT accrued('1% per day', 1000, '2026-01-01', '2026-01-11', '{}', '{}', '{2026-01-03,2026-01-02,2026-01-09}', '{2026-01-04,2026-01-03,2026-01-20}') AS merged_periods;
-- days 1/2..1/11 less 1/2-1/4 and 1/9-1/11 (merged, clipped): 1/5..1/8 = 4 days x 10.00 = 40.00

-- Review: 120,000.00 against a stated loss of 50,000.00: above 130% (65,000.00); 1% per day is 365% a year,
-- above 4 x LPR (3.00% on 2026-01-21: 12%); not above the principal.
SELECT * FROM penalty_review('合同总金额的1%/日', 1000000.00, 120000.00, 50000.00, '2026-01-21');
-- 0.05% per day is 18.25% a year: above 4 x 3.00% too; a 滞纳金 of 120.00 on 100.00 is above the principal.
SELECT * FROM penalty_review('每日万分之五', 100.00, 120.00, NULL, '2026-01-21');
-- LPR x 1.5 = 4.5% a year: no flag.
SELECT * FROM penalty_review(statutory_default_rule('2026-01-21'), 100000.00, 500.00, 1000.00, '2026-01-21');

\set VERBOSITY default
SELECT * FROM contract_statement(-1, '2026-03-01');
SELECT accrued('1% per day', 1000, '2026-01-01', '2026-01-11', '{}', '{}', '{2026-01-05}', '{2026-01-03}');
SELECT accrued('1% per day', 1000, '2026-01-01', '2026-01-11', '{}', '{}', '{2026-01-05}', '{}');
INSERT INTO force_majeure (contract_id, from_day, to_day) VALUES ((SELECT id FROM contract WHERE code = '001'), '2026-02-01', '2026-01-01');

DELETE FROM payment;
DELETE FROM contract;
DELETE FROM tenant_member;
