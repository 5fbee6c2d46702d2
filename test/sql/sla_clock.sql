-- The SLA clock over a ticket's life: pauses, priority changes, reopening,
-- sweeps, the event log, recomputation after a calendar edit, reports and
-- service credits.  Every instant is counted by hand on CN (Mon-Fri
-- 09:00-12:00 and 13:00-18:00 at +08; 1-7 October 2026 off; Saturday
-- 10 October worked) and on 24x7.  2026-10-08 is a Thursday, 10-09 a Friday,
-- 10-12 a Monday.  Warnings at 50% and 75% of the target (the default).
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
-- Contract ids are not reset: the append-only log keeps the events of earlier tests' contracts.
INSERT INTO tenant_member VALUES (current_user, 'sla');

INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('002', 'maintenance_support', 'CRM 售后服务', '甲方', '乙方', 120000.00, '2026-01-05', 'active')
RETURNING id AS c1 \gset
-- 002: respond within 2 working hours, resolve within 8; a breach of the response costs 0.5% of
-- the month's fee, of the resolution 0.1% of the contract amount
INSERT INTO sla_target (contract_id, priority, metric, target, calendar, credit) VALUES
  (:c1, 'P1', 'response', '2 working hours', NULL, '0.5% of overdue once'),
  (:c1, 'P1', 'resolution', '8 working hours', NULL, '0.1% of total once'),
  (:c1, 'P2', 'response', '4 working hours', NULL, NULL),
  (:c1, 'P2', 'resolution', '16 working hours', NULL, NULL),
  (:c1, 'urgent', 'response', '1 hour', '24x7', NULL);
-- the monthly fee: 10,000.00 due on the 15th
INSERT INTO installment (contract_id, name, amount, anchor, anchor_date, every, occurrences)
VALUES (:c1, 'monthly fee', 10000.00, 'date', '2026-01-15', '1 month', 12);

CREATE TABLE ticket (
  id bigserial PRIMARY KEY,
  contract_id bigint NOT NULL,
  priority text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL,
  updated_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  response_due timestamptz,
  resolve_due timestamptz,
  response_breached boolean,
  resolve_breached boolean,
  sla_next_alert timestamptz,
  sla_alerts integer NOT NULL DEFAULT 0
);
CREATE INDEX ticket_next_alert ON ticket (sla_next_alert) WHERE sla_next_alert IS NOT NULL;
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();

-- 1. A pause of 2 working hours moves both deadlines by exactly that.
-- Opened Fri 10-09 09:00: response 09-11 -> 11:00; resolution 09-12, 13-18 -> 18:00;
-- the first alert is the response's 50% (1 working hour): 10:00.  An insert logs nothing: the
-- mask holds only the bit that says so (1 << 24).
SELECT count(*) AS events_before FROM sla_event \gset
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c1, 'P1', '2026-10-09 09:00+08');
SELECT response_due, resolve_due, sla_next_alert, sla_alerts FROM ticket WHERE id = 1;
SELECT count(*) - :events_before AS events_after_insert FROM sla_event;
-- waiting for the customer 09:30-11:30: no alerts while paused
UPDATE ticket SET status = 'waiting_customer', updated_at = '2026-10-09 09:30+08' WHERE id = 1;
SELECT response_due, resolve_due, sla_next_alert FROM ticket WHERE id = 1;
-- back at 11:30: 2 working hours paused.  Response 11:00 + 2 h = 11-12, 13-14 -> 14:00;
-- resolution 18:00 + 2 h = Sat 10-10 09-11 -> 11:00.  Next alert: response 50% (counted
-- 09:00-09:30, then 11:30-12:00) -> 12:00.
UPDATE ticket SET status = 'open', updated_at = '2026-10-09 11:30+08' WHERE id = 1;
SELECT response_due, resolve_due, sla_next_alert FROM ticket WHERE id = 1;

-- 2. Sweeps fire each warning and breach once, in order.
-- At 13:30: response 50% (12:00) and 75% (0.5 + 0.5 + 13:00-13:30 -> 13:30) have passed.
SELECT sla_sweep('ticket', '2026-10-09 13:30+08') AS marked;
SELECT sla_sweep('ticket', '2026-10-09 13:30+08') AS marked_again;
SELECT response_breached, sla_next_alert, sla_alerts FROM ticket WHERE id = 1;   -- next: the response deadline 14:00
-- At 14:30 the response deadline (14:00) has passed: breached; next is the resolution's 50%:
-- 4 working hours counted 0.5 + 0.5 + 13:00-16:00 -> 16:00.
SELECT sla_sweep('ticket', '2026-10-09 14:30+08') AS marked;
SELECT response_breached, sla_next_alert FROM ticket WHERE id = 1;
-- the late response does not log the breach twice
UPDATE ticket SET first_response_at = '2026-10-09 14:45+08', updated_at = '2026-10-09 14:45+08' WHERE id = 1;
SELECT sla_sweep('ticket', '2026-10-09 16:00+08') AS marked;   -- resolution 50%
-- resolved Fri 17:00, before Sat 11:00: met; nothing left to alert
UPDATE ticket SET status = 'resolved', resolved_at = '2026-10-09 17:00+08', updated_at = '2026-10-09 17:00+08' WHERE id = 1;
SELECT response_breached, resolve_breached, sla_next_alert FROM ticket WHERE id = 1;
SELECT at, kind, metric, status, response_due, resolve_due, detail FROM sla_history('ticket', '1');

-- 3. A priority change keeps the working time elapsed, pauses included.
-- P2 opened Fri 09:00, paused 09:30-10:00 (0.5 h): response 4 h -> 14:00 + 0.5 h = 14:30;
-- resolution 16 h -> Sat 18:00 + 0.5 h = Mon 10-12 09:30.
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c1, 'P2', '2026-10-09 09:00+08');
UPDATE ticket SET status = 'pending', updated_at = '2026-10-09 09:30+08' WHERE id = 2;
UPDATE ticket SET status = 'open', updated_at = '2026-10-09 10:00+08' WHERE id = 2;
SELECT priority, response_due, resolve_due FROM ticket WHERE id = 2;
-- raised to P1 at 10:30: response 2 h from 09:00 -> 11:00, + 0.5 h paused -> 11:30;
-- resolution 8 h -> 18:00, + 0.5 h -> Sat 10-10 09:30
UPDATE ticket SET priority = 'P1', updated_at = '2026-10-09 10:30+08' WHERE id = 2;
SELECT priority, response_due, resolve_due FROM ticket WHERE id = 2;
SELECT kind, at, priority, detail FROM sla_history('ticket', '2') WHERE kind = 'priority_changed';

-- 4. Reopening starts a new resolution cycle; the earlier one stays on record.
-- P1 opened Thu 10-08 09:00: response 11:00, resolution 09-12, 13-18 -> 18:00; answered 09:10, resolved 10:00: both met.
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c1, 'P1', '2026-10-08 09:00+08');
UPDATE ticket SET first_response_at = '2026-10-08 09:10+08', updated_at = '2026-10-08 09:10+08' WHERE id = 3;
UPDATE ticket SET resolved_at = '2026-10-08 10:00+08', updated_at = '2026-10-08 10:00+08' WHERE id = 3;
-- reopened Fri 16:00: 8 h -> Fri 16-18, Sat 09-12, 13-16 -> Sat 10-10 16:00
UPDATE ticket SET resolved_at = NULL, updated_at = '2026-10-09 16:00+08' WHERE id = 3;
SELECT response_due, resolve_due, resolve_breached FROM ticket WHERE id = 3;
-- resolved again Mon 10-12 10:00: after Sat 16:00, breached (the first cycle stays met).  No sweep ran:
-- the resolution records what time passing had done first, 50% (4 h: Fri 16-18, Sat 09-11) at Sat 11:00,
-- 75% (6 h: ... Sat 13-14) at 14:00 and the breach at 16:00, as a sweep would have.
UPDATE ticket SET resolved_at = '2026-10-12 10:00+08', updated_at = '2026-10-12 10:00+08' WHERE id = 3;
SELECT response_breached, resolve_breached FROM ticket WHERE id = 3;
SELECT at, kind, metric, resolve_due, detail FROM sla_history('ticket', '3');

-- 5. 7×24: urgent opened Thu 10-01 23:30 (a holiday) -> 00:30; 30 minutes paused -> 01:00.
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c1, 'urgent', '2026-10-01 23:30+08');
UPDATE ticket SET status = 'pending', updated_at = '2026-10-01 23:45+08' WHERE id = 4;
UPDATE ticket SET status = 'open', updated_at = '2026-10-02 00:15+08' WHERE id = 4;
SELECT response_due, resolve_due, sla_next_alert FROM ticket WHERE id = 4;   -- next: 50% = 30 min counted: 00:15 + 15 min

-- 6. A ticket imported already answered: the insert logs nothing; the outcome is judged at its next
-- change (or by a sweep: its next alert is when the outcome became known, the deadline 16:00).
INSERT INTO ticket (contract_id, priority, opened_at, first_response_at)
VALUES (:c1, 'P1', '2026-10-08 14:00+08', '2026-10-08 16:30+08');            -- due 16:00: breached
SELECT response_breached, sla_next_alert FROM ticket WHERE id = 5;
SELECT at, kind, metric FROM sla_history('ticket', '5');
-- waiting for the customer 16:40-17:00: the change logs the start, the breach at 16:00, the pause and the resumption
UPDATE ticket SET status = 'pending', updated_at = '2026-10-08 16:40+08' WHERE id = 5;
UPDATE ticket SET status = 'open', updated_at = '2026-10-08 17:00+08' WHERE id = 5;
SELECT at, kind, metric FROM sla_history('ticket', '5');
-- a ticket with nothing logged replays its start from the row
SELECT at, kind, priority, response_due FROM sla_history('ticket', '4') LIMIT 1;
SELECT count(*) AS nothing FROM sla_history('ticket', '99');

-- 7. A calendar edit reaches open tickets through sla_recompute().
SELECT copy_calendar('CN', 'CN-ops');
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
VALUES ('002-B', 'maintenance_support', 'CRM 售后服务 B', '甲方', '乙方', 60000.00, '2026-01-05', 'active', 'CN-ops')
RETURNING id AS c2 \gset
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES
  (:c2, 'P1', 'response', '2 working hours'), (:c2, 'P1', 'resolution', '8 working hours');
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c2, 'P1', '2026-10-09 09:00+08');
SELECT response_due, resolve_due FROM ticket WHERE id = 6;                  -- 11:00, 18:00
-- Friday 10-09 becomes a company holiday on CN-ops: the clock starts Sat 09:00 -> 11:00 and 18:00
INSERT INTO calendar_exception (calendar, day, kind, name) VALUES ('CN-ops', '2026-10-09', 'holiday', 'company day');
SELECT response_due, resolve_due FROM ticket WHERE id = 6;                  -- unchanged until recomputed
SELECT sla_recompute('ticket') AS tickets_changed;                          -- only ticket 6 changed
SELECT response_due, resolve_due, sla_next_alert FROM ticket WHERE id = 6;  -- next: 50% of 2 h -> Sat 10:00
SELECT kind, metric, detail FROM sla_history('ticket', '6') WHERE kind = 'recomputed' ORDER BY metric;
SELECT sla_recompute('ticket') AS tickets_changed_again;

-- 8. Reports per contract and month.  October, contract 002: tickets 1-5 opened.  Ticket 1
-- (response breached), 3 (second resolution breached), 5 (response breached): breached 3;
-- 2 and 4 still open; none met yet: compliance 0.00 (met of met + breached).
-- Response working time on CN, pauses left out: t1 09:00-14:45 = 3 h + 1.75 h (lunch) less the
-- 2 h paused = 2:45; t3 0:10; t5 14:00-16:30 = 2:30; t2, t4 none.  Mean 5:25 / 3 = 1:48:20,
-- p95 (a value of the set) 2:45.  Resolution: t1 09:00-17:00 = 7 h less 2 h = 5:00; t3's
-- current cycle Fri 16:00 to Mon 10:00 = 2 + 8 (Saturday worked) + 1 = 11:00.  Mean 8:00, p95 11:00.
-- Over every cycle: t3's first one, Thu 09:00-10:00, adds 1:00: 5:00 and 12:00, mean 8:30, p95 12:00.
SELECT month, tickets_opened, met, breached, still_open, compliance, response_mean, response_p95, resolution_mean, resolution_p95,
       resolution_total_mean, resolution_total_p95
  FROM sla_report('ticket') WHERE contract_id = :c1;
UPDATE ticket SET status = 'resolved', first_response_at = '2026-10-09 10:45+08', resolved_at = '2026-10-09 11:00+08',
                  updated_at = '2026-10-09 11:00+08' WHERE id = 2;          -- before 11:30 and Sat 09:30: met
-- now 1 met of 4 decided: 25.00
SELECT tickets_opened, met, breached, still_open, compliance FROM sla_report('ticket', '2026-10-01', '2026-10-01') WHERE contract_id = :c1;

-- 9. Service credits in the contract statement (as of 2026-10-31): October breaches of contract 1:
-- response of ticket 1 (0.5% of the October fee 10,000.00 = 50.00) and of ticket 5 (50.00);
-- resolution of ticket 3 (0.1% of 120,000.00 = 120.00).
SELECT kind, obligation, basis, rule, accrued FROM contract_statement(:c1, '2026-10-31') WHERE kind IN ('sla_credit', 'total');

-- A ticket whose targets are gone is neither alerted nor swept again.
DELETE FROM sla_target WHERE contract_id = :c2;
-- open and alerting: ticket 4's response (50%, 75%, breach) and ticket 5's resolution (the same): 6; ticket 6 none
SELECT sla_sweep('ticket', '2026-11-30 00:00+08') AS marked_without_targets;
SELECT id, response_due, sla_next_alert FROM ticket WHERE id IN (4, 6) ORDER BY id;

-- Pauses repeat: P1 opened Thu 10-08 09:00, paused 09:30-10:00 and 10:30-11:00 (1 working hour in all):
-- response 11:00 + 1 h = 12:00; resolution 18:00 + 1 h = Fri 10-09 10:00.  The second pause begins
-- just as the response's 50% is reached (09:00-09:30 and 10:00-10:30 counted): that warning is recorded.
INSERT INTO ticket (contract_id, priority, opened_at) VALUES (:c1, 'P1', '2026-10-08 09:00+08');
UPDATE ticket SET status = 'pending', updated_at = '2026-10-08 09:30+08' WHERE id = 7;
UPDATE ticket SET status = 'open', updated_at = '2026-10-08 10:00+08' WHERE id = 7;
UPDATE ticket SET status = 'pending', updated_at = '2026-10-08 10:30+08' WHERE id = 7;
SELECT response_due, resolve_due, sla_next_alert FROM ticket WHERE id = 7;   -- the second pause not counted yet; no alert while paused
UPDATE ticket SET status = 'open', updated_at = '2026-10-08 11:00+08' WHERE id = 7;
SELECT response_due, resolve_due FROM ticket WHERE id = 7;
SELECT string_agg(kind::text, ', ' ORDER BY n) AS events FROM sla_history('ticket', '7') WITH ORDINALITY h (at, kind, metric, priority, status, rd, sd, ud, detail, n);

-- 10. The log is append-only; bad calls are refused.
\set VERBOSITY default
UPDATE sla_event SET detail = 'x' WHERE id = 1;
DELETE FROM sla_event;
TRUNCATE sla_event;
SELECT sla_sweep('contract', now());
CREATE TABLE plain (id bigint, contract_id bigint, priority text, opened_at timestamptz, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON plain FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
SELECT sla_sweep('plain', now());
SELECT sla_sweep('ticket', 'infinity');
SELECT sla_report('plain');
CREATE TABLE half (id bigint, contract_id bigint, priority text, opened_at timestamptz, response_due timestamptz, sla_next_alert timestamptz);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON half FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO half VALUES (1, :c1, 'P1', now());
INSERT INTO sla_target (contract_id, priority, metric, target, warn_at) VALUES (:c1, 'P3', 'response', '1 hour', '{0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8}');
SELECT role, mapped_to FROM sla_columns('ticket') ORDER BY role;
\set VERBOSITY terse

DROP TABLE ticket, plain, half;
DELETE FROM contract;
DELETE FROM calendar WHERE name = 'CN-ops';
DELETE FROM tenant_member;
