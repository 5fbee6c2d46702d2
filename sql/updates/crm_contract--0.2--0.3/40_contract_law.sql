
-- Contract law and money (issue 11): who owes an obligation, how its period ends,
-- amounts that are amounts.  Rows already stored keep their meaning: their periods
-- were counted unadjusted, so their convention is 'unadjusted'; new rows get the
-- default 'following' (Art. 203).
--@statement CREATE TYPE crm_contract.obligor AS ENUM
--@statement COMMENT ON TYPE crm_contract.obligor IS

ALTER TABLE crm_contract.milestone ADD COLUMN convention crm_contract.due_convention NOT NULL DEFAULT 'unadjusted';
ALTER TABLE crm_contract.milestone ALTER COLUMN convention SET DEFAULT 'following';
ALTER TABLE crm_contract.milestone ADD COLUMN obligor crm_contract.obligor NOT NULL DEFAULT 'vendor';
ALTER TABLE crm_contract.milestone ADD COLUMN party text;
ALTER TABLE crm_contract.milestone ADD COLUMN amount numeric;
ALTER TABLE crm_contract.milestone ADD CONSTRAINT milestone_party_check
  CHECK ((obligor OPERATOR(pg_catalog.=) 'third_party') = (party IS NOT NULL));
ALTER TABLE crm_contract.milestone ADD CONSTRAINT milestone_amount_check CHECK (amount OPERATOR(pg_catalog.>) 0);
ALTER TABLE crm_contract.installment_due ALTER COLUMN due_on DROP NOT NULL;
ALTER TABLE crm_contract.installment_due ADD COLUMN due_note text;
CREATE INDEX payment_installment_due ON crm_contract.payment (installment_due_id);
CREATE INDEX force_majeure_contract ON crm_contract.force_majeure (contract_id, from_day);
ALTER TABLE crm_contract.installment ADD COLUMN convention crm_contract.due_convention NOT NULL DEFAULT 'unadjusted';
ALTER TABLE crm_contract.installment ALTER COLUMN convention SET DEFAULT 'following';
ALTER TABLE crm_contract.clause ADD COLUMN convention crm_contract.due_convention NOT NULL DEFAULT 'unadjusted';
ALTER TABLE crm_contract.clause ALTER COLUMN convention SET DEFAULT 'following';
ALTER TABLE crm_contract.clause ADD COLUMN obligor crm_contract.obligor;
ALTER TABLE crm_contract.clause ADD COLUMN party text;
ALTER TABLE crm_contract.clause ADD COLUMN applies_to text[];
--@statement COMMENT ON COLUMN crm_contract.milestone.within IS
--@statement COMMENT ON COLUMN crm_contract.milestone.obligor IS
--@statement COMMENT ON COLUMN crm_contract.milestone.party IS
--@statement COMMENT ON COLUMN crm_contract.milestone.convention IS
--@statement COMMENT ON COLUMN crm_contract.milestone.amount IS
--@statement COMMENT ON COLUMN crm_contract.installment_due.due_on IS
--@statement COMMENT ON COLUMN crm_contract.installment_due.due_note IS
--@statement COMMENT ON COLUMN crm_contract.installment.every IS
--@statement COMMENT ON COLUMN crm_contract.installment.within IS
--@statement COMMENT ON COLUMN crm_contract.installment.convention IS
--@statement COMMENT ON COLUMN crm_contract.clause.convention IS
--@statement COMMENT ON COLUMN crm_contract.clause.obligor IS
--@statement COMMENT ON COLUMN crm_contract.clause.party IS
--@statement COMMENT ON COLUMN crm_contract.clause.applies_to IS
--@statement COMMENT ON COLUMN crm_contract.party.liability_cap_share IS
--@statement COMMENT ON COLUMN crm_contract.party.liability_cap_amount IS

--@replace-function check_amount
--@replace-function clause_obligor
--@replace-function clause_ref_key
--@replace-function wording_rule
--@replace-function clause_check
--@replace-function contract_clause
--@replace-function party_check
--@statement CREATE TRIGGER party_check BEFORE INSERT OR UPDATE ON crm_contract.party

-- the penalty clauses stored so far charge whom their wording names (0.2 charged
-- every late milestone to the vendor); the triggers' other checks are not re-run on them
ALTER TABLE crm_contract.clause DISABLE TRIGGER clause_check;
UPDATE crm_contract.clause SET obligor = crm_contract.clause_obligor(kind, wording)
 WHERE kind IN ('delay_penalty', 'late_fee') AND obligor IS NULL;
ALTER TABLE crm_contract.clause ENABLE TRIGGER clause_check;

--@replace-function restoring
--@replace-function contract_check
--@replace-function stored_due_before
--@replace-function contract_reschedule
--@replace-function anchor_base
--@replace-function uncovered_note
--@replace-function milestone_schedule
--@replace-function milestone_completed
--@replace-function milestone_renamed
--@statement CREATE TRIGGER "Milestone_renamed" AFTER UPDATE OF name ON crm_contract.milestone
--@replace-function installment_schedule
--@replace-function installment_dates
--@replace-function installment_occurrences
--@replace-function installment_due_protect
--@statement CREATE TRIGGER installment_due_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.installment_due
--@replace-function payment_check
--@replace-function change_request_schedule
--@replace-function clause_reschedule
--@statement CREATE TRIGGER clause_reschedule AFTER INSERT OR UPDATE OR DELETE ON crm_contract.clause
--@replace-function recompute_due_dates
--@replace-function termination_notice_by
--@replace-function due_within
--@replace-function today
--@replace-view obligations

-- contract_statement has more columns: a new function, its three kinds of lines apart
DROP FUNCTION crm_contract.contract_statement(bigint, date);
--@replace-function force_majeure_days
--@replace-function statement_milestone_lines
--@replace-function statement_installment_lines
--@replace-function statement_credit_lines
--@replace-function contract_statement

-- trigger functions are not for PUBLIC (sql/parts/95_privileges.sql)
REVOKE EXECUTE ON FUNCTION crm_contract.party_check() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION crm_contract.clause_reschedule() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION crm_contract.installment_due_protect() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION crm_contract.milestone_renamed() FROM PUBLIC;

-- Rows 0.2 let through that 0.3 refuses on write are kept as they are (and on restore);
-- the update says how many there are, so that they can be corrected.
DO $$
DECLARE
  overpaid bigint;
  ruleless bigint;
  inexact bigint;
BEGIN
  SELECT count(*) INTO overpaid FROM (
    SELECT o.id FROM crm_contract.installment_due o
      JOIN crm_contract.payment p ON p.installment_due_id = o.id AND p.tenant = o.tenant
     GROUP BY o.id, o.amount HAVING sum(p.amount) > o.amount) x;
  SELECT count(*) INTO ruleless FROM crm_contract.clause k
   WHERE k.kind IN ('delay_penalty', 'late_fee') AND k.rule IS NULL;
  SELECT (SELECT count(*) FROM crm_contract.contract c WHERE c.total_amount IN ('NaN', 'Infinity', '-Infinity') OR c.total_amount <> round(c.total_amount, 2))
       + (SELECT count(*) FROM crm_contract.installment i WHERE i.amount IN ('NaN', 'Infinity', '-Infinity') OR i.amount <> round(i.amount, 2))
       + (SELECT count(*) FROM crm_contract.payment p WHERE p.amount IN ('NaN', 'Infinity', '-Infinity') OR p.amount <> round(p.amount, 2))
       + (SELECT count(*) FROM crm_contract.party p WHERE p.liability_cap_amount IN ('NaN', 'Infinity', '-Infinity') OR p.liability_cap_amount <> round(p.liability_cap_amount, 2))
    INTO inexact;
  IF overpaid > 0 THEN
    RAISE WARNING 'crm_contract: % installment occurrences are paid beyond the amount they are due', overpaid
      USING DETAIL = 'Version 0.2 let a lowered amount leave them so; they are kept, and contract_statement counts the excess as a credit.',
            HINT = 'List them: SELECT o.id, o.amount, sum(p.amount) FROM crm_contract.installment_due o JOIN crm_contract.payment p ON p.installment_due_id = o.id GROUP BY o.id HAVING sum(p.amount) > o.amount;';
  END IF;
  IF ruleless > 0 THEN
    RAISE WARNING 'crm_contract: % delay_penalty or late_fee clauses have no rule', ruleless
      USING DETAIL = 'They charge nothing; 0.3 refuses such a clause on write.',
            HINT = 'Give them a rule: UPDATE crm_contract.clause SET rule = ''1% of total per day'' WHERE ...;';
  END IF;
  IF inexact > 0 THEN
    RAISE WARNING 'crm_contract: % amounts are NaN or have more than two decimals', inexact
      USING DETAIL = 'They are kept; 0.3 refuses such amounts on write, and the computing functions refuse them.',
            HINT = 'Round them: contracts (total_amount), installments (amount), payments (amount), parties (liability_cap_amount).';
  END IF;
END $$;
