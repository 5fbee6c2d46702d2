-- SLA targets: warn_at must not be NULL and has at most 6 decimals (the clock counts
-- shares in millionths); rows restored as dumped keep what 0.2 accepted.
--@replace-function sla_target_check
COMMENT ON COLUMN crm_contract.sla_target.warn_at IS 'warning thresholds as shares of the target, ascending, each above 0 and below 1, at most 6 decimals';
