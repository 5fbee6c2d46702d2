-- bench/year_boundary.sql - run by bench/run_sql.sh year_boundary inside a throwaway
-- cluster (see bench/README.md): the time of a year's load that recomputes 100,000
-- open tickets and 100,000 milestones stored on the forecast, against the same notice
-- loaded before anything is stored (the days alone), in the same run.  Asserts nothing.
\set ON_ERROR_STOP 1
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS crm_contract;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET timezone = 'Asia/Shanghai';
\set notice2027 `tail -n +2 test/notices/2027-synthetic.txt`

-- Two copies of CN: one to load with nothing stored on it, one with the deadlines.
SELECT crm_contract.copy_calendar('CN', 'bench-empty'), crm_contract.copy_calendar('CN', 'bench-full');
INSERT INTO crm_contract.tenant_member VALUES (current_user, 'bench');

CREATE FUNCTION pg_temp.load_ms(cal text, notice text, OUT ms numeric, OUT days bigint)
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
BEGIN
  SELECT count(*) INTO days FROM crm_contract.load_holiday_notice(cal, notice);
  ms := round(extract(epoch FROM clock_timestamp() - t0) * 1000, 1);
END $$;

-- The baseline: the same notice loaded while nothing is stored on any calendar.
CREATE TEMP TABLE result AS
SELECT 'the days alone (no deadline stored anywhere)' AS load, * FROM pg_temp.load_ms('bench-empty', :'notice2027');

-- 1,000 contracts signed 2026-11-20 with 100 milestones each, due in 31 to 70 working
-- days: past 2026-12-31 (the 30th working day), on the forecast.
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status, calendar)
SELECT 'B-' || i, 'implementation', 'bench', '甲方', '乙方', 100000.00, '2026-11-20', 'signed', 'bench-full'
  FROM generate_series(1, 1000) i;
\echo '== storing 100,000 milestones and 100,000 tickets on the forecast'
\timing on
INSERT INTO crm_contract.milestone (contract_id, name, within)
SELECT c.id, 'step ' || j, ((31 + j % 40) || ' working days')::crm_contract.term
  FROM crm_contract.contract c, generate_series(1, 100) j;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target)
SELECT id, 'P1', 'response', '400 working hours' FROM crm_contract.contract WHERE code = 'B-1';
CREATE TABLE public.bench_ticket (id integer PRIMARY KEY, contract_id bigint, priority text, status text DEFAULT 'open',
  opened_at timestamptz, response_due timestamptz, sla_alerts integer NOT NULL DEFAULT 0, sla_provisional boolean);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.bench_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
INSERT INTO public.bench_ticket (id, contract_id, priority, opened_at)
SELECT i, (SELECT id FROM crm_contract.contract WHERE code = 'B-1'), 'P1', timestamptz '2026-11-20 09:00+08' + make_interval(mins => i % 600)
  FROM generate_series(1, 100000) i;
\timing off
SELECT (SELECT count(*) FROM crm_contract.milestone WHERE due_provisional) AS provisional_milestones,
       (SELECT count(*) FROM public.bench_ticket WHERE sla_provisional) AS provisional_tickets;

\echo '== load_holiday_notice of the (synthetic) 2027 notice'
INSERT INTO result
SELECT '100,000 milestones + 100,000 open tickets recomputed', * FROM pg_temp.load_ms('bench-full', :'notice2027');
SELECT load, days AS days_changed, ms,
       round(ms / (SELECT ms FROM result WHERE load LIKE 'the days alone%'), 1) AS ratio_to_days_only
  FROM result;
SELECT (SELECT count(*) FROM crm_contract.milestone WHERE due_provisional) AS still_provisional_milestones,
       (SELECT count(*) FROM public.bench_ticket WHERE sla_provisional) AS still_provisional_tickets,
       (SELECT count(*) FROM crm_contract.sla_event WHERE kind = 'recomputed') AS recomputed_events;
