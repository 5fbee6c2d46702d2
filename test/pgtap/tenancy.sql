-- Row-level security by tenant: a role of tenant A sees and writes nothing of
-- tenant B, on every contract table, with FORCE ROW LEVEL SECURITY.
BEGIN;
SELECT plan(41);

SELECT ok(bool_and(c.relrowsecurity AND c.relforcerowsecurity),
          'every contract table has row-level security enabled and forced')
  FROM pg_class c WHERE c.oid = ANY (ARRAY['crm_contract.contract', 'crm_contract.party', 'crm_contract.clause',
    'crm_contract.milestone', 'crm_contract.installment', 'crm_contract.installment_due', 'crm_contract.payment',
    'crm_contract.change_request', 'crm_contract.force_majeure', 'crm_contract.sla_target',
    'crm_contract.sla_event']::regclass[]);

CREATE ROLE crm_tap_a;
CREATE ROLE crm_tap_b;
CREATE ROLE crm_tap_nobody;
CREATE ROLE crm_tap_both;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_contract.contract, crm_contract.party, crm_contract.clause,
  crm_contract.milestone, crm_contract.installment, crm_contract.installment_due, crm_contract.payment,
  crm_contract.change_request, crm_contract.sla_target, crm_contract.force_majeure TO crm_tap_a, crm_tap_b, crm_tap_nobody, crm_tap_both;
-- readers of the SLA log; writing tickets needs no privilege on it
GRANT SELECT ON crm_contract.sla_event TO crm_tap_a, crm_tap_b, crm_tap_nobody, crm_tap_both;
-- a ticket table shared by both tenants: the SLA log keeps each ticket's events in its contract's tenant
CREATE TABLE public.tap_ticket (id bigserial PRIMARY KEY, contract_id bigint, priority text, status text,
  opened_at timestamptz, first_response_at timestamptz, response_due timestamptz, sla_alerts integer);
CREATE TRIGGER sla BEFORE INSERT OR UPDATE ON public.tap_ticket FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_deadlines();
GRANT SELECT, INSERT, UPDATE ON public.tap_ticket TO crm_tap_a, crm_tap_b;
GRANT USAGE ON SEQUENCE public.tap_ticket_id_seq TO crm_tap_a, crm_tap_b;
INSERT INTO crm_contract.tenant_member VALUES ('crm_tap_a', 'A'), ('crm_tap_b', 'B'), ('crm_tap_both', 'A'), ('crm_tap_both', 'B');

-- Tenant A writes a contract with its schedule.
SET ROLE crm_tap_a;
SELECT is(crm_contract.current_tenant(), 'A', 'a member of one tenant works in it');
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount, signed_on, status)
  VALUES ('A-1', 'implementation', 'A contract', 'client A', 'vendor', 1000.00, '2025-09-26', 'signed');
INSERT INTO crm_contract.milestone (contract_id, name, within) SELECT id, 'start', '10 working days' FROM crm_contract.contract;
INSERT INTO crm_contract.installment (contract_id, name, share, within) SELECT id, 'half', 0.5, '10 working days' FROM crm_contract.contract;
INSERT INTO crm_contract.clause (contract_id, kind, ref, term) SELECT id, 'change_request', '11.2', '10 working days' FROM crm_contract.contract;
INSERT INTO crm_contract.change_request (contract_id, ref, received_on) SELECT id, 'CR-A', '2026-09-25' FROM crm_contract.contract;
INSERT INTO crm_contract.party (contract_id, name, role, liability_cap_share) SELECT id, 'agent', 'intermediary', 0.1 FROM crm_contract.contract;
INSERT INTO crm_contract.payment (installment_due_id, paid_on, amount) SELECT id, '2025-10-10', 100.00 FROM crm_contract.installment_due;
SELECT is((SELECT due_on FROM crm_contract.milestone WHERE name = 'start'), '2025-10-16'::date, 'triggers compute inside the tenant');
SELECT is((SELECT tenant FROM crm_contract.contract), 'A', 'the tenant column defaults to the role''s tenant');
SELECT is((SELECT count(*)::int FROM crm_contract.obligations), 3, 'tenant A sees its open obligations');
INSERT INTO crm_contract.sla_target (contract_id, priority, metric, target) SELECT id, 'P1', 'response', '2 working hours' FROM crm_contract.contract;
INSERT INTO public.tap_ticket (contract_id, priority, opened_at) SELECT id, 'P1', '2026-10-09 09:00+08' FROM crm_contract.contract;
UPDATE public.tap_ticket SET first_response_at = '2026-10-09 10:00+08';
SELECT is((SELECT string_agg(kind::text || '/' || tenant, ',' ORDER BY id) FROM crm_contract.sla_event), 'started/A,met/A',
  'the SLA trigger logs A''s ticket in tenant A');

-- Tenant B sees nothing of A, on any table or view.
INSERT INTO crm_contract.force_majeure (contract_id, from_day, to_day, description) SELECT id, '2025-10-20', '2025-10-21', 'typhoon' FROM crm_contract.contract;
RESET ROLE;

-- Every table that holds tenant rows, found from the catalog (a table added later is
-- covered without editing this file): row-level security forced, and A has rows in it.
CREATE TEMP TABLE tenant_tables AS
SELECT c.oid::regclass AS rel FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped
 WHERE c.relnamespace = 'crm_contract'::regnamespace AND c.relkind = 'r' AND c.relname <> 'tenant_member';
GRANT SELECT ON tenant_tables TO PUBLIC;
CREATE FUNCTION pg_temp.tenant_rows(t regclass, tenant text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM %s WHERE tenant = $1', t) INTO n USING tenant;
  RETURN n;
END $$;
SELECT is_empty($$ SELECT t.rel::text FROM tenant_tables t JOIN pg_class c ON c.oid = t.rel
                    WHERE NOT (c.relrowsecurity AND c.relforcerowsecurity) $$,
  'every table with a tenant column has row-level security enabled and forced');
SELECT is_empty($$ SELECT rel::text FROM tenant_tables WHERE pg_temp.tenant_rows(rel, 'A') = 0 $$,
  'tenant A has rows in every tenant table (so the next check is not empty by accident)');
DO $$ DECLARE t regclass; BEGIN
  FOR t IN SELECT rel FROM tenant_tables LOOP EXECUTE format('GRANT SELECT ON %s TO crm_tap_b', t); END LOOP;
END $$;

SET ROLE crm_tap_b;
SELECT is_empty($$ SELECT rel::text FROM tenant_tables WHERE pg_temp.tenant_rows(rel, 'A') > 0 $$,
  'B sees no row of A in any tenant table');
SELECT is(crm_contract.current_tenant(), 'B', 'tenant B');
SELECT is_empty('SELECT * FROM crm_contract.contract', 'B sees no contract of A');
SELECT is_empty('SELECT * FROM crm_contract.party', 'B sees no party of A');
SELECT is_empty('SELECT * FROM crm_contract.clause', 'B sees no clause of A');
SELECT is_empty('SELECT * FROM crm_contract.milestone', 'B sees no milestone of A');
SELECT is_empty('SELECT * FROM crm_contract.installment', 'B sees no installment of A');
SELECT is_empty('SELECT * FROM crm_contract.installment_due', 'B sees no installment occurrence of A');
SELECT is_empty('SELECT * FROM crm_contract.payment', 'B sees no payment of A');
SELECT is_empty('SELECT * FROM crm_contract.change_request', 'B sees no change request of A');
SELECT is_empty('SELECT * FROM crm_contract.obligations', 'B sees no obligation of A');
SELECT is_empty('SELECT * FROM crm_contract.due_within(1000, ''2025-01-01'')', 'due_within shows B nothing of A');
SELECT is_empty('SELECT * FROM crm_contract.sla_event', 'B sees no SLA event of A');
-- B files a ticket on A's contract (the ticket table is shared, the contract is not)
INSERT INTO public.tap_ticket (contract_id, priority, opened_at)
  SELECT contract_id, 'P1', '2026-10-09 09:00+08' FROM public.tap_ticket ORDER BY id LIMIT 1;
SELECT is((SELECT count(*)::int || '/' || count(response_due) FROM public.tap_ticket WHERE id > (SELECT min(id) FROM public.tap_ticket)), '1/0',
  'the SLA targets A''s trigger cached in this session are not used for B');
SELECT is_empty('SELECT * FROM crm_contract.sla_target', 'B sees no SLA target of A');
SELECT throws_ok($$INSERT INTO crm_contract.sla_event (tenant, ticket_table, ticket, contract_id, kind, at)
                   VALUES ('A', 'public.tap_ticket', '1', 1, 'breached', now())$$, '42501', NULL,
  'B cannot forge an SLA event of A');

-- ... and writes nothing of A.
SELECT is_empty($$UPDATE crm_contract.contract SET title = 'hijacked' RETURNING id$$, 'B cannot update A''s contract');
SELECT is_empty($$DELETE FROM crm_contract.milestone RETURNING id$$, 'B cannot delete A''s milestones');
SELECT throws_ok($$INSERT INTO crm_contract.contract (tenant, code, kind, title, client, vendor, total_amount)
                   VALUES ('A', 'B-in-A', 'service', 't', 'c', 'v', 1)$$, '42501', NULL,
  'B cannot insert a contract into tenant A');
SELECT lives_ok($$INSERT INTO crm_contract.milestone (contract_id, name)
                  SELECT id, 'x' FROM crm_contract.contract WHERE code = 'A-1'$$,
  'B finds no contract of A to attach rows to');
SELECT is((SELECT count(*)::int FROM crm_contract.milestone), 0, '... nothing was written');
SELECT throws_ok($$INSERT INTO crm_contract.milestone (tenant, contract_id, name) VALUES ('B', 1, 'x')$$, '23503', NULL,
  'B cannot point a row of its own at A''s contract');
INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount)
  VALUES ('A-1', 'service', 'B has its own A-1', 'c', 'v', 5);
SELECT is((SELECT count(*)::int FROM crm_contract.contract), 1, 'codes are unique per tenant: B has its own A-1');
SELECT throws_ok($$UPDATE crm_contract.contract SET tenant = 'A'$$, '42501', NULL, 'B cannot move its contract to A');

-- A role with no tenant sees and writes nothing.
SET ROLE crm_tap_nobody;
SELECT is(crm_contract.current_tenant(), NULL, 'a role of no tenant has none');
SELECT is_empty('SELECT * FROM crm_contract.contract', 'a role of no tenant sees nothing');
SELECT throws_ok($$INSERT INTO crm_contract.contract (code, kind, title, client, vendor, total_amount)
                   VALUES ('N-1', 'service', 't', 'c', 'v', 1)$$, '42501', NULL, 'a role of no tenant cannot insert');

-- A role of two tenants chooses one with SET crm_contract.tenant, and only among its own.
SET ROLE crm_tap_both;
SELECT is(crm_contract.current_tenant(), NULL, 'a member of two tenants must choose');
SET crm_contract.tenant = 'B';
SELECT is((SELECT string_agg(title, ',') FROM crm_contract.contract), 'B has its own A-1', 'choosing B shows B only');
SET crm_contract.tenant = 'A';
SELECT is((SELECT string_agg(title, ',') FROM crm_contract.contract), 'A contract', 'choosing A shows A only');
SET crm_contract.tenant = 'C';
SELECT is_empty('SELECT * FROM crm_contract.contract', 'a tenant the role does not belong to shows nothing');
RESET crm_contract.tenant;

-- Back in A: everything of A is intact.
SET ROLE crm_tap_a;
SELECT is((SELECT title FROM crm_contract.contract), 'A contract', 'A''s contract is untouched');
SELECT is((SELECT count(*)::int FROM crm_contract.milestone), 1, 'A''s milestone is still there');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
