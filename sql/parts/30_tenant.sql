-------------------------------------------------------------------------------
-- Tenants: which role works for which tenant (row-level security on contracts)
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.tenant_member (
  member text NOT NULL,
  tenant text NOT NULL,
  PRIMARY KEY (member, tenant),
  CONSTRAINT tenant_member_tenant_check CHECK (tenant OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE crm_contract.tenant_member IS
  'roles (by name) and the tenants whose contracts they may see and write; a role sees its own rows here';
ALTER TABLE crm_contract.tenant_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_member_own ON crm_contract.tenant_member
  USING (member OPERATOR(pg_catalog.=) CURRENT_USER);

CREATE FUNCTION crm_contract.current_tenant() RETURNS text
  AS 'MODULE_PATHNAME', 'crm_current_tenant' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.current_tenant() IS
  'the tenant of the current role: the one chosen with SET crm_contract.tenant among its memberships, else its only one, else NULL; read once per statement';

SELECT pg_catalog.pg_extension_config_dump('crm_contract.tenant_member', '');
