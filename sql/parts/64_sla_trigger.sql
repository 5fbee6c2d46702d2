-------------------------------------------------------------------------------
-- The deadline trigger for ticket tables, and the functions that drive it
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.sla_deadlines() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_sla_deadlines' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.sla_deadlines() IS
  'BEFORE INSERT OR UPDATE row trigger for any ticket table: response, resolution and periodic update deadlines from the contract''s SLA targets, pauses, priority changes, reopening, breached flags, the next alert for sla_sweep, and the event log crm_contract.sla_event; the columns it writes are computed from its own state whatever a client puts there, and client times are checked; arguments map roles to columns (defaults: id=id, contract=contract_id, priority=priority, opened=opened_at, status=status, paused=pending,waiting_customer, changed=updated_at, responded=first_response_at, resolved=resolved_at, progressed=last_update_at; written by the trigger: response_due=response_due, resolve_due=resolve_due, update_due=update_due, response_breached=response_breached, resolve_breached=resolve_breached, next_alert=sla_next_alert, alerts=sla_alerts; optional: provisional=sla_provisional, true while a deadline rests on the calendars forecast)';

CREATE FUNCTION crm_contract.sla_sweep(tickets regclass, as_of timestamptz DEFAULT pg_catalog.now()) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_sweep' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_sweep(regclass, timestamptz) IS
  'records what time passing did to open tickets up to as_of (not later than now): each warning threshold reached (warned), each deadline or update period missed (breached, flag set), once each, and the judgement of tickets inserted already answered or resolved; sends NOTIFY crm_contract_sla with the id of each warned and breached event; returns how many events it recorded; needs UPDATE on the table; touches only rows with next_alert <= as_of (index that column)';

CREATE FUNCTION crm_contract.sla_recompute(tickets regclass) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_recompute' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_recompute(regclass) IS
  'recomputes the running deadlines of every open ticket from the current calendars and SLA targets (after an edit), logs a recomputed event per changed deadline and returns how many tickets changed; needs UPDATE on the table; an error names the ticket it could not recompute';

CREATE FUNCTION crm_contract.sla_columns(tickets regclass, OUT role text, OUT mapped_to text) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_sla_columns' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION crm_contract.sla_columns(regclass) IS
  'the column of the ticket table that plays each role of its sla_deadlines() trigger (NULL: not used), and the pausing statuses; needs SELECT on the table';

CREATE FUNCTION crm_contract.sla_ticket_table(tickets regclass) RETURNS text
  AS 'MODULE_PATHNAME', 'crm_sla_ticket_table' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION crm_contract.sla_ticket_table(regclass) IS
  'the name a ticket table''s events are logged under: its schema-qualified, quoted name, or its root''s for a partition; needs SELECT on the table';
