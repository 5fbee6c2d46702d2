-- A ticket's history follows it when its key changes, and a new ticket that
-- reuses a key (after a delete, or a renaming) starts a history of its own.
-- Written by id_desk_a, a ticket writer of tenant A.  Counted by hand on CN
-- (Mon-Fri 09:00-12:00 and 13:00-18:00; Saturday 2026-10-10 worked).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
CREATE ROLE id_desk_a;
INSERT INTO tenant_member VALUES ('id_desk_a', 'A'), (current_user, 'A');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('ID', 'maintenance_support', 'keys', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS c \gset
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  (:c, 'P1', 'response', '2 working hours'), (:c, 'P1', 'resolution', '8 working hours'),
  (:c, 'P2', 'response', '4 working hours'), (:c, 'P2', 'resolution', '16 working hours');
CREATE TABLE public.id_ticket (
  ref text PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.id_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref');
GRANT SELECT, INSERT, UPDATE, DELETE ON public.id_ticket TO id_desk_a;
GRANT SELECT ON contract, sla_target, sla_event TO id_desk_a;
SET ROLE id_desk_a;

-- INC-1, P1 opened Fri 10-09 09:00, waiting for the customer 09:30-10:00: response 11:30, resolution Sat 10-10 09:30
INSERT INTO public.id_ticket (ref, contract_id, priority, opened_at) VALUES ('INC-1', :c, 'P1', '2026-10-09 09:00+08');
UPDATE public.id_ticket SET status = 'pending', updated_at = '2026-10-09 09:30+08' WHERE ref = 'INC-1';
UPDATE public.id_ticket SET status = 'open', updated_at = '2026-10-09 10:00+08' WHERE ref = 'INC-1';
-- renamed at 10:10: the history goes on under INC-100
UPDATE public.id_ticket SET ref = 'INC-100', updated_at = '2026-10-09 10:10+08' WHERE ref = 'INC-1';
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-100');
-- lowered to P2 at 10:20: recomputed from the opening with the pause it had under its old key:
-- response 4 h (09-12, 13-14) + 0.5 h -> 14:30; resolution 16 h (Fri 8, Sat 8) + 0.5 h -> Mon 10-12 09:30
UPDATE public.id_ticket SET priority = 'P2', updated_at = '2026-10-09 10:20+08' WHERE ref = 'INC-100';
SELECT ref, response_due, resolve_due FROM public.id_ticket;
-- renamed again, then a new ticket takes the first key: INC-1 starts afresh, INC-200 keeps its past
UPDATE public.id_ticket SET ref = 'INC-200', updated_at = '2026-10-09 10:30+08' WHERE ref = 'INC-100';
INSERT INTO public.id_ticket (ref, contract_id, priority, opened_at) VALUES ('INC-1', :c, 'P1', '2026-10-09 11:00+08');
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-1');        -- nothing logged: its start, from the row
UPDATE public.id_ticket SET status = 'pending', updated_at = '2026-10-09 11:15+08' WHERE ref = 'INC-1';
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-1');
-- INC-200 answered at 11:45: met (due 14:30), after its 50% (2 h: 09:00-09:30, 10:00-11:30); its
-- history, three keys long, has nothing of the new INC-1
UPDATE public.id_ticket SET first_response_at = '2026-10-09 11:45+08' WHERE ref = 'INC-200';
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-200');

-- Deleted, and its key used again: the new ticket does not inherit the old one's pause or events.
-- INC-200 anew, P1 opened Fri 13:00: response 15:00, resolution 8 h (Fri 13-18, Sat 09-12) -> Sat 12:00
DELETE FROM public.id_ticket WHERE ref = 'INC-200';
INSERT INTO public.id_ticket (ref, contract_id, priority, opened_at) VALUES ('INC-200', :c, 'P1', '2026-10-09 13:00+08');
SELECT response_due, resolve_due FROM public.id_ticket WHERE ref = 'INC-200';
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-200');
-- its first change starts its own history; a change of its priority recomputes without the old pause:
-- P2 from 13:00: response 4 h -> 17:00, resolution 16 h (Fri 5, Sat 8, Mon 3) -> Mon 10-12 12:00
UPDATE public.id_ticket SET priority = 'P2', updated_at = '2026-10-09 13:30+08' WHERE ref = 'INC-200';
SELECT response_due, resolve_due FROM public.id_ticket WHERE ref = 'INC-200';
SELECT at, kind, detail FROM sla_history('public.id_ticket', 'INC-200');
RESET ROLE;
-- the old ticket's events stay on record (they are billed as they were)
SELECT ticket, count(*) AS events FROM sla_event WHERE ticket_table = 'public.id_ticket' GROUP BY ticket ORDER BY ticket;

DROP TABLE public.id_ticket;
REVOKE ALL ON contract, sla_target, sla_event FROM id_desk_a;
DROP ROLE id_desk_a;
DELETE FROM contract;
DELETE FROM tenant_member;
