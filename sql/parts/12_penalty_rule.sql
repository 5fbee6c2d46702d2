-------------------------------------------------------------------------------
-- The penalty_rule type: how a 违约金 or 滞纳金 accrues
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.penalty_rule;

CREATE FUNCTION crm_contract.penalty_rule_in(cstring) RETURNS crm_contract.penalty_rule
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.penalty_rule_out(crm_contract.penalty_rule) RETURNS cstring
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.penalty_rule_recv(internal) RETURNS crm_contract.penalty_rule
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.penalty_rule_send(crm_contract.penalty_rule) RETURNS bytea
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE crm_contract.penalty_rule (
  INPUT = crm_contract.penalty_rule_in,
  OUTPUT = crm_contract.penalty_rule_out,
  RECEIVE = crm_contract.penalty_rule_recv,
  SEND = crm_contract.penalty_rule_send,
  INTERNALLENGTH = 40,
  ALIGNMENT = double,
  STORAGE = plain
);
COMMENT ON TYPE crm_contract.penalty_rule IS
  'how a penalty (违约金) or late fee (滞纳金) accrues: a rate (1%, 万分之五, LPR×1.5), a basis (total, overdue, undelivered), a period (once, per day, per working day, per week/month/year) and options (grace, cap, min, compound, floating)';
COMMENT ON FUNCTION crm_contract.penalty_rule_in(cstring) IS 'text input of penalty_rule, English or Chinese';
COMMENT ON FUNCTION crm_contract.penalty_rule_out(crm_contract.penalty_rule) IS 'canonical English output of penalty_rule';
COMMENT ON FUNCTION crm_contract.penalty_rule_recv(internal) IS 'binary input of penalty_rule';
COMMENT ON FUNCTION crm_contract.penalty_rule_send(crm_contract.penalty_rule) IS 'binary output of penalty_rule';

CREATE FUNCTION crm_contract.penalty_rule_eq(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION crm_contract.penalty_rule_ne(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION crm_contract.penalty_rule_hash(crm_contract.penalty_rule) RETURNS integer
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.penalty_rule_eq(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'rules equal in every part';
COMMENT ON FUNCTION crm_contract.penalty_rule_ne(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'rules differing in some part';
COMMENT ON FUNCTION crm_contract.penalty_rule_hash(crm_contract.penalty_rule) IS 'hash support for penalty_rule';

CREATE OPERATOR crm_contract.= (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule,
  FUNCTION = crm_contract.penalty_rule_eq,
  COMMUTATOR = OPERATOR(crm_contract.=), NEGATOR = OPERATOR(crm_contract.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR crm_contract.<> (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule,
  FUNCTION = crm_contract.penalty_rule_ne,
  COMMUTATOR = OPERATOR(crm_contract.<>), NEGATOR = OPERATOR(crm_contract.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR crm_contract.= (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'same rule';
COMMENT ON OPERATOR crm_contract.<> (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'different rules';
CREATE OPERATOR CLASS crm_contract.penalty_rule_hash_ops
  DEFAULT FOR TYPE crm_contract.penalty_rule USING hash AS
    OPERATOR 1 crm_contract.= (crm_contract.penalty_rule, crm_contract.penalty_rule),
    FUNCTION 1 crm_contract.penalty_rule_hash(crm_contract.penalty_rule);

-- A btree order, so that rules can be sorted, grouped, made DISTINCT and indexed.
-- It has no legal meaning (a smaller rule is not a milder one across bases or periods).
CREATE FUNCTION crm_contract.penalty_rule_cmp(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS integer
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION crm_contract.penalty_rule_cmp(crm_contract.penalty_rule, crm_contract.penalty_rule) IS
  'btree support for penalty_rule: by basis, period, fixed rates before LPR rules, rate, then options; consistent with =, no legal meaning';
CREATE FUNCTION crm_contract.penalty_rule_lt(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION crm_contract.penalty_rule_lt(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'penalty_rule_cmp < 0';
CREATE FUNCTION crm_contract.penalty_rule_le(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION crm_contract.penalty_rule_le(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'penalty_rule_cmp <= 0';
CREATE FUNCTION crm_contract.penalty_rule_gt(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION crm_contract.penalty_rule_gt(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'penalty_rule_cmp > 0';
CREATE FUNCTION crm_contract.penalty_rule_ge(crm_contract.penalty_rule, crm_contract.penalty_rule) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_penalty_rule_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION crm_contract.penalty_rule_ge(crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'penalty_rule_cmp >= 0';

CREATE OPERATOR crm_contract.< (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule, FUNCTION = crm_contract.penalty_rule_lt,
  COMMUTATOR = OPERATOR(crm_contract.>), NEGATOR = OPERATOR(crm_contract.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR crm_contract.<= (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule, FUNCTION = crm_contract.penalty_rule_le,
  COMMUTATOR = OPERATOR(crm_contract.>=), NEGATOR = OPERATOR(crm_contract.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR crm_contract.> (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule, FUNCTION = crm_contract.penalty_rule_gt,
  COMMUTATOR = OPERATOR(crm_contract.<), NEGATOR = OPERATOR(crm_contract.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR crm_contract.>= (
  LEFTARG = crm_contract.penalty_rule, RIGHTARG = crm_contract.penalty_rule, FUNCTION = crm_contract.penalty_rule_ge,
  COMMUTATOR = OPERATOR(crm_contract.<=), NEGATOR = OPERATOR(crm_contract.<), RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR crm_contract.< (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'sorts before (penalty_rule_cmp)';
COMMENT ON OPERATOR crm_contract.<= (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'sorts before or equal (penalty_rule_cmp)';
COMMENT ON OPERATOR crm_contract.> (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'sorts after (penalty_rule_cmp)';
COMMENT ON OPERATOR crm_contract.>= (crm_contract.penalty_rule, crm_contract.penalty_rule) IS 'sorts after or equal (penalty_rule_cmp)';
CREATE OPERATOR CLASS crm_contract.penalty_rule_btree_ops
  DEFAULT FOR TYPE crm_contract.penalty_rule USING btree AS
    OPERATOR 1 crm_contract.< (crm_contract.penalty_rule, crm_contract.penalty_rule),
    OPERATOR 2 crm_contract.<= (crm_contract.penalty_rule, crm_contract.penalty_rule),
    OPERATOR 3 crm_contract.= (crm_contract.penalty_rule, crm_contract.penalty_rule),
    OPERATOR 4 crm_contract.>= (crm_contract.penalty_rule, crm_contract.penalty_rule),
    OPERATOR 5 crm_contract.> (crm_contract.penalty_rule, crm_contract.penalty_rule),
    FUNCTION 1 crm_contract.penalty_rule_cmp(crm_contract.penalty_rule, crm_contract.penalty_rule);
