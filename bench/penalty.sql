-- bench/penalty.sql: penalty() on 1,000,000 invoices against the plain SQL
-- expression that knows no caps, grace or calendars, and against the same
-- rule written as a PL/pgSQL function.  Median of 9 alternating runs.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE EXTENSION IF NOT EXISTS crm_contract;

CREATE UNLOGGED TABLE invoices AS
SELECT (1000 + (i::bigint * 7919) % 9000000) / 100.0 AS amount,
       date '2020-01-01' + (i % 2000) AS due,
       date '2020-01-01' + (i % 2000) + ((i * 31) % 90) - 30 AS paid
  FROM generate_series(1, 1000000) i;
ALTER TABLE invoices ALTER amount TYPE numeric(12, 2);
VACUUM ANALYZE invoices;

-- The reference: 1% of the amount per day late, in PL/pgSQL.
CREATE FUNCTION penalty_plpgsql(rate numeric, amount numeric, due date, paid date) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
DECLARE
  days integer := GREATEST(paid - due, 0);
BEGIN
  IF days = 0 THEN
    RETURN 0;
  END IF;
  RETURN round(amount * rate * days, 2);
END $$;

-- All three agree on every invoice before anything is timed.
SELECT count(*) AS disagreements FROM invoices
 WHERE crm_contract.penalty('1% of overdue per day', amount, due, paid) <> round(amount * 0.01 * GREATEST(paid - due, 0), 2)
    OR penalty_plpgsql(0.01, amount, due, paid) <> round(amount * 0.01 * GREATEST(paid - due, 0), 2);

CREATE FUNCTION pg_temp.ms(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE q;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;

CREATE TEMP TABLE result (side text, run int, ms numeric);
DO $$
DECLARE
  q_ours text := $q$SELECT sum(crm_contract.penalty('1% of overdue per day', amount, due, paid)) FROM invoices$q$;
  q_sql text := $q$SELECT sum(round(amount * 0.01 * GREATEST(paid - due, 0), 2)) FROM invoices$q$;
  q_plpgsql text := $q$SELECT sum(penalty_plpgsql(0.01, amount, due, paid)) FROM invoices$q$;
  r int;
BEGIN
  PERFORM pg_temp.ms(q_ours); PERFORM pg_temp.ms(q_sql); PERFORM pg_temp.ms(q_plpgsql);   -- warm-up
  FOR r IN 1..9 LOOP
    INSERT INTO result VALUES ('penalty()', r, pg_temp.ms(q_ours));
    INSERT INTO result VALUES ('plain SQL expression', r, pg_temp.ms(q_sql));
    INSERT INTO result VALUES ('PL/pgSQL function', r, pg_temp.ms(q_plpgsql));
  END LOOP;
END $$;

\echo
\echo '== penalty() on 1,000,000 invoices, median of 9 runs'
CREATE TEMP VIEW med AS SELECT side, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric AS ms FROM result GROUP BY side;
SELECT side, round(ms) AS median_ms FROM med ORDER BY ms;
SELECT format('penalty(): %sx of the plain SQL expression (target <= 1.2x)',
              round((SELECT ms FROM med WHERE side = 'penalty()') / (SELECT ms FROM med WHERE side = 'plain SQL expression'), 2)) AS summary
UNION ALL
SELECT format('penalty(): %sx faster than the PL/pgSQL function (target >= 4x)',
              round((SELECT ms FROM med WHERE side = 'PL/pgSQL function') / (SELECT ms FROM med WHERE side = 'penalty()'), 2));
