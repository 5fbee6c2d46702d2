-------------------------------------------------------------------------------
-- Privileges: what every role may read and run
-------------------------------------------------------------------------------

-- Calendars are reference data: every role may compute with them (the C
-- functions read them with the caller's rights); only their owner edits them.
GRANT USAGE ON SCHEMA crm_contract TO PUBLIC;
GRANT SELECT ON crm_contract.calendar, crm_contract.calendar_hours,
  crm_contract.calendar_exception, crm_contract.calendar_exception_hours,
  crm_contract.calendar_forecast, crm_contract.cn_lunar_date TO PUBLIC;
-- Each role reads its own tenant memberships (row-level security on tenant_member).
GRANT SELECT ON crm_contract.tenant_member TO PUBLIC;
-- The views run with the caller's rights (security_invoker): table privileges and
-- row-level security still decide what each role sees (the SLA views need SELECT on
-- sla_event and on the ticket tables, see doc/operations.md).
GRANT SELECT ON crm_contract.obligations, crm_contract.obligations_accrued, crm_contract.sla_ticket_tables,
  crm_contract.sla_compliance, crm_contract.sla_credits, crm_contract.sla_at_risk TO PUBLIC;
-- The LPR series is reference data like the calendars.
GRANT SELECT ON crm_contract.lpr TO PUBLIC;

-- Administrative and internal functions are not for PUBLIC: the extension's own
-- trigger functions (a trigger runs its function without an EXECUTE check, so
-- revoking costs the tables nothing), and the functions that recompute or sweep in
-- bulk or copy calendars: grant them to the roles that administer crm_contract.
-- sla_deadlines() stays executable: users attach it to their own ticket tables.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = 'crm_contract'::regnamespace
              AND ((p.prorettype = 'trigger'::regtype AND p.proname <> 'sla_deadlines')
                   OR p.proname IN ('copy_calendar', 'recompute_due_dates', 'sla_recompute', 'sla_sweep', 'load_holiday_notice', 'lock_calendar_for_load'))
            ORDER BY 1 LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;
