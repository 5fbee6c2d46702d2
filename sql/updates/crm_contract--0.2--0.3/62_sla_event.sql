-- The SLA event log is keyed by the ticket table's name (its root's for a partition), not
-- by OID: histories survive partition moves, and OIDs differ between the nodes of a
-- distributed database.  Rows of dropped tables keep their OID as text.  Events carry
-- the update deadline and the time of what was judged; a reopening's earlier resolution
-- is read back from its detail.  Only the extension writes the log (sla_event_guard):
-- grants of INSERT that 0.2's README asked for are refused with 42501 from now on.
ALTER TYPE crm_contract.sla_event_kind ADD VALUE 'renamed';
DROP INDEX crm_contract.sla_event_ticket;
ALTER TABLE crm_contract.sla_event RENAME COLUMN tickets TO ticket_table;
CREATE FUNCTION crm_contract.sla_upgrade_table_name(t oid) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.oid = coalesce(pg_partition_root(t), t)), t::text)
$$;
ALTER TABLE crm_contract.sla_event ALTER COLUMN ticket_table TYPE text USING crm_contract.sla_upgrade_table_name(ticket_table);
DROP FUNCTION crm_contract.sla_upgrade_table_name(oid);
ALTER TABLE crm_contract.sla_event ADD COLUMN update_due timestamptz, ADD COLUMN done_at timestamptz,
  ADD COLUMN provisional boolean NOT NULL DEFAULT false;
-- the one rewrite of the log: its append-only trigger is off for it, and every tenant's rows are in reach
ALTER TABLE crm_contract.sla_event DISABLE TRIGGER sla_event_append_only;
ALTER TABLE crm_contract.sla_event NO FORCE ROW LEVEL SECURITY;
UPDATE crm_contract.sla_event
   SET done_at = CASE WHEN kind OPERATOR(pg_catalog.=) 'met' THEN at
                      ELSE pg_catalog.substring(detail, '^earlier cycle resolved (\S+),')::timestamptz END
 WHERE kind OPERATOR(pg_catalog.=) ANY ('{met,reopened}');
ALTER TABLE crm_contract.sla_event FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_contract.sla_event ENABLE TRIGGER sla_event_append_only;
-- what the trigger reads back (a ticket's events since its start, in its tenant) and the readers
-- follow (in theirs by row-level security, or in every tenant)
CREATE INDEX sla_event_ticket ON crm_contract.sla_event (ticket_table, ticket, tenant, id);
COMMENT ON TABLE crm_contract.sla_event IS
  'append-only SLA history of tickets, written only by crm_contract.sla_deadlines(), sla_sweep() and sla_recompute() (the guard trigger refuses every other insert): started, paused, resumed, priority changed, reopened, renamed, recomputed, warned, breached, met; each row holds the deadlines after the event';
COMMENT ON COLUMN crm_contract.sla_event.ticket_table IS 'the ticket table by schema-qualified, quoted name (for a partitioned table, its root): a history survives partition moves and does not depend on OIDs';
COMMENT ON COLUMN crm_contract.sla_event.ticket IS 'the ticket''s id column in its text form; a ticket''s history is its events since its last started event, and a renamed event goes on under the old key it names';
COMMENT ON COLUMN crm_contract.sla_event.at IS 'when it happened: the opening, the status change, the instant a warning threshold or deadline passed, the response, resolution or progress report';
COMMENT ON COLUMN crm_contract.sla_event.logged_at IS 'when it was written';
COMMENT ON COLUMN crm_contract.sla_event.update_due IS 'when the next progress report was due after the event (a breached update period: the deadline it missed)';
COMMENT ON COLUMN crm_contract.sla_event.done_at IS 'met and breached: the response, resolution or report judged (NULL for a breach found by a sweep); reopened: when the earlier cycle was resolved';
COMMENT ON COLUMN crm_contract.sla_event.provisional IS 'the deadlines after the event need a day past the calendar''s data and were computed on its forecast (crm_contract.forecast_days()); a later load of the year recomputes them';


-- Inserts: only the extension's own writer (the SLA trigger and sweeps, which write
-- as the log's owner for that statement and say so with a backend-local flag), and
-- pg_restore as the owner or a superuser.  A grant of INSERT lets nobody else write.
CREATE FUNCTION crm_contract.sla_event_guard() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_sla_event_guard' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.sla_event_guard() IS
  'trigger: refuses every INSERT into crm_contract.sla_event but the SLA trigger''s and sweeps'' own, and a restore (crm_contract.restoring()) by the table''s owner or a superuser (42501)';
CREATE TRIGGER sla_event_guard BEFORE INSERT ON crm_contract.sla_event
  FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_event_guard();
REVOKE EXECUTE ON FUNCTION crm_contract.sla_event_guard() FROM PUBLIC;
