-- The term type: input forms, canonical output, errors, equality, hashing, binary I/O.
SET search_path = crm_contract, public;
SET extra_float_digits = 0;

-- Every accepted spelling, with the canonical text worked out by hand.
CREATE TEMP TABLE term_forms (input text, canonical text);
INSERT INTO term_forms VALUES
  ('10 working days', '10 working days'),
  ('1 working day', '1 working day'),
  ('10个工作日', '10 working days'),
  ('10個工作日', '10 working days'),
  ('10工作日', '10 working days'),
  ('10 个工作日', '10 working days'),
  ('60個工作日', '60 working days'),
  ('3 business days', '3 working days'),
  ('3 Working  Days', '3 working days'),
  ('  15 days  ', '15 days'),
  ('15日', '15 days'),
  ('15天', '15 days'),
  ('15 calendar days', '15 days'),
  ('15个自然日', '15 days'),
  ('1 day', '1 day'),
  ('一日', '1 day'),
  ('3 months', '3 months'),
  ('3个月', '3 months'),
  ('3個月', '3 months'),
  ('三个月', '3 months'),
  ('1 month', '1 month'),
  ('1 year', '1 year'),
  ('1年', '1 year'),
  ('一年', '1 year'),
  ('八年', '8 years'),
  ('2 weeks', '2 weeks'),
  ('2周', '2 weeks'),
  ('2週', '2 weeks'),
  ('两个星期', '2 weeks'),
  ('24 hours', '24 hours'),
  ('24小时', '24 hours'),
  ('24小時', '24 hours'),
  ('二十四小时', '24 hours'),
  ('1 hour', '1 hour'),
  ('1小時', '1 hour'),
  ('1 hr', '1 hour'),
  ('2 working hours', '2 working hours'),
  ('2个工作小时', '2 working hours'),
  ('2個工作小時', '2 working hours'),
  ('30 minutes', '30 minutes'),
  ('30 min', '30 minutes'),
  ('5 分钟', '5 minutes'),
  ('5分鐘', '5 minutes'),
  ('45 working minutes', '45 working minutes'),
  ('十五天', '15 days'),
  ('一百零五天', '105 days'),
  ('１０个工作日', '10 working days'),
  (E'10\u3000个工作日', '10 working days'),
  ('2147483647 minutes', '2147483647 minutes');

-- Mismatches between the parsed text and the expected canonical form: none.
SELECT input, input::term::text AS got, canonical
  FROM term_forms WHERE input::term::text IS DISTINCT FROM canonical;

-- Output is valid input: every canonical form parses back to the same term.
SELECT input FROM term_forms WHERE input::term::text::term <> input::term;

-- Bad input: exact errors.
\set VERBOSITY default
SELECT ''::term;
SELECT '   '::term;
SELECT 'days'::term;
SELECT 'ten days'::term;
SELECT '10'::term;
SELECT '10 '::term;
SELECT '10 fortnights'::term;
SELECT '10 dayz'::term;
SELECT '10 days ago'::term;
SELECT '10 days.'::term;
SELECT '10 working'::term;
SELECT '10 working weeks'::term;
SELECT '10 business'::term;
SELECT '-5 days'::term;
SELECT '－5天'::term;
SELECT '0 days'::term;
SELECT '0个工作日'::term;
SELECT '零天'::term;
SELECT '2147483648 minutes'::term;
SELECT '99999999999999999999 days'::term;
SELECT '1.5 days'::term;
SELECT '1,5 days'::term;
SELECT '1．5天'::term;
SELECT '1e3 days'::term;
SELECT '+5 days'::term;
SELECT '5 days 3 hours'::term;
SELECT '10个工作日内'::term;
SELECT '3月'::term;
SELECT '10个'::term;
SELECT '十十天'::term;
SELECT '一二天'::term;
SELECT '10 天 天'::term;
SELECT 'P10D'::term;
SELECT '10d'::term;
SELECT '10 h'::term;
SELECT '10 days,'::term;
SELECT '10	days	x'::term;
SELECT '- days'::term;
SELECT '5 working days' || chr(10) || 'x'::text;
SELECT ('5 working days' || chr(10) || 'x')::term;
SELECT '五'::term;
SELECT '10 minutes working'::term;
SELECT 'working 10 days'::term;
SELECT '10 工作'::term;
SELECT '10 years!'::term;

-- Accessors and the constructor.
SELECT term_quantity('10个工作日'), term_unit('10个工作日'), term_unit('1 day');
SELECT term(10, 'working days'), term(3, '個月'), term(1, 'hours');
SELECT term(0, 'days');
SELECT term(-1, 'days');
SELECT term(5, 'fortnights');

-- Equality is by quantity and unit: a week is not seven days.
SELECT '1 week'::term = '7 days'::term AS week_is_7_days,
       '10个工作日'::term = '10 working days'::term AS same,
       '10个工作日'::term <> '10 days'::term AS differs;

-- Hash opclass: grouping, DISTINCT and a hash join on terms.
SET enable_sort = off;
SELECT t::text, count(*) FROM (VALUES ('10个工作日'::term), ('10 working days'), ('10天'), ('10 days'), ('10 days')) v(t)
 GROUP BY t ORDER BY 1;
SELECT count(*) FROM (SELECT DISTINCT t FROM (VALUES ('1年'::term), ('1 year'), ('12 months')) v(t)) d;
-- Terms have no order ('1 month' against '30 days' has no answer): count(DISTINCT) needs one.
SELECT count(DISTINCT t) FROM (VALUES ('1年'::term)) v(t);
CREATE TEMP TABLE clause_terms (clause text, t term);
INSERT INTO clause_terms VALUES ('001 §3.1.1', '10個工作日'), ('001 §3.1.2', '60個工作日'), ('004 §4.1.1', '15日');
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT * FROM clause_terms a JOIN clause_terms b USING (t);
SELECT a.clause, b.t FROM clause_terms a JOIN (VALUES ('10 working days'::term), ('15 days')) b(t) ON a.t = b.t ORDER BY 1;
RESET enable_sort; RESET enable_mergejoin; RESET enable_nestloop;

-- Binary send/recv: COPY out and back in gives identical values.
CREATE TEMP TABLE term_copy AS SELECT input::term AS t FROM term_forms;
COPY term_copy TO '/tmp/crm_contract_term_copy.bin' (FORMAT binary);
CREATE TEMP TABLE term_back (t term);
COPY term_back FROM '/tmp/crm_contract_term_copy.bin' (FORMAT binary);
SELECT (SELECT count(*) FROM term_copy) AS sent, (SELECT count(*) FROM term_back) AS received,
       (SELECT count(*) FROM (SELECT t FROM term_copy EXCEPT ALL SELECT t FROM term_back) x) AS differing;
-- A well-formed binary value is read back; a wrong version byte, unit or quantity is refused.
-- (COPY binary files built by hand: header, one field of 6 bytes: version, unit, int32 quantity.)
CREATE FUNCTION pg_temp.copy_file(path text, field bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE o oid;
BEGIN
  o := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
    || '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea);
  PERFORM lo_export(o, path);
  PERFORM lo_unlink(o);
END $$;
TRUNCATE term_back;
SELECT pg_temp.copy_file('/tmp/crm_contract_term_ok.bin', '\x01090000000a');
COPY term_back FROM '/tmp/crm_contract_term_ok.bin' (FORMAT binary);
SELECT t FROM term_back;
SELECT pg_temp.copy_file('/tmp/crm_contract_term_bad.bin', '\x02090000000a');
COPY term_back FROM '/tmp/crm_contract_term_bad.bin' (FORMAT binary);
SELECT pg_temp.copy_file('/tmp/crm_contract_term_bad.bin', '\x010c0000000a');
COPY term_back FROM '/tmp/crm_contract_term_bad.bin' (FORMAT binary);
SELECT pg_temp.copy_file('/tmp/crm_contract_term_bad.bin', '\x010900000000');
COPY term_back FROM '/tmp/crm_contract_term_bad.bin' (FORMAT binary);
SELECT pg_temp.copy_file('/tmp/crm_contract_term_bad.bin', '\x0109000000');
COPY term_back FROM '/tmp/crm_contract_term_bad.bin' (FORMAT binary);
