-------------------------------------------------------------------------------
-- SLA history and reports, read from the log and the ticket tables with the
-- caller's rights: row-level security shows each role its own tenant's events
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.sla_ticket_log(ticket_table text, ticket text) RETURNS SETOF crm_contract.sla_event
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  key text := sla_ticket_log.ticket;
  upto bigint := 9223372036854775807;
  boundary bigint;
  first crm_contract.sla_event;
  renamings int := 0;
BEGIN
  LOOP
    -- a history begins with the ticket's last started event (an earlier ticket may have had its key) ...
    SELECT max(e.id) INTO boundary FROM crm_contract.sla_event e
     WHERE e.ticket_table = sla_ticket_log.ticket_table AND e.ticket = key AND e.id < upto
       AND e.kind IN ('started', 'renamed');
    RETURN QUERY SELECT e.* FROM crm_contract.sla_event e
                  WHERE e.ticket_table = sla_ticket_log.ticket_table AND e.ticket = key AND e.id < upto
                    AND e.id >= coalesce(boundary, 0);
    SELECT e.* INTO first FROM crm_contract.sla_event e WHERE e.id = boundary;
    -- ... or goes on under the key the ticket had before a renaming
    EXIT WHEN boundary IS NULL OR first.kind <> 'renamed' OR first.detail IS NULL;
    renamings := renamings + 1;
    IF renamings > 64 THEN
      RAISE EXCEPTION 'ticket % of table % was renamed more than 64 times', quote_literal(sla_ticket_log.ticket), sla_ticket_log.ticket_table
        USING ERRCODE = '54000';
    END IF;
    key := first.detail;
    upto := boundary;
  END LOOP;
END $$;
COMMENT ON FUNCTION crm_contract.sla_ticket_log(text, text) IS
  'the logged events of the ticket with this key in the table logged as ticket_table (crm_contract.sla_ticket_table()): those since its last started event, following renamings to its earlier keys; a ticket inserted and not logged since has none of its own yet (its alerts mask says so, see sla_history)';

-- 16777216 below is the alerts mask bit of a ticket inserted and not logged since (FRESH_BIT, src/sla/clock.h).
CREATE FUNCTION crm_contract.sla_history(tickets regclass, ticket text)
RETURNS TABLE (at timestamptz, kind crm_contract.sla_event_kind, metric crm_contract.sla_metric, priority text,
               status text, response_due timestamptz, resolve_due timestamptz, update_due timestamptz, detail text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tbl text := crm_contract.sla_ticket_table(sla_history.tickets);
  col jsonb;
  fresh boolean;
  st text;
  due text[];
BEGIN
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_history.tickets) c;
  -- a ticket inserted and not logged since has a history of its own, whatever tickets with its key logged before
  EXECUTE format('SELECT (coalesce(t.%I, 0) & 16777216) <> 0 FROM %s t WHERE t.%I::text = $1',
                 col->>'alerts', sla_history.tickets, col->>'id') INTO fresh USING sla_history.ticket;
  IF NOT coalesce(fresh, false) THEN
    RETURN QUERY SELECT e.at, e.kind, e.metric, e.priority, e.status, e.response_due, e.resolve_due, e.update_due, e.detail
                   FROM crm_contract.sla_ticket_log(tbl, sla_history.ticket) e ORDER BY e.at, e.id;
    IF FOUND THEN
      RETURN;
    END IF;
  END IF;
  -- nothing logged yet: the start is the row itself, paused from its opening if inserted so
  st := CASE WHEN col->>'status' IS NULL THEN 'NULL::text' ELSE format('t.%I::text', col->>'status') END;
  SELECT array_agg(CASE WHEN col->>r IS NULL THEN 'NULL::timestamptz' ELSE format('t.%I', col->>r) END ORDER BY n)
    INTO due FROM unnest(ARRAY['response_due', 'resolve_due', 'update_due']) WITH ORDINALITY u (r, n);
  RETURN QUERY EXECUTE format(
    'SELECT t.%1$I, s.kind, NULL::crm_contract.sla_metric, t.%2$I::text, %3$s, %4$s, %5$s, %6$s, s.detail
       FROM %7$s t, LATERAL (VALUES (''started''::crm_contract.sla_event_kind, NULL::text, true),
                                    (''paused'', %3$s, %3$s OPERATOR(pg_catalog.=) ANY ($2))) s (kind, detail, shown)
      WHERE t.%8$I::text = $1 AND s.shown ORDER BY s.kind',
    col->>'opened', col->>'priority', st, due[1], due[2], due[3], sla_history.tickets, col->>'id')
  USING sla_history.ticket, string_to_array(col->>'paused', ',');
END $$;
COMMENT ON FUNCTION crm_contract.sla_history(regclass, text) IS
  'a ticket''s SLA history in time order: its logged events since its start (renamings followed), or its start read from the row when nothing has been logged for it yet; needs SELECT on the table, and shows the events of the caller''s tenant';

CREATE FUNCTION crm_contract.sla_counted_time(ticket_table text, ticket text, calendar text,
    from_ts timestamptz, to_ts timestamptz) RETURNS interval
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT crm_contract.working_time_between(from_ts, to_ts, calendar)
       - coalesce((SELECT sum(crm_contract.working_time_between(greatest(p.paused, from_ts), least(p.resumed, to_ts), calendar))
                     FROM (SELECT e.at AS paused, lead(e.at) OVER (ORDER BY e.id) AS resumed, e.kind
                             FROM crm_contract.sla_ticket_log(ticket_table, ticket) e
                            WHERE e.kind IN ('paused', 'resumed')) p
                    WHERE p.kind = 'paused' AND p.resumed IS NOT NULL
                      AND p.paused < to_ts AND p.resumed > from_ts), interval '0')
$$;
COMMENT ON FUNCTION crm_contract.sla_counted_time(text, text, text, timestamptz, timestamptz) IS
  'working time on calendar between from_ts and to_ts less the pauses in the logged history of a ticket (by the name its table is logged under and its key)';

CREATE FUNCTION crm_contract.sla_working_time(tickets regclass, ticket text, calendar text,
    from_ts timestamptz, to_ts timestamptz) RETURNS interval
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tbl text := crm_contract.sla_ticket_table(sla_working_time.tickets);
  col jsonb;
  fresh boolean;
BEGIN
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_working_time.tickets) c;
  EXECUTE format('SELECT (coalesce(t.%I, 0) & 16777216) <> 0 FROM %s t WHERE t.%I::text = $1',
                 col->>'alerts', sla_working_time.tickets, col->>'id') INTO fresh USING sla_working_time.ticket;
  IF coalesce(fresh, false) THEN
    RETURN crm_contract.working_time_between(from_ts, to_ts, calendar);   -- nothing of its own logged: no pause
  END IF;
  RETURN crm_contract.sla_counted_time(tbl, sla_working_time.ticket, calendar, from_ts, to_ts);
END $$;
COMMENT ON FUNCTION crm_contract.sla_working_time(regclass, text, text, timestamptz, timestamptz) IS
  'working time on calendar between from_ts and to_ts that counted on a ticket''s SLA clock: its logged pauses left out';

CREATE FUNCTION crm_contract.sla_report(tickets regclass, from_month date DEFAULT NULL, to_month date DEFAULT NULL)
RETURNS TABLE (contract_id bigint, month date, tickets_opened bigint, met bigint, breached bigint, still_open bigint,
               compliance numeric, response_mean interval, response_p95 interval,
               resolution_mean interval, resolution_p95 interval,
               resolution_total_mean interval, resolution_total_p95 interval)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  tbl text := crm_contract.sla_ticket_table(sla_report.tickets);
  col jsonb;
BEGIN
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_report.tickets) c;
  IF col->>'responded' IS NULL OR col->>'resolved' IS NULL THEN
    RAISE EXCEPTION 'table % maps no responded or resolved column', sla_report.tickets
      USING ERRCODE = '42703', HINT = 'The report needs both roles: responded=<column>, resolved=<column>.';
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH t AS (
      SELECT x.%1$I::text AS ticket, x.%2$I::bigint AS contract_id, x.%3$I::text AS priority, x.%4$I AS opened,
             x.%5$I AS responded, x.%6$I AS resolved, %7$s AS breached_flag,
             (coalesce(x.%9$I, 0) & 16777216) <> 0 AS fresh
        FROM %8$s x),
    h AS (
      -- each ticket's cycles and missed update periods, from its own history
      SELECT t.*, l.cycle_start, coalesce(l.update_breached, false) AS update_breached, l.reopened_at, l.reopened_done
        FROM t LEFT JOIN LATERAL (
          SELECT max(e.at) FILTER (WHERE e.kind = 'reopened') AS cycle_start,
                 bool_or(e.kind = 'breached' AND e.metric = 'update') AS update_breached,
                 array_agg(e.at ORDER BY e.id) FILTER (WHERE e.kind = 'reopened') AS reopened_at,
                 array_agg(e.done_at ORDER BY e.id) FILTER (WHERE e.kind = 'reopened') AS reopened_done
            FROM crm_contract.sla_ticket_log($1, t.ticket) e WHERE NOT t.fresh) l ON true),
    m AS (
      SELECT h.*, date_trunc('month', h.opened AT TIME ZONE k.time_zone)::date AS month,
             h.breached_flag OR h.update_breached AS breached_any,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = h.contract_id AND s.tenant = k.tenant AND s.priority = h.priority AND s.metric = 'response') AS response_cal,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = h.contract_id AND s.tenant = k.tenant AND s.priority = h.priority AND s.metric = 'resolution') AS resolution_cal
        FROM h JOIN (SELECT c.id, c.tenant, c.calendar, cal.time_zone FROM crm_contract.contract c
                       JOIN crm_contract.calendar cal ON cal.name = c.calendar) k ON k.id = h.contract_id),
    w AS (
      SELECT m.*,
             CASE WHEN m.responded IS NOT NULL AND m.response_cal IS NOT NULL
                  THEN crm_contract.sla_counted_time($1, m.ticket, m.response_cal, m.opened, m.responded) END AS response_time,
             CASE WHEN m.resolved IS NOT NULL AND m.resolution_cal IS NOT NULL
                  THEN crm_contract.sla_counted_time($1, m.ticket, m.resolution_cal,
                                                     greatest(m.opened, coalesce(m.cycle_start, m.opened)), m.resolved) END AS resolution_time
        FROM m
       WHERE ($2 IS NULL OR m.month >= $2) AND ($3 IS NULL OR m.month <= $3)),
    v AS (
      -- the resolution time over every cycle: the earlier ones end where each reopening says they were resolved
      SELECT w.*, w.resolution_time + coalesce((
               SELECT sum(crm_contract.sla_counted_time($1, w.ticket, w.resolution_cal,
                            CASE WHEN i = 1 THEN w.opened ELSE w.reopened_at[i - 1] END, w.reopened_done[i]))
                 FROM generate_subscripts(w.reopened_done, 1) i WHERE w.reopened_done[i] IS NOT NULL), interval '0') AS resolution_total
        FROM w)
    SELECT v.contract_id, v.month, count(*),
           count(*) FILTER (WHERE v.resolved IS NOT NULL AND NOT v.breached_any),
           count(*) FILTER (WHERE v.breached_any),
           count(*) FILTER (WHERE v.resolved IS NULL AND NOT v.breached_any),
           round(100 * count(*) FILTER (WHERE v.resolved IS NOT NULL AND NOT v.breached_any)::numeric
                 / nullif(count(*) FILTER (WHERE v.resolved IS NOT NULL OR v.breached_any), 0), 2),
           avg(v.response_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY v.response_time),
           avg(v.resolution_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY v.resolution_time),
           avg(v.resolution_total), percentile_disc(0.95) WITHIN GROUP (ORDER BY v.resolution_total)
      FROM v GROUP BY v.contract_id, v.month ORDER BY v.contract_id, v.month $q$,
    col->>'id', col->>'contract', col->>'priority', col->>'opened', col->>'responded', col->>'resolved',
    concat_ws(' OR ', 'false',
              CASE WHEN col->>'response_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'response_breached') END,
              CASE WHEN col->>'resolve_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'resolve_breached') END),
    sla_report.tickets, col->>'alerts')
  USING tbl, sla_report.from_month, sla_report.to_month;
END $$;
COMMENT ON FUNCTION crm_contract.sla_report(regclass, date, date) IS
  'per contract and month of opening (in the contract calendar''s time zone): tickets opened, met (resolved, nothing breached), breached (a response, resolution or update period), still open, compliance % (met of met + breached, 2 decimals), mean and 95th percentile response and resolution working time on the targets'' calendars, pauses left out; a reopened ticket''s resolution time is its last cycle''s, resolution_total its time over every cycle; needs SELECT on the table';
