-- Loading a year from the State Council's notice (not for PUBLIC).
--@replace-function lock_calendar_for_load
--@replace-function load_holiday_notice
REVOKE EXECUTE ON FUNCTION crm_contract.load_holiday_notice(text, text, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION crm_contract.lock_calendar_for_load(text) FROM PUBLIC;
