-- bench/contracts.sql: bulk-loading 100,000 signed contracts with 10
-- obligations each (6 milestones, 4 installments) through the deadline
-- triggers, against loading the same rows with the due dates and installment
-- occurrences precomputed and the user triggers disabled (foreign keys stay on).
-- Each side runs in its own transaction, rolled back, so both start equal.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE EXTENSION IF NOT EXISTS crm_contract;
SET search_path = crm_contract, public;
INSERT INTO tenant_member VALUES (current_user, 'bench') ON CONFLICT DO NOTHING;

-- The source rows, built once: contracts signed across 2005..2020.
CREATE TEMP TABLE src_contract AS
SELECT i AS n, 'C-' || i AS code, date '2005-01-03' + (i % 5500) AS signed_on, 100000.00 + (i % 1000) AS total
  FROM generate_series(1, 100000) i;
CREATE TEMP TABLE src_milestone (k int, name text, anchor crm_contract.anchor_kind, anchor_milestone text, within crm_contract.term);
INSERT INTO src_milestone VALUES
  (1, 'project start', 'signing', NULL, '10 working days'),
  (2, 'design', 'signing', NULL, '20 working days'),
  (3, 'plan', 'signing', NULL, '15 days'),
  (4, 'development', 'signing', NULL, '3 months'),
  (5, 'go-live', 'milestone', 'project start', '60 working days'),
  (6, 'acceptance', 'milestone', 'go-live', '5 days');
CREATE TEMP TABLE src_installment (k int, name text, share numeric, within crm_contract.term, every crm_contract.term, occurrences int);
INSERT INTO src_installment VALUES
  (1, 'advance', 0.3, '10 working days', NULL, NULL),
  (2, 'second', 0.3, '30 working days', NULL, NULL),
  (3, 'third', 0.3, '3 months', NULL, NULL),
  (4, 'maintenance', 0.1, '1 year', '1 year', 3);
ANALYZE src_contract;

CREATE FUNCTION pg_temp.elapsed_ms(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE q;
  RETURN round(extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;

CREATE TEMP TABLE result (side text, run int, ms numeric);

-- Precomputation is not timed: it stands for due dates computed elsewhere.
CREATE TEMP TABLE pre_milestone AS
SELECT s.n, m.k, CASE WHEN m.anchor = 'signing' THEN crm_contract.due(s.signed_on, m.within) END AS due_on
  FROM src_contract s CROSS JOIN src_milestone m;
CREATE TEMP TABLE pre_installment AS
SELECT s.n, i.k, crm_contract.due(s.signed_on, i.within) AS due_on FROM src_contract s CROSS JOIN src_installment i;
CREATE TEMP TABLE pre_due AS
SELECT p.n, p.k, g.seq,
       CASE WHEN g.seq = 1 THEN p.due_on ELSE crm_contract.due(p.due_on, crm_contract.term((g.seq - 1) * 1, 'year')) END AS due_on,
       round(i.share * s.total, 2) AS amount
  FROM pre_installment p JOIN src_installment i ON i.k = p.k JOIN src_contract s ON s.n = p.n
  CROSS JOIN LATERAL generate_series(1, coalesce(i.occurrences, 1)) g(seq);
CREATE INDEX ON pre_milestone (n, k); CREATE INDEX ON pre_installment (n, k); CREATE INDEX ON pre_due (n, k);
ANALYZE pre_milestone; ANALYZE pre_installment; ANALYZE pre_due;

-- Ids are given by the loader (contract n, installment 10n + k), as a bulk load
-- from another system would, so that no side joins on freshly loaded tables.
-- Through the triggers: the loader gives anchors and terms, nothing else.
CREATE FUNCTION pg_temp.load_with_triggers() RETURNS void LANGUAGE sql AS $$
  INSERT INTO crm_contract.contract (id, code, kind, title, client, vendor, total_amount, signed_on, status)
  SELECT n, code, 'implementation', 'bench', 'client', 'vendor', total, signed_on, 'signed' FROM src_contract ORDER BY n;
  INSERT INTO crm_contract.milestone (contract_id, name, anchor, anchor_milestone, within)
  SELECT s.n, m.name, m.anchor, m.anchor_milestone, m.within
    FROM src_contract s CROSS JOIN src_milestone m ORDER BY s.n, m.k;
  INSERT INTO crm_contract.installment (id, contract_id, name, share, within, every, occurrences)
  SELECT 10 * s.n + i.k, s.n, i.name, i.share, i.within, i.every, i.occurrences
    FROM src_contract s CROSS JOIN src_installment i ORDER BY s.n, i.k;
$$;

-- Precomputed: the same rows with due dates and occurrences given, user triggers off.
CREATE FUNCTION pg_temp.load_precomputed() RETURNS void LANGUAGE sql AS $$
  INSERT INTO crm_contract.contract (id, code, kind, title, client, vendor, total_amount, signed_on, status)
  SELECT n, code, 'implementation', 'bench', 'client', 'vendor', total, signed_on, 'signed' FROM src_contract ORDER BY n;
  INSERT INTO crm_contract.milestone (contract_id, name, anchor, anchor_milestone, within, due_on)
  SELECT pre.n, m.name, m.anchor, m.anchor_milestone, m.within, pre.due_on
    FROM pre_milestone pre JOIN src_milestone m ON m.k = pre.k ORDER BY pre.n, pre.k;
  INSERT INTO crm_contract.installment (id, contract_id, name, share, within, every, occurrences, due_on)
  SELECT 10 * pre.n + i.k, pre.n, i.name, i.share, i.within, i.every, i.occurrences, pre.due_on
    FROM pre_installment pre JOIN src_installment i ON i.k = pre.k ORDER BY pre.n, pre.k;
  INSERT INTO crm_contract.installment_due (installment_id, seq, due_on, amount)
  SELECT 10 * o.n + o.k, o.seq, o.due_on, o.amount FROM pre_due o ORDER BY o.n, o.k, o.seq;
$$;

DO $$
DECLARE r int;
BEGIN
  FOR r IN 1..3 LOOP
    -- through the triggers
    INSERT INTO result SELECT 'triggers', r, pg_temp.elapsed_ms('SELECT pg_temp.load_with_triggers()');
    TRUNCATE crm_contract.payment, crm_contract.installment_due, crm_contract.installment, crm_contract.milestone,
             crm_contract.change_request, crm_contract.clause, crm_contract.party, crm_contract.contract;
    -- precomputed, user triggers disabled
    ALTER TABLE crm_contract.contract DISABLE TRIGGER USER;
    ALTER TABLE crm_contract.milestone DISABLE TRIGGER USER;
    ALTER TABLE crm_contract.installment DISABLE TRIGGER USER;
    INSERT INTO result SELECT 'precomputed', r, pg_temp.elapsed_ms('SELECT pg_temp.load_precomputed()');
    ALTER TABLE crm_contract.contract ENABLE TRIGGER USER;
    ALTER TABLE crm_contract.milestone ENABLE TRIGGER USER;
    ALTER TABLE crm_contract.installment ENABLE TRIGGER USER;
    TRUNCATE crm_contract.payment, crm_contract.installment_due, crm_contract.installment, crm_contract.milestone,
             crm_contract.change_request, crm_contract.clause, crm_contract.party, crm_contract.contract;
  END LOOP;
END $$;

\echo
\echo '== bulk load: 100,000 contracts x (6 milestones + 4 installments), median of 3'
SELECT side, percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms, array_agg(ms ORDER BY run) AS runs
  FROM result GROUP BY side ORDER BY side DESC;
SELECT format('bulk load through the deadline triggers: %sx of precomputed rows with triggers disabled (target <= 3x)',
              round((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) FROM result WHERE side = 'triggers')
                  / (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) FROM result WHERE side = 'precomputed'), 2)) AS summary;
