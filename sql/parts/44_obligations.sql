-------------------------------------------------------------------------------
-- Reporting: open obligations
-------------------------------------------------------------------------------

CREATE VIEW crm_contract.obligations WITH (security_invoker = true) AS
SELECT o.tenant, o.contract_id, o.contract_code, o.kind, o.obligation, o.clause_ref, o.due_on, o.amount_open,
       o.due_on OPERATOR(pg_catalog.-) CURRENT_DATE AS days_left,
       CASE WHEN o.due_on IS NOT NULL THEN GREATEST(CURRENT_DATE OPERATOR(pg_catalog.-) o.due_on, 0) END AS days_late,
       o.calendar, o.due_note, o.due_provisional
FROM (
  SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, 'milestone'::text AS kind,
         m.name AS obligation, m.clause_ref, m.due_on, NULL::numeric AS amount_open, c.calendar, m.due_note,
         m.due_provisional
    FROM crm_contract.milestone m
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) m.contract_id
   WHERE m.completed_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment',
         CASE WHEN i.every IS NULL THEN i.name ELSE i.name OPERATOR(pg_catalog.||) ' #' OPERATOR(pg_catalog.||) o.seq END,
         i.clause_ref, o.due_on, o.amount OPERATOR(pg_catalog.-) coalesce(p.paid, 0), c.calendar, NULL,
         o.due_provisional
    FROM crm_contract.installment_due o
    JOIN crm_contract.installment i ON i.id OPERATOR(pg_catalog.=) o.installment_id
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id
    LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS paid FROM crm_contract.payment x
                        WHERE x.installment_due_id OPERATOR(pg_catalog.=) o.id) p ON true
   WHERE o.amount OPERATOR(pg_catalog.>) coalesce(p.paid, 0) AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment', i.name, i.clause_ref, NULL, NULL, c.calendar, i.due_note,
         i.due_provisional
    FROM crm_contract.installment i
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id
   WHERE i.due_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'change_request', r.ref, k.ref, r.due_on, NULL, c.calendar, r.due_note,
         r.due_provisional
    FROM crm_contract.change_request r
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) r.contract_id
    LEFT JOIN LATERAL (SELECT k.ref FROM crm_contract.clause k
                        WHERE k.contract_id OPERATOR(pg_catalog.=) c.id AND k.kind OPERATOR(pg_catalog.=) 'change_request'
                        ORDER BY k.ref LIMIT 1) k ON true
   WHERE r.answered_on IS NULL
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'renewal_notice', 'renewal intent before ' OPERATOR(pg_catalog.||) c.effective_to, k.ref,
         n.due_on, NULL, c.calendar,
         CASE WHEN n.due_on IS NULL THEN pg_catalog.format('unknown until calendar "%s" has the holidays of %s', c.calendar,
                                                           pg_catalog.date_part('year', c.effective_to)) END,
         false
    FROM crm_contract.clause k
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) k.contract_id
    CROSS JOIN LATERAL (SELECT crm_contract.try_due_before(c.effective_to, k.term, c.calendar, k.convention) AS due_on) n
   WHERE k.kind OPERATOR(pg_catalog.=) 'renewal' AND c.effective_to IS NOT NULL
     AND c.status OPERATOR(pg_catalog.=) ANY ('{signed,active}')
) o;
COMMENT ON VIEW crm_contract.obligations IS
  'every open obligation: uncompleted milestones, unpaid installment occurrences, unanswered change requests, renewal notices; with due date, days left (negative when late), days late, and whether the due date is provisional (computed on the calendar''s forecast)';

CREATE FUNCTION crm_contract.due_within(n integer, as_of date DEFAULT CURRENT_DATE)
RETURNS SETOF crm_contract.obligations
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT o.* FROM crm_contract.obligations o
   WHERE o.due_on >= as_of
     AND o.due_on <= crm_contract.add_working_days(as_of, n, o.calendar)
   ORDER BY o.due_on, o.contract_code, o.obligation
$$;
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
  SELECT k.term, k.convention INTO t, conv FROM crm_contract.clause k
   WHERE k.contract_id = termination_notice_by.contract_id AND k.tenant = c.tenant AND k.kind = 'termination'
   ORDER BY k.ref LIMIT 1;
  IF t IS NULL THEN
    RAISE EXCEPTION 'contract "%" has no termination clause with a notice period', c.code USING ERRCODE = '42704';
  END IF;
  RETURN crm_contract.due_before(terminate_on, t, c.calendar, conv);
END $$;
COMMENT ON FUNCTION crm_contract.termination_notice_by(bigint, date) IS
  'the last day to give notice so that a contract ends on terminate_on, by its termination clause (003 §11.2: X days in advance): the last day x whose notice period, counted from x and ended by Civil Code Art. 203 (or as the clause''s convention says), ends by terminate_on';
