-- The SLA trigger at the end of a calendar's announced days: nothing stops, deadlines
-- past covered_to rest on the calendar's forecast and are marked provisional, and
-- loading the year's notice recomputes them.  Played one year back, so that every time
-- is in the past (the trigger refuses times ahead of the clock): a copy of CN announced
-- to 2025-12-31, with its own forecast for January 2026 (元旦 1/1 off only), then the
-- State Council's real notice for 2026 (sql/data/notices/2026.txt: 1/1-3 off, Sunday 1/4
-- worked).  CN's hours: Mon-Fri 09:00-12:00, 13:00-18:00.  2025-12-31 is a Wednesday.
SET search_path = crm_contract, public;
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
\set SHOW_CONTEXT never
\set notice2026 `cat sql/data/notices/2026.txt`
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'sla_target']) t;
INSERT INTO tenant_member VALUES (current_user, 'edge');
SELECT copy_calendar('CN', 'CN-edge', 'CN as it stood before the 2026 notice');
DELETE FROM calendar_exception WHERE calendar = 'CN-edge' AND day >= '2026-01-01';
DELETE FROM calendar_forecast WHERE calendar = 'CN-edge';
UPDATE calendar SET covered_to = '2025-12-31', forecast_to = '2026-01-31' WHERE name = 'CN-edge';
INSERT INTO calendar_forecast (calendar, day, kind, name) VALUES ('CN-edge', '2026-01-01', 'holiday', '元旦 / New Year''s Day');
SELECT * FROM forecast_days('CN-edge', 2026);

INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('E-1', 'maintenance_support', 't', '甲方', '乙方', 120000.00, '2025-12-01', 'active', 'CN-edge');
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  (1, 'P1', 'response', '2 working hours'), (1, 'P1', 'resolution', '8 working hours');

CREATE TABLE public.desk (
  id integer PRIMARY KEY,
  contract_id bigint NOT NULL,
  priority text,
  status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL,
  updated_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  response_due timestamptz,
  resolve_due timestamptz,
  sla_alerts integer NOT NULL DEFAULT 0,
  sla_provisional boolean
);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON desk FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
SELECT role, mapped_to FROM sla_columns('desk') WHERE role = 'provisional';

-- Opened 12/31 17:30: 30 minutes that day, 1/1 off in the forecast, Friday 1/2 from 09:00.
--   response 2 h: 0.5 + 1.5 -> 1/2 10:30; resolution 8 h: 0.5 + 3 (09-12) + 4.5 (13-17:30) -> 1/2 17:30
-- Ticket 2 opened 12/31 09:00: deadlines 11:00 and 18:00 that day, on announced days,
--   not provisional.  One NOTICE for the statement, naming CN-edge and 2026.
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES
  (1, 1, 'P1', '2025-12-31 17:30+08'),
  (2, 1, 'P1', '2025-12-31 09:00+08');
SELECT id, response_due, resolve_due, sla_provisional FROM desk ORDER BY id;

-- Paused at 17:50 after 20 minutes, resumed Monday 1/5 10:00 (a working day in the
-- forecast and in the notice): response 100 minutes left -> 11:40; resolution 7 h 40
-- left: 10-12 (2 h), 13-18 (5 h), 40 minutes on Tuesday 1/6 -> 09:40.  Still on the forecast.
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES (3, 1, 'P1', '2025-12-31 17:30+08');
UPDATE desk SET status = 'pending', updated_at = '2025-12-31 17:50+08' WHERE id = 3;
UPDATE desk SET status = 'open', updated_at = '2026-01-05 10:00+08' WHERE id = 3;
SELECT id, status, response_due, resolve_due, sla_provisional FROM desk WHERE id = 3;

-- The record says so too: every event's deadlines, and whether they rest on the forecast.
SELECT ticket, kind, metric, response_due, resolve_due, provisional
  FROM sla_event WHERE ticket_table = 'public.desk' ORDER BY id;

-- sla_recompute goes through the table without failing: nothing changes.
SELECT sla_recompute('desk') AS recomputed;

-- Past the forecast too (forecast_to 1/31): opened Friday 1/30 17:00, 8 h would need
-- Monday 2/2.  The error is the calendar's, and its context names the table and ticket.
\set SHOW_CONTEXT errors
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES (4, 1, 'P1', '2026-01-30 17:00+08');
\set SHOW_CONTEXT never

-- The notice: 1/2 (Friday) and 1/3 off, Sunday 1/4 worked.  Ticket 1, recomputed:
--   response 0.5 + 1.5 on Sunday 1/4 -> 1/4 10:30; resolution 0.5 + 3 + 4.5 -> 1/4 17:30.
-- Ticket 3: 1/5 and 1/6 are working days either way: unchanged, no longer provisional.
-- Ticket 2: on announced days, unchanged.  Each change is one 'recomputed' event.
SELECT count(*) AS changed FROM load_holiday_notice('CN-edge', :'notice2026');
SELECT id, response_due, resolve_due, sla_provisional FROM desk ORDER BY id;
SELECT ticket, kind, metric, detail, provisional
  FROM sla_event WHERE ticket_table = 'public.desk' AND kind = 'recomputed' ORDER BY id;
-- The ticket refused before now goes in, on the announced days: Friday 1/30 17:00,
-- response 2 h: 17-18, Monday 2/2 09-10 -> 10:00; resolution 8 h: 17-18, 09-12, 13-17 -> 2/2 17:00.
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES (4, 1, 'P1', '2026-01-30 17:00+08');
SELECT id, response_due, resolve_due, sla_provisional FROM desk WHERE id = 4;

-- The boundary ahead: a copy of CN as shipped (announced to 2026-12-31, CN's forecast for
-- 2027: 1/1 off, no make-up working day) and the SYNTHETIC 2027 notice (test/notices/
-- 2027-synthetic.txt, first line its label: 1/1-3 off, Sunday 1/31 worked).  An opening
-- may lie ahead of the clock (nothing else may): the last evening of 2026.
\set notice2027 `tail -n +2 test/notices/2027-synthetic.txt`
SELECT copy_calendar('CN', 'CN-2027', 'CN, to load the 2027 test notice into');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('E-2', 'maintenance_support', 't', '甲方', '乙方', 120000.00, '2026-11-01', 'active', 'CN-2027');
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  (2, 'P1', 'response', '2个工作小时'), (2, 'P1', 'resolution', '8个工作小时');
-- Ticket 10, Thursday 2026-12-31 17:30: 17:30-18:00, Friday 1/1 off, the weekend, Monday 1/4:
--   response 0.5 + 1.5 -> 1/4 10:30; resolution 0.5 + 3 + 4.5 -> 1/4 17:30 (forecast and notice alike).
-- Ticket 11, Friday 2027-01-29 17:00: 17-18, then on the forecast Monday 2/1: response 1 + 1
--   -> 2/1 10:00, resolution 1 + 3 + 4 -> 2/1 17:00; on the notice Sunday 1/31 instead.
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES
  (10, 2, 'P1', '2026-12-31 17:30+08'),
  (11, 2, 'P1', '2027-01-29 17:00+08');
SELECT id, response_due, resolve_due, sla_provisional FROM desk WHERE id >= 10 ORDER BY id;
-- Before its opening a ticket has no record: each change computes it as if inserted now
-- (put on hold, as a ticket inserted on hold: deadlines as counted from its opening, 1/4
-- 10:30 and 17:30), nothing is logged, and a change dated before the opening is refused (22008).
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES (12, 2, 'P1', '2026-12-31 17:30+08');
UPDATE desk SET status = 'pending' WHERE id = 12;
SELECT status, response_due, resolve_due FROM desk WHERE id = 12;
SELECT pg_temp.try($$UPDATE desk SET status = 'open', updated_at = '2026-12-01 09:00+08' WHERE id = 12$$) AS too_early;
SELECT count(*) AS events FROM sla_event WHERE ticket_table = 'public.desk' AND ticket = '12';
-- An opening typed 2062 for 2026, corrected: the record starts at the corrected opening, Friday
-- 2026-11-20 09:00 (response 2 h -> 11:00; its 50% warning at 10:00 has passed when the
-- response is recorded), and the response at 10:30 is met.
UPDATE desk SET opened_at = '2062-11-20 09:00+08', status = 'open' WHERE id = 12;
UPDATE desk SET opened_at = '2026-11-20 09:00+08' WHERE id = 12;
UPDATE desk SET first_response_at = '2026-11-20 10:30+08' WHERE id = 12;
SELECT kind, metric, at, response_due FROM sla_event WHERE ticket_table = 'public.desk' AND ticket = '12' ORDER BY id;
-- An open ticket's opening cannot move ahead of the clock: its record has begun (22008).
SELECT pg_temp.try($$UPDATE desk SET opened_at = '2099-01-01 09:00+08' WHERE id = 12$$) AS moved_ahead;
DELETE FROM desk WHERE id = 12;
-- A wall-clock target reads no calendar day: "1000 hours" from Friday 2026-11-20 09:00 is
-- 41 days 16 hours later, 2027-01-01 01:00, and rests on no forecast.
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES (2, 'P5', 'response', '1000 hours'),
  (2, 'P9', 'response', '408 working hours');
INSERT INTO desk (id, contract_id, priority, opened_at) VALUES (20, 2, 'P5', '2026-11-20 09:00+08');
SELECT id, response_due, sla_provisional FROM desk WHERE id = 20;
-- A table that gains the provisional column later: its rows are settled on their next write.
-- 408 working hours (51 days of 8) from Friday 2026-11-20 09:00: 30 working days to 12/31,
-- 20 in January (1/4-1/29), the 51st Monday 2/1 on the forecast (18:00), Sunday 1/31 on the notice.
CREATE TABLE public.desk2 (id integer PRIMARY KEY, contract_id bigint, priority text, status text,
  opened_at timestamptz, updated_at timestamptz, response_due timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.desk2 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO desk2 VALUES (1, 2, 'P9', 'open', '2026-11-20 09:00+08');
ALTER TABLE desk2 ADD sla_provisional boolean;
UPDATE desk2 SET status = 'in_progress';
SELECT id, response_due, sla_provisional FROM desk2;
SELECT count(*) AS changed FROM load_holiday_notice('CN-2027', :'notice2027');
SELECT id, response_due, sla_provisional FROM desk2;
-- its history: started on the forecast (provisional), then recomputed on the notice
SELECT kind, metric, detail, provisional FROM sla_event WHERE ticket_table = 'public.desk2' ORDER BY id;
DROP TABLE desk2;
SELECT id, response_due, resolve_due, sla_provisional FROM desk WHERE id >= 10 ORDER BY id;
-- Both open ahead of the clock, so neither has a record yet: the load computed them as a
-- write would, and logged nothing (their histories begin at their openings).
SELECT count(*) AS events FROM sla_event WHERE ticket_table = 'public.desk' AND ticket IN ('10', '11');

DROP TABLE desk;
DELETE FROM sla_target;
DELETE FROM contract;
DELETE FROM calendar WHERE name IN ('CN-edge', 'CN-2027');
DELETE FROM tenant_member WHERE tenant = 'edge';
