-------------------------------------------------------------------------------
-- The 1-year LPR series (floating penalty rules, the statutory default rate)
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.lpr (
  published_on date PRIMARY KEY,
  rate         numeric NOT NULL,
  builtin      boolean NOT NULL DEFAULT false,
  CONSTRAINT lpr_rate_check CHECK (rate OPERATOR(pg_catalog.>) 0 AND rate OPERATOR(pg_catalog.<) 100)
);
COMMENT ON TABLE crm_contract.lpr IS
  'the 1-year loan prime rate (贷款市场报价利率) in percent, by publication day; a value is in force from its day until the next; users add new values';

CREATE FUNCTION crm_contract.lpr_protect_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.builtin THEN
      RAISE EXCEPTION 'lpr: builtin is set only by the extension' USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.builtin THEN
    RAISE EXCEPTION 'the LPR of % is shipped with crm_contract and cannot be changed', OLD.published_on
      USING ERRCODE = '0A000', HINT = 'Add the values published after it as new rows.';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION crm_contract.lpr_protect_builtin() IS 'trigger: shipped LPR values are read-only';
