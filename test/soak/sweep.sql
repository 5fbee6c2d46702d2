-- as pg_cron runs it: as of now
SELECT crm_contract.sla_sweep('ticket');
