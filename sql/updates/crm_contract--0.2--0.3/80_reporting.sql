
-- Views for reporting tools.
--@statement CREATE VIEW crm_contract.obligations_accrued WITH
--@statement COMMENT ON VIEW crm_contract.obligations_accrued IS
GRANT SELECT ON crm_contract.obligations_accrued TO PUBLIC;
