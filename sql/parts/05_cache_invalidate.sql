-------------------------------------------------------------------------------
-- Backend caches: calendars, the LPR series and SLA targets are compiled into
-- per-session memory; a statement trigger on every table they are built from
-- drops them in every session when a change commits (and in the writing
-- session at once).
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.cache_invalidate() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_cache_invalidate' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.cache_invalidate() IS
  'statement trigger: what sessions compiled from this table (calendars, the LPR series, SLA targets) is dropped in every session at commit';
