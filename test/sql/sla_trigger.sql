-- crm_contract.sla_deadlines() on ticket tables.  Deadlines are worked out by
-- hand on CN (Mon-Fri 09:00-12:00 and 13:00-18:00; 1-7 October 2026 off,
-- Saturday 10 October worked) and on 24x7.
SET search_path = crm_contract, public;
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET timezone = 'Asia/Shanghai';
SELECT count(setval(pg_get_serial_sequence('crm_contract.' || t, 'id'), 1, false)) AS sequences_reset
  FROM unnest(ARRAY['contract', 'sla_target']) t;
INSERT INTO tenant_member VALUES (current_user, 'sla');

-- 002: respond within 2 working hours, resolve general faults within 8; 004 §7.1: 7×24, respond within 1 hour.
INSERT INTO contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('002', 'maintenance_support', 'CRM 售后服务', '甲方', '乙方', 120000.00, '2026-01-05', 'active');
INSERT INTO sla_target (contract_id, priority, metric, target, calendar) VALUES
  (1, 'P1', 'response', '2个工作小时', NULL),
  (1, 'P1', 'resolution', '8 working hours', NULL),
  (1, 'P2', 'response', '4 working hours', NULL),
  (1, 'urgent', 'response', '1小時', '24x7'),
  (1, 'P1', 'update', '24 hours', '24x7');

-- A ticket table with the default column names needs no trigger arguments.
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
  sla_alerts integer NOT NULL DEFAULT 0
);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();

INSERT INTO ticket (contract_id, priority, opened_at) VALUES
  (1, 'P1', '2026-09-30 17:00+08'),      -- response: 17-18, then 10/8 09-10 -> 10/8 10:00; resolution: 17-18, 10/8 09-12, 13-17 -> 10/8 17:00
  (1, 'urgent', '2026-10-01 23:30+08'),  -- 7×24: 10/2 00:30
  (1, 'P1', '2026-10-09 11:30+08'),      -- lunch: 11:30-12:00, 13:00-14:30 -> 14:30; resolution 8h: 11:30-12, 13-18 (5.5), Sat 10/10 09:00-11:30 -> 10/10 11:30
  (1, 'P9', '2026-10-09 11:30+08');      -- no target: NULL deadlines, a notice
SELECT id, priority, opened_at, response_due, resolve_due FROM ticket ORDER BY id;

-- Responses and resolutions set the breached flags.
UPDATE ticket SET first_response_at = '2026-10-08 10:30+08' WHERE id = 1;   -- after 10:00: breached
UPDATE ticket SET first_response_at = '2026-10-02 00:29+08' WHERE id = 2;   -- before 00:30: met
UPDATE ticket SET resolved_at = '2026-10-08 17:00+08' WHERE id = 1;         -- exactly at the deadline: met
SELECT id, response_breached, resolve_breached FROM ticket WHERE id IN (1, 2) ORDER BY id;

-- A priority change applies the new targets to the time since opening.
UPDATE ticket SET priority = 'P2', updated_at = '2026-10-09 12:00+08' WHERE id = 3;    -- 4 working hours: 11:30-12:00, 13:00-16:30 -> 16:30
SELECT id, priority, response_due, resolve_due FROM ticket WHERE id = 3;   -- P2 has no resolution target: NULL

-- Any column names, mapped by arguments.
CREATE TABLE helpdesk (
  ref text PRIMARY KEY,
  agreement integer,
  severity varchar(10),
  created timestamptz,
  answered timestamptz,
  answer_by timestamptz,
  late_answer boolean,
  sla_state integer
);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON helpdesk FOR EACH ROW
  EXECUTE FUNCTION crm_contract.sla_deadlines('id=ref', 'contract=agreement', 'priority=severity', 'opened=created',
                                              'responded=answered', 'response_due=answer_by', 'response_breached=late_answer',
                                              'alerts=sla_state');
INSERT INTO helpdesk (ref, agreement, severity, created) VALUES ('HD-1', 1, 'P1', '2026-10-09 17:30+08');
UPDATE helpdesk SET answered = '2026-10-10 10:00+08';
SELECT ref, answer_by, late_answer FROM helpdesk;   -- 17:30-18:00, Sat 10/10 09:00-10:30 -> 10:30; answered 10:00: met

-- Bad trigger arguments fail at the first firing, naming table and argument; nothing is written.
\set VERBOSITY default
CREATE TABLE bad1 (id bigint, contract_id bigint, priority text, opened_at timestamptz, response_due timestamptz);
CREATE TRIGGER sla BEFORE INSERT ON bad1 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('colour=priority');
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
DROP TRIGGER sla ON bad1;
CREATE TRIGGER sla BEFORE INSERT ON bad1 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('opened=created_at');
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
DROP TRIGGER sla ON bad1;
CREATE TRIGGER sla BEFORE INSERT ON bad1 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('opened');
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
DROP TRIGGER sla ON bad1;
CREATE TRIGGER sla BEFORE INSERT ON bad1 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines('priority=opened_at');
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
DROP TRIGGER sla ON bad1;
CREATE TRIGGER sla AFTER INSERT ON bad1 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
DROP TRIGGER sla ON bad1;
CREATE TRIGGER sla BEFORE INSERT ON bad1 FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO bad1 VALUES (1, 1, 'P1', now(), NULL);
SELECT count(*) AS rows_written FROM bad1;
CREATE TABLE bad2 (id bigint, contract_id bigint, priority text, opened_at timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT ON bad2 FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO bad2 VALUES (1, 1, 'P1', now());
SELECT crm_contract.sla_deadlines();

-- Targets are validated on write.
INSERT INTO sla_target (contract_id, priority, metric, target, calendar) VALUES (1, 'P3', 'response', '1 hour', 'Mars');
INSERT INTO sla_target (contract_id, priority, metric, target, warn_at) VALUES (1, 'P3', 'response', '1 hour', '{0.75,0.5}');
INSERT INTO sla_target (contract_id, priority, metric, target, warn_at) VALUES (1, 'P3', 'response', '1 hour', '{0.5,1}');
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES (1, 'P1', 'response', '3 hours');
INSERT INTO sla_target (contract_id, priority, metric, target) VALUES (1, 'P3', 'latency', '3 hours');

DROP TABLE ticket, helpdesk, bad1, bad2;
DELETE FROM contract;
DELETE FROM tenant_member;
