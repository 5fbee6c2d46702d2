
-- Periods end by Civil Code Art. 203 unless the parties agreed otherwise (Art. 204):
-- the convention type and the due functions that take it.
--@statement CREATE TYPE crm_contract.due_convention AS ENUM
--@statement COMMENT ON TYPE crm_contract.due_convention IS
--@replace-function due
--@replace-function due_before
--@replace-function try_due
--@replace-function try_due_before
