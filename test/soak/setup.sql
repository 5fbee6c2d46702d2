-- make soak: the database the pgbench clients work on.  50 contracts with SLA
-- targets on CN and 7x24 (P1 with progress reports every 4 hours) and a monthly
-- fee each; a ticket table with the trigger and the sweep's index; 2,000 tickets
-- opened over the last three days to start with.  Clients record changes as they
-- make them (client times are never before the ticket's record).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION crm_contract;
INSERT INTO crm_contract.tenant_member VALUES (current_user, 'soak');
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
SELECT 'S-' || i, 'maintenance_support', 'soak', 'c', 'v', 120000.00, '2026-01-05', 'active' FROM generate_series(1, 50) i;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar, credit)
SELECT c.id, v.p, v.m::crm_contract.sla_metric, v.t::crm_contract.term, v.cal, v.credit::crm_contract.penalty_rule
  FROM crm_contract.contract c,
       (VALUES ('P1', 'response', '2 working hours', NULL, '0.1% of total once'), ('P1', 'resolution', '8 working hours', NULL, NULL),
               ('P2', 'response', '4 working hours', NULL, NULL), ('P2', 'resolution', '3 working days', NULL, NULL),
               ('P0', 'response', '1 hour', '24x7', NULL), ('P0', 'resolution', '4 hours', '24x7', NULL),
               ('P1', 'update', '4 hours', '24x7', '0.1% of total once')) v (p, m, t, cal, credit);
INSERT INTO crm_contract.installment (contract_id, name, amount, anchor, anchor_date, every, occurrences)
SELECT id, 'monthly fee', 10000.00, 'date', '2026-01-15', '1 month', 12 FROM crm_contract.contract;
CREATE TABLE ticket (
  id bigserial PRIMARY KEY, contract_id bigint NOT NULL, priority text NOT NULL, status text NOT NULL DEFAULT 'open',
  opened_at timestamptz NOT NULL, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
  last_update_at timestamptz, response_due timestamptz, resolve_due timestamptz, update_due timestamptz,
  response_breached boolean, resolve_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO ticket (contract_id, priority, opened_at)
SELECT (SELECT min(id) FROM crm_contract.contract) + (i % 50), 'P' || (i % 3),
       now() - (i * 1337 % (3 * 24 * 60)) * interval '1 minute'
  FROM generate_series(1, 2000) i;
