-- tools/replay-corpus.sql - run by tools/replay-corpus.sh as superuser in a
-- throwaway UTF8 database, with :corpus naming a directory that holds copies
-- of test/fuzz/corpus/{term,penalty,term_wire,penalty_wire,notice}.
--
-- Feeds every committed fuzz input through the server's real functions: the
-- text corpora through the input functions ('…'::crm_contract.term), the
-- binary corpora through the receive functions (a one-field binary COPY file
-- per input, so that COPY hands exactly the input's bytes to term_recv /
-- penalty_rule_recv).  Prints TAP lines ("ok N - …" / "not ok N - …").
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION crm_contract;
SET search_path = public, crm_contract;	-- its = operators
CREATE SCHEMA replay;

CREATE TABLE replay.input (corpus text, name text, bytes bytea, PRIMARY KEY (corpus, name));
INSERT INTO replay.input
  SELECT c, f, pg_read_binary_file(:'corpus' || '/' || c || '/' || f)
  FROM unnest(ARRAY['term', 'penalty', 'term_wire', 'penalty_wire', 'notice']) c,
       LATERAL pg_ls_dir(:'corpus' || '/' || c) f;

-- outcome: accepted, rejected (with the error) or skipped (cannot be text)
CREATE TABLE replay.outcome (corpus text, name text, outcome text, sqlstate text, message text);
-- accepted values, with the input's bytes (binary corpora only)
CREATE TABLE replay.term_ok (id serial PRIMARY KEY, corpus text, name text, v crm_contract.term, bytes bytea);
CREATE TABLE replay.rule_ok (id serial PRIMARY KEY, corpus text, name text, v crm_contract.penalty_rule, bytes bytea);
CREATE TABLE replay.term_stage (v crm_contract.term);
CREATE TABLE replay.rule_stage (v crm_contract.penalty_rule);

-- Text inputs through the type's input function.  Text with invalid UTF-8
-- or a NUL byte cannot reach an input function at all: skipped, counted.
CREATE FUNCTION replay.feed_text(c text, tbl text, typ text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
  s text;
  st text;
  msg text;
BEGIN
  FOR r IN SELECT name, bytes FROM replay.input WHERE corpus = c ORDER BY name LOOP
    BEGIN
      s := convert_from(r.bytes, 'UTF8');
    EXCEPTION WHEN character_not_in_repertoire THEN
      INSERT INTO replay.outcome VALUES (c, r.name, 'skipped', NULL, NULL);
      CONTINUE;
    END;
    BEGIN
      EXECUTE format('INSERT INTO replay.%I (corpus, name, v) VALUES ($1, $2, $3::%s)', tbl, typ)
        USING c, r.name, s;
      INSERT INTO replay.outcome VALUES (c, r.name, 'accepted', NULL, NULL);
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      INSERT INTO replay.outcome VALUES (c, r.name, 'rejected', st, msg);
    END;
  END LOOP;
END $$;

-- Notice texts through parse_holiday_notice (the days, counted; no year given).
CREATE FUNCTION replay.feed_notice() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r record;
  s text;
  st text;
  msg text;
  n bigint;
BEGIN
  FOR r IN SELECT name, bytes FROM replay.input WHERE corpus = 'notice' ORDER BY name LOOP
    BEGIN
      s := convert_from(r.bytes, 'UTF8');
    EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
      INSERT INTO replay.outcome VALUES ('notice', r.name, 'skipped', NULL, NULL);
      CONTINUE;
    END;
    BEGIN
      SELECT count(*) INTO n FROM crm_contract.parse_holiday_notice(s);
      INSERT INTO replay.outcome VALUES ('notice', r.name, 'accepted', NULL, NULL);
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      INSERT INTO replay.outcome VALUES ('notice', r.name, 'rejected', st, msg);
    END;
  END LOOP;
END $$;

-- Binary inputs through the type's receive function: COPY TO writes a
-- binary COPY file whose one field is the bytea's raw bytes (bytea_send is
-- the identity), and COPY FROM hands that field to the column's type.
CREATE FUNCTION replay.feed_binary(c text, prefix text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  path text := current_setting('data_directory') || '/crm_replay_input.copy';
  r record;
  st text;
  msg text;
BEGIN
  FOR r IN SELECT name, bytes FROM replay.input WHERE corpus = c ORDER BY name LOOP
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', r.bytes, path);
    BEGIN
      EXECUTE format('COPY replay.%I (v) FROM %L (FORMAT binary)', prefix || '_stage', path);
      EXECUTE format('INSERT INTO replay.%I (corpus, name, v, bytes) SELECT $1, $2, v, $3 FROM replay.%I',
                     prefix || '_ok', prefix || '_stage') USING c, r.name, r.bytes;
      EXECUTE format('DELETE FROM replay.%I', prefix || '_stage');
      INSERT INTO replay.outcome VALUES (c, r.name, 'accepted', NULL, NULL);
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      INSERT INTO replay.outcome VALUES (c, r.name, 'rejected', st, msg);
    END;
  END LOOP;
END $$;

-- Binary COPY of every accepted value out and back in; returns the rows
-- that did not come back identical (by id).
CREATE FUNCTION replay.copy_round_trip(prefix text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  path text := current_setting('data_directory') || '/crm_replay_all.copy';
  n bigint;
BEGIN
  EXECUTE format('CREATE TABLE replay.%I (LIKE replay.%I)', prefix || '_back', prefix || '_ok');
  EXECUTE format('COPY (SELECT id, v FROM replay.%I ORDER BY id) TO %L (FORMAT binary)', prefix || '_ok', path);
  EXECUTE format('COPY replay.%I (id, v) FROM %L (FORMAT binary)', prefix || '_back', path);
  EXECUTE format('SELECT count(*) FROM replay.%I a FULL JOIN replay.%I b USING (id)
                  WHERE a.id IS NULL OR b.id IS NULL OR NOT (a.v = b.v)', prefix || '_ok', prefix || '_back')
    INTO n;
  RETURN n;
END $$;

\o /dev/null
SELECT replay.feed_text('term', 'term_ok', 'crm_contract.term');
SELECT replay.feed_text('penalty', 'rule_ok', 'crm_contract.penalty_rule');
SELECT replay.feed_binary('term_wire', 'term');
SELECT replay.feed_binary('penalty_wire', 'rule');
SELECT replay.feed_notice();
\o

-- The SQLSTATE a rejection must have.  Text: class 22 (22P02, 22003,
-- 22023).  Binary: 08P01 when the input ends inside a field after a good
-- version byte (or is empty), as pq_getmsgint and int4recv raise; 22P03 for
-- anything else (version, field values, trailing bytes).
CREATE FUNCTION replay.expected_ok(c text, bytes bytea, st text) RETURNS boolean LANGUAGE sql AS $$
  SELECT CASE
    WHEN c IN ('term', 'penalty', 'notice') THEN left(st, 2) = '22'
    WHEN length(bytes) = 0 OR (get_byte(bytes, 0) = 1
         AND length(bytes) < CASE c WHEN 'term_wire' THEN 6 ELSE 37 END) THEN st = '08P01'
    ELSE st = '22P03'
  END $$;

CREATE VIEW replay.summary AS
  SELECT corpus,
         count(*) AS inputs,
         count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
         count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
         count(*) FILTER (WHERE outcome = 'skipped') AS skipped,
         count(*) FILTER (WHERE outcome = 'rejected' AND NOT replay.expected_ok(o.corpus, i.bytes, o.sqlstate)) AS wrong,
         (SELECT string_agg(sqlstate || ' ' || n, ', ' ORDER BY sqlstate)
            FROM (SELECT sqlstate, count(*) n FROM replay.outcome o2
                   WHERE o2.corpus = o.corpus AND outcome = 'rejected' GROUP BY sqlstate) s) AS by_state
  FROM replay.outcome o JOIN replay.input i USING (corpus, name)
  GROUP BY corpus;

-- What failed, as TAP comments (nothing when all is well).
SELECT '# ' || o.corpus || '/' || o.name || ': ' || o.sqlstate || ' ' || o.message
FROM replay.outcome o JOIN replay.input i USING (corpus, name)
WHERE o.outcome = 'rejected' AND NOT replay.expected_ok(o.corpus, i.bytes, o.sqlstate)
ORDER BY 1 LIMIT 20;
SELECT '# term ' || corpus || '/' || name || ': ' || v::text || ' does not read back'
FROM replay.term_ok WHERE NOT (v::text::crm_contract.term = v)
UNION ALL
SELECT '# penalty_rule ' || corpus || '/' || name || ': ' || v::text || ' does not read back'
FROM replay.rule_ok WHERE NOT (v::text::crm_contract.penalty_rule = v)
LIMIT 20;

WITH checks (k, ok, what) AS (
  SELECT 0, wrong = 0 AND inputs > 0 IS TRUE,
         format('%s: %s inputs, %s accepted, %s rejected (%s), %s skipped%s; %s rejected with another SQLSTATE',
                corpus, inputs, accepted, rejected, coalesce(by_state, 'none'), skipped,
                CASE WHEN corpus IN ('term', 'penalty', 'notice') THEN ' (not UTF-8 or NUL)' ELSE '' END, wrong)
  FROM unnest(ARRAY['term', 'penalty', 'term_wire', 'penalty_wire', 'notice']) c(corpus)
       LEFT JOIN replay.summary USING (corpus)		-- an empty corpus fails
  UNION ALL
  SELECT 1, count(*) = 0, format('term: in(out(x)) = x for all %s accepted values (%s differ)',
                              (SELECT count(*) FROM replay.term_ok), count(*))
  FROM replay.term_ok WHERE NOT (v::text::crm_contract.term = v)
  UNION ALL
  SELECT 2, count(*) = 0, format('penalty_rule: in(out(x)) = x for all %s accepted values (%s differ)',
                              (SELECT count(*) FROM replay.rule_ok), count(*))
  FROM replay.rule_ok WHERE NOT (v::text::crm_contract.penalty_rule = v)
  UNION ALL
  SELECT 3, count(*) = 0, format('term_wire: send(recv(bytes)) = bytes (%s differ)', count(*))
  FROM replay.term_ok WHERE bytes IS NOT NULL AND crm_contract.term_send(v) <> bytes
  UNION ALL
  SELECT 4, count(*) = 0, format('penalty_wire: send(recv(bytes)) = bytes (%s differ)', count(*))
  FROM replay.rule_ok WHERE bytes IS NOT NULL AND crm_contract.penalty_rule_send(v) <> bytes
  UNION ALL
  SELECT 5, n = 0, format('term: binary COPY out and in of all accepted values (%s differ)', n)
  FROM replay.copy_round_trip('term') n
  UNION ALL
  SELECT 6, n = 0, format('penalty_rule: binary COPY out and in of all accepted values (%s differ)', n)
  FROM replay.copy_round_trip('rule') n
)
SELECT CASE WHEN ok THEN 'ok ' ELSE 'not ok ' END || row_number() OVER (ORDER BY k, what) || ' - ' || what
FROM checks ORDER BY k, what;
