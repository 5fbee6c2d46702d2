-------------------------------------------------------------------------------
-- Views for reporting tools (BI tools browse tables and views, not functions
-- that take a regclass): under the same row-level security as the tables
-- (security_invoker: the querying role's privileges and policies apply), with
-- plain column types (text, date, timestamptz, numeric, integer, boolean),
-- money as numeric(18,2), working times as numeric minutes.
-------------------------------------------------------------------------------

-- Per contract: its open obligations with the penalty or late fee accrued to date
-- (contract_statement as of crm_contract.today(), once per contract).
CREATE VIEW crm_contract.obligations_accrued WITH (security_invoker = true) AS
SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, x.kind, x.obligation, x.clause_ref, x.due_on,
       x.days_late, x.amount_open, x.rule, x.accrued, x.obligor, x.due_provisional, x.due_note
  FROM crm_contract.contract c
  CROSS JOIN LATERAL (
    SELECT o.kind, o.obligation, coalesce(l.clause_ref, o.clause_ref) AS clause_ref, o.due_on, o.days_late,
           o.amount_open::numeric(18,2) AS amount_open, l.rule::text AS rule, l.accrued::numeric(18,2) AS accrued,
           o.obligor::text AS obligor, o.due_provisional, o.due_note
      FROM crm_contract.obligations o
      LEFT JOIN crm_contract.contract_statement(c.id, crm_contract.today()) l
        ON l.kind OPERATOR(pg_catalog.=) o.kind AND l.obligation OPERATOR(pg_catalog.=) o.obligation
     WHERE o.contract_id OPERATOR(pg_catalog.=) c.id AND o.tenant OPERATOR(pg_catalog.=) c.tenant) x;
COMMENT ON VIEW crm_contract.obligations_accrued IS
  'per contract, every open obligation (as in obligations) with the penalty or late fee accrued to crm_contract.today() by contract_statement (rule as text, money as numeric(18,2)); change requests and renewal notices accrue nothing (NULL)';

-- How a ticket table's trigger maps roles to columns (sla_columns), or why it cannot:
-- a table whose arguments are wrong is listed with the error instead of failing the view.
CREATE FUNCTION crm_contract.sla_table_mapping(tickets regclass, OUT columns jsonb, OUT error text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO columns FROM crm_contract.sla_columns(sla_table_mapping.tickets) c;
EXCEPTION WHEN OTHERS THEN
  columns := NULL;
  error := SQLSTATE || ': ' || SQLERRM;
END $$;
COMMENT ON FUNCTION crm_contract.sla_table_mapping(regclass) IS
  'the roles of a ticket table''s sla_deadlines() trigger as a JSON object role -> column (as sla_columns() gives them), or NULL and the error (SQLSTATE: message) that its arguments raise; needs SELECT on the table';

-- Every table carrying the SLA trigger that the role may read (pg_trigger is
-- public, the mapping needs SELECT): security_barrier keeps a caller's own
-- conditions from running on tables before the privilege filter.
CREATE VIEW crm_contract.sla_ticket_tables WITH (security_invoker = true, security_barrier = true) AS
SELECT crm_contract.sla_ticket_table(r.oid::regclass) AS ticket_table,
       n.nspname::text AS table_schema, r.relname::text AS table_name, t.tgname::text AS trigger_name,
       r.relkind OPERATOR(pg_catalog.=) 'p' AS partitioned,
       t.tgenabled OPERATOR(pg_catalog.<>) 'D' AS enabled,
       pg_catalog.substring(pg_catalog.pg_get_triggerdef(t.oid), 'EXECUTE FUNCTION (?:crm_contract\.)?sla_deadlines\((.*)\)$') AS arguments,
       m.columns OPERATOR(pg_catalog.->>) 'id' AS id_column,
       m.columns OPERATOR(pg_catalog.->>) 'contract' AS contract_column,
       m.columns OPERATOR(pg_catalog.->>) 'priority' AS priority_column,
       m.columns OPERATOR(pg_catalog.->>) 'opened' AS opened_column,
       m.columns OPERATOR(pg_catalog.->>) 'status' AS status_column,
       m.columns OPERATOR(pg_catalog.->>) 'paused' AS paused_statuses,
       m.columns OPERATOR(pg_catalog.->>) 'changed' AS changed_column,
       m.columns OPERATOR(pg_catalog.->>) 'responded' AS responded_column,
       m.columns OPERATOR(pg_catalog.->>) 'resolved' AS resolved_column,
       m.columns OPERATOR(pg_catalog.->>) 'progressed' AS progressed_column,
       m.columns OPERATOR(pg_catalog.->>) 'response_due' AS response_due_column,
       m.columns OPERATOR(pg_catalog.->>) 'resolve_due' AS resolve_due_column,
       m.columns OPERATOR(pg_catalog.->>) 'update_due' AS update_due_column,
       m.columns OPERATOR(pg_catalog.->>) 'response_breached' AS response_breached_column,
       m.columns OPERATOR(pg_catalog.->>) 'resolve_breached' AS resolve_breached_column,
       m.columns OPERATOR(pg_catalog.->>) 'next_alert' AS next_alert_column,
       m.columns OPERATOR(pg_catalog.->>) 'alerts' AS alerts_column,
       m.columns OPERATOR(pg_catalog.->>) 'provisional' AS provisional_column,
       m.error AS mapping_error
  FROM pg_catalog.pg_trigger t
  JOIN pg_catalog.pg_class r ON r.oid OPERATOR(pg_catalog.=) t.tgrelid
  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) r.relnamespace
  CROSS JOIN LATERAL crm_contract.sla_table_mapping(r.oid::regclass) m
 WHERE t.tgfoid OPERATOR(pg_catalog.=) 'crm_contract.sla_deadlines()'::regprocedure
   AND t.tgparentid OPERATOR(pg_catalog.=) 0::oid           -- a partitioned table's trigger once, not its clones
   AND pg_catalog.has_any_column_privilege(r.oid, 'SELECT');
COMMENT ON VIEW crm_contract.sla_ticket_tables IS
  'every table carrying the crm_contract.sla_deadlines() trigger that the role may read (a partitioned table once, by its root): the name its events are logged under, the trigger''s arguments as written, the column playing each role (NULL: not used) and the pausing statuses, or the error its arguments raise';
COMMENT ON COLUMN crm_contract.sla_ticket_tables.ticket_table IS 'the name the table''s events are logged under in sla_event.ticket_table (schema-qualified and quoted; a partition''s root)';
COMMENT ON COLUMN crm_contract.sla_ticket_tables.arguments IS 'the trigger''s arguments as written in CREATE TRIGGER (empty: the default column names)';
COMMENT ON COLUMN crm_contract.sla_ticket_tables.paused_statuses IS 'the statuses that stop the clock, comma-separated';
COMMENT ON COLUMN crm_contract.sla_ticket_tables.mapping_error IS 'NULL, or why the trigger''s arguments do not fit the table (SQLSTATE: message), as its first firing would report';

-- Per ticket table, contract and month of opening: sla_report() over every table
-- the role reads, with counts as integer and working times in minutes.
CREATE VIEW crm_contract.sla_compliance WITH (security_invoker = true) AS
SELECT c.tenant, r.contract_id, c.code AS contract_code, t.ticket_table, r.month,
       r.tickets_opened::integer AS tickets_opened, r.met::integer AS met, r.breached::integer AS breached,
       r.still_open::integer AS still_open, r.compliance AS compliance_percent,
       pg_catalog.round(EXTRACT(epoch FROM r.response_mean) OPERATOR(pg_catalog./) 60, 2) AS response_mean_minutes,
       pg_catalog.round(EXTRACT(epoch FROM r.response_p95) OPERATOR(pg_catalog./) 60, 2) AS response_p95_minutes,
       pg_catalog.round(EXTRACT(epoch FROM r.resolution_mean) OPERATOR(pg_catalog./) 60, 2) AS resolution_mean_minutes,
       pg_catalog.round(EXTRACT(epoch FROM r.resolution_p95) OPERATOR(pg_catalog./) 60, 2) AS resolution_p95_minutes
  FROM (SELECT DISTINCT s.ticket_table FROM crm_contract.sla_ticket_tables s
         WHERE s.mapping_error IS NULL AND s.responded_column IS NOT NULL AND s.resolved_column IS NOT NULL
           AND s.ticket_table OPERATOR(pg_catalog.=) pg_catalog.format('%I.%I', s.table_schema, s.table_name)) t
  CROSS JOIN LATERAL crm_contract.sla_report(t.ticket_table::regclass) r
  JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) r.contract_id;
COMMENT ON VIEW crm_contract.sla_compliance IS
  'per ticket table, contract and month of opening (the contract calendar''s zone), as sla_report() gives it: tickets opened, met, breached, still open, compliance in % (met of met + breached), mean and 95th percentile working time to response and to resolution (its last cycle) in minutes, pauses left out; every table in sla_ticket_tables that maps responded and resolved';
COMMENT ON COLUMN crm_contract.sla_compliance.month IS 'the first day of the month the tickets were opened in, in the contract calendar''s time zone';
COMMENT ON COLUMN crm_contract.sla_compliance.met IS 'tickets resolved with nothing breached (response, resolution or an update period)';
COMMENT ON COLUMN crm_contract.sla_compliance.breached IS 'tickets with a response, resolution or update period breached';
COMMENT ON COLUMN crm_contract.sla_compliance.compliance_percent IS 'met / (met + breached) in %, 2 decimals; NULL when no ticket of the month is judged yet';
COMMENT ON COLUMN crm_contract.sla_compliance.response_p95_minutes IS 'the 95th percentile (a value of the set, percentile_disc) of the working time to first response, on the target''s calendar, in minutes';
COMMENT ON COLUMN crm_contract.sla_compliance.resolution_p95_minutes IS 'the 95th percentile of the working time to resolution (a reopened ticket''s last cycle), in minutes';

-- Per contract, month and credit rule: the service credits contract_statement charges
-- the vendor, as of crm_contract.today().
CREATE VIEW crm_contract.sla_credits WITH (security_invoker = true) AS
SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, l.due_on AS month,
       pg_catalog.substring(l.obligation, ': ([0-9]+) breach')::integer AS breaches,
       l.rule::text AS rule, l.basis::numeric(18,2) AS basis, l.accrued::numeric(18,2) AS credit
  FROM crm_contract.contract c
  CROSS JOIN LATERAL crm_contract.statement_credit_lines(c.id, crm_contract.today()) l;
COMMENT ON VIEW crm_contract.sla_credits IS
  'per contract, month of the breach (the contract calendar''s zone) and credit rule: the SLA service credits the vendor owes as contract_statement counts them up to crm_contract.today(), each logged breach of a target with a credit accrued once, on the contract amount (of total) or the month''s fee';
COMMENT ON COLUMN crm_contract.sla_credits.breaches IS 'breaches logged in the month of targets with this credit rule';
COMMENT ON COLUMN crm_contract.sla_credits.basis IS 'the amount the rule applies to: the contract amount (of total), else the installments due in the month';
COMMENT ON COLUMN crm_contract.sla_credits.credit IS 'the credit accrued, to 0.01';

-- A ticket's metrics past a warning and not yet met or breached, from its logged
-- history (sla_ticket_log): the warnings of the response, of the current resolution
-- cycle (since the last reopening) and of the current update period (since the last
-- report or missed period), as the trigger's alert mask counts them.
CREATE FUNCTION crm_contract.sla_ticket_risk(ticket_table text, ticket text)
RETURNS TABLE (metric crm_contract.sla_metric, warned_at timestamptz, warning text, due timestamptz,
               contract_id bigint, priority text, status text, paused boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH h AS MATERIALIZED (SELECT e.* FROM crm_contract.sla_ticket_log(sla_ticket_risk.ticket_table, sla_ticket_risk.ticket) e),
  last AS (SELECT h.* FROM h ORDER BY h.id DESC LIMIT 1),
  s AS (
    SELECT coalesce(max(h.id) FILTER (WHERE h.kind = 'reopened'), 0) AS cycle,
           coalesce(max(h.id) FILTER (WHERE h.metric = 'update' AND h.kind IN ('met', 'breached')), 0) AS period,
           (array_agg(h.kind ORDER BY h.id DESC) FILTER (WHERE h.kind IN ('paused', 'resumed')))[1] = 'paused' AS paused,
           min(h.id) FILTER (WHERE h.ticket = sla_ticket_risk.ticket) AS own_start
      FROM h)
  SELECT w.metric, lw.at, lw.detail, w.due, last.contract_id, last.priority, last.status, coalesce(s.paused, false)
    FROM last, s,
         LATERAL (VALUES ('response'::crm_contract.sla_metric, 0::bigint, last.response_due),
                         ('resolution', s.cycle, last.resolve_due),
                         ('update', greatest(s.cycle, s.period), last.update_due)) w (metric, since, due),
         LATERAL (SELECT h.at, h.detail FROM h WHERE h.metric = w.metric AND h.kind = 'warned' AND h.id > w.since
                   ORDER BY h.id DESC LIMIT 1) lw
   WHERE w.due IS NOT NULL
     AND NOT EXISTS (SELECT FROM h WHERE h.metric = w.metric AND h.kind IN ('met', 'breached') AND h.id > w.since)
     -- resolved in the current cycle: nothing is at risk
     AND NOT EXISTS (SELECT FROM h WHERE h.metric = 'resolution' AND h.kind IN ('met', 'breached')
                                     AND h.done_at IS NOT NULL AND h.id > s.cycle)
     -- a key renamed away: its ticket goes on under the new key
     AND NOT EXISTS (SELECT FROM crm_contract.sla_event r
                      WHERE r.ticket_table = sla_ticket_risk.ticket_table AND r.kind::text = 'renamed'
                        AND r.detail = sla_ticket_risk.ticket AND r.id > s.own_start)
   ORDER BY w.metric
$$;
COMMENT ON FUNCTION crm_contract.sla_ticket_risk(text, text) IS
  'a ticket''s metrics past a warning and not yet met or breached, from its logged history (by the name its table is logged under and its key): the response, the current resolution cycle, the current update period; with the last warning, the running deadline, the contract, priority and status of the last event, and whether the clock is paused; nothing once the ticket is resolved';

-- Open tickets at risk, across every ticket table: read from the log alone (no
-- query on the ticket tables), for the tables in sla_ticket_tables.
CREATE VIEW crm_contract.sla_at_risk WITH (security_invoker = true) AS
SELECT c.tenant, r.contract_id, c.code AS contract_code, k.ticket_table, k.ticket, r.metric::text AS metric,
       r.priority, r.status, r.paused, r.warned_at, r.warning, r.due
  FROM (SELECT DISTINCT e.ticket_table, e.ticket FROM crm_contract.sla_event e
         WHERE e.kind::text OPERATOR(pg_catalog.=) ANY ('{warned,renamed}'::text[])   -- text: 'renamed' is new in 0.3, and an update cannot use it yet
           AND e.ticket_table OPERATOR(pg_catalog.=) ANY (ARRAY(SELECT t.ticket_table FROM crm_contract.sla_ticket_tables t))) k
  CROSS JOIN LATERAL crm_contract.sla_ticket_risk(k.ticket_table, k.ticket) r
  JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) r.contract_id;
COMMENT ON VIEW crm_contract.sla_at_risk IS
  'open tickets at risk across every table in sla_ticket_tables: one row per ticket and metric (response, resolution, update) past a warning threshold and not yet met or breached, read from the SLA event log: the last warning, the running deadline (a deadline passed since the last sweep shows until the next sweep records its breach), the priority and status of the ticket''s last event, whether its clock is paused; the log records no resolution that follows a recorded breach of the resolution, so such a ticket keeps a warned update period here';
COMMENT ON COLUMN crm_contract.sla_at_risk.ticket IS 'the ticket''s key (its id column as text)';
COMMENT ON COLUMN crm_contract.sla_at_risk.warning IS 'the last threshold passed, as a share of the target (75%)';
COMMENT ON COLUMN crm_contract.sla_at_risk.due IS 'the metric''s running deadline after the ticket''s last event';
