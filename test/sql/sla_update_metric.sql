-- Seed 002's third metric: "complex faults: a progress report every 24 hours".
-- The next report is due a period after the last one (or after the opening,
-- the reopening, or the period missed before); the first response is not a
-- report.  Each missed period is breached once and billed like the other
-- metrics; a resolved ticket owes no more reports.  Written by up_desk_a, a
-- ticket writer of tenant A.  24 hours count elapsed time; responses count on
-- CN (Mon-Fri 09:00-12:00 and 13:00-18:00).  2026-10-12 is a Monday.
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
CREATE ROLE up_desk_a;
INSERT INTO tenant_member VALUES ('up_desk_a', 'A'), (current_user, 'A');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('UP', 'maintenance_support', 'progress reports', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS c \gset
-- complex faults: respond in 2 working hours, resolve in 40, report every 24 hours (a missed report
-- costs 0.1% of the total, 120.00); P2 reports every 24 hours too, with warnings at half and three quarters
INSERT INTO sla_target (contract_id, priority, metric, target, calendar, warn_at, credit) VALUES
  (:c, 'P1', 'response', '2 working hours', NULL, '{0.5,0.75}', NULL),
  (:c, 'P1', 'resolution', '40 working hours', NULL, '{0.5,0.75}', NULL),
  (:c, 'P1', 'update', '24 hours', '24x7', '{}', '0.1% of total once'),
  (:c, 'P2', 'update', '24 hours', '24x7', '{0.5,0.75}', NULL);
CREATE TABLE public.up_ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  last_update_at timestamptz, response_due timestamptz, resolve_due timestamptz, update_due timestamptz,
  response_breached boolean, resolve_breached boolean, sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON public.up_ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.up_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.up_ticket TO up_desk_a;
GRANT USAGE ON SEQUENCE public.up_ticket_id_seq TO up_desk_a;
GRANT SELECT ON contract, sla_target, sla_event TO up_desk_a;
GRANT EXECUTE ON FUNCTION sla_sweep(regclass, timestamptz) TO up_desk_a;
SELECT role, mapped_to FROM sla_columns('public.up_ticket') WHERE role IN ('progressed', 'update_due');
SET ROLE up_desk_a;

-- 1. The seed's example.  Opened Mon 10-12 09:00: the first report is due Tue 10-13 09:00.
INSERT INTO public.up_ticket (contract_id, priority, opened_at) VALUES (:c, 'P1', '2026-10-12 09:00+08');
SELECT update_due, sla_next_alert FROM public.up_ticket WHERE id = 1;
-- answered at 10:00 (met, due 11:00): not a progress report, the update stays due Tue 09:00
UPDATE public.up_ticket SET first_response_at = '2026-10-12 10:00+08', updated_at = '2026-10-12 10:00+08' WHERE id = 1;
SELECT update_due FROM public.up_ticket WHERE id = 1;
-- a report Tue 08:00: met; the next is due Wed 10-14 08:00
UPDATE public.up_ticket SET last_update_at = '2026-10-13 08:00+08', updated_at = '2026-10-13 08:00+08' WHERE id = 1;
SELECT update_due FROM public.up_ticket WHERE id = 1;
-- a sweep Wed 09:00: that period is missed, one breach (at 08:00); the next period runs from it
-- (the resolution's first warning, 20 working hours, is only Wed 14:00)
SELECT sla_sweep('public.up_ticket', '2026-10-14 09:00+08') AS marked;
SELECT update_due FROM public.up_ticket WHERE id = 1;
-- a report Wed 10:00, inside that period: met; the next is due Thu 10-15 10:00
UPDATE public.up_ticket SET last_update_at = '2026-10-14 10:00+08', updated_at = '2026-10-14 10:00+08' WHERE id = 1;
SELECT update_due FROM public.up_ticket WHERE id = 1;
-- resolved Wed 15:00: no report is due any more, and no sweep breaches one
UPDATE public.up_ticket SET resolved_at = '2026-10-14 15:00+08', status = 'resolved', updated_at = '2026-10-14 15:00+08' WHERE id = 1;
SELECT update_due, sla_next_alert FROM public.up_ticket WHERE id = 1;
SELECT sla_sweep('public.up_ticket', '2026-10-20 09:00+08') AS marked_after_resolution;
SELECT at, kind, metric, update_due FROM sla_history('public.up_ticket', '1');

-- 2. Every missed period once.  P2 opened Mon 09:00, never reported on; a sweep Thu 10-15 12:00 finds
-- three periods missed (Tue, Wed, Thu 09:00), each with its warnings (21:00 and 03:00 before it): 9.
INSERT INTO public.up_ticket (contract_id, priority, opened_at) VALUES (:c, 'P2', '2026-10-12 09:00+08');
SELECT sla_sweep('public.up_ticket', '2026-10-15 12:00+08') AS marked;
SELECT sla_sweep('public.up_ticket', '2026-10-15 12:00+08') AS marked_again;
SELECT update_due, sla_next_alert FROM public.up_ticket WHERE id = 2;      -- the fourth period: Fri 09:00, warned at Thu 21:00
SELECT at, kind, detail FROM sla_history('public.up_ticket', '2') WHERE kind <> 'started';

-- 3. Paused like the others: P1 opened Mon 09:00, answered 09:30, waiting for the customer 12:00-18:00:
-- the report falls due 6 hours later, Tue 15:00; reopening starts the periods again.
INSERT INTO public.up_ticket (contract_id, priority, opened_at) VALUES (:c, 'P1', '2026-10-12 09:00+08');
UPDATE public.up_ticket SET first_response_at = '2026-10-12 09:30+08', updated_at = '2026-10-12 09:30+08' WHERE id = 3;
UPDATE public.up_ticket SET status = 'waiting_customer', updated_at = '2026-10-12 12:00+08' WHERE id = 3;
SELECT update_due, sla_next_alert FROM public.up_ticket WHERE id = 3;      -- stopped: the pause counts once it ends
UPDATE public.up_ticket SET status = 'open', updated_at = '2026-10-12 18:00+08' WHERE id = 3;
SELECT update_due FROM public.up_ticket WHERE id = 3;
-- resolved Tue 10:00 and reopened Tue 16:00: the next report is due Wed 16:00
UPDATE public.up_ticket SET resolved_at = '2026-10-13 10:00+08', updated_at = '2026-10-13 10:00+08' WHERE id = 3;
UPDATE public.up_ticket SET resolved_at = NULL, updated_at = '2026-10-13 16:00+08' WHERE id = 3;
SELECT update_due FROM public.up_ticket WHERE id = 3;
RESET ROLE;

-- 4. Missed reports are billed like breaches of the other metrics: ticket 1's one, 120.00.
SELECT kind, obligation, accrued FROM contract_statement(:c, '2026-10-31') WHERE kind IN ('sla_credit', 'total');
-- and the report counts a ticket with a missed report as breached: 1 and 2 breached, 3 still open
SELECT tickets_opened, met, breached, still_open FROM sla_report('public.up_ticket');

DROP TABLE public.up_ticket;
REVOKE ALL ON contract, sla_target, sla_event FROM up_desk_a;
REVOKE ALL ON FUNCTION sla_sweep(regclass, timestamptz) FROM up_desk_a;
DROP ROLE up_desk_a;
DELETE FROM contract;
DELETE FROM tenant_member;
