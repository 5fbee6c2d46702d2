-- Contract law and money (issue 11): Civil Code Art. 203 in the schedules, who owes
-- what, amounts that are amounts.  Every expected value is worked by hand beside it,
-- from the 2026 notice (Mid-Autumn 9/25-27, National Day 10/1-7, make-up days Sunday
-- 9/20 and Saturday 10/10, Dragon Boat 6/19-21) and seed 004.
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
\set SHOW_CONTEXT never
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'clause', 'milestone', 'installment', 'installment_due', 'payment', 'party']) t;
INSERT INTO tenant_member VALUES (current_user, 'law');

-------------------------------------------------------------------------------
-- 1. Seed 004, total 800,000.00, signed Monday 2026-06-15.
-------------------------------------------------------------------------------
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('004', 'development', '电子商务平台客户关系管理系统开发合同', '客户', '开发方', 800000.00, '2026-06-15', 'signed');
\set c004 '(SELECT id FROM contract WHERE code = ''004'')'
-- §9.1 charges the vendor (甲方有权要求乙方支付违约金), §9.3 the client (要求甲方支付滞纳金);
-- the rules are given, the wording names the party
INSERT INTO clause (contract_id, kind, ref, wording, rule) VALUES
  (:c004, 'delay_penalty', '9.1', '若乙方未按约定时间完成系统开发，甲方有权要求乙方支付违约金，违约金为合同总额的5%。', '5% of total'),
  (:c004, 'late_fee', '9.3', '若甲方未按约定时间支付开发费用，乙方有权暂停项目开发，并要求甲方支付滞纳金。', '0.05% of overdue per day');
SELECT ref, kind, obligor FROM clause WHERE contract_id = :c004 ORDER BY ref;   -- 9.1 vendor, 9.3 client
INSERT INTO milestone (contract_id, name, clause_ref, anchor, anchor_milestone, within, obligor) VALUES
  (:c004, 'development plan', '4.1.1', 'signing', NULL, '15日', 'vendor'),
  (:c004, 'development complete', '4.1.2', 'signing', NULL, '3個月', 'vendor'),
  (:c004, 'acceptance report', '4.1.3', 'milestone', 'development complete', '5日', 'vendor'),
  (:c004, 'acceptance passed', '5.2.2', 'milestone', 'acceptance report', NULL, 'client');
INSERT INTO installment (contract_id, name, clause_ref, share, anchor, anchor_milestone, within) VALUES
  (:c004, 'advance 50%', '5.2.1', 0.5, 'signing', NULL, '5日'),
  (:c004, 'final 50%', '5.2.2', 0.5, 'milestone', 'acceptance passed', '5日');
UPDATE milestone SET completed_on = '2026-06-30' WHERE name = 'development plan';
UPDATE milestone SET completed_on = '2026-09-14' WHERE name = 'development complete';
UPDATE milestone SET completed_on = '2026-09-18' WHERE name = 'acceptance report';
UPDATE milestone SET completed_on = '2026-09-25' WHERE name = 'acceptance passed';
-- By hand (Art. 203: a last day off moves to the next working day):
--   development plan      6/15 + 15 days = 6/30 (Tue)
--   development complete  6/15 + 3 months = 9/15 (Tue)
--   acceptance report     9/14 + 5 days = 9/19 (Sat, off) -> 9/20 (Sun, make-up working day)
--   acceptance passed     no term: due on the report's day, 9/18 (documented); done 9/25, 7 days late
--   advance 50%           6/15 + 5 days = 6/20 (Sat) -> 6/21 (Dragon Boat) -> 6/22 (Mon)
--   final 50%             9/25 + 5 days = 9/30 (Wed)
SELECT name, obligor, due_on, completed_on FROM milestone WHERE contract_id = :c004 ORDER BY due_on, name;
SELECT i.name, o.due_on, o.amount FROM installment_due o JOIN installment i ON i.id = o.installment_id
 WHERE i.contract_id = :c004 ORDER BY o.due_on;
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-06-22', 400000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'advance 50%';
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-10-09', 400000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'final 50%';
-- As of 2026-10-31, by hand:
--   the client's late acceptance charges nobody: §9.1 names the vendor (0.2 charged it 5% x 800,000.00 = 40,000.00)
--   the vendor was on time: 0.00
--   advance paid 6/22, its due day under Art. 203: 0 days late, 0.00
--   final due 9/30, paid 10/9: 10/1..10/9 = 9 days x 0.05% x 400,000.00 = 9 x 200.00 = 1,800.00
--   totals: client 1,800.00, vendor 0.00, all 1,800.00
SELECT line, kind, obligation, clause_ref, due_on, done_on, days_late, basis, rule, accrued, obligor, party, due_provisional, due_note
  FROM contract_statement(:c004, '2026-10-31');

-- The vendor late: development complete on 9/17, due 9/15: 5% of the total once = 40,000.00, the vendor's.
UPDATE milestone SET completed_on = '2026-09-17' WHERE name = 'development complete';
SELECT kind, obligation, days_late, accrued, obligor FROM contract_statement(:c004, '2026-10-31')
 WHERE accrued > 0 OR kind = 'total';
-- A clause that lists its milestones charges only those: §9.1 for the plan alone charges nothing here.
UPDATE clause SET applies_to = '{development plan}' WHERE ref = '9.1' AND contract_id = :c004;
SELECT kind, obligation, accrued, obligor FROM contract_statement(:c004, '2026-10-31') WHERE kind = 'total';
UPDATE clause SET applies_to = NULL WHERE ref = '9.1' AND contract_id = :c004;

-------------------------------------------------------------------------------
-- 2. A third party's liability cap (003 §16.1.1).
-------------------------------------------------------------------------------
INSERT INTO party (contract_id, name, role, liability_cap_amount) VALUES (:c004, '数据迁移服务商', 'technical_service', 5000.00);
INSERT INTO milestone (contract_id, name, anchor, anchor_date, within, obligor, party)
VALUES (:c004, 'data migration', 'date', '2026-09-01', '10 days', 'third_party', '数据迁移服务商');
-- 9/1 + 10 days = 9/11 (Fri); done 9/14: 9/12..9/14 = 3 days x 1% x 800,000.00 = 24,000.00, capped at 5,000.00
UPDATE milestone SET completed_on = '2026-09-14' WHERE name = 'data migration';
INSERT INTO clause (contract_id, kind, ref, wording, rule, obligor, party)
VALUES (:c004, 'delay_penalty', '16.2', '第三方延期完成数据迁移的，每日按合同总金额的1%支付违约金', '1% of total per day', 'third_party', '数据迁移服务商');
SELECT kind, obligation, days_late, accrued, obligor, party, due_note FROM contract_statement(:c004, '2026-10-31')
 WHERE kind = 'total' OR party IS NOT NULL;
-- the wording alone names a third party: its name must be given
INSERT INTO clause (contract_id, kind, ref, wording, rule) VALUES (:c004, 'delay_penalty', '16.3', '第三方未按合作协议履行义务，应向甲方、乙方支付违约金', '1% of total per day');
INSERT INTO clause (contract_id, kind, ref, rule, obligor, party) VALUES (:c004, 'delay_penalty', '16.4', '1% per day', 'vendor', '数据迁移服务商');
INSERT INTO clause (contract_id, kind, ref, rule, obligor, party) VALUES (:c004, 'delay_penalty', '16.5', '1% per day', 'third_party', 'nobody');
INSERT INTO milestone (contract_id, name, obligor) VALUES (:c004, 'orphan duty', 'third_party');
INSERT INTO clause (contract_id, kind, ref, term, obligor) VALUES (:c004, 'change_request', '11.9', '5 working days', 'client');

-------------------------------------------------------------------------------
-- 3. Who a clause's wording charges (clause_obligor), simplified, traditional, converted copies.
-------------------------------------------------------------------------------
SELECT kind, wording, clause_obligor(kind::clause_kind, wording) AS got, want FROM (VALUES
  ('delay_penalty', '每延迟一日，应向甲方支付合同总金额1%的违约金', 'vendor'),                 -- 001 §9.3 as the issue quotes it
  ('late_fee', '如果甲方未能按时支付费用，每延迟一日，应向乙方支付应付金额1%的滞纳金', 'client'),  -- 001 §9.4
  ('delay_penalty', '若甲方逾期付款，应向乙方支付逾期付款金额的X%作为违约金', 'client'),            -- 003 §4.5: a delay_penalty the client owes
  ('delay_penalty', '若乙方未按约定时间完成系统开发，甲方有权要求乙方支付违约金', 'vendor'),       -- 004 §9.1
  ('late_fee', '若甲方未按约定时间支付开发费用，乙方有权暂停项目开发，并要求甲方支付滞纳金', 'client'), -- 004 §9.3
  ('delay_penalty', '如乙方未能按時完成實施，每延遲一日，應(yīng)向甲方支付合同總金額1%的違約金', 'vendor'), -- traditional, with pinyin
  ('delay_penalty', '甲方有权从应付款项中扣除违约金', 'vendor'),                                  -- the one with the right is owed
  ('delay_penalty', '乙方应向甲方支付违约金', 'vendor'),
  ('late_fee', '甲方应向乙方支付滞纳金', 'client'),
  ('delay_penalty', '甲方有权向乙方收取违约金', 'vendor'),
  ('delay_penalty', '第三方未按合作协议履行义务，应向甲方、乙方支付相应的赔偿金', 'third_party'),  -- 003
  ('delay_penalty', 'The vendor shall pay 1% of the total per day of delay', 'vendor'),
  ('late_fee', 'The client shall pay 0.05% of the amount due per day', 'client'),
  ('late_fee', '逾期付款的，按日万分之五计收滞纳金', 'client'),
  ('delay_penalty', '延期交付的，每日按合同总额千分之一支付违约金', 'vendor'),
  ('late_fee', NULL, 'client'),
  ('delay_penalty', '违约方应向守约方支付违约金', 'vendor')) v(kind, wording, want)
 WHERE clause_obligor(kind::clause_kind, wording) IS DISTINCT FROM want::obligor;
-- the same reading whatever the session's string settings: an English sentence names the payer
SET standard_conforming_strings = off;
SELECT clause_obligor('delay_penalty', 'The client shall pay a penalty (违约金) of 1% per day') AS payer;   -- client
RESET standard_conforming_strings;

-------------------------------------------------------------------------------
-- 4. Conventions in the schedules.
-------------------------------------------------------------------------------
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, effective_to, status)
VALUES ('C-1', 'service', 't', '甲方', '乙方', 100000.00, '2026-09-26', '2026-10-31', 'active');
\set c1 '(SELECT id FROM contract WHERE code = ''C-1'')'
INSERT INTO milestone (contract_id, name, within, convention) VALUES
  (:c1, 'following', '5 days', 'following'),        -- 9/26 + 5 = 10/1 (National Day) -> 10/8
  (:c1, 'unadjusted', '5 days', 'unadjusted'),      -- 10/1, as the parties agreed
  (:c1, 'working days', '5 working days', 'unadjusted'); -- 9/28, 9/29, 9/30, 10/8, 10/9: 10/9 under both
INSERT INTO installment (contract_id, name, amount, within, every, occurrences, convention) VALUES
  (:c1, 'weekly', 100.00, '1 week', '1 week', 3, 'following');
-- 9/26 + 1 week = 10/3 (holiday) -> 10/8; then 10/3 + 1 week = 10/10 (make-up Saturday) -> 10/10;
-- 10/3 + 2 weeks = 10/17 (Sat) -> 10/19: later occurrences count from the first one's day as counted
SELECT name, due_on FROM milestone WHERE contract_id = :c1 ORDER BY name;
SELECT o.seq, o.due_on FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'weekly' ORDER BY o.seq;
-- the contract's life holds the occurrences whose day as counted falls by effective_to (10/31):
-- 10/3, 10/10, 10/17, 10/24, 10/31 (Sat, moved to Monday 11/2, after effective_to, but counted by then)
UPDATE installment SET occurrences = NULL WHERE name = 'weekly';
SELECT o.seq, o.due_on FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'weekly' ORDER BY o.seq;
-- change requests and notices follow their clause's convention
INSERT INTO clause (contract_id, kind, ref, term, convention) VALUES
  (:c1, 'change_request', '11.2', '5 days', 'following'),
  (:c1, 'termination', '11.3', '30 days', 'following');
INSERT INTO change_request (contract_id, ref, received_on) VALUES (:c1, 'CR-1', '2026-09-26');   -- 10/1 -> 10/8
SELECT ref, due_on FROM change_request WHERE contract_id = :c1;
-- notice to end on 10/31 (Sat): from 9/30 thirty days end Friday 10/30; from 10/1 on Saturday 10/31, moved to 11/2
SELECT termination_notice_by(:c1, '2026-10-31') AS notice_by_following;          -- 2026-09-30
UPDATE clause SET convention = 'unadjusted' WHERE ref = '11.3' AND contract_id = :c1;
SELECT termination_notice_by(:c1, '2026-10-31') AS notice_by_unadjusted;         -- 2026-10-01

-------------------------------------------------------------------------------
-- 5. Amounts are amounts; counts are bounded; payments never exceed what is due.
-------------------------------------------------------------------------------
\set VERBOSITY default
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('N-1', 'service', 't', 'c', 'v', 'NaN');
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('N-2', 'service', 't', 'c', 'v', 'Infinity');
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('N-3', 'service', 't', 'c', 'v', 1000.001);
INSERT INTO installment (contract_id, name, amount) VALUES (:c1, 'three decimals', 10.005);
INSERT INTO party (contract_id, name, role, liability_cap_amount) VALUES (:c1, 'p', 'consultant', 'NaN');
INSERT INTO clause (contract_id, kind, ref, rule, amount) VALUES (:c1, 'late_fee', '9.9', '1% per day', 0.001);
INSERT INTO installment (contract_id, name, amount, every, occurrences) VALUES (:c1, 'too many', 1.00, '1 day', 10005);
UPDATE contract SET effective_to = '2060-01-01' WHERE code = 'C-1';
INSERT INTO installment (contract_id, name, amount, every) VALUES (:c1, 'daily for decades', 1.00, '1 day');
UPDATE contract SET effective_to = '2026-10-31' WHERE code = 'C-1';
-- a delay penalty or late fee needs its rule, given or in its wording
INSERT INTO clause (contract_id, kind, ref) VALUES (:c1, 'delay_penalty', '9.1');
INSERT INTO clause (contract_id, kind, ref, wording) VALUES (:c1, 'late_fee', '9.2', '逾期付款的，甲方应承担违约责任');
-- payments: more than due is refused, a payment of 3 decimals too
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-10-09', 100.001 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'weekly' AND o.seq = 1;
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-10-09', 60.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'weekly' AND o.seq = 1;
-- lowering the amount below what is paid is refused (the rule: refunds are booked first), also through the total
UPDATE installment SET amount = 50.00 WHERE name = 'weekly';
UPDATE contract SET total_amount = 500000.00 WHERE code = '004';   -- 50% would be 250,000.00 < 400,000.00 paid
SELECT total_amount FROM contract WHERE code = '004';               -- unchanged: 800000.00
-- late_fee: payments above the amount due are refused
SELECT late_fee('1% per day', 1000, '2026-01-01', '{2026-01-05,2026-01-06}', '{600,600}', '2026-01-10');
SELECT late_fee('1% per day', 1000, '2026-01-01', '{2026-01-05,2026-01-06}', '{600,400}', '2026-01-10');   -- 4 x 10 + 1 x 4 = 44.00

-------------------------------------------------------------------------------
-- 6. penalty_rule sorts, groups and indexes.
-------------------------------------------------------------------------------
CREATE TEMP TABLE some_rules (r penalty_rule);
INSERT INTO some_rules VALUES ('1% of total per day'), ('0.05% of overdue per day'), ('1% of total per day'), ('LPR×1.5 of overdue per year'), ('5% of total');
SET enable_hashagg = off;
SELECT r, count(*) FROM some_rules GROUP BY r ORDER BY r;      -- by basis (total before overdue), then period (once first), fixed rates before LPR
SELECT count(DISTINCT r) AS distinct_rules FROM some_rules;    -- 4
RESET enable_hashagg;
CREATE INDEX ON some_rules (r);
SELECT '1% per day'::penalty_rule < '2% per day'::penalty_rule AS smaller_rate_first,
       '1% per day'::penalty_rule = '1%/日'::penalty_rule AS same_rule;

-------------------------------------------------------------------------------
-- 7. What the clauses charge, when several could (review of 0.3).
-------------------------------------------------------------------------------
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('R-1', 'service', 't', '甲方', '乙方', 1000000.00, '2026-09-01', 'signed');
\set r1 '(SELECT id FROM contract WHERE code = ''R-1'')'
-- a general clause without rule (0.2 data, kept by the update) and refs 10.2 / 9.3: the first
-- by ref WITH a rule charges, numbered parts compared as numbers (9.3 before 10.2)
ALTER TABLE clause DISABLE TRIGGER clause_check;
INSERT INTO clause (contract_id, kind, ref, wording, obligor) VALUES (:r1, 'delay_penalty', '9.1', '任何一方未能履行本合同的义务，均视为违约', 'vendor');
ALTER TABLE clause ENABLE TRIGGER clause_check;
INSERT INTO clause (contract_id, kind, ref, rule, obligor) VALUES
  (:r1, 'delay_penalty', '10.2', '2% of total per day', 'vendor'),
  (:r1, 'delay_penalty', '9.3', '1% of total per day', 'vendor'),
  -- 003 §4.5: a delay penalty the client owes on the overdue payment (逾期付款金额的2%作为违约金)
  (:r1, 'delay_penalty', '4.5', '2% of overdue', 'client');
INSERT INTO milestone (contract_id, name, anchor, anchor_date, within, obligor) VALUES
  (:r1, 'delivery', 'date', '2026-09-01', '10 days', 'vendor'),     -- 9/11 (Fri)
  (:r1, 'acceptance', 'date', '2026-09-01', '10 days', 'client');   -- 9/11, the client's own step
INSERT INTO installment (contract_id, name, amount, anchor, anchor_date, within) VALUES (:r1, 'fee', 10000.00, 'date', '2026-09-01', '10 days');
UPDATE milestone SET completed_on = '2026-09-14' WHERE contract_id = :r1;   -- both 3 days late
-- delivery: 3 days x 1% x 1,000,000.00 = 30,000.00 by 9.3 (not 10.2, not the ruleless 9.1);
-- acceptance: nothing (4.5 charges overdue amounts, not milestones); fee unpaid since 9/11:
-- 2% of the 10,000.00 overdue, once = 200.00 by 4.5
SELECT kind, obligation, clause_ref, days_late, basis, rule, accrued, obligor FROM contract_statement(:r1, '2026-10-30');
-- a delay penalty of the undelivered part needs the milestone's amount
UPDATE clause SET rule = '0.1% of undelivered per day' WHERE ref = '9.3' AND contract_id = :r1;
SELECT obligation, clause_ref, basis, accrued, due_note FROM contract_statement(:r1, '2026-10-30') WHERE obligation = 'delivery';
UPDATE milestone SET amount = 200000.00 WHERE name = 'delivery';   -- 3 days x 0.1% x 200,000.00 = 600.00
SELECT obligation, clause_ref, basis, accrued, due_note FROM contract_statement(:r1, '2026-10-30') WHERE obligation = 'delivery';
\set VERBOSITY default
SELECT * FROM contract_statement(:r1, NULL);

-- A wording edited: the rule and obligor read from it follow; a rule given stays.
INSERT INTO clause (contract_id, kind, ref, wording) VALUES (:r1, 'late_fee', '9.4', '如果甲方未能按时支付费用，每延迟一日，应向乙方支付应付金额1%的滞纳金');
SELECT rule, obligor FROM clause WHERE ref = '9.4' AND contract_id = :r1;    -- read from the wording
UPDATE clause SET wording = '如果甲方未能按时支付费用，每延迟一日，应向乙方支付应付金额2%的滞纳金' WHERE ref = '9.4' AND contract_id = :r1;
SELECT rule, obligor FROM clause WHERE ref = '9.4' AND contract_id = :r1;    -- 2% now
UPDATE clause SET rule = '0.05% of overdue per day' WHERE ref = '9.4' AND contract_id = :r1;
UPDATE clause SET wording = '如果甲方未能按时支付费用，应向乙方支付滞纳金（见附件）' WHERE ref = '9.4' AND contract_id = :r1;
SELECT rule, obligor FROM clause WHERE ref = '9.4' AND contract_id = :r1;    -- the rule given stays

-- Change requests follow their clause: term and convention changes recompute the open ones.
INSERT INTO clause (contract_id, kind, ref, term) VALUES (:r1, 'change_request', '11.2', '5 days');
INSERT INTO change_request (contract_id, ref, received_on) VALUES (:r1, 'CR-1', '2026-09-26');
SELECT ref, due_on FROM change_request WHERE contract_id = :r1;             -- 10/1 -> 10/8
UPDATE clause SET convention = 'unadjusted' WHERE ref = '11.2' AND contract_id = :r1;
SELECT ref, due_on FROM change_request WHERE contract_id = :r1;             -- 10/1
UPDATE clause SET term = '10 working days' WHERE ref = '11.2' AND contract_id = :r1;
SELECT ref, due_on FROM change_request WHERE contract_id = :r1;             -- 9/28, 9/29, 9/30, 10/8 .. 10/10 (Sat), 10/12 .. 10/15: 10/15
DELETE FROM clause WHERE ref = '11.2' AND contract_id = :r1;
SELECT ref, due_on, due_note FROM change_request WHERE contract_id = :r1;   -- none: no clause
SELECT kind, obligation, clause_ref FROM obligations WHERE contract_code = 'R-1' AND kind = 'change_request';

-- Occurrences are computed, not written.
UPDATE installment_due SET amount = 1.00 WHERE installment_id = (SELECT id FROM installment WHERE name = 'fee');
DELETE FROM installment_due WHERE installment_id = (SELECT id FROM installment WHERE name = 'fee');

-- Monthly after a clamped first month: signed 1/30, within 1 month, monthly: 2/28 (a make-up
-- Saturday), then 1/30 + 2 months = 3/30 (Mon), + 3 months = 4/30 (Thu), not 3/28 and 4/28.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('R-2', 'service', 't', '甲方', '乙方', 120000.00, '2026-01-30', 'signed');
INSERT INTO installment (contract_id, name, amount, within, every, occurrences)
SELECT id, 'monthly', 10000.00, '1 month', '1 month', 3 FROM contract WHERE code = 'R-2';
SELECT o.seq, o.due_on FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'monthly' ORDER BY o.seq;

-- Past the calendar's data (no forecast): the occurrences are kept, undated, with a note.
INSERT INTO calendar (name, time_zone, covered_from, covered_to, description) VALUES ('short', 'Asia/Shanghai', '2026-01-01', '2026-12-31', 'test: 2026 only');
INSERT INTO calendar_hours (calendar, weekday, opens, closes) SELECT 'short', d, '09:00', '18:00' FROM generate_series(1, 5) d;
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('R-3', 'maintenance_support', 't', '甲方', '乙方', 100000.00, '2026-03-02', 'signed', 'short');
INSERT INTO installment (contract_id, name, amount, every, occurrences)
SELECT id, 'yearly', 10000.00, '1 year', 3 FROM contract WHERE code = 'R-3';
SELECT o.seq, o.due_on, o.due_note FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'yearly' ORDER BY o.seq;
-- with a late fee of 0.05% a day: #1 unpaid since 3/2, 3/3..12/31 = 304 days x 5.00 = 1,520.00; #2 and #3 unknown
INSERT INTO clause (contract_id, kind, ref, rule) SELECT id, 'late_fee', '9.4', '0.05% of overdue per day' FROM contract WHERE code = 'R-3';
SELECT obligation, due_on, days_late, accrued, due_note FROM contract_statement((SELECT id FROM contract WHERE code = 'R-3'), '2026-12-31')
 WHERE kind = 'installment' OR obligor = 'client';

-- Many intervals in a day: close of business is the last one's end (72 intervals, the last 23:30-23:50).
INSERT INTO calendar (name, time_zone, description) VALUES ('shifts', 'Asia/Shanghai', 'test: 72 shifts a day');
INSERT INTO calendar_hours (calendar, weekday, opens, closes)
SELECT 'shifts', d, make_time(0, 0, 0) + make_interval(mins => 20 * i), make_time(0, 0, 0) + make_interval(mins => 20 * i + 10)
  FROM generate_series(1, 7) d, generate_series(0, 71) i;
SELECT due(timestamptz '2026-09-29 10:00+08', '1 day', 'shifts');           -- 2026-09-30 23:50+08

-- A tenant's role cannot skip the checks by turning check_function_bodies off.
CREATE ROLE law_app;
INSERT INTO tenant_member VALUES ('law_app', 'law');
GRANT USAGE ON SCHEMA crm_contract TO law_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON contract, clause, milestone, installment, installment_due, payment TO law_app;
SET ROLE law_app;
SET check_function_bodies = off;
INSERT INTO payment (installment_due_id, paid_on, amount)
SELECT o.id, '2026-09-20', 20000.00 FROM installment_due o JOIN installment i ON i.id = o.installment_id WHERE i.name = 'fee';
SELECT restoring() AS skips_checks;
RESET check_function_bodies;
RESET ROLE;

DELETE FROM payment;
DELETE FROM contract;
DELETE FROM calendar WHERE name IN ('short', 'shifts');
DELETE FROM tenant_member;
REVOKE ALL ON contract, clause, milestone, installment, installment_due, payment FROM law_app;
REVOKE USAGE ON SCHEMA crm_contract FROM law_app;
DROP ROLE law_app;
