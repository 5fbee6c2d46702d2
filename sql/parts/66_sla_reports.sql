-------------------------------------------------------------------------------
-- SLA history and reports, read from the log and the ticket tables
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.sla_history(tickets regclass, ticket text)
RETURNS TABLE (at timestamptz, kind crm_contract.sla_event_kind, metric crm_contract.sla_metric, priority text,
               status text, response_due timestamptz, resolve_due timestamptz, detail text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  col jsonb;
BEGIN
  RETURN QUERY SELECT e.at, e.kind, e.metric, e.priority, e.status, e.response_due, e.resolve_due, e.detail
                 FROM crm_contract.sla_event e
                WHERE e.tickets = sla_history.tickets AND e.ticket = sla_history.ticket ORDER BY e.id;
  IF FOUND THEN
    RETURN;
  END IF;
  -- nothing logged yet: the start is the row itself
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_history.tickets) c;
  RETURN QUERY EXECUTE format(
    'SELECT t.%I, ''started''::crm_contract.sla_event_kind, NULL::crm_contract.sla_metric, t.%I::text, %s, %s, %s, NULL::text
       FROM %s t WHERE t.%I::text = $1',
    col->>'opened', col->>'priority',
    CASE WHEN col->>'status' IS NULL THEN 'NULL::text' ELSE format('t.%I::text', col->>'status') END,
    CASE WHEN col->>'response_due' IS NULL THEN 'NULL::timestamptz' ELSE format('t.%I', col->>'response_due') END,
    CASE WHEN col->>'resolve_due' IS NULL THEN 'NULL::timestamptz' ELSE format('t.%I', col->>'resolve_due') END,
    sla_history.tickets, col->>'id') USING sla_history.ticket;
END $$;
COMMENT ON FUNCTION crm_contract.sla_history(regclass, text) IS
  'a ticket''s SLA history in order: its logged events, or its start read from the row when nothing has been logged yet';

CREATE FUNCTION crm_contract.sla_working_time(tickets regclass, ticket text, calendar text,
    from_ts timestamptz, to_ts timestamptz) RETURNS interval
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT crm_contract.working_time_between(from_ts, to_ts, calendar)
       - coalesce((SELECT sum(crm_contract.working_time_between(greatest(p.paused, from_ts), least(p.resumed, to_ts), calendar))
                     FROM (SELECT e.at AS paused, lead(e.at) OVER (ORDER BY e.id) AS resumed, e.kind
                             FROM crm_contract.sla_event e
                            WHERE e.tickets = sla_working_time.tickets AND e.ticket = sla_working_time.ticket
                              AND e.kind IN ('paused', 'resumed')) p
                    WHERE p.kind = 'paused' AND p.resumed IS NOT NULL
                      AND p.paused < to_ts AND p.resumed > from_ts), interval '0')
$$;
COMMENT ON FUNCTION crm_contract.sla_working_time(regclass, text, text, timestamptz, timestamptz) IS
  'working time on calendar between from_ts and to_ts that counted on a ticket''s SLA clock: its logged pauses left out';

CREATE FUNCTION crm_contract.sla_report(tickets regclass, from_month date DEFAULT NULL, to_month date DEFAULT NULL)
RETURNS TABLE (contract_id bigint, month date, tickets_opened bigint, met bigint, breached bigint, still_open bigint,
               compliance numeric, response_mean interval, response_p95 interval,
               resolution_mean interval, resolution_p95 interval)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
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
             x.%5$I AS responded, x.%6$I AS resolved, %7$s AS breached_any,
             (SELECT max(e.at) FROM crm_contract.sla_event e
               WHERE e.tickets = $1 AND e.ticket = x.%1$I::text AND e.kind = 'reopened') AS cycle_start
        FROM %8$s x),
    m AS (
      SELECT t.*, date_trunc('month', t.opened AT TIME ZONE k.time_zone)::date AS month,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = t.contract_id AND s.priority = t.priority AND s.metric = 'response') AS response_cal,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = t.contract_id AND s.priority = t.priority AND s.metric = 'resolution') AS resolution_cal
        FROM t JOIN (SELECT c.id, c.calendar, cal.time_zone FROM crm_contract.contract c
                       JOIN crm_contract.calendar cal ON cal.name = c.calendar) k ON k.id = t.contract_id),
    w AS (
      SELECT m.*,
             CASE WHEN m.responded IS NOT NULL AND m.response_cal IS NOT NULL
                  THEN crm_contract.sla_working_time($1, m.ticket, m.response_cal, m.opened, m.responded) END AS response_time,
             CASE WHEN m.resolved IS NOT NULL AND m.resolution_cal IS NOT NULL
                  THEN crm_contract.sla_working_time($1, m.ticket, m.resolution_cal,
                                                     greatest(m.opened, coalesce(m.cycle_start, m.opened)), m.resolved) END AS resolution_time
        FROM m
       WHERE ($2 IS NULL OR m.month >= $2) AND ($3 IS NULL OR m.month <= $3))
    SELECT w.contract_id, w.month, count(*),
           count(*) FILTER (WHERE w.resolved IS NOT NULL AND NOT w.breached_any),
           count(*) FILTER (WHERE w.breached_any),
           count(*) FILTER (WHERE w.resolved IS NULL AND NOT w.breached_any),
           round(100 * count(*) FILTER (WHERE w.resolved IS NOT NULL AND NOT w.breached_any)::numeric
                 / nullif(count(*) FILTER (WHERE w.resolved IS NOT NULL OR w.breached_any), 0), 2),
           avg(w.response_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY w.response_time),
           avg(w.resolution_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY w.resolution_time)
      FROM w GROUP BY w.contract_id, w.month ORDER BY w.contract_id, w.month $q$,
    col->>'id', col->>'contract', col->>'priority', col->>'opened', col->>'responded', col->>'resolved',
    concat_ws(' OR ', 'false',
              CASE WHEN col->>'response_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'response_breached') END,
              CASE WHEN col->>'resolve_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'resolve_breached') END),
    sla_report.tickets)
  USING sla_report.tickets, sla_report.from_month, sla_report.to_month;
END $$;
COMMENT ON FUNCTION crm_contract.sla_report(regclass, date, date) IS
  'per contract and month of opening (in the contract calendar''s time zone): tickets opened, met (resolved, nothing breached), breached, still open, compliance % (met of met + breached, 2 decimals), mean and 95th percentile response and resolution working time on the targets'' calendars, pauses left out';
