-------------------------------------------------------------------------------
-- Views for reporting tools (BI tools browse tables and views, not functions
-- that take a regclass): under the same row-level security as the tables
-- (security_invoker), with plain column types, money as numeric(18,2).
-------------------------------------------------------------------------------

-- Per contract: its open obligations with the penalty or late fee accrued to date
-- (contract_statement as of today, once per contract).
CREATE VIEW crm_contract.obligations_accrued WITH (security_invoker = true) AS
SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, x.kind, x.obligation, x.clause_ref, x.due_on,
       x.days_late, x.amount_open, x.rule, x.accrued, x.obligor, x.due_provisional, x.due_note
  FROM crm_contract.contract c
  CROSS JOIN LATERAL (
    SELECT o.kind, o.obligation, coalesce(l.clause_ref, o.clause_ref) AS clause_ref, o.due_on, o.days_late,
           o.amount_open::numeric(18,2) AS amount_open, l.rule::text AS rule, l.accrued::numeric(18,2) AS accrued,
           o.obligor::text AS obligor, o.due_provisional, o.due_note
      FROM crm_contract.obligations o
      LEFT JOIN crm_contract.contract_statement(c.id, CURRENT_DATE) l
        ON l.kind OPERATOR(pg_catalog.=) o.kind AND l.obligation OPERATOR(pg_catalog.=) o.obligation
     WHERE o.contract_id OPERATOR(pg_catalog.=) c.id AND o.tenant OPERATOR(pg_catalog.=) c.tenant) x;
COMMENT ON VIEW crm_contract.obligations_accrued IS
  'per contract, every open obligation (as in obligations) with the penalty or late fee accrued to today by contract_statement (rule as text, money as numeric(18,2)); change requests and renewal notices accrue nothing (NULL)';
