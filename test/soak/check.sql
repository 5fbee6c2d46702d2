-- make soak: invariants after the run.  Each query lists violations; all must be empty.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT count(*) AS tickets, count(*) FILTER (WHERE response_breached) AS response_breached,
       count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
       (SELECT count(*) FROM crm_contract.sla_event WHERE tickets = 'ticket'::regclass) AS events,
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
                      WHERE r.tickets = e.tickets AND r.ticket = e.ticket AND r.kind = 'reopened' AND r.id < e.id) c ON true
 WHERE e.tickets = 'ticket'::regclass AND e.kind IN ('breached', 'warned')
 GROUP BY e.ticket, e.kind, e.metric, e.detail, CASE WHEN e.metric = 'resolution' THEN c.cycle ELSE 0 END HAVING count(*) > 1
UNION ALL
-- a breached flag without its logged breach (flags of the current cycle)
SELECT 'response flag without a breach event: ' || t.id, 1 FROM ticket t
 WHERE t.response_breached AND NOT EXISTS (SELECT FROM crm_contract.sla_event e WHERE e.tickets = 'ticket'::regclass
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
