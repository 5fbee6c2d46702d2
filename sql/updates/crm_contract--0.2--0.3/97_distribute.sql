
-- Scale-out on Citus (issue 12): crm_contract.distribute()
--@replace-function distribute
REVOKE EXECUTE ON FUNCTION crm_contract.distribute() FROM PUBLIC;
