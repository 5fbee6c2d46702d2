-- SLA targets: warn_at must not be NULL and has at most 6 decimals (the clock counts
-- shares in millionths); rows restored as dumped keep what 0.2 accepted.
CREATE OR REPLACE FUNCTION crm_contract.sla_target_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  code text;
  w numeric;
  prev numeric := 0;
BEGIN
  SELECT c.code INTO code FROM crm_contract.contract c WHERE c.id = NEW.contract_id;
  IF NEW.calendar IS NOT NULL THEN
    PERFORM FROM crm_contract.calendar k WHERE k.name = NEW.calendar;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'SLA target % % of contract "%": calendar "%" does not exist', NEW.priority, NEW.metric, code, NEW.calendar
        USING ERRCODE = '42704', HINT = 'Use 24x7 for targets that count every minute.';
    END IF;
  END IF;
  IF NEW.warn_at IS NULL THEN
    RAISE EXCEPTION 'SLA target % % of contract "%": warn_at must not be NULL', NEW.priority, NEW.metric, code
      USING ERRCODE = '23502', HINT = 'Leave warn_at out for the default {0.5,0.75}, or write ''{}'' for no warnings.';
  END IF;
  IF array_ndims(NEW.warn_at) > 1 OR coalesce(cardinality(NEW.warn_at), 0) > 7 THEN
    RAISE EXCEPTION 'SLA target % % of contract "%": warn_at must be a list of at most 7 thresholds, not %', NEW.priority, NEW.metric, code, NEW.warn_at USING ERRCODE = '22023';
  END IF;
  FOREACH w IN ARRAY NEW.warn_at LOOP
    IF w IS NULL OR w <= prev OR w >= 1 THEN
      RAISE EXCEPTION 'SLA target % % of contract "%": warning thresholds % must ascend strictly between 0 and 1',
        NEW.priority, NEW.metric, code, NEW.warn_at
        USING ERRCODE = '22023', HINT = 'E.g. {0.5,0.75}: warn at half and at three quarters of the target.';
    END IF;
    -- the clock counts shares in millionths: finer ones would round, two of them onto one warning;
    -- rows restored as dumped keep what an earlier version accepted
    IF w <> round(w, 6) AND NOT crm_contract.restoring() THEN
      RAISE EXCEPTION 'SLA target % % of contract "%": warning threshold % has more than 6 decimals', NEW.priority, NEW.metric, code, w
        USING ERRCODE = '22023', HINT = 'Thresholds are shares of the target in millionths at most, e.g. 0.5, 0.75 or 0.333333.';
    END IF;
    prev := w;
  END LOOP;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.sla_target_check() IS 'trigger: validates an SLA target (calendar, warning thresholds: present, ascending, inside (0, 1), at most 6 decimals)';
COMMENT ON COLUMN crm_contract.sla_target.warn_at IS 'warning thresholds as shares of the target, ascending, each above 0 and below 1, at most 6 decimals';
