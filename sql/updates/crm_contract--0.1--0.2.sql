-- crm_contract 0.1 -> 0.2: hardening.  Administrative and internal functions
-- are no longer executable by PUBLIC (see crm_contract_finish.sql).
\echo Use "ALTER EXTENSION crm_contract UPDATE TO '0.2'" to load this file. \quit

DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = 'crm_contract'::regnamespace
              AND ((p.prorettype = 'trigger'::regtype AND p.proname <> 'sla_deadlines')
                   OR p.proname IN ('copy_calendar', 'recompute_due_dates', 'sla_recompute', 'sla_sweep'))
            ORDER BY 1 LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;

-- Restores: the schedule triggers keep rows as dumped while check_function_bodies
-- is off.  CREATE OR REPLACE is safe here: these functions are members of this
-- extension (an upgrade script runs only on an installed extension).
-- While check_function_bodies is off, as pg_dump's scripts and pg_restore set it
-- for the whole restore, the triggers that derive rows or values from other rows
-- keep the rows as given: a restore loads tables in an order of its own (an
-- installment before the milestone it is anchored on, occurrences after their
-- installment), and the dumped values are the ones to keep.
CREATE FUNCTION crm_contract.restoring() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT current_setting('check_function_bodies') = 'off' $$;
COMMENT ON FUNCTION crm_contract.restoring() IS
  'true while check_function_bodies is off (pg_dump scripts and pg_restore): the schedule triggers then keep restored rows as dumped';

CREATE OR REPLACE FUNCTION crm_contract.milestone_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  base date;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.signed_on, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'milestone "%": contract % does not exist', NEW.name, NEW.contract_id USING ERRCODE = '23503';
  END IF;
  IF NEW.within IS NOT NULL AND crm_contract.term_unit(NEW.within) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    PERFORM crm_contract.check_dated_term(format('milestone "%s" of contract "%s"', NEW.name, c.code), NEW.within);
  END IF;
  IF NEW.anchor = 'milestone' AND NEW.anchor_milestone IS NOT NULL THEN
    IF NEW.anchor_milestone = NEW.name THEN
      RAISE EXCEPTION 'milestone "%" of contract "%" is anchored on itself', NEW.name, c.code USING ERRCODE = '23514';
    END IF;
    SELECT m.completed_on INTO base FROM crm_contract.milestone m
     WHERE m.contract_id = NEW.contract_id AND m.name = NEW.anchor_milestone;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'milestone "%" of contract "%" is anchored on milestone "%", which does not exist',
        NEW.name, c.code, NEW.anchor_milestone USING ERRCODE = '23503';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.anchor_milestone IS DISTINCT FROM OLD.anchor_milestone OR NEW.name <> OLD.name) THEN
      IF EXISTS (
        WITH RECURSIVE up (name, depth) AS (
          SELECT NEW.anchor_milestone, 1
          UNION ALL
          SELECT m.anchor_milestone, up.depth + 1
            FROM up JOIN crm_contract.milestone m ON m.contract_id = NEW.contract_id AND m.name = up.name
           WHERE m.anchor_milestone IS NOT NULL AND up.depth < 10000)
        SELECT 1 FROM up WHERE up.name IN (NEW.name, OLD.name)) THEN
        RAISE EXCEPTION 'milestone "%" of contract "%": anchoring it on "%" makes a cycle', NEW.name, c.code, NEW.anchor_milestone
          USING ERRCODE = '23514', HINT = 'A milestone cannot depend, directly or through others, on itself.';
      END IF;
    END IF;
  ELSIF NEW.anchor = 'signing' THEN
    base := c.signed_on;
  ELSE
    base := NEW.anchor_date;
  END IF;
  IF NEW.completed_on IS NOT NULL AND (c.signed_on IS NULL OR NEW.completed_on < c.signed_on) THEN
    RAISE EXCEPTION 'milestone "%" of contract "%" is completed on %, before the contract was signed (%)',
      NEW.name, c.code, NEW.completed_on, coalesce(c.signed_on::text, 'not yet')
      USING ERRCODE = '23514';
  END IF;
  NEW.due_on := CASE WHEN NEW.within IS NULL THEN base ELSE crm_contract.try_due(base, NEW.within, c.calendar) END;
  NEW.due_note := CASE WHEN base IS NOT NULL AND NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, base) END;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION crm_contract.installment_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  base date;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.signed_on, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'installment "%": contract % does not exist', NEW.name, NEW.contract_id USING ERRCODE = '23503';
  END IF;
  IF crm_contract.term_unit(NEW.within) IN ('minutes', 'hours', 'working minutes', 'working hours')
     OR crm_contract.term_unit(NEW.every) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    PERFORM crm_contract.check_dated_term(format('installment "%s" of contract "%s"', NEW.name, c.code), NEW.within);
    PERFORM crm_contract.check_dated_term(format('installment "%s" of contract "%s"', NEW.name, c.code), NEW.every);
  END IF;
  IF NEW.anchor = 'milestone' AND NEW.anchor_milestone IS NOT NULL THEN
    SELECT m.completed_on INTO base FROM crm_contract.milestone m
     WHERE m.contract_id = NEW.contract_id AND m.name = NEW.anchor_milestone;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'installment "%" of contract "%" is anchored on milestone "%", which does not exist',
        NEW.name, c.code, NEW.anchor_milestone USING ERRCODE = '23503';
    END IF;
  ELSIF NEW.anchor = 'signing' THEN
    base := c.signed_on;
  ELSE
    base := NEW.anchor_date;
  END IF;
  NEW.due_on := CASE WHEN NEW.within IS NULL THEN base ELSE crm_contract.try_due(base, NEW.within, c.calendar) END;
  NEW.due_note := CASE WHEN base IS NOT NULL AND NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, base) END;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION crm_contract.change_request_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  t crm_contract.term;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NEW.answered_on < NEW.received_on THEN
    RAISE EXCEPTION 'change request % of contract "%" is answered on %, before it was received (%)',
      NEW.ref, c.code, NEW.answered_on, NEW.received_on USING ERRCODE = '23514';
  END IF;
  SELECT k.term INTO t FROM crm_contract.clause k
   WHERE k.contract_id = NEW.contract_id AND k.kind = 'change_request' ORDER BY k.ref LIMIT 1;
  IF t IS NULL THEN
    NEW.due_on := NULL;
    NEW.due_note := format('contract "%s" has no change_request clause', c.code);
  ELSE
    NEW.due_on := crm_contract.try_due(NEW.received_on, t, c.calendar);
    NEW.due_note := CASE WHEN NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, NEW.received_on) END;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION crm_contract.milestone_completed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NULL;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  UPDATE crm_contract.milestone m SET due_on = NULL
   WHERE m.contract_id = NEW.contract_id AND m.anchor_milestone = NEW.name;
  UPDATE crm_contract.installment i SET due_on = NULL
   WHERE i.contract_id = NEW.contract_id AND i.anchor_milestone = NEW.name;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION crm_contract.installment_occurrences() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  one_off numeric;
  amt numeric;
  n integer := 0;
  k integer;
  d date;
  dues date[] := '{}';
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NULL;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.total_amount, k.effective_to, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  SELECT sum(coalesce(i.amount, round(i.share * c.total_amount, 2))) INTO one_off
    FROM crm_contract.installment i WHERE i.contract_id = NEW.contract_id AND i.every IS NULL;
  IF one_off > c.total_amount THEN
    RAISE EXCEPTION 'installment "%" of contract "%": one-off installments add up to %, more than the total %',
      NEW.name, c.code, one_off, c.total_amount
      USING ERRCODE = '23514', HINT = 'Shares of the total (recurring installments aside) may not exceed 100%.';
  END IF;
  amt := coalesce(NEW.amount, round(NEW.share * c.total_amount, 2));
  IF NEW.due_on IS NOT NULL THEN
    IF NEW.every IS NULL THEN
      dues := ARRAY[NEW.due_on];
    ELSIF NEW.occurrences IS NULL AND c.effective_to IS NULL THEN
      RAISE EXCEPTION 'recurring installment "%" of contract "%" needs occurrences or the contract''s effective_to', NEW.name, c.code
        USING ERRCODE = '23502', HINT = 'Say how many times it falls due, or until when the contract runs.';
    ELSE
      k := 1;
      d := NEW.due_on;
      WHILE d IS NOT NULL AND (k <= NEW.occurrences OR (NEW.occurrences IS NULL AND d <= c.effective_to)) AND k <= 10000 LOOP
        dues := dues || d;
        d := crm_contract.try_due(NEW.due_on,
               crm_contract.term(k * crm_contract.term_quantity(NEW.every), crm_contract.term_unit(NEW.every)), c.calendar);
        k := k + 1;
      END LOOP;
    END IF;
  END IF;
  n := coalesce(array_length(dues, 1), 0);
  IF TG_OP = 'INSERT' THEN
    -- a new installment has no occurrences yet: nothing to keep or drop
    INSERT INTO crm_contract.installment_due (tenant, installment_id, seq, due_on, amount)
    SELECT NEW.tenant, NEW.id, s.seq, s.due_on, amt FROM unnest(dues) WITH ORDINALITY AS s (due_on, seq);
    RETURN NULL;
  END IF;
  SELECT min(o.seq) INTO k FROM crm_contract.installment_due o JOIN crm_contract.payment p ON p.installment_due_id = o.id
   WHERE o.installment_id = NEW.id AND o.seq > n;
  IF k IS NOT NULL THEN
    RAISE EXCEPTION 'installment "%" of contract "%": occurrence % has payments and cannot be dropped', NEW.name, c.code, k
      USING ERRCODE = '23503', HINT = 'Delete or move its payments first.';
  END IF;
  DELETE FROM crm_contract.installment_due o WHERE o.installment_id = NEW.id AND o.seq > n;
  INSERT INTO crm_contract.installment_due AS o (tenant, installment_id, seq, due_on, amount)
  SELECT NEW.tenant, NEW.id, s.seq, s.due_on, amt FROM unnest(dues) WITH ORDINALITY AS s (due_on, seq)
  ON CONFLICT (installment_id, seq) DO UPDATE SET due_on = EXCLUDED.due_on, amount = EXCLUDED.amount
   WHERE (o.due_on, o.amount) IS DISTINCT FROM (EXCLUDED.due_on, EXCLUDED.amount);
  RETURN NULL;
END $$;
