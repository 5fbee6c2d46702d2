-- Decoys an attacker with CREATE on public could plant before crm_contract is
-- installed: functions, aggregates and operators with the names and argument
-- types the extension uses, each returning something wrong.  With public ahead
-- of pg_catalog in search_path, any unqualified reference in the extension's SQL,
-- PL/pgSQL or SPI queries would pick them up.
SET client_min_messages = warning;
CREATE FUNCTION public.now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT '1999-12-31 00:00+00'::pg_catalog.timestamptz $$;
CREATE FUNCTION public.statement_timestamp() RETURNS timestamptz LANGUAGE sql AS $$ SELECT '1999-12-31 00:00+00'::pg_catalog.timestamptz $$;
CREATE FUNCTION public.current_setting(text) RETURNS text LANGUAGE sql AS $$ SELECT 'off'::pg_catalog.text $$;
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'decoy'::pg_catalog.text $$;
CREATE FUNCTION public.upper(text) RETURNS text LANGUAGE sql AS $$ SELECT 'DECOY'::pg_catalog.text $$;
CREATE FUNCTION public.length(text) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION public.round(numeric, integer) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::pg_catalog.numeric $$;
CREATE FUNCTION public.round(numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::pg_catalog.numeric $$;
CREATE FUNCTION public.trim_scale(numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::pg_catalog.numeric $$;
CREATE FUNCTION public.date_trunc(text, timestamptz) RETURNS timestamptz LANGUAGE sql AS $$ SELECT '1999-12-31 00:00+00'::pg_catalog.timestamptz $$;
CREATE FUNCTION public.date_trunc(text, timestamp) RETURNS timestamp LANGUAGE sql AS $$ SELECT '1999-12-31 00:00'::pg_catalog.timestamp $$;
CREATE FUNCTION public.array_length(anyarray, integer) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION public.cardinality(anyarray) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE FUNCTION public.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE sql AS $$ SELECT $1[1] WHERE false $$;
CREATE FUNCTION public.current_tenant() RETURNS text LANGUAGE sql AS $$ SELECT 'evil'::pg_catalog.text $$;
CREATE FUNCTION public.decoy_numeric_add(numeric, numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::pg_catalog.numeric $$;
CREATE AGGREGATE public.sum(numeric) (SFUNC = public.decoy_numeric_add, STYPE = numeric, INITCOND = '0');
CREATE FUNCTION public.decoy_date_min(date, date) RETURNS date LANGUAGE sql AS $$ SELECT '1999-01-01'::pg_catalog.date $$;
CREATE AGGREGATE public.min(date) (SFUNC = public.decoy_date_min, STYPE = date);
CREATE AGGREGATE public.max(date) (SFUNC = public.decoy_date_min, STYPE = date);
-- operators
CREATE FUNCTION public.decoy_false(text, text) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.decoy_false);
CREATE FUNCTION public.decoy_false(bigint, bigint) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = public.decoy_false);
CREATE FUNCTION public.decoy_false(integer, integer) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR public.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.decoy_false);
CREATE FUNCTION public.decoy_false(bigint, integer) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR public.= (LEFTARG = bigint, RIGHTARG = integer, FUNCTION = public.decoy_false);
CREATE FUNCTION public.decoy_false(date, date) RETURNS boolean LANGUAGE sql AS $$ SELECT false $$;
CREATE OPERATOR public.= (LEFTARG = date, RIGHTARG = date, FUNCTION = public.decoy_false);
CREATE OPERATOR public.< (LEFTARG = date, RIGHTARG = date, FUNCTION = public.decoy_false);
CREATE FUNCTION public.decoy_true(timestamptz, timestamptz) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR public.<= (LEFTARG = timestamptz, RIGHTARG = timestamptz, FUNCTION = public.decoy_true);
CREATE OPERATOR public.> (LEFTARG = timestamptz, RIGHTARG = timestamptz, FUNCTION = public.decoy_true);
CREATE FUNCTION public.decoy_date_plus(date, integer) RETURNS date LANGUAGE sql AS $$ SELECT '1999-01-01'::pg_catalog.date $$;
CREATE OPERATOR public.+ (LEFTARG = date, RIGHTARG = integer, FUNCTION = public.decoy_date_plus);
CREATE FUNCTION public.decoy_date_minus(date, date) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE OPERATOR public.- (LEFTARG = date, RIGHTARG = date, FUNCTION = public.decoy_date_minus);
CREATE FUNCTION public.decoy_numeric_mul(numeric, numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT 0::pg_catalog.numeric $$;
CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = public.decoy_numeric_mul);
CREATE OPERATOR public.+ (LEFTARG = numeric, RIGHTARG = numeric, FUNCTION = public.decoy_numeric_add);
CREATE FUNCTION public.decoy_concat(text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'decoy'::pg_catalog.text $$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = public.decoy_concat);
