-- The trigger's bookkeeping against what a ticket writer can put in a row: a
-- priority set later, columns the trigger owns, client times, inserts that
-- never happen, odd column types.  Run as bk_desk_a, a ticket writer of
-- tenant A (not a superuser).  Deadlines counted by hand on CN (Mon-Fri
-- 09:00-12:00 and 13:00-18:00; Saturday 2026-10-10 worked): P1 opened Fri
-- 2026-10-09 09:00 is due 11:00 (response, 2 working hours; warnings 10:00
-- and 10:30) and 18:00 (resolution, 8; warnings 14:00 and 16:00).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE ROLE bk_desk_a;
INSERT INTO tenant_member VALUES ('bk_desk_a', 'A'), (current_user, 'A');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('BK', 'maintenance_support', 'bookkeeping', '甲方', '乙方', 120000.00, '2026-01-05', 'active') RETURNING id AS c \gset
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  (:c, 'P1', 'response', '2 working hours'), (:c, 'P1', 'resolution', '8 working hours');
CREATE TABLE public.bk_ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.bk_ticket TO bk_desk_a;
GRANT USAGE ON SEQUENCE public.bk_ticket_id_seq TO bk_desk_a;
GRANT SELECT ON contract, sla_target, sla_event TO bk_desk_a;
SET ROLE bk_desk_a;

-- 1. Triaged later: inserted with no priority (no clock), the priority set at 10:00 applies
-- from the opening; the start is logged as the row stood, with no priority.
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c, NULL, '2026-10-09 09:00+08');
UPDATE public.bk_ticket SET priority = 'P1', updated_at = '2026-10-09 10:00+08' WHERE id = 1;
SELECT response_due, resolve_due, sla_next_alert FROM public.bk_ticket WHERE id = 1;
SELECT at, kind, priority, response_due, detail FROM sla_history('public.bk_ticket', '1');
-- opened later: the start is the opening, not 2000-01-01
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c, 'P1', NULL);
UPDATE public.bk_ticket SET opened_at = '2026-10-09 09:00+08', updated_at = '2026-10-09 09:05+08' WHERE id = 2;
SELECT at, kind, priority, response_due, detail FROM sla_history('public.bk_ticket', '2');

-- 2. The trigger owns its columns: deadlines, flags, the mask and the next alert come back as it
-- wrote them, so nothing a client writes there silences an alert.
INSERT INTO public.bk_ticket (contract_id, priority, opened_at, response_due, sla_alerts)
VALUES (:c, 'P1', '2026-10-09 09:00+08', 'infinity', -1);                 -- ignored on insert too
UPDATE public.bk_ticket SET response_due = 'infinity', resolve_breached = true, sla_alerts = -1, sla_next_alert = NULL WHERE id = 3;
SELECT response_due, resolve_due, resolve_breached, sla_next_alert, sla_alerts FROM public.bk_ticket WHERE id = 3;
RESET ROLE;
SELECT sla_sweep('public.bk_ticket', '2026-10-09 10:45+08') AS marked;   -- ticket 3: 10:00 and 10:30; ticket 1 and 2 the same: 6
SET ROLE bk_desk_a;
-- client times: finite, not before the opening nor the last change on record, not ahead of the clock
SELECT t AS updated_at, pg_temp.try(format($$UPDATE public.bk_ticket SET status = 'pending', updated_at = %L WHERE id = 3$$, t)) AS refused
  FROM unnest(ARRAY['infinity', '2026-10-09 08:00+08', '2026-10-09 10:15+08', '2099-01-01 00:00+08']) t;
SELECT pg_temp.try($$INSERT INTO public.bk_ticket (contract_id, priority, opened_at, first_response_at)
                     VALUES (1, 'P1', '2026-10-09 09:00+08', '-infinity')$$) AS insert_refused;
-- a response 11 days late, sent with a deadline to match: judged against the trigger's own 11:00;
-- the resolution's warnings (14:00, 16:00) and breach (18:00) had passed by then too
UPDATE public.bk_ticket SET first_response_at = '2026-10-20 10:00+08', response_due = '2026-10-21 00:00+08',
                            updated_at = '2026-10-20 10:00+08' WHERE id = 3;
SELECT response_due, response_breached, resolve_breached FROM public.bk_ticket WHERE id = 3;
SELECT at, kind, metric FROM sla_history('public.bk_ticket', '3');
-- a recorded response is a fact
SELECT pg_temp.try($$UPDATE public.bk_ticket SET first_response_at = '2026-10-20 11:00+08' WHERE id = 3$$) AS rewritten;

-- A priority without targets and back.  Ticket 4 leaves P1 at 12:00, after its response was due
-- (11:00): the breach had happened and is recorded at the move; answered at 12:30 under P9, back to
-- P1 at 13:00: still breached, not logged twice.
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c, 'P1', '2026-10-09 09:00+08') RETURNING id AS t4 \gset
UPDATE public.bk_ticket SET priority = 'P9', updated_at = '2026-10-09 12:00+08' WHERE id = :t4;
UPDATE public.bk_ticket SET first_response_at = '2026-10-09 12:30+08', updated_at = '2026-10-09 12:30+08' WHERE id = :t4;
UPDATE public.bk_ticket SET priority = 'P1', updated_at = '2026-10-09 13:00+08' WHERE id = :t4;
SELECT response_due, response_breached FROM public.bk_ticket WHERE id = :t4;
SELECT at, kind, metric, detail FROM sla_history('public.bk_ticket', :'t4');
-- Ticket 5 leaves at 10:45, before the deadline; answered at 11:30 under P9: back to P1 at 12:00, the
-- response is judged against P1's 11:00: breached.
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c, 'P1', '2026-10-09 09:00+08') RETURNING id AS t5 \gset
UPDATE public.bk_ticket SET priority = 'P9', updated_at = '2026-10-09 10:45+08' WHERE id = :t5;
UPDATE public.bk_ticket SET first_response_at = '2026-10-09 11:30+08', updated_at = '2026-10-09 11:30+08' WHERE id = :t5;
UPDATE public.bk_ticket SET priority = 'P1', updated_at = '2026-10-09 12:00+08' WHERE id = :t5;
SELECT response_due, response_breached FROM public.bk_ticket WHERE id = :t5;
SELECT at, kind, metric, detail FROM sla_history('public.bk_ticket', :'t5');

-- 3. An insert writes no event: one that conflicts and does nothing leaves no trace.
SELECT count(*) AS events_before FROM sla_event \gset
INSERT INTO public.bk_ticket (id, contract_id, priority, status, opened_at)
VALUES (3, :c, 'P1', 'pending', '2026-10-09 09:00+08') ON CONFLICT (id) DO NOTHING;
SELECT count(*) - :events_before AS events_written FROM sla_event;
-- inserted waiting for the customer: paused from its opening; its first change logs that.
-- Resumed at 10:00 after 1 working hour: response 12:00, resolution Sat 10-10 10:00.
INSERT INTO public.bk_ticket (contract_id, priority, status, opened_at) VALUES (:c, 'P1', 'pending', '2026-10-09 09:00+08') RETURNING id AS t6 \gset
SELECT count(*) - :events_before AS events_written, (SELECT sla_next_alert FROM public.bk_ticket WHERE id = :t6) AS next_alert FROM sla_event;
SELECT at, kind, detail FROM sla_history('public.bk_ticket', :'t6');
UPDATE public.bk_ticket SET status = 'open', updated_at = '2026-10-09 10:00+08' WHERE id = :t6;
SELECT response_due, resolve_due FROM public.bk_ticket WHERE id = :t6;
SELECT at, kind, detail FROM sla_history('public.bk_ticket', :'t6');
RESET ROLE;

-- 4. Columns the trigger would misread, and thresholds it would round, are refused.
CREATE TABLE public.bk_generated (id bigint, contract_id bigint, level int, opened_at timestamptz,
  priority text GENERATED ALWAYS AS ('P' || level) STORED, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_generated FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE TABLE public.bk_twice (id bigint, contract_id bigint, priority text, opened_at timestamptz, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_twice FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('changed=response_due');
CREATE TABLE public.bk_updates (id bigint, contract_id bigint, priority text, opened_at timestamptz, update_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_updates FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE TABLE public.bk_nullid (id bigint, contract_id bigint, priority text, opened_at timestamptz, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_nullid FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT INSERT ON public.bk_generated, public.bk_twice, public.bk_updates, public.bk_nullid TO bk_desk_a;
SET ROLE bk_desk_a;
SELECT t, pg_temp.try(format('INSERT INTO public.%I (id, contract_id, opened_at) VALUES (1, %s, now())', t, :c)) AS refused
  FROM unnest(ARRAY['bk_generated', 'bk_twice', 'bk_updates']) t;
-- a ticket under an SLA with no key: its events could not be logged
SELECT pg_temp.try(format($$INSERT INTO public.bk_nullid VALUES (NULL, %s, 'P1', '2026-10-09 09:00+08')$$, :c)) AS null_key;
RESET ROLE;
-- char(n): padded values read as written ('P1  ' is P1, 'pending  ...' pauses); a char(n) key without its padding
CREATE TABLE public.bk_char (ref char(8) PRIMARY KEY, contract_id bigint, priority char(4), status char(20) DEFAULT 'open',
  opened_at timestamptz, updated_at timestamptz, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bk_char FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref');
GRANT SELECT, INSERT, UPDATE ON public.bk_char TO bk_desk_a;
SET ROLE bk_desk_a;
INSERT INTO public.bk_char (ref, contract_id, priority, opened_at) VALUES ('CH-1', :c, 'P1', '2026-10-09 09:00+08');
UPDATE public.bk_char SET status = 'pending', updated_at = '2026-10-09 09:30+08';
SELECT response_due FROM public.bk_char;                                   -- 11:00 while paused (the pause counts once it ends)
SELECT kind, priority, status, detail FROM sla_history('public.bk_char', 'CH-1');
RESET ROLE;
-- warning thresholds: NULL is not a list; shares finer than millionths would round onto one warning;
-- finer than percents they are kept, and the warning says which
SELECT pg_temp.try(format($$INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, warn_at)
                            VALUES (%s, 'P2', 'response', '1 hour', %L)$$, :c, w)) AS warn_at, w
  FROM unnest(ARRAY[NULL, '{0.5000001,0.5000002}']) w;
INSERT INTO sla_target (contract_id, priority, metric, target, calendar, warn_at) VALUES (:c, 'P3', 'response', '8 hours', '24x7', '{0.125,0.333333}');
SET ROLE bk_desk_a;
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c, 'P3', '2026-10-09 09:00+08') RETURNING id AS t7 \gset
-- 12.5% of 8 hours: 10:00; 0.333333 of them: 2 h 39 min 59.9904 s, 11:39:59.9904; met at 12:00 (due 17:00)
UPDATE public.bk_ticket SET first_response_at = '2026-10-09 12:00+08' WHERE id = :t7;
SELECT at, kind, detail FROM sla_history('public.bk_ticket', :'t7');
RESET ROLE;

-- 5. A recomputation that cannot compute a ticket names it.  CN-short stops covering days on
-- 2026-10-08 and has no forecast (forecast_to NULL; with one, the deadline would be computed on
-- it, provisional): a ticket opened on Friday 10-09 on a contract that counts on it cannot be recomputed.
SELECT copy_calendar('CN', 'CN-short');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('BK-2', 'maintenance_support', 'short calendar', '甲方', '乙方', 1000.00, '2026-01-05', 'active', 'CN-short') RETURNING id AS c2 \gset
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES (:c2, 'P1', 'response', '2 working hours');
INSERT INTO public.bk_ticket (contract_id, priority, opened_at) VALUES (:c2, 'P1', '2026-10-09 09:00+08');
UPDATE calendar SET covered_to = '2026-10-08', forecast_to = NULL WHERE name = 'CN-short';
SELECT pg_temp.try($$SELECT crm_contract.sla_recompute('public.bk_ticket')$$) AS recompute;

DROP TABLE public.bk_ticket, public.bk_generated, public.bk_twice, public.bk_updates, public.bk_nullid, public.bk_char;
REVOKE ALL ON contract, sla_target, sla_event FROM bk_desk_a;
DROP ROLE bk_desk_a;
DELETE FROM contract;
DELETE FROM calendar WHERE name = 'CN-short';
DELETE FROM tenant_member;
