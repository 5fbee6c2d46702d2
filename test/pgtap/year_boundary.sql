-- The year boundary as a tenant's ticket writer meets it: CN is announced to 2026-12-31,
-- deadlines past it rest on CN's forecast (国务院令第798号) and are marked provisional, and
-- the owner's load of the year's notice settles them, for every tenant.  The 2027 notice
-- is SYNTHETIC (test/notices/2027-synthetic.txt, first line its label): 1/1-3 off,
-- 2/5-13 off, Sunday 1/31 worked.  CN's hours: Mon-Fri 09:00-12:00, 13:00-18:00.
-- Every expected value is counted by hand beside it.
BEGIN;
SELECT plan(25);
SET LOCAL timezone = 'Asia/Shanghai';
\set notice2027 `tail -n +2 test/notices/2027-synthetic.txt`

-- CN's forecast for 2027, Art. 6 of the 办法 (a statutory day on a weekend is made up by the
-- next weekdays not already off): 元旦 1/1 (Fri); 春节 除夕 2/5 + 3 days = 2/5-2/8, Sat 2/6
-- and Sun 2/7 made up 2/9, 2/10; 清明 4/5; 劳动节 5/1 (Sat), 5/2 (Sun) made up 5/3, 5/4;
-- 端午 6/9; 中秋 9/15; 国庆 10/1-10/3, Sat 10/2 and Sun 10/3 made up 10/4, 10/5: 19 days.
SELECT is((SELECT count(*)::int FROM crm_contract.forecast_days('CN', 2027)), 19, 'CN''s forecast for 2027 has 19 days off');
SELECT is((SELECT array_agg(day ORDER BY day) FROM crm_contract.forecast_days('CN', 2027) WHERE day < '2027-03-01'),
  ARRAY['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']::date[],
  'the forecast''s 元旦 and 春节 with its two substitute days');
SELECT is((SELECT count(*)::int FROM crm_contract.forecast_days('CN', 2027) WHERE kind <> 'holiday'), 0,
  'the forecast has no make-up working days');

SELECT crm_contract.copy_calendar('CN', 'CN-tap', 'CN for the year-boundary tests');
CREATE ROLE crm_tap_desk;
CREATE ROLE crm_tap_other;
INSERT INTO crm_contract.tenant_member VALUES ('crm_tap_desk', 'Y'), ('crm_tap_other', 'Z');
GRANT SELECT, INSERT, UPDATE ON crm_contract.contract, crm_contract.milestone, crm_contract.installment, crm_contract.payment,
  crm_contract.clause, crm_contract.party, crm_contract.change_request, crm_contract.force_majeure,
  crm_contract.installment_due, crm_contract.sla_target TO crm_tap_desk, crm_tap_other;
GRANT SELECT ON crm_contract.sla_event TO crm_tap_desk, crm_tap_other;
CREATE TABLE public.tap_desk (id integer PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, sla_alerts integer NOT NULL DEFAULT 0, sla_provisional boolean);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.tap_desk FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.tap_desk TO crm_tap_desk, crm_tap_other;

SET ROLE crm_tap_desk;
SET LOCAL client_min_messages = warning;
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('Y-1', 'implementation', 't', '甲方', '乙方', 600000.00, '2026-12-01', 'signed', 'CN-tap');
-- go-live 60 working days from Tuesday 2026-12-01: 22 in December, 20 in January (1/1 off),
-- then February on the forecast: 2/1-4 (46), 2/11-12 (48), 2/15-19 (53), 2/22-26 (58), 3/1-2 (60).
INSERT INTO crm_contract.milestone (contract_id, name, within) SELECT id, 'go-live', '60个工作日' FROM crm_contract.contract;
-- 30 days from 2027-01-01: Sunday 1/31, a day off on the forecast: Monday 2/1 (Art. 203)
INSERT INTO crm_contract.installment (contract_id, name, amount, anchor, anchor_date, within)
SELECT id, 'fee', 200000.00, 'date', '2027-01-01', '30日' FROM crm_contract.contract;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target)
SELECT id, p, m::crm_contract.sla_metric, t::crm_contract.term FROM crm_contract.contract,
  (VALUES ('P1', 'response', '2个工作小时'), ('P1', 'resolution', '8个工作小时'), ('P9', 'response', '408 working hours')) v (p, m, t);
-- 1: Thursday 2026-12-31 17:30: 17:30-18:00, Friday 1/1 off, Monday 1/4: response 1/4 10:30,
--    resolution 0.5 + 3 + 4.5 -> 1/4 17:30, on the forecast and on the notice alike.
-- 2: Friday 2026-11-20 09:00, 408 working hours (51 days of 8): 30 working days to 12/31,
--    1/4-1/29 20 more; the 51st is Monday 2/1 on the forecast (18:00), Sunday 1/31 on the notice.
INSERT INTO public.tap_desk (id, contract_id, priority, opened_at)
SELECT 1, id, 'P1', timestamptz '2026-12-31 17:30+08' FROM crm_contract.contract UNION ALL
SELECT 2, id, 'P9', '2026-11-20 09:00+08' FROM crm_contract.contract;
RESET client_min_messages;

SELECT is((SELECT (due_on, due_provisional)::text FROM crm_contract.milestone), '(2027-03-02,t)',
  'go-live within 60 working days, signed 2026-12-01: 2027-03-02 on the forecast, provisional');
SELECT is((SELECT (due_on, due_provisional)::text FROM crm_contract.installment_due), '(2027-02-01,t)',
  '30 days from 2027-01-01 end on Sunday 1/31, off on the forecast: Monday 2/1, provisional');
SELECT is((SELECT (response_due, resolve_due, sla_provisional) FROM public.tap_desk WHERE id = 1),
  ('2027-01-04 10:30+08'::timestamptz, '2027-01-04 17:30+08'::timestamptz, true),
  'a ticket opened 2026-12-31 17:30: due 2027-01-04 10:30 and 17:30, provisional');
SELECT is((SELECT (response_due, sla_provisional) FROM public.tap_desk WHERE id = 2),
  ('2027-02-01 18:00+08'::timestamptz, true), '408 working hours from 2026-11-20 09:00: 2027-02-01 18:00, provisional');
-- a pause and a resumption in the forecast year go through (they once failed with 22008)
SET LOCAL client_min_messages = warning;
UPDATE public.tap_desk SET status = 'pending', updated_at = '2026-11-20 10:00+08' WHERE id = 2;
UPDATE public.tap_desk SET status = 'open', updated_at = '2026-11-20 11:00+08' WHERE id = 2;
RESET client_min_messages;
-- paused one hour: 2/1 18:00 + 1 working hour = Tuesday 2/2 10:00
SELECT is((SELECT (response_due, sla_provisional) FROM public.tap_desk WHERE id = 2),
  ('2027-02-02 10:00+08'::timestamptz, true), 'paused an hour: due 2027-02-02 10:00, still provisional');
SELECT is((SELECT string_agg(kind::text || '/' || provisional, ',' ORDER BY id) FROM crm_contract.sla_event),
  'started/true,paused/true,resumed/true', 'the log marks the events whose deadlines rest on the forecast');

-- The calendar functions: 22008 by default past the announced days, the forecast when asked.
SELECT throws_ok($$SELECT crm_contract.due(timestamptz '2026-12-31 17:30+08', '2 working hours', 'CN-tap')$$,
  '22008', NULL, 'beyond_coverage = error (the default): 22008 past 2026-12-31');
SET LOCAL crm_contract.beyond_coverage = forecast;
SET LOCAL client_min_messages = warning;
SELECT is(crm_contract.due(timestamptz '2026-12-31 17:30+08', '2 working hours', 'CN-tap'), '2027-01-04 10:30+08'::timestamptz,
  'beyond_coverage = forecast: due() on the forecast');
RESET client_min_messages;
RESET crm_contract.beyond_coverage;

-- A ticket writer cannot load a year, nor take the load's lock.
SELECT throws_ok($$SELECT * FROM crm_contract.load_holiday_notice('CN-tap', 'x')$$, '42501', NULL,
  'a ticket writer may not run load_holiday_notice');
SELECT throws_ok($$SELECT crm_contract.lock_calendar_for_load('CN-tap')$$, '42501', NULL,
  'nor lock a calendar for a load');
RESET ROLE;

-- The owner loads the notice; it reaches every tenant's rows.
SET LOCAL client_min_messages = warning;
SELECT is((SELECT count(*)::int FROM crm_contract.load_holiday_notice('CN-tap', :'notice2027')), 35,
  'the synthetic 2027 notice: 29 holidays and 6 working days added');
RESET client_min_messages;
SELECT is((SELECT covered_to FROM crm_contract.calendar WHERE name = 'CN-tap'), '2027-12-31'::date, 'covered to 2027-12-31');

SET ROLE crm_tap_desk;
-- go-live on the notice: 1/31 worked (43), 2/1-4 (47), 2/5-13 off, 2/15-19 (52), Sat 2/20
-- worked (53), 2/22-26 (58), 3/1-2 (60): 3/2 again, no longer provisional
SELECT is((SELECT (due_on, due_provisional)::text FROM crm_contract.milestone), '(2027-03-02,f)',
  'go-live recomputed on the notice: 2027-03-02, not provisional');
SELECT is((SELECT (due_on, due_provisional)::text FROM crm_contract.installment_due), '(2027-01-31,f)',
  'the fee on Sunday 1/31 itself, a make-up working day');
SELECT is((SELECT (response_due, resolve_due, sla_provisional) FROM public.tap_desk WHERE id = 1),
  ('2027-01-04 10:30+08'::timestamptz, '2027-01-04 17:30+08'::timestamptz, false),
  'the 2026-12-31 ticket: 1/4 10:30 and 17:30 on the notice too, not provisional');
-- 408 hours less the one paused from 11/20 10:00: 1/31 18:00 + 1 h = Monday 2/1 10:00
SELECT is((SELECT (response_due, sla_provisional) FROM public.tap_desk WHERE id = 2),
  ('2027-02-01 10:00+08'::timestamptz, false), 'the paused ticket recomputed on the make-up Sunday: 2027-02-01 10:00');
SELECT is((SELECT (kind::text, detail, provisional) FROM crm_contract.sla_event ORDER BY id DESC LIMIT 1),
  ('recomputed'::text, 'due 2027-02-02T10:00:00+08:00 -> 2027-02-01T10:00:00+08:00'::text, false),
  'the load logged the recomputation in the tenant''s log');
-- a load again changes nothing
RESET ROLE;
SET LOCAL client_min_messages = warning;
SELECT is((SELECT count(*)::int FROM crm_contract.load_holiday_notice('CN-tap', :'notice2027')), 0, 'the same notice again changes nothing');
RESET client_min_messages;

-- Another tenant sees none of it.
SET ROLE crm_tap_other;
SELECT is_empty('SELECT * FROM crm_contract.sla_event', 'tenant Z sees no event of tenant Y');
SELECT is_empty('SELECT * FROM crm_contract.milestone', 'nor its milestones');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM crm_contract.sla_event WHERE ticket_table = 'public.tap_desk'), 4,
  'the owner sees the four events');
SELECT is((SELECT count(*)::int FROM crm_contract.calendar_exception WHERE calendar = 'CN-tap' AND day = '2027-01-31' AND kind = 'working'), 1,
  'Sunday 2027-01-31 is a working day of CN-tap');

SELECT * FROM finish();
ROLLBACK;
