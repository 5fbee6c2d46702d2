-------------------------------------------------------------------------------
-- Loading a year from the State Council's notice: the calendar rows, its
-- coverage, and every stored deadline that was computed on the forecast.
-------------------------------------------------------------------------------

-- The lock between a load and the writers of deadlines computed on the calendar's
-- forecast (which take it shared, once per transaction): a load waits for the
-- writers in flight and recomputes what they stored; a writer that comes during a
-- load waits, then computes on the loaded days.
CREATE FUNCTION crm_contract.lock_calendar_for_load(calendar text) RETURNS void
  AS 'MODULE_PATHNAME', 'crm_lock_calendar_for_load' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.lock_calendar_for_load(text) IS
  'takes, to the end of the transaction, the lock that keeps writers of deadlines on a calendar''s forecast waiting while its year is loaded (load_holiday_notice); not for PUBLIC';

-- Every tenant's deadlines are recomputed, so the caller must see every tenant's
-- rows: a superuser, or a role with BYPASSRLS (row-level security is forced on the
-- owner too).  It runs with the caller's rights, never its owner's, and
-- EXECUTE is revoked from PUBLIC (sql/parts/95_privileges.sql).
CREATE FUNCTION crm_contract.load_holiday_notice(calendar text, notice text, year integer DEFAULT NULL)
RETURNS TABLE (day date, kind crm_contract.day_kind, name text, change text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cal record;
  y integer;
  n bigint;
  contracts bigint := 0;
  tickets bigint := 0;
  tables integer := 0;
  t regclass;
  days date[];
  kinds crm_contract.day_kind[];
  names text[];
  changes text[];
  n_distributed boolean;
BEGIN
  IF calendar IS NULL OR notice IS NULL THEN
    RAISE EXCEPTION 'load_holiday_notice needs a calendar and a notice' USING ERRCODE = '22004';
  END IF;
  IF NOT (SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
    RAISE EXCEPTION 'load_holiday_notice must see every tenant''s deadlines, and role "%" is bound by row-level security', current_user
      USING ERRCODE = '42501',
            HINT = 'Run it as the extension''s owner (a superuser) or a role with BYPASSRLS and write access to the contract and ticket tables.';
  END IF;
  -- On Citus the lock between a load and the writers of deadlines (lock_calendar_for_load)
  -- holds on one node only, and the recomputation locks rows across tenants' shards.
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
    EXECUTE 'SELECT pg_catalog.count(*) > 0 FROM pg_catalog.pg_dist_partition p
              WHERE p.logicalrelid OPERATOR(pg_catalog.=) ''crm_contract.contract''::pg_catalog.regclass' INTO n_distributed;
    IF n_distributed THEN
      RAISE EXCEPTION 'load_holiday_notice is not supported on a Citus cluster: crm_contract is distributed (crm_contract.distribute())'
        USING ERRCODE = '0A000',
              HINT = 'Load the year in a maintenance window instead: insert its days into crm_contract.calendar_exception, extend covered_to, then run crm_contract.recompute_due_dates() and crm_contract.sla_recompute() on each ticket table (doc/scale-out.md).';
    END IF;
  END IF;
  -- one load of a calendar at a time; ticket writes that need it wait for the new rows
  SELECT c.* INTO cal FROM crm_contract.calendar c WHERE c.name = load_holiday_notice.calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', load_holiday_notice.calendar
      USING ERRCODE = '42704', HINT = 'Copy CN with crm_contract.copy_calendar() to load a notice into a calendar of your own.';
  END IF;
  PERFORM crm_contract.lock_calendar_for_load(cal.name);

  -- the notice's days, and what each changes: added, changed, or nothing
  SELECT pg_catalog.array_agg(p.day ORDER BY p.day), pg_catalog.array_agg(p.kind ORDER BY p.day),
         pg_catalog.array_agg(p.name ORDER BY p.day),
         pg_catalog.array_agg(CASE WHEN e.day IS NULL THEN 'added'
                                   WHEN e.kind IS DISTINCT FROM p.kind OR e.name IS DISTINCT FROM p.name THEN 'changed' END
                              ORDER BY p.day)
    INTO days, kinds, names, changes
    FROM crm_contract.parse_holiday_notice(notice, year) p
    LEFT JOIN crm_contract.calendar_exception e ON e.calendar = cal.name AND e.day = p.day;
  -- the notice's year: given, else its last day's (make-up days of the previous December come first)
  y := coalesce(year, pg_catalog.date_part('year', days[pg_catalog.array_length(days, 1)])::integer);
  IF y IS NULL THEN
    RAISE EXCEPTION 'the notice names no day' USING ERRCODE = '22023';
  END IF;
  IF cal.covered_to IS NOT NULL AND cal.covered_to < pg_catalog.make_date(y, 1, 1) - 1 THEN
    RAISE EXCEPTION 'calendar "%" is covered to %, so a notice for % would leave a gap', cal.name, cal.covered_to, y
      USING ERRCODE = '22023',
            HINT = pg_catalog.format('Load the notice for %s first.', pg_catalog.date_part('year', cal.covered_to)::integer + 1);
  END IF;

  -- a day that becomes a holiday loses the own hours it had as a working day
  DELETE FROM crm_contract.calendar_exception_hours h USING ROWS FROM (pg_catalog.unnest(days), pg_catalog.unnest(kinds), pg_catalog.unnest(changes)) AS x (day, kind, change)
   WHERE h.calendar = cal.name AND h.day = x.day AND x.change = 'changed' AND x.kind = 'holiday';
  UPDATE crm_contract.calendar_exception e SET kind = x.kind, name = x.name
    FROM ROWS FROM (pg_catalog.unnest(days), pg_catalog.unnest(kinds), pg_catalog.unnest(names), pg_catalog.unnest(changes)) AS x (day, kind, name, change)
   WHERE e.calendar = cal.name AND e.day = x.day AND x.change = 'changed';
  INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name)
  SELECT cal.name, x.day, x.kind, x.name
    FROM ROWS FROM (pg_catalog.unnest(days), pg_catalog.unnest(kinds), pg_catalog.unnest(names), pg_catalog.unnest(changes)) AS x (day, kind, name, change) WHERE x.change = 'added';
  IF cal.covered_to IS NOT NULL AND cal.covered_to < pg_catalog.make_date(y, 12, 31) THEN
    UPDATE crm_contract.calendar c SET covered_to = pg_catalog.make_date(y, 12, 31) WHERE c.name = cal.name;
  END IF;

  -- every deadline stored on this calendar's forecast, or unknown for lack of data, again
  -- (rows locked by a write in flight are left to it: it waits for this load and
  -- computes on the loaded days; no deadlock with it)
  UPDATE crm_contract.milestone m SET due_on = NULL
   WHERE m.id IN (SELECT x.id FROM crm_contract.milestone x JOIN crm_contract.contract c ON c.id = x.contract_id AND c.tenant = x.tenant
                   WHERE c.calendar = cal.name AND (x.due_provisional OR (x.due_on IS NULL AND x.due_note IS NOT NULL))
                     FOR UPDATE OF x SKIP LOCKED);
  GET DIAGNOSTICS n = ROW_COUNT; contracts := contracts + n;
  UPDATE crm_contract.installment i SET due_on = NULL
   WHERE i.id IN (SELECT x.id FROM crm_contract.installment x JOIN crm_contract.contract c ON c.id = x.contract_id AND c.tenant = x.tenant
                   WHERE c.calendar = cal.name
                     AND (x.due_provisional OR (x.due_on IS NULL AND x.due_note IS NOT NULL)
                          OR EXISTS (SELECT 1 FROM crm_contract.installment_due o
                                      WHERE o.installment_id = x.id AND o.tenant = x.tenant AND (o.due_provisional OR o.due_on IS NULL)))
                     FOR UPDATE OF x SKIP LOCKED);
  GET DIAGNOSTICS n = ROW_COUNT; contracts := contracts + n;
  UPDATE crm_contract.change_request r SET due_on = NULL
   WHERE r.id IN (SELECT x.id FROM crm_contract.change_request x JOIN crm_contract.contract c ON c.id = x.contract_id AND c.tenant = x.tenant
                   WHERE c.calendar = cal.name AND (x.due_provisional OR (x.due_on IS NULL AND x.due_note IS NOT NULL))
                     FOR UPDATE OF x SKIP LOCKED);
  GET DIAGNOSTICS n = ROW_COUNT; contracts := contracts + n;
  -- the open tickets of every ticket table
  FOR t IN SELECT DISTINCT g.tgrelid::regclass FROM pg_catalog.pg_trigger g
            WHERE g.tgfoid = 'crm_contract.sla_deadlines()'::regprocedure AND g.tgparentid = 0
            ORDER BY 1 LOOP
    tickets := tickets + crm_contract.sla_recompute(t);
    tables := tables + 1;
  END LOOP;
  RAISE NOTICE 'calendar "%": % day(s) of % added or changed, % contract deadline(s) and % ticket(s) in % table(s) recomputed',
    cal.name, (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(changes) c WHERE c IS NOT NULL), y, contracts, tickets, tables;
  RETURN QUERY SELECT x.day, x.kind, x.name, x.change
                 FROM ROWS FROM (pg_catalog.unnest(days), pg_catalog.unnest(kinds), pg_catalog.unnest(names), pg_catalog.unnest(changes)) AS x (day, kind, name, change)
                WHERE x.change IS NOT NULL ORDER BY x.day;
END $$;
COMMENT ON FUNCTION crm_contract.load_holiday_notice(text, text, integer) IS
  'applies a State Council holiday notice (as parse_holiday_notice reads it) to a calendar in one transaction: adds and changes its days, extends covered_to to the notice year''s 31 December, then recomputes every deadline stored on the forecast (contracts of every tenant, open tickets of every table with the sla_deadlines() trigger); returns the days that changed; for the extension''s owner or a role with BYPASSRLS';
