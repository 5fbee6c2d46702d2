-------------------------------------------------------------------------------
-- The term type: a contractual duration such as '10 working days' or '10个工作日'
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.term;

CREATE FUNCTION crm_contract.term_in(cstring) RETURNS crm_contract.term
  AS 'MODULE_PATHNAME', 'crm_term_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.term_out(crm_contract.term) RETURNS cstring
  AS 'MODULE_PATHNAME', 'crm_term_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.term_recv(internal) RETURNS crm_contract.term
  AS 'MODULE_PATHNAME', 'crm_term_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.term_send(crm_contract.term) RETURNS bytea
  AS 'MODULE_PATHNAME', 'crm_term_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE crm_contract.term (
  INPUT = crm_contract.term_in,
  OUTPUT = crm_contract.term_out,
  RECEIVE = crm_contract.term_recv,
  SEND = crm_contract.term_send,
  INTERNALLENGTH = 8,
  PASSEDBYVALUE,
  ALIGNMENT = double,
  STORAGE = plain
);
COMMENT ON TYPE crm_contract.term IS
  'contractual duration: a positive number of minutes, hours, days, weeks, months, years, or working minutes, hours, days; English or Chinese input (10 working days, 10个工作日), canonical English output';

CREATE FUNCTION crm_contract.term_eq(crm_contract.term, crm_contract.term) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_term_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION crm_contract.term_ne(crm_contract.term, crm_contract.term) RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_term_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION crm_contract.term_hash(crm_contract.term) RETURNS integer
  AS 'MODULE_PATHNAME', 'crm_term_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION crm_contract.term_hash_extended(crm_contract.term, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_term_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.term_eq(crm_contract.term, crm_contract.term) IS 'terms are equal when quantity and unit are (1 week <> 7 days)';
COMMENT ON FUNCTION crm_contract.term_ne(crm_contract.term, crm_contract.term) IS 'terms differ in quantity or unit';
COMMENT ON FUNCTION crm_contract.term_hash(crm_contract.term) IS 'hash support for term (hash joins, grouping)';
COMMENT ON FUNCTION crm_contract.term_hash_extended(crm_contract.term, bigint) IS 'seeded hash support for term';
COMMENT ON FUNCTION crm_contract.term_in(cstring) IS 'text input of term';
COMMENT ON FUNCTION crm_contract.term_out(crm_contract.term) IS 'canonical English output of term';
COMMENT ON FUNCTION crm_contract.term_recv(internal) IS 'binary input of term';
COMMENT ON FUNCTION crm_contract.term_send(crm_contract.term) IS 'binary output of term';

CREATE OPERATOR crm_contract.= (
  LEFTARG = crm_contract.term, RIGHTARG = crm_contract.term,
  FUNCTION = crm_contract.term_eq,
  COMMUTATOR = OPERATOR(crm_contract.=), NEGATOR = OPERATOR(crm_contract.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR crm_contract.<> (
  LEFTARG = crm_contract.term, RIGHTARG = crm_contract.term,
  FUNCTION = crm_contract.term_ne,
  COMMUTATOR = OPERATOR(crm_contract.<>), NEGATOR = OPERATOR(crm_contract.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR crm_contract.= (crm_contract.term, crm_contract.term) IS 'same quantity and unit';
COMMENT ON OPERATOR crm_contract.<> (crm_contract.term, crm_contract.term) IS 'different quantity or unit';

CREATE OPERATOR CLASS crm_contract.term_hash_ops
  DEFAULT FOR TYPE crm_contract.term USING hash AS
    OPERATOR 1 crm_contract.= (crm_contract.term, crm_contract.term),
    FUNCTION 1 crm_contract.term_hash(crm_contract.term),
    FUNCTION 2 crm_contract.term_hash_extended(crm_contract.term, bigint);

CREATE FUNCTION crm_contract.term(quantity integer, unit text) RETURNS crm_contract.term
  AS 'MODULE_PATHNAME', 'crm_term_make' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.term(integer, text) IS
  'build a term from a quantity and a unit name in any accepted form: term(10, ''working days''), term(10, ''个工作日'')';

CREATE FUNCTION crm_contract.term_quantity(t crm_contract.term) RETURNS integer
  AS 'MODULE_PATHNAME', 'crm_term_quantity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.term_quantity(crm_contract.term) IS 'the number of units of a term: 10 for ''10 working days''';

CREATE FUNCTION crm_contract.term_unit(t crm_contract.term) RETURNS text
  AS 'MODULE_PATHNAME', 'crm_term_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.term_unit(crm_contract.term) IS
  'the unit of a term in canonical plural English: minutes, hours, days, weeks, months, years, working minutes, working hours, working days';
