-- make soak: invariants after the run.  Each query lists violations; all must be empty.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT count(*) AS tickets, count(*) FILTER (WHERE response_breached) AS response_breached,
       count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
       (SELECT count(*) FROM crm_contract.sla_event WHERE ticket_table = 'public.ticket') AS events,
       (SELECT count(*) FROM crm_contract.sla_event WHERE ticket_table = 'public.ticket' AND kind = 'breached' AND metric = 'update') AS update_breaches,
       (SELECT count(*) FROM crm_contract.payment) AS payments
  FROM ticket;
\echo 'violations:'
-- every running deadline equals a fresh recomputation
SELECT 'deadline differs from a fresh recomputation' AS violation, n FROM (SELECT crm_contract.sla_recompute('ticket') AS n) r WHERE n > 0
UNION ALL
-- every breach and every warning logged at most once per ticket, metric and cycle
SELECT 'alert logged twice: ' || e.ticket || ' ' || e.kind || ' ' || e.metric || ' ' || coalesce(e.detail, ''), count(*)
  FROM crm_contract.sla_event e
  LEFT JOIN LATERAL (SELECT count(*) AS cycle FROM crm_contract.sla_event r
                      WHERE r.ticket_table = e.ticket_table AND r.ticket = e.ticket AND r.kind = 'reopened' AND r.id < e.id) c ON true
 WHERE e.ticket_table = 'public.ticket' AND e.kind IN ('breached', 'warned') AND e.metric <> 'update'
 GROUP BY e.ticket, e.kind, e.metric, e.detail, CASE WHEN e.metric = 'resolution' THEN c.cycle ELSE 0 END HAVING count(*) > 1
UNION ALL
-- every missed update period breached once: no two update breaches of a ticket at one deadline
SELECT 'update period breached twice: ' || e.ticket || ' ' || e.at, count(*)
  FROM crm_contract.sla_event e
 WHERE e.ticket_table = 'public.ticket' AND e.kind = 'breached' AND e.metric = 'update'
 GROUP BY e.ticket, e.at HAVING count(*) > 1
UNION ALL
-- each ticket's history begins with its start, once (no key is reused here)
SELECT 'history not begun by one start: ' || e.ticket, count(*) FILTER (WHERE e.kind = 'started')
  FROM crm_contract.sla_event e WHERE e.ticket_table = 'public.ticket'
 GROUP BY e.ticket HAVING count(*) FILTER (WHERE e.kind = 'started') <> 1
    OR (array_agg(e.kind ORDER BY e.id))[1] <> 'started'
UNION ALL
-- nothing on record before the opening, at infinity or ahead of the clock
SELECT 'event out of bounds: ' || e.id, 1 FROM crm_contract.sla_event e JOIN ticket t ON e.ticket = t.id::text
 WHERE e.ticket_table = 'public.ticket' AND (e.at < t.opened_at OR NOT isfinite(e.at) OR e.at > now() + interval '5 minutes')
UNION ALL
-- a breached flag without its logged breach (flags of the current cycle)
SELECT 'response flag without a breach event: ' || t.id, 1 FROM ticket t
 WHERE t.response_breached AND NOT EXISTS (SELECT FROM crm_contract.sla_event e WHERE e.ticket_table = 'public.ticket'
        AND e.ticket = t.id::text AND e.kind = 'breached' AND e.metric = 'response')
UNION ALL
-- the alert mask and the breached flag agree
SELECT 'alert mask and flag disagree: ' || t.id, 1 FROM ticket t
 WHERE (t.sla_alerts & 128 <> 0) AND t.response_breached IS NOT TRUE
UNION ALL
-- nothing paid beyond what was due
SELECT 'overpaid occurrence ' || d.id, 1 FROM crm_contract.installment_due d
 WHERE (SELECT sum(p.amount) FROM crm_contract.payment p WHERE p.installment_due_id = d.id) > d.amount
UNION ALL
-- a paused ticket has no next alert
SELECT 'paused ticket with a next alert: ' || t.id, 1 FROM ticket t WHERE t.status = 'waiting_customer' AND t.sla_next_alert IS NOT NULL;
