
-- Scale-out on Citus (issue 12): crm_contract.distribute()
--@replace-function distribute
REVOKE EXECUTE ON FUNCTION crm_contract.distribute() FROM PUBLIC;
-- the checks of calendar hours lock the calendar row on the node of the placement they fire on
--@replace-function calendar_hours_check
--@replace-function calendar_exception_hours_check
