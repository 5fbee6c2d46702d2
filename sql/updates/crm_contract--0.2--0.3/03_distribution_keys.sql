
-- Keys for a distributed database (issue 12): the tenant is part of every unique key of
-- the tenant tables, and (id, tenant) is a key beside the primary key (id), which stays
-- (ids remain unique across tenants, and a user's foreign keys on it survive); the
-- foreign keys that include the tenant no longer cascade updates (a milestone's rename is carried by the trigger milestone_renamed, created
-- with the schedule's functions below), and the row-level security policies call
-- current_tenant() without a subquery.  The stored rows do not change: every id was
-- unique already, and so is every key that now has the tenant added.
DO $$
DECLARE
  k record;
BEGIN
  -- the foreign keys between tenant tables first: they hang on the keys replaced below
  FOR k IN SELECT c.conrelid::regclass AS rel, c.conname
             FROM pg_catalog.pg_constraint c
            WHERE c.connamespace = 'crm_contract'::regnamespace AND c.contype = 'f'
              AND c.confrelid IN ('crm_contract.contract'::regclass, 'crm_contract.milestone'::regclass,
                                  'crm_contract.installment'::regclass, 'crm_contract.installment_due'::regclass)
            ORDER BY 1, 2 LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.rel, k.conname);
  END LOOP;
  FOR k IN SELECT c.conrelid::regclass AS rel, c.conname
             FROM pg_catalog.pg_constraint c
            WHERE c.connamespace = 'crm_contract'::regnamespace AND c.contype IN ('p', 'u')
              AND c.conrelid IN ('crm_contract.contract'::regclass, 'crm_contract.party'::regclass,
                                 'crm_contract.clause'::regclass, 'crm_contract.milestone'::regclass,
                                 'crm_contract.installment'::regclass, 'crm_contract.installment_due'::regclass,
                                 'crm_contract.payment'::regclass, 'crm_contract.change_request'::regclass,
                                 'crm_contract.force_majeure'::regclass, 'crm_contract.sla_target'::regclass,
                                 'crm_contract.sla_event'::regclass)
              AND c.conname <> 'contract_tenant_code_key' AND c.contype <> 'p'
            ORDER BY 1, 2 LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.rel, k.conname);
  END LOOP;
END $$;
ALTER TABLE crm_contract.contract ADD CONSTRAINT contract_id_tenant_key UNIQUE (id, tenant);
ALTER TABLE crm_contract.party ADD CONSTRAINT party_id_tenant_key UNIQUE (id, tenant);
ALTER TABLE crm_contract.clause ADD CONSTRAINT clause_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT clause_contract_id_ref_key UNIQUE (contract_id, ref, tenant);
ALTER TABLE crm_contract.milestone ADD CONSTRAINT milestone_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT milestone_contract_id_name_key UNIQUE (contract_id, name, tenant);
ALTER TABLE crm_contract.installment ADD CONSTRAINT installment_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT installment_contract_id_name_key UNIQUE (contract_id, name, tenant);
ALTER TABLE crm_contract.installment_due ADD CONSTRAINT installment_due_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT installment_due_installment_id_seq_key UNIQUE (installment_id, seq, tenant);
ALTER TABLE crm_contract.payment ADD CONSTRAINT payment_id_tenant_key UNIQUE (id, tenant);
ALTER TABLE crm_contract.change_request ADD CONSTRAINT change_request_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT change_request_contract_id_ref_key UNIQUE (contract_id, ref, tenant);
ALTER TABLE crm_contract.force_majeure ADD CONSTRAINT force_majeure_id_tenant_key UNIQUE (id, tenant);
ALTER TABLE crm_contract.sla_target ADD CONSTRAINT sla_target_id_tenant_key UNIQUE (id, tenant),
  ADD CONSTRAINT sla_target_contract_id_priority_metric_key UNIQUE (contract_id, priority, metric, tenant);
ALTER TABLE crm_contract.sla_event ADD CONSTRAINT sla_event_id_tenant_key UNIQUE (id, tenant);
ALTER TABLE crm_contract.party ADD CONSTRAINT party_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE;
ALTER TABLE crm_contract.clause ADD CONSTRAINT clause_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE;
ALTER TABLE crm_contract.milestone ADD CONSTRAINT milestone_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE,
  ADD CONSTRAINT milestone_contract_id_anchor_milestone_fkey
  FOREIGN KEY (contract_id, anchor_milestone, tenant) REFERENCES crm_contract.milestone (contract_id, name, tenant);
ALTER TABLE crm_contract.installment ADD CONSTRAINT installment_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE,
  ADD CONSTRAINT installment_contract_id_anchor_milestone_fkey
  FOREIGN KEY (contract_id, anchor_milestone, tenant) REFERENCES crm_contract.milestone (contract_id, name, tenant);
ALTER TABLE crm_contract.installment_due ADD CONSTRAINT installment_due_installment_id_tenant_fkey
  FOREIGN KEY (installment_id, tenant) REFERENCES crm_contract.installment (id, tenant) ON DELETE CASCADE;
ALTER TABLE crm_contract.payment ADD CONSTRAINT payment_installment_due_id_tenant_fkey
  FOREIGN KEY (installment_due_id, tenant) REFERENCES crm_contract.installment_due (id, tenant);
ALTER TABLE crm_contract.change_request ADD CONSTRAINT change_request_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE;
ALTER TABLE crm_contract.force_majeure ADD CONSTRAINT force_majeure_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE;
ALTER TABLE crm_contract.sla_target ADD CONSTRAINT sla_target_contract_id_tenant_fkey
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON DELETE CASCADE;
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN SELECT p.polrelid::regclass FROM pg_catalog.pg_policy p
            WHERE p.polname = 'tenant_isolation'
              AND p.polrelid IN (SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relnamespace = 'crm_contract'::regnamespace)
            ORDER BY 1 LOOP
    EXECUTE pg_catalog.format('ALTER POLICY tenant_isolation ON %s
                                 USING (tenant OPERATOR(pg_catalog.=) crm_contract.current_tenant())
                                 WITH CHECK (tenant OPERATOR(pg_catalog.=) crm_contract.current_tenant())', t);
  END LOOP;
END $$;
