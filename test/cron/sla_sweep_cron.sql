-- pg_cron runs crm_contract.sla_sweep() on a schedule (doc/operations.md, "Sweeping with pg_cron").
-- The cluster of make test preloads pg_cron (cron.database_name = crm_cron,
-- cron.use_background_workers = on); this file runs in crm_cron, outside a
-- transaction, because the job must see committed tickets.
-- A 7×24 ticket opened 2 hours ago with a 1-hour response target has passed its
-- 50% and 75% warnings and its deadline: the first run marks 3, each once.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE EXTENSION IF NOT EXISTS crm_contract;
SELECT plan(6);

INSERT INTO crm_contract.tenant_member VALUES (current_user, 'cron');
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
VALUES ('CRON-1', 'maintenance_support', 'scheduled sweeps', 'c', 'v', 1000.00, '2026-01-05', 'active');
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar)
SELECT id, 'urgent', 'response', '1 hour', '24x7' FROM crm_contract.contract WHERE code = 'CRON-1';
CREATE TABLE public.cron_ticket (
  id bigserial PRIMARY KEY, contract_id bigint, priority text, status text DEFAULT 'open', opened_at timestamptz,
  first_response_at timestamptz, resolved_at timestamptz, response_due timestamptz, response_breached boolean,
  sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0);
CREATE INDEX ON public.cron_ticket (sla_next_alert);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.cron_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.cron_ticket (contract_id, priority, opened_at)
SELECT id, 'urgent', now() - interval '2 hours' FROM crm_contract.contract WHERE code = 'CRON-1';

-- every minute, as doc/operations.md shows
SELECT isnt(cron.schedule('crm-sla-sweep', '* * * * *', $$SELECT crm_contract.sla_sweep('public.cron_ticket')$$),
            NULL, 'the sweep is scheduled');

-- wait for the first run (pg_cron starts jobs at the minute)
DO $$
BEGIN
  FOR i IN 1..90 LOOP
    EXIT WHEN EXISTS (SELECT FROM cron.job_run_details d JOIN cron.job j USING (jobid)
                       WHERE j.jobname = 'crm-sla-sweep' AND d.status IN ('succeeded', 'failed'));
    PERFORM pg_sleep(1);
  END LOOP;
END $$;

SELECT is((SELECT d.status FROM cron.job_run_details d JOIN cron.job j USING (jobid)
            WHERE j.jobname = 'crm-sla-sweep' ORDER BY d.runid LIMIT 1), 'succeeded', 'pg_cron ran the sweep');
SELECT is((SELECT response_breached FROM public.cron_ticket), true, 'the overdue ticket is marked breached');
SELECT is((SELECT string_agg(kind || coalesce(' ' || detail, ''), ', ' ORDER BY id) FROM crm_contract.sla_event
            WHERE ticket_table = 'public.cron_ticket'),
          'started, warned 50%, warned 75%, breached', 'each warning and the breach logged once');
SELECT is((SELECT sla_next_alert FROM public.cron_ticket), NULL, 'nothing left to alert');
SELECT ok(cron.unschedule('crm-sla-sweep'), 'the job is removed');

SELECT * FROM finish();
DROP TABLE public.cron_ticket;
