-- bench/sla.sql: the SLA trigger and the sweep.
--
-- 1. 1,000,000 ticket inserts (one INSERT ... SELECT) into the same ticket
--    table: without a trigger, through crm_contract.sla_deadlines(), and
--    through a minimal PL/pgSQL trigger that only adds fixed intervals to
--    the same three columns (response_due, resolve_due, sla_next_alert).
--    Two tables: a narrow one holding only the SLA columns (the worst case
--    for any trigger) and a typical one with subject, description, assignee
--    and two more indexes.
--    100 contracts x 4 priorities, CN working hours and 7x24 targets.
--    Median of 7 alternating runs, a CHECKPOINT before each.
-- 2. 1,000 single-row INSERT statements (the OLTP shape: the trigger reads
--    the targets once per statement), same three sides.
-- 3. sla_sweep() finding the same 1,000 due tickets among 100,000 and among
--    10,000,000 open ones (index on sla_next_alert); each sweep is rolled
--    back so every run finds the same work.  Median of 7.
-- Prints medians and ratios; asserts nothing.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET timezone = 'Asia/Shanghai';
CREATE EXTENSION IF NOT EXISTS crm_contract;
INSERT INTO crm_contract.tenant_member VALUES (current_user, 'bench');

INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
SELECT 'B-' || i, 'maintenance_support', 'bench', 'c', 'v', 100000.00, '2026-01-05', 'active' FROM generate_series(1, 100) i;
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target, calendar)
SELECT c.id, v.p, v.m::crm_contract.sla_metric, v.t::crm_contract.term, v.cal
  FROM crm_contract.contract c,
       (VALUES ('P1', 'response', '2 working hours', NULL), ('P1', 'resolution', '8 working hours', NULL),
               ('P2', 'response', '4 working hours', NULL), ('P2', 'resolution', '16 working hours', NULL),
               ('P3', 'response', '8 working hours', NULL), ('P3', 'resolution', '40 working hours', NULL),
               ('P4', 'response', '1 hour', '24x7'),        ('P4', 'resolution', '3 working days', NULL)) v (p, m, t, cal);

-- the tickets to insert, generated once, in the order they open (as a desk files them):
-- one every 25 seconds from 2026-01-02 to mid-October, contracts and priorities mixed
CREATE UNLOGGED TABLE src AS
SELECT (SELECT min(id) FROM crm_contract.contract) + ((i * 37) % 100) AS contract_id,
       'P' || (1 + (i * 7 / 100) % 4) AS priority,
       timestamptz '2026-01-02 00:00+08' + i * interval '25 seconds' AS opened_at,
       'Ticket ' || i || ': ' || md5(i::text) AS subject,
       repeat(md5((i * 31)::text), 5) AS description,
       'agent-' || (i % 50) AS assignee
  FROM generate_series(0, 999999) i;
VACUUM ANALYZE src;

-- narrow: only what the SLA needs; typical: plus subject, description, assignee and two more indexes
CREATE FUNCTION pg_temp.ticket_table(name text, typical boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE %I (
    id bigserial PRIMARY KEY, contract_id bigint NOT NULL, priority text NOT NULL, status text NOT NULL DEFAULT ''open'',
    opened_at timestamptz NOT NULL, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
    response_due timestamptz, resolve_due timestamptz, response_breached boolean, resolve_breached boolean,
    sla_next_alert timestamptz, sla_alerts integer NOT NULL DEFAULT 0 %s)',
    name, CASE WHEN typical THEN ', subject text, description text, assignee text' ELSE '' END);
  EXECUTE format('CREATE INDEX ON %I (sla_next_alert)', name);   -- the sweep's index, as the README recommends
  IF typical THEN
    EXECUTE format('CREATE INDEX ON %I (contract_id)', name);
    EXECUTE format('CREATE INDEX ON %I (assignee, status)', name);
  END IF;
END $$;
SELECT count(pg_temp.ticket_table(t)) AS ticket_tables FROM unnest(ARRAY['t_plain', 't_sla', 't_plpgsql']) t;
SELECT count(pg_temp.ticket_table(t, true)) AS ticket_tables FROM unnest(ARRAY['w_plain', 'w_sla', 'w_plpgsql']) t;
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON t_sla FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
-- the minimal PL/pgSQL trigger adds fixed intervals to the same columns ours fills, so both
-- sides store the same shape of row and index entries: the difference is the trigger's work
CREATE FUNCTION fixed_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.response_due := NEW.opened_at + interval '2 hours';
  NEW.resolve_due := NEW.opened_at + interval '8 hours';
  NEW.sla_next_alert := NEW.opened_at + interval '1 hour';
  RETURN NEW;
END $$;
CREATE TRIGGER fixed BEFORE INSERT OR UPDATE ON t_plpgsql FOR EACH ROW EXECUTE FUNCTION fixed_deadline();
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON w_sla FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE TRIGGER fixed BEFORE INSERT OR UPDATE ON w_plpgsql FOR EACH ROW EXECUTE FUNCTION fixed_deadline();

CREATE FUNCTION pg_temp.ms(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE q;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
CREATE TEMP TABLE result (part text, side text, run int, ms numeric);

-- 1. bulk: one INSERT ... SELECT of 1,000,000 rows per run
\echo '... 1,000,000-row inserts (7 runs x 2 tables x 3 sides)'
DO $$
DECLARE
  r int;
  side record;
BEGIN
  PERFORM pg_temp.ms('INSERT INTO t_sla (contract_id, priority, opened_at) SELECT contract_id, priority, opened_at FROM src LIMIT 100000');   -- warm-up
  TRUNCATE t_sla RESTART IDENTITY;
  FOR r IN 1..7 LOOP
    FOR side IN SELECT * FROM (VALUES
        ('bulk', 'no trigger', 't_plain', 'contract_id, priority, opened_at'),
        ('bulk', 'sla_deadlines() (C)', 't_sla', 'contract_id, priority, opened_at'),
        ('bulk', 'minimal PL/pgSQL trigger', 't_plpgsql', 'contract_id, priority, opened_at'),
        ('bulk, typical table', 'no trigger', 'w_plain', 'contract_id, priority, opened_at, subject, description, assignee'),
        ('bulk, typical table', 'sla_deadlines() (C)', 'w_sla', 'contract_id, priority, opened_at, subject, description, assignee'),
        ('bulk, typical table', 'minimal PL/pgSQL trigger', 'w_plpgsql', 'contract_id, priority, opened_at, subject, description, assignee')
      ) v (part, name, tbl, cols) LOOP
      CHECKPOINT;
      INSERT INTO result SELECT side.part, side.name, r,
        pg_temp.ms(format('INSERT INTO %I (%s) SELECT %s FROM src', side.tbl, side.cols, side.cols));
      EXECUTE format('TRUNCATE %I RESTART IDENTITY', side.tbl);
    END LOOP;
  END LOOP;
END $$;

-- what the trigger wrote on one full load, checked once (untimed)
INSERT INTO t_sla (contract_id, priority, opened_at) SELECT contract_id, priority, opened_at FROM src;
SELECT count(*) AS tickets, count(response_due) AS with_response_due, count(resolve_due) AS with_resolve_due,
       count(sla_next_alert) AS with_next_alert FROM t_sla;
TRUNCATE t_sla RESTART IDENTITY;

-- 2. single-row statements: 1,000 INSERTs, each its own statement inside one DO block
\echo '... 1,000 single-row inserts (5 runs x 3 sides)'
CREATE FUNCTION pg_temp.single(tbl text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
  r record;
BEGIN
  FOR r IN SELECT * FROM src LIMIT 1000 LOOP
    EXECUTE format('INSERT INTO %I (contract_id, priority, opened_at) VALUES ($1, $2, $3)', tbl)
      USING r.contract_id, r.priority, r.opened_at;
  END LOOP;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
DO $$
DECLARE
  r int;
BEGIN
  FOR r IN 0..5 LOOP
    INSERT INTO result SELECT 'single', 'no trigger', r, pg_temp.single('t_plain');
    INSERT INTO result SELECT 'single', 'sla_deadlines() (C)', r, pg_temp.single('t_sla');
    INSERT INTO result SELECT 'single', 'minimal PL/pgSQL trigger', r, pg_temp.single('t_plpgsql');
  END LOOP;
  DELETE FROM result WHERE part = 'single' AND run = 0;   -- warm-up
END $$;

-- 3. sweeps: 1,000 due tickets among 100,000 and among 10,000,000 open ones.  The due ones go
-- through the trigger (P1 opened Fri 2026-10-09 09:00: warnings 10:00 and 10:30, breach 11:00);
-- the others are loaded with triggers off and alerts far ahead.
\echo '... building 100,000 and 10,000,000 open tickets'
SELECT count(pg_temp.ticket_table(t)) AS ticket_tables FROM unnest(ARRAY[$$sweep_small$$, $$sweep_large$$]) t;
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON sweep_small FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON sweep_large FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
CREATE FUNCTION pg_temp.fill(tbl text, n bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  SET LOCAL session_replication_role = replica;   -- triggers off for the bulk of open tickets
  EXECUTE format($q$INSERT INTO %I (contract_id, priority, opened_at, response_due, resolve_due, sla_next_alert)
                    SELECT (SELECT min(id) FROM crm_contract.contract) + (i %% 100), 'P1',
                           timestamptz '2026-12-01 09:00+08', timestamptz '2026-12-01 11:00+08',
                           timestamptz '2026-12-01 18:00+08', timestamptz '2026-12-01 10:00+08'
                      FROM generate_series(1, $1) i$q$, tbl) USING n - 1000;
  SET LOCAL session_replication_role = origin;
  EXECUTE format($q$INSERT INTO %I (contract_id, priority, opened_at)
                    SELECT (SELECT min(id) FROM crm_contract.contract) + (i %% 100), 'P1', timestamptz '2026-10-09 09:00+08'
                      FROM generate_series(1, 1000) i$q$, tbl);
END $$;
SELECT count(pg_temp.fill($$sweep_small$$, 100000)) AS filled;
SELECT count(pg_temp.fill($$sweep_large$$, 10000000)) AS filled;
VACUUM ANALYZE sweep_small;
VACUUM ANALYZE sweep_large;

-- a sweep, timed, then rolled back (the exception undoes it; the variable keeps the time)
CREATE FUNCTION pg_temp.sweep_ms(tbl regclass, OUT ms numeric, OUT marked bigint) LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
BEGIN
  BEGIN
    t0 := clock_timestamp();
    marked := crm_contract.sla_sweep(tbl, '2026-10-09 12:00+08');
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    RAISE EXCEPTION 'undo' USING ERRCODE = 'P0001';
  EXCEPTION WHEN raise_exception THEN
    NULL;
  END;
END $$;
SELECT 'sweep among 100,000' AS side, marked FROM pg_temp.sweep_ms('sweep_small')
UNION ALL SELECT 'sweep among 10,000,000', marked FROM pg_temp.sweep_ms('sweep_large');
DO $$
DECLARE
  r int;
BEGIN
  FOR r IN 1..7 LOOP
    INSERT INTO result SELECT 'sweep', 'among 100,000', r, (pg_temp.sweep_ms('sweep_small')).ms;
    INSERT INTO result SELECT 'sweep', 'among 10,000,000', r, (pg_temp.sweep_ms('sweep_large')).ms;
  END LOOP;
END $$;
-- the rows a sweep locks and marks (sla_sweep's own query): found through the index
EXPLAIN (COSTS OFF) SELECT ctid FROM sweep_large
 WHERE sla_next_alert <= '2026-10-09 12:00+08' AND sla_next_alert IS NOT NULL FOR UPDATE SKIP LOCKED;

\echo
\echo '== SLA trigger and sweep: medians'
CREATE TEMP VIEW med AS
SELECT part, side, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric AS ms, count(*) AS runs
  FROM result GROUP BY part, side;
SELECT part, side, runs, round(ms, 1) AS median_ms FROM med ORDER BY part, ms;
CREATE TEMP VIEW ratio AS
SELECT p.part, (SELECT ms FROM med WHERE part = p.part AND side = 'sla_deadlines() (C)') AS ours,
       (SELECT ms FROM med WHERE part = p.part AND side = 'no trigger') AS plain,
       (SELECT ms FROM med WHERE part = p.part AND side = 'minimal PL/pgSQL trigger') AS plpgsql
  FROM (VALUES ('bulk'), ('bulk, typical table'), ('single')) p (part);
SELECT format('%s inserts: sla_deadlines() %sx of no trigger (target <= 1.25x); %sx of the minimal PL/pgSQL trigger (target < 1x)',
              part, round(ours / plain, 2), round(ours / plpgsql, 2)) AS summary FROM ratio
UNION ALL
SELECT format('sweep of 1,000 due tickets: among 10,000,000 %sx the time among 100,000 (target <= 5x)',
              round((SELECT ms FROM med WHERE side = 'among 10,000,000') / (SELECT ms FROM med WHERE side = 'among 100,000'), 2));
