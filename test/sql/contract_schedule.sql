-- Seeds 001 and 004 as rows: due dates follow from signing and completions by
-- themselves.  Expected dates were counted by hand on the CN calendar
-- (National Day 2025: 10/1-10/8 off, Sun 9/28 and Sat 10/11 worked; New Year 2026:
-- 1/1-1/3 off, Sun 1/4 worked).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
-- Identities start afresh, so that messages quoting rows read the same in any test order.
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'party', 'clause', 'milestone', 'installment', 'installment_due', 'payment', 'change_request']) t;
INSERT INTO tenant_member VALUES (current_user, 'seeds');

-- 001: implementation and service, signed 2025-09-26, 1,000,000.00 CNY.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, effective_from, effective_to)
VALUES ('001', 'implementation', '客户关系管理系统实施和服务合同', '甲方', '乙方', 1000000.00, NULL, 'draft', NULL, NULL);
INSERT INTO clause (contract_id, kind, ref, wording, term, share, rule) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'payment', '4.1.1', '自本合同签订之日起10个工作日内支付总金额的50%', '10個工作日', 0.5, NULL),
  ((SELECT id FROM contract WHERE code = '001'), 'delay_penalty', '9.3', '每延迟一日，按合同总金额的1%支付违约金', NULL, 0.01, '1% of total per day'),
  ((SELECT id FROM contract WHERE code = '001'), 'change_request', '11.2', '10个工作日内答复', '10個工作日', NULL, NULL);
INSERT INTO milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'project start', '3.1.1', 'signing', NULL, '10個工作日'),
  ((SELECT id FROM contract WHERE code = '001'), 'go-live', '3.1.2', 'milestone', 'project start', '60個工作日'),
  ((SELECT id FROM contract WHERE code = '001'), 'free support ends', '7.2.1', 'milestone', 'go-live', '1年');
INSERT INTO installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within, every, occurrences) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'implementation fee 50%', '4.1.1', 0.5, 'signing', NULL, '10個工作日', NULL, NULL),
  ((SELECT id FROM contract WHERE code = '001'), 'maintenance fee 10%', '4.1.2', 0.1, 'milestone', 'go-live', NULL, '1 year', 3);

-- Unsigned: nothing is due yet.
SELECT name, due_on, due_note FROM milestone ORDER BY id;
SELECT count(*) AS occurrences FROM installment_due;

-- Signing gives everything anchored on signing its due date, in the one UPDATE.
UPDATE contract SET signed_on = '2025-09-26', status = 'signed' WHERE code = '001';
CREATE TEMP TABLE expect (what text, expected date);
INSERT INTO expect VALUES
  ('milestone project start', '2025-10-16'),   -- 10 working days: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13-16
  ('installment implementation fee 50%', '2025-10-16');
SELECT e.what, e.expected, x.due_on AS got FROM expect e LEFT JOIN (
  SELECT 'milestone ' || name AS what, due_on FROM milestone UNION ALL SELECT 'installment ' || name, due_on FROM installment) x USING (what)
 WHERE x.due_on IS DISTINCT FROM e.expected;
SELECT i.name, o.seq, o.due_on, o.amount FROM installment_due o JOIN installment i ON i.id = o.installment_id ORDER BY i.name, o.seq;

-- Completing the project start makes go-live due 60 working days later.
UPDATE milestone SET completed_on = '2025-10-16' WHERE name = 'project start';
SELECT name, due_on FROM milestone WHERE name = 'go-live' AND due_on IS DISTINCT FROM '2026-01-09';
-- 60 working days after 10/16: Oct 17-31 (11), Nov (20), Dec (23) = 54, Sun 1/4 (55), 1/5-1/9 (60)

-- A correction of the completion recomputes the dependents.
UPDATE milestone SET completed_on = '2025-10-20' WHERE name = 'project start';
SELECT name, due_on FROM milestone WHERE name = 'go-live' AND due_on IS DISTINCT FROM '2026-01-13';
-- from 10/20: Oct 21-31 (9), Nov (20), Dec (23) = 52, 1/4 (53), 1/5-1/9 (58), 1/12 (59), 1/13 (60)

-- Go-live completed: yearly maintenance occurrences and the end of free support follow.
UPDATE milestone SET completed_on = '2026-01-09' WHERE name = 'go-live';
SELECT name, due_on FROM milestone WHERE name = 'free support ends';   -- 2026-01-09 + 1 year = Saturday 2027-01-09: Monday 2027-01-11 (on the 2027 forecast)
SELECT i.name, o.seq, o.due_on, o.amount FROM installment_due o JOIN installment i ON i.id = o.installment_id
 WHERE i.name = 'maintenance fee 10%' ORDER BY o.seq;   -- 2026-01-09, then Saturday 2027-01-09 -> 2027-01-11 and Sunday 2028-01-09 -> 2028-01-10

-- A change request is answered within the clause's 10 working days.
INSERT INTO change_request (contract_id, ref, received_on) VALUES ((SELECT id FROM contract WHERE code = '001'), 'CR-1', '2026-09-25');
SELECT ref, due_on FROM change_request;   -- 2026-10-15 (domain.md example)
-- One received in December: its answer falls in 2027, whose holidays are not announced:
-- computed on CN's forecast and marked provisional (one NOTICE).  Thu 12-24 + 10 working
-- days: 12-25, 28, 29, 30, 31 (5), 01-01 is off in the forecast, 01-04 .. 01-08 (10).
INSERT INTO change_request (contract_id, ref, received_on) VALUES ((SELECT id FROM contract WHERE code = '001'), 'CR-2', '2026-12-24');
SELECT ref, due_on, due_provisional, due_note FROM change_request WHERE ref = 'CR-2';

-- 004: development, signed 2026-06-15, 300,000.00.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('004', 'development', '电子商务平台客户关系管理系统开发合同', '客户', '开发方', 300000.00, '2026-06-15', 'signed');
INSERT INTO milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within) VALUES
  ((SELECT id FROM contract WHERE code = '004'), 'development plan', '4.1.1', 'signing', NULL, '15日'),
  ((SELECT id FROM contract WHERE code = '004'), 'development complete', '4.1.2', 'signing', NULL, '3個月'),
  ((SELECT id FROM contract WHERE code = '004'), 'acceptance report', '4.1.3', 'milestone', 'development complete', '5日'),
  ((SELECT id FROM contract WHERE code = '004'), 'acceptance passed', '5.2.2', 'milestone', 'acceptance report', NULL);
INSERT INTO installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within) VALUES
  ((SELECT id FROM contract WHERE code = '004'), 'advance 50%', '5.2.1', 0.5, 'signing', NULL, '5日'),
  ((SELECT id FROM contract WHERE code = '004'), 'final 50%', '5.2.2', 0.5, 'milestone', 'acceptance passed', '5日');
SELECT name, due_on FROM milestone WHERE contract_id = (SELECT id FROM contract WHERE code = '004') ORDER BY id;
-- plan 6/15 + 15 days = 6/30; development 6/15 + 3 months = 9/15; the rest waits for completions
UPDATE milestone SET completed_on = '2026-09-14' WHERE name = 'development complete';
UPDATE milestone SET completed_on = '2026-09-18' WHERE name = 'acceptance report';
UPDATE milestone SET completed_on = '2026-09-25' WHERE name = 'acceptance passed';
SELECT m.name, m.due_on, m.completed_on FROM milestone m JOIN contract c ON c.id = m.contract_id WHERE c.code = '004' ORDER BY m.id;
-- report due 9/14 + 5 = 9/19, a Saturday: Art. 203 moves it to Sunday 9/20, a make-up working day; acceptance due on the report's completion, 9/18
SELECT i.name, o.due_on, o.amount FROM installment_due o JOIN installment i ON i.id = o.installment_id
  JOIN contract c ON c.id = i.contract_id WHERE c.code = '004' ORDER BY o.due_on;
-- advance 6/15 + 5 = 6/20 (Sat), 6/21 is Dragon Boat: Monday 6/22, 150,000.00; final 9/25 + 5 = 9/30, 150,000.00

-- Correcting the signing date moves everything anchored on it, in one statement.
UPDATE contract SET signed_on = '2026-06-16' WHERE code = '004';
SELECT m.name, m.due_on FROM milestone m JOIN contract c ON c.id = m.contract_id
 WHERE c.code = '004' AND m.anchor = 'signing' ORDER BY m.id;                -- 7/1, 9/16
SELECT i.name, i.due_on FROM installment i JOIN contract c ON c.id = i.contract_id
 WHERE c.code = '004' AND i.anchor = 'signing';                              -- 6/16 + 5 = 6/21, Dragon Boat: 6/22

-- Payments, and what is open as of a date.
INSERT INTO payment (installment_due_id, paid_on, amount, reference)
SELECT o.id, '2026-06-21', 150000.00, 'advance' FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'advance 50%';
INSERT INTO payment (installment_due_id, paid_on, amount, reference)
SELECT o.id, '2026-10-09', 100000.00, 'final, part 1' FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'final 50%';
SELECT contract_code, kind, obligation, clause_ref, due_on, amount_open, days_left = due_on - CURRENT_DATE AS days_left_ok,
       days_late IS NOT DISTINCT FROM CASE WHEN due_on IS NOT NULL THEN GREATEST(CURRENT_DATE - due_on, 0) END AS days_late_ok, due_note,
       due_provisional
  FROM obligations ORDER BY contract_code, due_on NULLS LAST, obligation;

-- Due within 10 working days of 2026-09-24: up to 2026-10-15 (9/25-27 and 10/1-7 off, Sat 10/10 worked).
SELECT contract_code, kind, obligation, due_on FROM due_within(10, '2026-09-24');

-- Renewal and termination notices.
UPDATE contract SET effective_from = '2025-09-26', effective_to = '2026-12-31', status = 'active' WHERE code = '001';
INSERT INTO clause (contract_id, kind, ref, wording, term) VALUES
  ((SELECT id FROM contract WHERE code = '001'), 'renewal', '12.1', '到期前30日提出续约意向', '30 days'),
  ((SELECT id FROM contract WHERE code = '001'), 'termination', '12.2', '提前15个工作日书面通知', '15 working days');
SELECT obligation, clause_ref, due_on FROM obligations WHERE kind = 'renewal_notice';   -- 2026-12-01
SELECT termination_notice_by((SELECT id FROM contract WHERE code = '001'), '2026-10-31');
-- the last day x whose 15 working days end by 10/31 (Sat): from Sunday 10/11 they are 10/12-16, 10/19-23, 10/26-30;
-- from 10/12 they would end on 11/2

-- Maintenance over the contract's life when no count is given: until effective_to.
UPDATE installment SET occurrences = NULL WHERE name = 'maintenance fee 10%';
SELECT o.seq, o.due_on FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'maintenance fee 10%';

-- Deleting a contract removes its rows; one with payments cannot lose them.
DELETE FROM contract WHERE code = '004';
DELETE FROM payment;
DELETE FROM contract WHERE code = '004';
SELECT count(*) AS rows_of_004 FROM milestone m WHERE NOT EXISTS (SELECT 1 FROM contract c WHERE c.id = m.contract_id);

-- Signing a contract with 20 obligations sets all 20 due dates in the one statement.
-- On the weekdays calendar, k working days after a Monday is k + 2 * floor(k / 5) days later.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, calendar)
VALUES ('T-20', 'service', 'twenty obligations', 'c', 'v', 20000.00, 'weekdays');
INSERT INTO milestone (contract_id, name, within)
SELECT (SELECT id FROM contract WHERE code = 'T-20'), 'step ' || k, crm_contract.term(k, 'working days') FROM generate_series(1, 20) k;
SELECT count(*) FILTER (WHERE due_on IS NULL) AS undated_before_signing FROM milestone m JOIN contract c ON c.id = m.contract_id WHERE c.code = 'T-20';
UPDATE contract SET signed_on = '2026-11-23', status = 'signed' WHERE code = 'T-20';
SELECT count(*) AS dated, count(*) FILTER (WHERE m.due_on = date '2026-11-23' + k + 2 * (k / 5)) AS as_counted_by_hand
  FROM milestone m JOIN contract c ON c.id = m.contract_id, LATERAL (SELECT substr(m.name, 6)::int AS k) x
 WHERE c.code = 'T-20';

-- Renaming a milestone takes what is anchored on it along (a trigger: the anchor's
-- foreign key includes the tenant and cannot cascade updates); its dates stay.
UPDATE milestone SET name = 'step 1 (kick-off)' WHERE name = 'step 1';
INSERT INTO milestone (contract_id, name, anchor, anchor_milestone, within)
SELECT id, 'after kick-off', 'milestone', 'step 1 (kick-off)', '5 working days' FROM contract WHERE code = 'T-20';
INSERT INTO installment (contract_id, name, amount, anchor, anchor_milestone)
SELECT id, 'on kick-off', 100.00, 'milestone', 'step 1 (kick-off)' FROM contract WHERE code = 'T-20';
UPDATE milestone SET name = 'kick-off' WHERE name = 'step 1 (kick-off)';
SELECT 'milestone' AS anchored, name, anchor_milestone FROM milestone WHERE anchor = 'milestone' AND contract_id = (SELECT id FROM contract WHERE code = 'T-20')
UNION ALL
SELECT 'installment', name, anchor_milestone FROM installment WHERE anchor = 'milestone' AND contract_id = (SELECT id FROM contract WHERE code = 'T-20');
-- a missing anchor is refused as before
UPDATE milestone SET anchor_milestone = 'no such step' WHERE name = 'after kick-off';

DELETE FROM contract;
DELETE FROM tenant_member;
