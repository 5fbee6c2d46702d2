-- penalty_rule and the accrual functions.  Every expected amount is worked out
-- by hand in the comment beside it.
SET search_path = crm_contract, public;
SET datestyle = ISO;
\set SHOW_CONTEXT never

-- The issue's examples, with their canonical text.
SELECT input, input::penalty_rule AS canonical FROM (VALUES
  ('1% of total per day'), ('1% of overdue per day'), ('2% of overdue'),
  ('0.05% of overdue per day, grace 3 days, cap 30%'), ('LPR×1.5 of overdue per year'),
  ('合同总金额的1%/日'), ('合同總金額1%/日'), ('应付金额的1%/日'), ('每日万分之五'), ('逾期付款金额的2%'),
  ('LPR*1.5 of overdue per year'), ('千分之一 of undelivered per week'), ('0.0175% of overdue per day'),
  ('1% of overdue per month, compound'), ('LPR×1.3 of overdue per year, floating'),
  ('0.5% per working day, grace 2 working days, min 500, cap 100000'), ('逾期金额的万分之五/日，宽限期3天，上限30%')) v(input);
-- Canonical text reads back as the same rule; equal rules group together.
SELECT count(*) AS not_round_tripping FROM (VALUES ('1% of total per day'), ('每日万分之五'), ('LPR×1.5 of overdue per year, floating'),
  ('0.5% per working day, grace 2 working days, min 500, cap 100000.5')) v(t)
 WHERE t::penalty_rule::text::penalty_rule <> t::penalty_rule;
SELECT r::text, count(*) FROM (VALUES ('合同总金额的1%/日'::penalty_rule), ('合同總金額1%/日'), ('1% of total per day'), ('1% per day')) v(r) GROUP BY r ORDER BY 1;

-- Seed 001 §9.3: 1% of the total 1,000,000.00 per day, 12 days late: 12 x 10,000.00 = 120,000.00.
SELECT penalty('合同总金额的1%/日', 1000000.00, '2026-01-09', '2026-01-21') AS "001 §9.3";
-- Seed 001 §9.4: 500,000.00 paid 7 days late at 1% per day: 7 x 5,000.00 = 35,000.00.
SELECT penalty('应付金额的1%/日', 500000.00, '2025-10-16', '2025-10-23') AS "001 §9.4";
-- Not late: 0.  Days counted are due < d <= until.
SELECT penalty('1% per day', 1000, '2026-01-09', '2026-01-09') AS on_time, penalty('1% per day', 1000, '2026-01-09', '2026-01-01') AS early,
       penalty('1% per day', 1000, '2026-01-09', '2026-01-10') AS one_day;   -- 10.00

-- Partial payments: 100,000.00 due 2026-03-01, 40,000.00 paid 3/11, the rest 3/21, 0.05% per day:
-- 10 days x 100,000 x 0.0005 + 10 days x 60,000 x 0.0005 = 500 + 300 = 800.00.
SELECT late_fee('0.05% of overdue per day', 100000.00, '2026-03-01', '{2026-03-11,2026-03-21}', '{40000,60000}', '2026-03-31') AS partial;
-- A payment reduces what is overdue, never the contract total: 10 days x 1% x 1,000,000.00 = 100,000.00.
SELECT late_fee('1% of total per day', 1000000.00, '2026-01-01', '{2026-01-05}', '{500000}', '2026-01-11') AS total_basis;
SELECT * FROM late_fee_breakdown('每日万分之五', 100000.00, '2026-03-01', '{2026-03-21,2026-03-11}', '{60000,40000}', '2026-03-31');

-- Grace, caps and minimum (base 10,000.00 due 2026-03-01, paid 2026-03-31: 30 days late).
SELECT penalty('0.1% per day, grace 3 days', 10000, '2026-03-01', '2026-03-31') AS grace_3,     -- 27 days x 10.00 = 270.00
       penalty('0.1% per day, grace 30 days', 10000, '2026-03-01', '2026-03-31') AS within_grace,  -- 0
       penalty('1% per day, cap 20%', 10000, '2026-03-01', '2026-03-31') AS cap_share,     -- 3,000.00 capped at 2,000.00
       penalty('1% per day, cap 500', 10000, '2026-03-01', '2026-03-31') AS cap_amount,    -- 500.00
       penalty('0.01% per day, min 50', 10000, '2026-03-01', '2026-03-31') AS minimum,     -- 30.00 raised to 50.00
       penalty('0.01% per day, min 50, cap 40', 10000, '2026-03-01', '2026-03-31') AS cap_over_min;  -- 40.00
-- Working days on CN: due 2026-09-30, until 2026-10-12: working days 10/8, 10/9, 10/10 (make-up), 10/12 = 4.
SELECT penalty('0.1% per working day', 10000, '2026-09-30', '2026-10-12') AS per_working_day,            -- 4 x 10.00 = 40.00
       penalty('0.1% per day, grace 2 working days', 10000, '2026-09-30', '2026-10-12') AS working_grace;  -- grace to 10/9: 3 days = 30.00
-- Pro rata periods: 12% per year for 73 days on 10,000.00 = 10,000 x 0.12 x 73/365 = 240.00;
-- 3% per month for 45 days = 10,000 x 0.03 x 45/30 = 450.00; 7% per week for 10 days = 700 x 10/7 = 1,000.00.
SELECT penalty('12% per year', 10000, '2026-01-01', '2026-03-15') AS per_year, penalty('3% per month', 10000, '2026-01-01', '2026-02-15') AS per_month,
       penalty('7% per week', 10000, '2026-01-01', '2026-01-11') AS per_week;
-- Compounding monthly (30-day months): 10,000.00 at 1% per month for 60 days = 100.00 + 101.00 = 201.00;
-- for 75 days, 15 more days on 10,201.00: 10,201 x 0.01 x 15/30 = 51.005 -> 51.01: 252.01.
SELECT penalty('1% per month, compound', 10000, '2026-01-01', '2026-03-02') AS compound_60,
       penalty('1% per month, compound', 10000, '2026-01-01', '2026-03-17') AS compound_75;
-- Rounding at half a fen: 0.01 x 50% = 0.005 -> 0.01; 0.03 x 50% = 0.015 -> 0.02.
SELECT penalty('50% of overdue', 0.01, '2026-01-01', '2026-01-02') AS half_fen, penalty('50% of overdue', 0.03, '2026-01-01', '2026-01-02') AS one_and_a_half_fen;
-- Big and small: 10^15 at 0.0001% per day for 1 day = 1,000,000,000.00; 10^15 at 1% per day for 10 days = 10^14.
SELECT penalty('0.0001% per day', 1000000000000000, '2026-01-01', '2026-01-02') AS tiny_rate,
       penalty('1% per day', 1000000000000000, '2026-01-01', '2026-01-11') AS big_amount;

-- LPR: in force at the due date (2024-01-01: 3.45%), × 1.5 = 5.175% a year; 100,000.00 for 365 days = 5,175.00.
SELECT penalty('LPR×1.5 of overdue per year', 100000, '2024-01-01', '2024-12-31') AS lpr_at_due;
-- Floating across the 2024-07-22 change (3.45% -> 3.35%): 2024-07-01 to 2024-08-01:
-- 7/2..7/21: 20 days at 3.45%: 100,000 x 0.0345 x 20/365 = 189.04 (189.0410...);
-- 7/22..8/1: 11 days at 3.35%: 100,000 x 0.0335 x 11/365 = 100.96 (100.9589...); total 290.00.
SELECT penalty('LPR of overdue per year, floating', 100000, '2024-07-01', '2024-08-01') AS lpr_floating;
SELECT * FROM late_fee_breakdown('LPR of overdue per year, floating', 100000, '2024-07-01', '{}', '{}', '2024-08-01');
SELECT statutory_default_rule('2025-06-01') AS rule, annual_rate(statutory_default_rule('2025-06-01'), '2025-06-01') AS annual;  -- 3.00% x 1.5 = 4.5%
SELECT annual_rate('1% per day') AS "365%", annual_rate('每日万分之五') AS "18.25%", annual_rate('2% of overdue') AS once;

-- Bad input: explicit errors.
\set VERBOSITY default
SELECT ''::penalty_rule;
SELECT 'of total per day'::penalty_rule;
SELECT '1 of total per day'::penalty_rule;
SELECT '0% of total per day'::penalty_rule;
SELECT '-1% of total per day'::penalty_rule;
SELECT '10001% of total'::penalty_rule;
SELECT '0.00000001% per day'::penalty_rule;
SELECT '1% of everything per day'::penalty_rule;
SELECT '1% of total per fortnight'::penalty_rule;
SELECT '1% 2% of total'::penalty_rule;
SELECT '1% of total of overdue'::penalty_rule;
SELECT '1% per day per month'::penalty_rule;
SELECT '1% per day, grace'::penalty_rule;
SELECT '1% per day, grace three'::penalty_rule;
SELECT '1% per day, grace 3'::penalty_rule;
SELECT '1% per day, grace 3 weeks'::penalty_rule;
SELECT '1% per day, cap'::penalty_rule;
SELECT '1% per day, cap 0%'::penalty_rule;
SELECT '1% per day, cap 0'::penalty_rule;
SELECT '1% per day, cap 10.005'::penalty_rule;
SELECT '1% per day, cap 30%, cap 40%'::penalty_rule;
SELECT '1% per day, min -5'::penalty_rule;
SELECT '1% per day, min 5, min 6'::penalty_rule;
SELECT '2% of overdue, compound'::penalty_rule;
SELECT '1% per working day, compound'::penalty_rule;
SELECT '1% per day, floating'::penalty_rule;
SELECT 'LPR×0 per year'::penalty_rule;
SELECT 'LPR×1.2345 per year'::penalty_rule;
SELECT 'LPR× per year'::penalty_rule;
SELECT 'LPR×1.5 LPR×1.3'::penalty_rule;
SELECT '万分之 per day'::penalty_rule;
SELECT '万分之十十'::penalty_rule;
SELECT '1％ of total per day, compound, compound'::penalty_rule;
SELECT '1% of total per day!'::penalty_rule;
SELECT 'penalty 1% of total'::penalty_rule;
SELECT '1%% of total'::penalty_rule;
SELECT '1.5.5% per day'::penalty_rule;
SELECT '1% per day, grace 100001 days'::penalty_rule;
SELECT '合同总金额的1%/日/日'::penalty_rule;
SELECT '1% per day, cap 1000000000000000.01'::penalty_rule;
SELECT penalty('1% per day', 100.001, '2026-01-01', '2026-01-02');
SELECT penalty('1% per day', -100, '2026-01-01', '2026-01-02');
SELECT penalty('1% per day', 'NaN', '2026-01-01', '2026-01-02');
SELECT penalty('10000% per day', 92233720368547758, '2026-01-01', '2026-12-31');
SELECT penalty('1% per day', 1e30, '2026-01-01', '2026-01-02');
SELECT penalty('LPR×1.5 per year', 1000, '2019-01-01', '2019-12-31');
SELECT penalty('1% per working day', 1000, '2026-12-20', '2027-01-10');
SELECT penalty('1% per working day', 1000, '2026-01-01', '2026-01-10', 'nowhere');
SELECT penalty('1% per day', 1000, 'infinity', '2026-01-10');
SELECT late_fee('1% per day', 1000, '2026-01-01', '{2026-01-05}', '{}', '2026-01-10');
SELECT late_fee('1% per day', 1000, '2026-01-01', '{2026-01-05}', '{0}', '2026-01-10');
SELECT late_fee('1% per day', 1000, '2026-01-01', ARRAY[NULL::date], '{5}', '2026-01-10');
SELECT statutory_default_rule('2019-08-19');
SELECT statutory_default_rule('2025-01-01', 2);
SELECT annual_rate('LPR per year', '2019-01-01');
-- Contract wording: the seeds' penalty sentences as written (traditional, with the
-- converter's glosses), simplified, and other real clause forms.  Worked out by hand:
-- 每延迟一日 = per day, 合同总金额/合同总额 = total, 应付金额/应付款项/逾期付款金额 = overdue,
-- no period = once, 万分之五 = 0.05%, 0.5‰ = 0.05%, 千分之三 = 0.3%, 10万元 = 100000.
SELECT input, input::penalty_rule AS canonical FROM (VALUES
  ('每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。'),                            -- 001 §9.3
  ('如果乙方未能按約定時間完成系統(tǒng)實施,每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。'),  -- 001 §9.3, whole
  ('每延迟一日，应向甲方支付合同总金额1%的违约金'),
  ('每延遲一日,應(yīng)向乙方支付應(yīng)付金額1%的滯納金。'),                            -- 001 §9.4
  ('应向乙方支付应付金额1%的滞纳金'),                                            -- 001 §9.4 without its period
  ('违约金为合同总额的5%'), ('滞纳金为应付款项的0.5%'),                          -- 004 §9.1, §9.3 filled in
  ('应向乙方支付逾期付款金额的2%作为违约金'),                                    -- 003 §4.5 (说明二's 2%)
  ('违约金的计算方式为合同总金额的10%'),                                         -- 003 §8.2.2 filled in
  ('按日万分之五支付滞纳金'), ('每逾期一天按未付款项的0.5‰'), ('每日按逾期金额的千分之三'),
  ('迟延交付部分价款的1%'), ('以合同总价款为基数，按每日0.1%计算'),
  ('合同总金额的1%/日，违约金总额不超过合同总额的20%'), ('按日万分之五支付滞纳金，最高不超过合同金额的30%'),
  ('每日按合同总额的１％支付违约金'), ('最高不超过人民币10万元，每日万分之五'),
  ('买方逾期付款的，应按逾期付款金额每日万分之五向卖方支付违约金'),
  ('1% per day, cap 100,000.50'), ('1% of total per day.')) v(input);
-- The seed's wording is the same rule as the canonical text, and accrues the same:
-- 1% of 1,000,000.00 for 12 days = 120,000.00.
SELECT '每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。'::penalty_rule = '1% of total per day' AS same_rule,
       penalty('每延遲一日,應(yīng)向甲方支付合同總金額1%的違約金。', 1000000.00, '2026-01-09', '2026-01-21') AS "001 §9.3";
-- Refused: no rate, two rates, template blanks, empty parts, a dangling "of", a cap of
-- another basis than the rate's, a condition the rule cannot hold.
SELECT '违约金由双方协商确定'::penalty_rule;
SELECT '違約方應(yīng)承擔(dān)因其違約而給對方造成的損失賠償責(zé)任。'::penalty_rule;
SELECT '1%或2%'::penalty_rule;
SELECT '1%,2%'::penalty_rule;
SELECT '违约金为合同总额的___%'::penalty_rule;
SELECT '應向乙方支付逾期付款金額的X%作為違約金'::penalty_rule;
SELECT '1% of total per day,,'::penalty_rule;
SELECT '1% of total per day。。'::penalty_rule;
SELECT '1% per day of'::penalty_rule;
SELECT '每日按逾期金额的千分之三，违约金总额不超过合同总额的20%'::penalty_rule;
SELECT '逾期超过30日的，按日万分之五'::penalty_rule;
-- Their SQLSTATEs: 22P02 (syntax), and 22003 for more decimals than an amount keeps.
CREATE FUNCTION pg_temp.rule_sqlstate(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM t::crm_contract.penalty_rule;
  RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;
SELECT t, pg_temp.rule_sqlstate(t) FROM (VALUES ('违约金由双方协商确定'), ('1%或2%'), ('违约金为合同总额的___%'),
  ('1% of total per day,,'), ('1% per day of'), ('每逾期三日1%'), ('1%, cap 1.2345678万'), ('百分之X')) v(t);
-- Binary send/recv round trip through COPY.
CREATE TEMP TABLE rules AS SELECT r::penalty_rule AS r FROM (VALUES ('1% of total per day'), ('每日万分之五'),
  ('0.5% per working day, grace 2 working days, min 500, cap 100000'), ('LPR×1.5 of overdue per year, floating'), ('1% per month, compound')) v(r);
COPY rules TO '/tmp/crm_contract_rules.bin' (FORMAT binary);
CREATE TEMP TABLE rules_back (r penalty_rule);
COPY rules_back FROM '/tmp/crm_contract_rules.bin' (FORMAT binary);
SELECT (SELECT count(*) FROM rules_back) AS received,
       (SELECT count(*) FROM (SELECT r FROM rules EXCEPT ALL SELECT r FROM rules_back) x) AS differing;
-- Clauses carry rules.
INSERT INTO tenant_member VALUES (current_user, 'penalty');
INSERT INTO contract (code, kind, title, client, vendor, total_amount) VALUES ('P-1', 'implementation', 't', 'c', 'v', 1000000);
INSERT INTO clause (contract_id, kind, ref, rule) VALUES ((SELECT id FROM contract WHERE code = 'P-1'), 'delay_penalty', '9.3', '合同总金额的1%/日');
INSERT INTO clause (contract_id, kind, ref, rule) VALUES ((SELECT id FROM contract WHERE code = 'P-1'), 'confidentiality', '8.1', '1% per day');
SELECT ref, rule, penalty(rule, c.total_amount, '2026-01-09', '2026-01-21') FROM clause k JOIN contract c ON c.id = k.contract_id;
DELETE FROM contract;
DELETE FROM tenant_member;
-- Dates inside messages are ISO whatever DateStyle says (results follow DateStyle).
SET datestyle = 'SQL, DMY';
SELECT penalty('LPR×1.5 of overdue per year', 1000, '2019-01-01', '2019-02-01');
SELECT accrued('1% per day', 1000, '2026-01-01', '2026-01-11', '{}', '{}', '{2026-01-05}', '{2026-01-03}');
SELECT add_working_days('2026-12-30', 5);
SELECT due(date '2026-12-01', '1 month', 'CN', 'unadjusted');   -- a result follows DateStyle: 01/01/2027
SET datestyle = ISO;
