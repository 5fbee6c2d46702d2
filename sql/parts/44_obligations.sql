-------------------------------------------------------------------------------
-- Reporting: open obligations
-------------------------------------------------------------------------------

-- The day the reporting views count to: CURRENT_DATE, unless the session (or a
-- transaction, SET LOCAL) pins it with crm_contract.today, e.g. to reproduce a report
-- as it stood on a past day.
CREATE FUNCTION crm_contract.today() RETURNS date
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  setting text := nullif(current_setting('crm_contract.today', true), '');
  d date;
BEGIN
  IF setting IS NULL THEN
    RETURN CURRENT_DATE;
  END IF;
  d := setting::date;
  IF NOT isfinite(d) THEN
    RAISE EXCEPTION 'crm_contract.today must be a finite date, not %', setting
      USING ERRCODE = '22008', HINT = 'SET crm_contract.today = ''2026-10-31'', or RESET crm_contract.today for CURRENT_DATE.';
  END IF;
  RETURN d;
END $$;
COMMENT ON FUNCTION crm_contract.today() IS
  'the day the reporting views (obligations, obligations_accrued, sla_credits) count to: the setting crm_contract.today if set (SET LOCAL pins it for a transaction), else CURRENT_DATE';

-- (the governing clause by a subquery, not contract_clause(): on Citus the query runs on
-- the shards, where a function could not read the distributed clause table)
CREATE VIEW crm_contract.obligations WITH (security_invoker = true) AS
SELECT o.tenant, o.contract_id, o.contract_code, o.kind, o.obligation, o.clause_ref, o.due_on, o.amount_open,
       o.due_on OPERATOR(pg_catalog.-) crm_contract.today() AS days_left,
       CASE WHEN o.due_on IS NOT NULL THEN GREATEST(crm_contract.today() OPERATOR(pg_catalog.-) o.due_on, 0) END AS days_late,
       o.calendar, o.due_note, o.due_provisional, o.obligor
FROM (
  SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, 'milestone'::text AS kind,
         m.name AS obligation, m.clause_ref, m.due_on, NULL::numeric AS amount_open, c.calendar, m.due_note,
         m.due_provisional, m.obligor
    FROM crm_contract.milestone m
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) m.contract_id AND c.tenant OPERATOR(pg_catalog.=) m.tenant
   WHERE m.completed_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment',
         CASE WHEN i.every IS NULL THEN i.name ELSE i.name OPERATOR(pg_catalog.||) ' #' OPERATOR(pg_catalog.||) o.seq END,
         i.clause_ref, o.due_on, o.amount OPERATOR(pg_catalog.-) coalesce(p.paid, 0), c.calendar, o.due_note,
         o.due_provisional, 'client'::crm_contract.obligor
    FROM crm_contract.installment_due o
    JOIN crm_contract.installment i ON i.id OPERATOR(pg_catalog.=) o.installment_id AND i.tenant OPERATOR(pg_catalog.=) o.tenant
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id AND c.tenant OPERATOR(pg_catalog.=) i.tenant
    LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS paid FROM crm_contract.payment x
                        WHERE x.installment_due_id OPERATOR(pg_catalog.=) o.id AND x.tenant OPERATOR(pg_catalog.=) o.tenant) p ON true
   WHERE o.amount OPERATOR(pg_catalog.>) coalesce(p.paid, 0) AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment', i.name, i.clause_ref, NULL, NULL, c.calendar, i.due_note,
         i.due_provisional, 'client'::crm_contract.obligor
    FROM crm_contract.installment i
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id AND c.tenant OPERATOR(pg_catalog.=) i.tenant
   WHERE i.due_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'change_request', r.ref, k.ref, r.due_on, NULL, c.calendar, r.due_note,
         r.due_provisional, NULL
    FROM crm_contract.change_request r
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) r.contract_id AND c.tenant OPERATOR(pg_catalog.=) r.tenant
    LEFT JOIN LATERAL (SELECT k.ref FROM crm_contract.clause k
                        WHERE k.contract_id OPERATOR(pg_catalog.=) c.id AND k.tenant OPERATOR(pg_catalog.=) c.tenant
                          AND k.kind OPERATOR(pg_catalog.=) 'change_request'
                        ORDER BY crm_contract.clause_ref_key(k.ref), k.id LIMIT 1) k ON true
   WHERE r.answered_on IS NULL
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'renewal_notice', 'renewal intent before ' OPERATOR(pg_catalog.||) c.effective_to, k.ref,
         n.due_on, NULL, c.calendar,
         CASE WHEN n.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, c.effective_to) END,
         coalesce(n.provisional, false), NULL
    FROM crm_contract.contract c
    CROSS JOIN LATERAL (SELECT k.id, k.ref, k.term, k.convention FROM crm_contract.clause k
                         WHERE k.contract_id OPERATOR(pg_catalog.=) c.id AND k.tenant OPERATOR(pg_catalog.=) c.tenant
                           AND k.kind OPERATOR(pg_catalog.=) 'renewal'
                         ORDER BY crm_contract.clause_ref_key(k.ref), k.id LIMIT 1) k
    CROSS JOIN LATERAL crm_contract.stored_due_before(c.effective_to, k.term, c.calendar, k.convention) n
   WHERE k.id IS NOT NULL AND c.effective_to IS NOT NULL
     AND c.status OPERATOR(pg_catalog.=) ANY ('{signed,active}')
) o;
COMMENT ON VIEW crm_contract.obligations IS
  'every open obligation: uncompleted milestones, unpaid installment occurrences, unanswered change requests, renewal notices (by the contract''s first renewal clause); with due date, days left (negative when late) and days late as of crm_contract.today(), whether the due date is provisional (computed on the calendar''s forecast), and who owes it (obligor: milestones as set, installments the client)';

CREATE FUNCTION crm_contract.due_within(n integer, as_of date DEFAULT CURRENT_DATE)
RETURNS SETOF crm_contract.obligations
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  -- literal values (Citus plans no parameters of a query it sends to the shards)
  RETURN QUERY EXECUTE format($q$
  SELECT o.* FROM crm_contract.obligations o
   WHERE o.due_on >= %1$L::date
     AND o.due_on <= CASE WHEN %2$L::integer > 0   -- on the forecast past the calendar's announced days
                          THEN (crm_contract.stored_due(%1$L::date, crm_contract.term(%2$L::integer, 'working days'), o.calendar, 'following')).due_on
                          ELSE crm_contract.add_working_days(%1$L::date, %2$L::integer, o.calendar) END
   ORDER BY o.due_on, o.contract_code, o.obligation
$q$, as_of, n);
END $$;
COMMENT ON FUNCTION crm_contract.due_within(integer, date) IS
  'open obligations falling due from as_of to the n-th working day after it, each on its contract''s calendar';

CREATE FUNCTION crm_contract.termination_notice_by(contract_id bigint, terminate_on date) RETURNS date
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  t crm_contract.term;
  conv crm_contract.due_convention;
BEGIN
  SELECT k.code, k.calendar, k.tenant INTO c FROM crm_contract.contract k WHERE k.id = termination_notice_by.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'contract % does not exist', termination_notice_by.contract_id USING ERRCODE = '42704';
  END IF;
  SELECT k.term, k.convention INTO t, conv FROM crm_contract.contract_clause(termination_notice_by.contract_id, c.tenant, 'termination') k;
  IF t IS NULL THEN
    RAISE EXCEPTION 'contract "%" has no termination clause with a notice period', c.code USING ERRCODE = '42704';
  END IF;
  RETURN crm_contract.due_before(terminate_on, t, c.calendar, conv);
END $$;
COMMENT ON FUNCTION crm_contract.termination_notice_by(bigint, date) IS
  'the last day to give notice so that a contract ends on terminate_on, by its termination clause (003 §11.2: X days in advance): the last day x whose notice period, counted from x and ended by Civil Code Art. 203 (or as the clause''s convention says), ends by terminate_on';
