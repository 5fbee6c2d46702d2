-- The database of the client suites (test/clients/run.sh runs this as the
-- superuser in crm_clients, which crm_app owns): the extension, and crm_app, a
-- tenant's application role as the README's Tenants section sets one up, with
-- the tables an application writes and reads, SLA targets and events and force
-- majeure periods included.
CREATE EXTENSION crm_contract;
INSERT INTO crm_contract.tenant_member (member, tenant) VALUES ('crm_app', 'acme');
GRANT SELECT, INSERT, UPDATE, DELETE ON crm_contract.contract, crm_contract.party, crm_contract.clause,
  crm_contract.milestone, crm_contract.installment, crm_contract.installment_due, crm_contract.payment,
  crm_contract.change_request, crm_contract.force_majeure, crm_contract.sla_target TO crm_app;
GRANT SELECT ON crm_contract.sla_event TO crm_app;   -- to read alerts back; the trigger and sweep write it themselves
GRANT EXECUTE ON FUNCTION crm_contract.sla_sweep(regclass, timestamptz) TO crm_app;
