-------------------------------------------------------------------------------
-- The deadline trigger for ticket tables, and the functions that drive it
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.sla_deadlines() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_sla_deadlines' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.sla_deadlines() IS
  'BEFORE INSERT OR UPDATE row trigger for any ticket table: response and resolution deadlines from the contract''s SLA targets, pauses, priority changes, reopening, breached flags, the next alert for sla_sweep, and the event log crm_contract.sla_event; arguments map roles to columns (defaults: id=id, contract=contract_id, priority=priority, opened=opened_at, status=status, paused=pending,waiting_customer, changed=updated_at, responded=first_response_at, resolved=resolved_at, response_due=response_due, resolve_due=resolve_due, response_breached=response_breached, resolve_breached=resolve_breached, next_alert=sla_next_alert, alerts=sla_alerts)';

CREATE FUNCTION crm_contract.sla_sweep(tickets regclass, as_of timestamptz DEFAULT pg_catalog.now()) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_sweep' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_sweep(regclass, timestamptz) IS
  'marks open tickets past a warning threshold as warned and past their deadline as breached, each once, logs each event, sends NOTIFY crm_contract_sla with a JSON payload per event and returns how many it marked; touches only rows with next_alert <= as_of (index that column)';

CREATE FUNCTION crm_contract.sla_recompute(tickets regclass) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_recompute' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_recompute(regclass) IS
  'recomputes the running deadlines of every open ticket from the current calendars and SLA targets (after an edit), logs a recomputed event per changed deadline and returns how many tickets changed';

CREATE FUNCTION crm_contract.sla_columns(tickets regclass, OUT role text, OUT mapped_to text) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_sla_columns' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION crm_contract.sla_columns(regclass) IS
  'the column of the ticket table that plays each role of its sla_deadlines() trigger (NULL: not used), and the pausing statuses';
