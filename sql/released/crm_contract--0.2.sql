-- crm_contract: contracts, clauses, working calendars, penalties and SLA deadlines.
-- Install script; the Makefile appends sql/data/*.sql and writes crm_contract--<version>.sql.
\echo Use "CREATE EXTENSION crm_contract" to load this file. \quit

COMMENT ON SCHEMA crm_contract IS
  'crm_contract: computable promises of CRM contracts (terms, working calendars, penalties, SLA deadlines)';

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

-------------------------------------------------------------------------------
-- Working calendars
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.day_kind AS ENUM ('holiday', 'working');
COMMENT ON TYPE crm_contract.day_kind IS
  'kind of a dated calendar exception: holiday (no working time) or working (an extra working day, 调休)';

CREATE TABLE crm_contract.calendar (
  name         text PRIMARY KEY,
  time_zone    text NOT NULL,
  covered_from date,
  covered_to   date,
  description  text,
  builtin      boolean NOT NULL DEFAULT false,
  CONSTRAINT calendar_name_check CHECK (name OPERATOR(pg_catalog.<>) '' AND pg_catalog.char_length(name) OPERATOR(pg_catalog.<=) 63),
  CONSTRAINT calendar_covered_check CHECK (covered_from OPERATOR(pg_catalog.<=) covered_to)
);
COMMENT ON TABLE crm_contract.calendar IS
  'working calendars: a time zone, the date range whose holidays are loaded (NULL bound = unbounded) and a description; hours in calendar_hours, holidays and make-up days in calendar_exception';
COMMENT ON COLUMN crm_contract.calendar.name IS 'calendar name, 1 to 63 characters, e.g. CN';
COMMENT ON COLUMN crm_contract.calendar.time_zone IS 'IANA time zone name in which working hours are read, e.g. Asia/Shanghai';
COMMENT ON COLUMN crm_contract.calendar.covered_from IS 'first day whose holidays are loaded; NULL = unbounded';
COMMENT ON COLUMN crm_contract.calendar.covered_to IS 'last day whose holidays are loaded; NULL = unbounded; computing past it fails with SQLSTATE 22008';
COMMENT ON COLUMN crm_contract.calendar.builtin IS 'shipped with the extension; such rows are not dumped by pg_dump (CREATE EXTENSION recreates them)';

CREATE TABLE crm_contract.calendar_hours (
  calendar text NOT NULL REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
  weekday  smallint NOT NULL,
  opens    time NOT NULL,
  closes   time NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, weekday, opens),
  CONSTRAINT calendar_hours_weekday_check CHECK (weekday OPERATOR(pg_catalog.>=) 1 AND weekday OPERATOR(pg_catalog.<=) 7),
  CONSTRAINT calendar_hours_check CHECK (opens OPERATOR(pg_catalog.<) closes)
);
COMMENT ON TABLE crm_contract.calendar_hours IS
  'weekly working hours: any number of non-overlapping intervals per ISO weekday (1 = Monday .. 7 = Sunday); a weekday without rows is not a working day';
COMMENT ON COLUMN crm_contract.calendar_hours.closes IS 'end of the interval, exclusive; 24:00 for the end of the day';

CREATE TABLE crm_contract.calendar_exception (
  calendar text NOT NULL REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE ON DELETE CASCADE,
  day      date NOT NULL,
  kind     crm_contract.day_kind NOT NULL,
  name     text NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day)
);
COMMENT ON TABLE crm_contract.calendar_exception IS
  'dated exceptions: a holiday removes a day''s working time; an extra working day (调休) adds one, with its own hours in calendar_exception_hours or else the usual hours of its weekday (or of the first weekday with hours)';

CREATE TABLE crm_contract.calendar_exception_hours (
  calendar text NOT NULL,
  day      date NOT NULL,
  opens    time NOT NULL,
  closes   time NOT NULL,
  builtin  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day, opens),
  FOREIGN KEY (calendar, day) REFERENCES crm_contract.calendar_exception (calendar, day) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT calendar_exception_hours_check CHECK (opens OPERATOR(pg_catalog.<) closes)
);
COMMENT ON TABLE crm_contract.calendar_exception_hours IS
  'own working hours of an extra working day (kind working); a holiday cannot have hours';

-- Validation on write: what a CHECK constraint cannot see.

CREATE FUNCTION crm_contract.calendar_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.builtin THEN
    IF NEW.name <> OLD.name THEN
      RAISE EXCEPTION 'calendar "%" is shipped with crm_contract and cannot be renamed', OLD.name
        USING ERRCODE = '0A000', HINT = 'Copy it with crm_contract.copy_calendar() and edit the copy.';
    END IF;
    -- an edited shipped row (e.g. covered_to extended) is the user's now: pg_dump keeps it
    NEW.builtin := false;
  ELSIF NEW.builtin THEN
    RAISE EXCEPTION 'calendar "%": builtin is set only by the extension', NEW.name
      USING ERRCODE = '22023';
  END IF;
  PERFORM FROM pg_catalog.pg_timezone_names z WHERE z.name = NEW.time_zone;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'time zone "%" of calendar "%" is not recognized', NEW.time_zone, NEW.name
      USING ERRCODE = '22023', HINT = 'Use an IANA time zone name such as Asia/Shanghai or UTC (see pg_timezone_names).';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_check() IS 'trigger: validates a calendar row (time zone, builtin flag)';

-- Restoring a dump re-inserts a user-edited copy of a shipped calendar row:
-- update the shipped row instead of failing on the duplicate name.
CREATE FUNCTION crm_contract.calendar_merge_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM crm_contract.calendar c WHERE c.name = NEW.name AND c.builtin) THEN
    UPDATE crm_contract.calendar c
       SET time_zone = NEW.time_zone, covered_from = NEW.covered_from,
           covered_to = NEW.covered_to, description = NEW.description
     WHERE c.name = NEW.name;
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_merge_builtin() IS
  'trigger: an inserted row named like a shipped calendar updates it (so pg_restore keeps edits of shipped calendars)';

CREATE FUNCTION crm_contract.calendar_protect_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.builtin THEN
      RAISE EXCEPTION '%: builtin is set only by the extension', TG_TABLE_NAME USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.builtin THEN
    RAISE EXCEPTION 'row of calendar "%" in % is shipped with crm_contract and cannot be changed', OLD.calendar, TG_TABLE_NAME
      USING ERRCODE = '0A000',
            HINT = 'Add new rows (e.g. next year''s holidays) freely, or copy the calendar with crm_contract.copy_calendar() and edit the copy.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.builtin THEN
    RAISE EXCEPTION '%: builtin is set only by the extension', TG_TABLE_NAME USING ERRCODE = '22023';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_protect_builtin() IS
  'trigger: shipped hours and exceptions are read-only; user rows are free';

-- Overlapping intervals make working time ambiguous; the calendar row is
-- locked so that two sessions cannot add overlapping rows side by side.
CREATE FUNCTION crm_contract.calendar_hours_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  other record;
BEGIN
  PERFORM 1 FROM crm_contract.calendar c WHERE c.name = NEW.calendar FOR NO KEY UPDATE;
  SELECT h.opens, h.closes INTO other
    FROM crm_contract.calendar_hours h
   WHERE h.calendar = NEW.calendar AND h.weekday = NEW.weekday
     AND h.opens <> NEW.opens AND h.opens < NEW.closes AND NEW.opens < h.closes
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'working hours % to % of calendar "%" on weekday % overlap % to %',
      NEW.opens, NEW.closes, NEW.calendar, NEW.weekday, other.opens, other.closes
      USING ERRCODE = '22023', HINT = 'Intervals of one weekday must not overlap; merge them into one row.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_hours_check() IS 'trigger: refuses overlapping weekly intervals';

CREATE FUNCTION crm_contract.calendar_exception_hours_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  other record;
BEGIN
  PERFORM 1 FROM crm_contract.calendar c WHERE c.name = NEW.calendar FOR NO KEY UPDATE;
  IF EXISTS (SELECT 1 FROM crm_contract.calendar_exception e
              WHERE e.calendar = NEW.calendar AND e.day = NEW.day
                AND e.kind = 'holiday'::crm_contract.day_kind) THEN
    RAISE EXCEPTION 'holiday % of calendar "%" cannot have working hours', NEW.day, NEW.calendar
      USING ERRCODE = '22023', HINT = 'Only an exception of kind working carries hours.';
  END IF;
  SELECT h.opens, h.closes INTO other
    FROM crm_contract.calendar_exception_hours h
   WHERE h.calendar = NEW.calendar AND h.day = NEW.day
     AND h.opens <> NEW.opens AND h.opens < NEW.closes AND NEW.opens < h.closes
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'working hours % to % of calendar "%" on % overlap % to %',
      NEW.opens, NEW.closes, NEW.calendar, NEW.day, other.opens, other.closes
      USING ERRCODE = '22023', HINT = 'Intervals of one day must not overlap; merge them into one row.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_exception_hours_check() IS 'trigger: refuses hours on a holiday and overlapping intervals';

CREATE FUNCTION crm_contract.calendar_exception_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.kind = 'holiday'::crm_contract.day_kind AND EXISTS (
       SELECT 1 FROM crm_contract.calendar_exception_hours h
        WHERE h.calendar = NEW.calendar AND h.day = NEW.day) THEN
    RAISE EXCEPTION 'holiday % of calendar "%" cannot have working hours', NEW.day, NEW.calendar
      USING ERRCODE = '22023', HINT = 'Delete its rows in crm_contract.calendar_exception_hours first.';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.calendar_exception_check() IS 'trigger: a day turned into a holiday must not keep working hours';

-- Any change to a calendar table invalidates the compiled calendars of every session.
CREATE FUNCTION crm_contract.calendar_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_calendar_changed' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.calendar_changed() IS
  'trigger: invalidates what sessions compiled from this table (calendars, the LPR series) in every session at commit';

-- Shipped calendars (inserted before the protecting triggers exist).
INSERT INTO crm_contract.calendar (name, time_zone, covered_from, covered_to, description, builtin) VALUES
  ('CN', 'Asia/Shanghai', '2004-01-01', '2026-12-31',
   'China: Mon-Fri 09:00-12:00 and 13:00-18:00, statutory holidays and make-up working days (调休) as announced by the State Council General Office, 2004-2026', true),
  ('24x7', 'UTC', NULL, NULL, 'every minute counts (7×24), no holidays', true),
  ('weekdays', 'UTC', NULL, NULL, 'Mon-Fri 09:00-17:00 UTC, no holidays', true);

INSERT INTO crm_contract.calendar_hours (calendar, weekday, opens, closes, builtin)
SELECT 'CN', d, t.opens, t.closes, true
  FROM pg_catalog.generate_series(1, 5) AS d,
       (VALUES ('09:00'::time, '12:00'::time), ('13:00', '18:00')) AS t (opens, closes)
UNION ALL
SELECT '24x7', d, '00:00', '24:00', true FROM pg_catalog.generate_series(1, 7) AS d
UNION ALL
SELECT 'weekdays', d, '09:00', '17:00', true FROM pg_catalog.generate_series(1, 5) AS d;

-------------------------------------------------------------------------------
-- Working-day and working-time arithmetic (C, on per-session compiled calendars)
-------------------------------------------------------------------------------

CREATE FUNCTION crm_contract.is_working_day(day date, calendar text DEFAULT 'CN') RETURNS boolean
  AS 'MODULE_PATHNAME', 'crm_is_working_day' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.is_working_day(date, text) IS
  'whether a day has working hours on a calendar: is_working_day(''2026-10-10'') is true (a make-up Saturday)';

CREATE FUNCTION crm_contract.add_working_days(day date, n integer, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_add_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.add_working_days(date, integer, text) IS
  'the n-th working day after day (day not counted; n < 0 backwards; n = 0: day if working, else the next): add_working_days(''2026-09-25'', 10) = 2026-10-15';

CREATE FUNCTION crm_contract.working_days_between(from_day date, to_day date, calendar text DEFAULT 'CN') RETURNS integer
  AS 'MODULE_PATHNAME', 'crm_working_days_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.working_days_between(date, date, text) IS
  'number of working days d with from_day < d <= to_day; negative when to_day < from_day';

CREATE FUNCTION crm_contract.add_working_time(start timestamptz, amount interval, calendar text DEFAULT 'CN') RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'crm_add_working_time' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.add_working_time(timestamptz, interval, text) IS
  'the instant when amount (hours, minutes, seconds) of working time has passed, counting working intervals in the calendar''s time zone; a start outside hours begins at the next opening; a negative amount counts back';

CREATE FUNCTION crm_contract.working_time_between(from_ts timestamptz, to_ts timestamptz, calendar text DEFAULT 'CN') RETURNS interval
  AS 'MODULE_PATHNAME', 'crm_working_time_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.working_time_between(timestamptz, timestamptz, text) IS
  'working time between two instants, as hours:minutes:seconds; negative when to_ts < from_ts';

CREATE FUNCTION crm_contract.due(start timestamptz, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'crm_due_timestamptz' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(timestamptz, crm_contract.term, text) IS
  'deadline of a term from an instant: minutes and hours are elapsed time, days to years keep the local time of day in the calendar''s zone, working units count on the calendar';

CREATE FUNCTION crm_contract.due(start date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(date, crm_contract.term, text) IS
  'due date of a term of days or longer from a date: due(date ''2025-09-26'', ''10个工作日'') = 2025-10-16; months clamp to the month''s end like date + interval';

CREATE FUNCTION crm_contract.due_before(day date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due_before(date, crm_contract.term, text) IS
  'the last day that is still a term before day, for notice periods: due_before(''2026-12-31'', ''30 days'') = 2026-12-01; working days count back on the calendar';

CREATE FUNCTION crm_contract.try_due(start date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due(date, crm_contract.term, text) IS
  'due(start, t, calendar), but NULL (unknown) where the calendar has no holiday data for the days needed; other errors are raised';

CREATE FUNCTION crm_contract.try_due_before(day date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due_before(date, crm_contract.term, text) IS
  'due_before(day, t, calendar), but NULL (unknown) where the calendar has no holiday data for the days needed';

CREATE FUNCTION crm_contract.working_hours(day date, calendar text DEFAULT 'CN',
    OUT opens timestamptz, OUT closes timestamptz) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_working_hours' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION crm_contract.working_hours(date, text) IS
  'the working intervals of one day as instants (none on a holiday)';

CREATE FUNCTION crm_contract.calendar_cache(OUT calendar text, OUT bytes bigint,
    OUT exception_days integer, OUT zone_shifts integer) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_calendar_cache' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION crm_contract.calendar_cache() IS
  'calendars compiled in this session: memory used, days with per-day data, time-zone offset changes held';

CREATE FUNCTION crm_contract.copy_calendar(source text, target text, description text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM FROM crm_contract.calendar c WHERE c.name = source;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', source
      USING ERRCODE = '42704', HINT = 'Calendars are the rows of crm_contract.calendar.';
  END IF;
  INSERT INTO crm_contract.calendar (name, time_zone, covered_from, covered_to, description)
  SELECT target, c.time_zone, c.covered_from, c.covered_to,
         coalesce(copy_calendar.description, c.description)
    FROM crm_contract.calendar c WHERE c.name = source;
  INSERT INTO crm_contract.calendar_hours (calendar, weekday, opens, closes)
  SELECT target, h.weekday, h.opens, h.closes FROM crm_contract.calendar_hours h WHERE h.calendar = source;
  INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name)
  SELECT target, e.day, e.kind, e.name FROM crm_contract.calendar_exception e WHERE e.calendar = source;
  INSERT INTO crm_contract.calendar_exception_hours (calendar, day, opens, closes)
  SELECT target, x.day, x.opens, x.closes FROM crm_contract.calendar_exception_hours x WHERE x.calendar = source;
END $$;
COMMENT ON FUNCTION crm_contract.copy_calendar(text, text, text) IS
  'copy a calendar with its hours and exceptions under a new name, as user rows one can edit';

-------------------------------------------------------------------------------
-- Tenants: which role works for which tenant (row-level security on contracts)
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.tenant_member (
  member text NOT NULL,
  tenant text NOT NULL,
  PRIMARY KEY (member, tenant),
  CONSTRAINT tenant_member_tenant_check CHECK (tenant OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE crm_contract.tenant_member IS
  'roles (by name) and the tenants whose contracts they may see and write; a role sees its own rows here';
ALTER TABLE crm_contract.tenant_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_member_own ON crm_contract.tenant_member
  USING (member OPERATOR(pg_catalog.=) CURRENT_USER);

CREATE FUNCTION crm_contract.current_tenant() RETURNS text
  AS 'MODULE_PATHNAME', 'crm_current_tenant' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.current_tenant() IS
  'the tenant of the current role: the one chosen with SET crm_contract.tenant among its memberships, else its only one, else NULL; read once per statement';

-------------------------------------------------------------------------------
-- Contracts, parties and clauses
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.contract_kind AS ENUM
  ('software_license', 'service', 'data_protection', 'maintenance_support', 'training',
   'implementation', 'development');
COMMENT ON TYPE crm_contract.contract_kind IS 'kind of contract: 软件许可, 服务, 数据保护, 维护与支持, 培训, 实施, 开发';

CREATE TYPE crm_contract.contract_status AS ENUM
  ('draft', 'signed', 'active', 'suspended', 'terminated', 'expired');
COMMENT ON TYPE crm_contract.contract_status IS 'life-cycle status of a contract';

CREATE TYPE crm_contract.party_role AS ENUM ('intermediary', 'consultant', 'technical_service');
COMMENT ON TYPE crm_contract.party_role IS 'role of a third party (第三方) beyond client (甲方) and vendor (乙方)';

CREATE TYPE crm_contract.clause_kind AS ENUM
  ('license_scope', 'usage_restriction', 'intellectual_property', 'payment', 'delay_penalty',
   'late_fee', 'sla', 'confidentiality', 'data_protection', 'warranty_support', 'change_request',
   'renewal', 'termination', 'force_majeure', 'liability_cap', 'dispute');
COMMENT ON TYPE crm_contract.clause_kind IS 'kind of a contract clause';

CREATE TYPE crm_contract.anchor_kind AS ENUM ('signing', 'milestone', 'date');
COMMENT ON TYPE crm_contract.anchor_kind IS
  'what a due rule counts from: the signing date, another milestone''s completion, or a fixed date';

CREATE TABLE crm_contract.contract (
  id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant         text NOT NULL DEFAULT crm_contract.current_tenant(),
  code           text NOT NULL,
  kind           crm_contract.contract_kind NOT NULL,
  title          text NOT NULL,
  client         text NOT NULL,
  vendor         text NOT NULL,
  total_amount   numeric NOT NULL,
  currency       text NOT NULL DEFAULT 'CNY',
  calendar       text NOT NULL DEFAULT 'CN' REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE,
  signed_on      date,
  effective_from date,
  effective_to   date,
  status         crm_contract.contract_status NOT NULL DEFAULT 'draft',
  governing_law  text,
  dispute_venue  text,
  UNIQUE (tenant, code),
  UNIQUE (id, tenant),
  CONSTRAINT contract_total_amount_check CHECK (total_amount OPERATOR(pg_catalog.>) 0),
  CONSTRAINT contract_currency_check CHECK (currency OPERATOR(pg_catalog.~) '^[A-Z]{3}$'),
  CONSTRAINT contract_effective_check CHECK (effective_from OPERATOR(pg_catalog.<=) effective_to),
  CONSTRAINT contract_signed_check CHECK (status OPERATOR(pg_catalog.=) 'draft' OR signed_on IS NOT NULL)
);
COMMENT ON TABLE crm_contract.contract IS
  'contracts (合同): parties, total amount, calendar of its deadlines, signing date and effective period; rows of one tenant';
COMMENT ON COLUMN crm_contract.contract.code IS 'contract number (合同编号), unique per tenant';
COMMENT ON COLUMN crm_contract.contract.client IS 'the client (甲方)';
COMMENT ON COLUMN crm_contract.contract.vendor IS 'the vendor (乙方)';
COMMENT ON COLUMN crm_contract.contract.total_amount IS 'total contract amount, exact, > 0';
COMMENT ON COLUMN crm_contract.contract.currency IS 'ISO 4217 code, default CNY';
COMMENT ON COLUMN crm_contract.contract.calendar IS 'working calendar of every deadline of the contract';
COMMENT ON COLUMN crm_contract.contract.signed_on IS 'signing date: setting it gives every obligation anchored on signing its due date';

CREATE TABLE crm_contract.party (
  id                   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant               text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id          bigint NOT NULL,
  name                 text NOT NULL,
  role                 crm_contract.party_role NOT NULL,
  liability_cap_share  numeric,
  liability_cap_amount numeric,
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT party_cap_share_check CHECK (liability_cap_share OPERATOR(pg_catalog.>) 0 AND liability_cap_share OPERATOR(pg_catalog.<=) 1),
  CONSTRAINT party_cap_amount_check CHECK (liability_cap_amount OPERATOR(pg_catalog.>) 0),
  CONSTRAINT party_one_cap_check CHECK (liability_cap_share IS NULL OR liability_cap_amount IS NULL)
);
COMMENT ON TABLE crm_contract.party IS
  'third parties of a contract (intermediary, consultant, technical service) and their liability cap as a share of the contract amount or an amount (003 §16.1.1)';

CREATE TABLE crm_contract.clause (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant      text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id bigint NOT NULL,
  kind        crm_contract.clause_kind NOT NULL,
  ref         text NOT NULL,
  wording     text,
  term        crm_contract.term,
  share       numeric,
  amount      numeric,
  rule        crm_contract.penalty_rule,
  UNIQUE (contract_id, ref),
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT clause_share_check CHECK (share OPERATOR(pg_catalog.>) 0 AND share OPERATOR(pg_catalog.<=) 1),
  CONSTRAINT clause_amount_check CHECK (amount OPERATOR(pg_catalog.>) 0)
);
COMMENT ON TABLE crm_contract.clause IS
  'clauses of a contract: kind, reference (9.3), original wording, and typed parameters (term, share, amount) validated per kind';
COMMENT ON COLUMN crm_contract.clause.term IS
  'the clause''s duration: answer time (change_request), notice before expiry (renewal), notice ahead (termination), a payment or support period';
COMMENT ON COLUMN crm_contract.clause.rule IS 'the penalty rule of a delay_penalty, late_fee or sla clause: 1% of total per day (001 §9.3)';
COMMENT ON COLUMN crm_contract.clause.share IS 'a share as a fraction (0.5 = 50%): of the total (payment, liability_cap) or a rate (delay_penalty, late_fee)';

-- Which parameters each kind of clause takes, and which it needs.
CREATE FUNCTION crm_contract.clause_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  takes_term  crm_contract.clause_kind[] := '{payment,delay_penalty,late_fee,sla,confidentiality,data_protection,warranty_support,change_request,renewal,termination,force_majeure,dispute}';
  takes_share crm_contract.clause_kind[] := '{payment,delay_penalty,late_fee,liability_cap}';
  takes_amount crm_contract.clause_kind[] := '{payment,liability_cap,delay_penalty,late_fee}';
  needs_term  crm_contract.clause_kind[] := '{change_request,renewal,termination}';
  takes_rule  crm_contract.clause_kind[] := '{delay_penalty,late_fee,sla}';
  code text;
BEGIN
  SELECT c.code INTO code FROM crm_contract.contract c WHERE c.id = NEW.contract_id;
  IF NEW.term IS NOT NULL AND NOT NEW.kind = ANY (takes_term) THEN
    RAISE EXCEPTION 'clause % of contract "%": a % clause takes no term', NEW.ref, code, NEW.kind
      USING ERRCODE = '22023', HINT = format('Terms belong to clauses of kind %s.', array_to_string(takes_term, ', '));
  END IF;
  IF NEW.share IS NOT NULL AND NOT NEW.kind = ANY (takes_share) THEN
    RAISE EXCEPTION 'clause % of contract "%": a % clause takes no share', NEW.ref, code, NEW.kind
      USING ERRCODE = '22023', HINT = format('Shares belong to clauses of kind %s.', array_to_string(takes_share, ', '));
  END IF;
  IF NEW.amount IS NOT NULL AND NOT NEW.kind = ANY (takes_amount) THEN
    RAISE EXCEPTION 'clause % of contract "%": a % clause takes no amount', NEW.ref, code, NEW.kind
      USING ERRCODE = '22023';
  END IF;
  IF NEW.rule IS NOT NULL AND NOT NEW.kind = ANY (takes_rule) THEN
    RAISE EXCEPTION 'clause % of contract "%": a % clause takes no penalty rule', NEW.ref, code, NEW.kind
      USING ERRCODE = '22023', HINT = 'Penalty rules belong to clauses of kind delay_penalty, late_fee and sla.';
  END IF;
  IF NEW.term IS NULL AND NEW.kind = ANY (needs_term) THEN
    RAISE EXCEPTION 'clause % of contract "%": a % clause needs its term', NEW.ref, code, NEW.kind
      USING ERRCODE = '23502', HINT = 'E.g. term ''10 working days'' for change requests, ''30 days'' for notice periods.';
  END IF;
  IF NEW.kind = 'liability_cap' AND NEW.share IS NULL AND NEW.amount IS NULL THEN
    RAISE EXCEPTION 'clause % of contract "%": a liability_cap clause needs a share or an amount', NEW.ref, code
      USING ERRCODE = '23502';
  END IF;
  IF NEW.kind IN ('change_request', 'renewal', 'termination')
     AND crm_contract.term_unit(NEW.term) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    RAISE EXCEPTION 'clause % of contract "%": term "%" of a % clause must be in days or longer', NEW.ref, code, NEW.term, NEW.kind
      USING ERRCODE = '22023';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.clause_check() IS 'trigger: validates a clause''s parameters for its kind';
CREATE TRIGGER clause_check BEFORE INSERT OR UPDATE ON crm_contract.clause
  FOR EACH ROW EXECUTE FUNCTION crm_contract.clause_check();

-------------------------------------------------------------------------------
-- Milestones, installments, payments, change requests
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.milestone (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant           text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id      bigint NOT NULL,
  name             text NOT NULL,
  clause_ref       text,
  anchor           crm_contract.anchor_kind NOT NULL DEFAULT 'signing',
  anchor_milestone text,
  anchor_date      date,
  within           crm_contract.term,
  due_on           date,
  due_note         text,
  completed_on     date,
  UNIQUE (contract_id, name),
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  FOREIGN KEY (contract_id, anchor_milestone) REFERENCES crm_contract.milestone (contract_id, name) ON UPDATE CASCADE,
  CONSTRAINT milestone_anchor_check CHECK (
    (anchor OPERATOR(pg_catalog.=) 'milestone') = (anchor_milestone IS NOT NULL) AND
    (anchor OPERATOR(pg_catalog.=) 'date') = (anchor_date IS NOT NULL))
);
COMMENT ON TABLE crm_contract.milestone IS
  'obligations with a due rule: an anchor (signing, another milestone''s completion, a fixed date) plus a term; due_on is computed by triggers';
COMMENT ON COLUMN crm_contract.milestone.within IS 'the term counted from the anchor (days or longer); NULL: due on the anchor date';
COMMENT ON COLUMN crm_contract.milestone.due_on IS 'computed: NULL while the anchor has not happened';

CREATE TABLE crm_contract.installment (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant           text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id      bigint NOT NULL,
  name             text NOT NULL,
  clause_ref       text,
  share            numeric,
  amount           numeric,
  anchor           crm_contract.anchor_kind NOT NULL DEFAULT 'signing',
  anchor_milestone text,
  anchor_date      date,
  within           crm_contract.term,
  every            crm_contract.term,
  occurrences      integer,
  due_on           date,
  due_note         text,
  UNIQUE (contract_id, name),
  UNIQUE (id, tenant),
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  FOREIGN KEY (contract_id, anchor_milestone) REFERENCES crm_contract.milestone (contract_id, name) ON UPDATE CASCADE,
  CONSTRAINT installment_anchor_check CHECK (
    (anchor OPERATOR(pg_catalog.=) 'milestone') = (anchor_milestone IS NOT NULL) AND
    (anchor OPERATOR(pg_catalog.=) 'date') = (anchor_date IS NOT NULL)),
  CONSTRAINT installment_share_check CHECK (share OPERATOR(pg_catalog.>) 0 AND share OPERATOR(pg_catalog.<=) 1),
  CONSTRAINT installment_amount_check CHECK (amount OPERATOR(pg_catalog.>) 0),
  CONSTRAINT installment_share_or_amount_check CHECK ((share IS NULL) <> (amount IS NULL)),
  CONSTRAINT installment_occurrences_check CHECK (occurrences IS NULL OR (occurrences OPERATOR(pg_catalog.>) 0 AND every IS NOT NULL))
);
COMMENT ON TABLE crm_contract.installment IS
  'payment schedule: a share of the total or an amount, due by a rule anchored like milestones, optionally recurring (every 1 year from go-live, 001 §4.1.2); occurrences in installment_due';
COMMENT ON COLUMN crm_contract.installment.every IS 'recurrence (e.g. 1 year); NULL: once';
COMMENT ON COLUMN crm_contract.installment.occurrences IS 'how many times a recurring installment falls due; NULL: until the contract''s effective_to';
COMMENT ON COLUMN crm_contract.installment.due_on IS 'computed: the first occurrence''s due date';

CREATE TABLE crm_contract.installment_due (
  id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant         text NOT NULL DEFAULT crm_contract.current_tenant(),
  installment_id bigint NOT NULL,
  seq            integer NOT NULL,
  due_on         date NOT NULL,
  amount         numeric NOT NULL,
  UNIQUE (installment_id, seq),
  UNIQUE (id, tenant),
  FOREIGN KEY (installment_id, tenant) REFERENCES crm_contract.installment (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE crm_contract.installment_due IS
  'occurrences of installments, generated by triggers: sequence number, due date, amount (rounded to 0.01 half up)';

CREATE TABLE crm_contract.payment (
  id                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant             text NOT NULL DEFAULT crm_contract.current_tenant(),
  installment_due_id bigint NOT NULL,
  paid_on            date NOT NULL,
  amount             numeric NOT NULL,
  reference          text,
  FOREIGN KEY (installment_due_id, tenant) REFERENCES crm_contract.installment_due (id, tenant) ON UPDATE CASCADE,
  CONSTRAINT payment_amount_check CHECK (amount OPERATOR(pg_catalog.>) 0)
);
COMMENT ON TABLE crm_contract.payment IS 'what was paid when, against which installment occurrence';

CREATE TABLE crm_contract.change_request (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant      text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id bigint NOT NULL,
  ref         text NOT NULL,
  received_on date NOT NULL,
  answered_on date,
  due_on      date,
  due_note    text,
  UNIQUE (contract_id, ref),
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE crm_contract.change_request IS
  'change requests (变更请求) and the answer due by the contract''s change_request clause (001 §11.2: 10 working days)';

-------------------------------------------------------------------------------
-- Deadline triggers: due dates follow from the rules without any caller
-- computing them.  A due date beyond the calendar's loaded years is NULL with a
-- due_note (never guessed); crm_contract.recompute_due_dates() fills it in once
-- the year is loaded.
-------------------------------------------------------------------------------

-- While check_function_bodies is off, as pg_dump's scripts and pg_restore set it
-- for the whole restore, the triggers that derive rows or values from other rows
-- keep the rows as given: a restore loads tables in an order of its own (an
-- installment before the milestone it is anchored on, occurrences after their
-- installment), and the dumped values are the ones to keep.
CREATE FUNCTION crm_contract.restoring() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
AS $$ SELECT current_setting('check_function_bodies') = 'off' $$;
COMMENT ON FUNCTION crm_contract.restoring() IS
  'true while check_function_bodies is off (pg_dump scripts and pg_restore): the schedule triggers then keep restored rows as dumped';

CREATE FUNCTION crm_contract.contract_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM FROM crm_contract.calendar k WHERE k.name = NEW.calendar;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'contract "%": calendar "%" does not exist', NEW.code, NEW.calendar
      USING ERRCODE = '42704', HINT = 'Calendars are the rows of crm_contract.calendar; CN, 24x7 and weekdays are shipped.';
  END IF;
  IF NEW.total_amount <= 0 THEN
    RAISE EXCEPTION 'contract "%": total amount % must be positive', NEW.code, NEW.total_amount
      USING ERRCODE = '22003';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.contract_check() IS 'trigger: explicit errors naming the contract (unknown calendar, amount)';
CREATE TRIGGER contract_check BEFORE INSERT OR UPDATE ON crm_contract.contract
  FOR EACH ROW EXECUTE FUNCTION crm_contract.contract_check();

-- Hour terms have no due date: refuse them in due rules, naming the row.
CREATE FUNCTION crm_contract.check_dated_term(what text, t crm_contract.term) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF t IS NOT NULL AND crm_contract.term_unit(t) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    RAISE EXCEPTION '%: term "%" has no due date; a due rule needs days or longer', what, t
      USING ERRCODE = '22023', HINT = 'Terms in hours belong to SLA targets.';
  END IF;
END $$;
COMMENT ON FUNCTION crm_contract.check_dated_term(text, crm_contract.term) IS 'raises 22023 for a due rule in hours or minutes';

-- Why a due date whose anchor has happened is still NULL: the calendar lacks the years.
CREATE FUNCTION crm_contract.uncovered_note(calendar text, base date) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT format('unknown until calendar "%s" has the holidays of the years after %s', calendar, base)
$$;
COMMENT ON FUNCTION crm_contract.uncovered_note(text, date) IS
  'the due_note of a due date that falls in years the calendar has not loaded';

CREATE FUNCTION crm_contract.milestone_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  base date;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.signed_on, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'milestone "%": contract % does not exist', NEW.name, NEW.contract_id USING ERRCODE = '23503';
  END IF;
  IF NEW.within IS NOT NULL AND crm_contract.term_unit(NEW.within) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    PERFORM crm_contract.check_dated_term(format('milestone "%s" of contract "%s"', NEW.name, c.code), NEW.within);
  END IF;
  IF NEW.anchor = 'milestone' AND NEW.anchor_milestone IS NOT NULL THEN
    IF NEW.anchor_milestone = NEW.name THEN
      RAISE EXCEPTION 'milestone "%" of contract "%" is anchored on itself', NEW.name, c.code USING ERRCODE = '23514';
    END IF;
    SELECT m.completed_on INTO base FROM crm_contract.milestone m
     WHERE m.contract_id = NEW.contract_id AND m.name = NEW.anchor_milestone;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'milestone "%" of contract "%" is anchored on milestone "%", which does not exist',
        NEW.name, c.code, NEW.anchor_milestone USING ERRCODE = '23503';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.anchor_milestone IS DISTINCT FROM OLD.anchor_milestone OR NEW.name <> OLD.name) THEN
      IF EXISTS (
        WITH RECURSIVE up (name, depth) AS (
          SELECT NEW.anchor_milestone, 1
          UNION ALL
          SELECT m.anchor_milestone, up.depth + 1
            FROM up JOIN crm_contract.milestone m ON m.contract_id = NEW.contract_id AND m.name = up.name
           WHERE m.anchor_milestone IS NOT NULL AND up.depth < 10000)
        SELECT 1 FROM up WHERE up.name IN (NEW.name, OLD.name)) THEN
        RAISE EXCEPTION 'milestone "%" of contract "%": anchoring it on "%" makes a cycle', NEW.name, c.code, NEW.anchor_milestone
          USING ERRCODE = '23514', HINT = 'A milestone cannot depend, directly or through others, on itself.';
      END IF;
    END IF;
  ELSIF NEW.anchor = 'signing' THEN
    base := c.signed_on;
  ELSE
    base := NEW.anchor_date;
  END IF;
  IF NEW.completed_on IS NOT NULL AND (c.signed_on IS NULL OR NEW.completed_on < c.signed_on) THEN
    RAISE EXCEPTION 'milestone "%" of contract "%" is completed on %, before the contract was signed (%)',
      NEW.name, c.code, NEW.completed_on, coalesce(c.signed_on::text, 'not yet')
      USING ERRCODE = '23514';
  END IF;
  NEW.due_on := CASE WHEN NEW.within IS NULL THEN base ELSE crm_contract.try_due(base, NEW.within, c.calendar) END;
  NEW.due_note := CASE WHEN base IS NOT NULL AND NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, base) END;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.milestone_schedule() IS
  'trigger: computes a milestone''s due date from its anchor; refuses missing anchors, cycles and completion before signing';
CREATE TRIGGER milestone_schedule BEFORE INSERT OR UPDATE ON crm_contract.milestone
  FOR EACH ROW EXECUTE FUNCTION crm_contract.milestone_schedule();

-- A completion (or its correction) gives every obligation anchored on it its due date.
CREATE FUNCTION crm_contract.milestone_completed() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NULL;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  UPDATE crm_contract.milestone m SET due_on = NULL
   WHERE m.contract_id = NEW.contract_id AND m.anchor_milestone = NEW.name;
  UPDATE crm_contract.installment i SET due_on = NULL
   WHERE i.contract_id = NEW.contract_id AND i.anchor_milestone = NEW.name;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.milestone_completed() IS 'trigger: recomputes the obligations anchored on a milestone whose completion changed';
CREATE TRIGGER milestone_completed AFTER UPDATE OF completed_on ON crm_contract.milestone
  FOR EACH ROW WHEN (OLD.completed_on IS DISTINCT FROM NEW.completed_on)
  EXECUTE FUNCTION crm_contract.milestone_completed();

CREATE FUNCTION crm_contract.installment_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  base date;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.signed_on, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'installment "%": contract % does not exist', NEW.name, NEW.contract_id USING ERRCODE = '23503';
  END IF;
  IF crm_contract.term_unit(NEW.within) IN ('minutes', 'hours', 'working minutes', 'working hours')
     OR crm_contract.term_unit(NEW.every) IN ('minutes', 'hours', 'working minutes', 'working hours') THEN
    PERFORM crm_contract.check_dated_term(format('installment "%s" of contract "%s"', NEW.name, c.code), NEW.within);
    PERFORM crm_contract.check_dated_term(format('installment "%s" of contract "%s"', NEW.name, c.code), NEW.every);
  END IF;
  IF NEW.anchor = 'milestone' AND NEW.anchor_milestone IS NOT NULL THEN
    SELECT m.completed_on INTO base FROM crm_contract.milestone m
     WHERE m.contract_id = NEW.contract_id AND m.name = NEW.anchor_milestone;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'installment "%" of contract "%" is anchored on milestone "%", which does not exist',
        NEW.name, c.code, NEW.anchor_milestone USING ERRCODE = '23503';
    END IF;
  ELSIF NEW.anchor = 'signing' THEN
    base := c.signed_on;
  ELSE
    base := NEW.anchor_date;
  END IF;
  NEW.due_on := CASE WHEN NEW.within IS NULL THEN base ELSE crm_contract.try_due(base, NEW.within, c.calendar) END;
  NEW.due_note := CASE WHEN base IS NOT NULL AND NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, base) END;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.installment_schedule() IS 'trigger: computes the first due date of an installment from its anchor';
CREATE TRIGGER installment_schedule BEFORE INSERT OR UPDATE ON crm_contract.installment
  FOR EACH ROW EXECUTE FUNCTION crm_contract.installment_schedule();

-- Occurrences of an installment, kept in step with its rule; paid ones are never dropped.
CREATE FUNCTION crm_contract.installment_occurrences() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  one_off numeric;
  amt numeric;
  n integer := 0;
  k integer;
  d date;
  dues date[] := '{}';
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NULL;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.total_amount, k.effective_to, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  SELECT sum(coalesce(i.amount, round(i.share * c.total_amount, 2))) INTO one_off
    FROM crm_contract.installment i WHERE i.contract_id = NEW.contract_id AND i.every IS NULL;
  IF one_off > c.total_amount THEN
    RAISE EXCEPTION 'installment "%" of contract "%": one-off installments add up to %, more than the total %',
      NEW.name, c.code, one_off, c.total_amount
      USING ERRCODE = '23514', HINT = 'Shares of the total (recurring installments aside) may not exceed 100%.';
  END IF;
  amt := coalesce(NEW.amount, round(NEW.share * c.total_amount, 2));
  IF NEW.due_on IS NOT NULL THEN
    IF NEW.every IS NULL THEN
      dues := ARRAY[NEW.due_on];
    ELSIF NEW.occurrences IS NULL AND c.effective_to IS NULL THEN
      RAISE EXCEPTION 'recurring installment "%" of contract "%" needs occurrences or the contract''s effective_to', NEW.name, c.code
        USING ERRCODE = '23502', HINT = 'Say how many times it falls due, or until when the contract runs.';
    ELSE
      k := 1;
      d := NEW.due_on;
      WHILE d IS NOT NULL AND (k <= NEW.occurrences OR (NEW.occurrences IS NULL AND d <= c.effective_to)) AND k <= 10000 LOOP
        dues := dues || d;
        d := crm_contract.try_due(NEW.due_on,
               crm_contract.term(k * crm_contract.term_quantity(NEW.every), crm_contract.term_unit(NEW.every)), c.calendar);
        k := k + 1;
      END LOOP;
    END IF;
  END IF;
  n := coalesce(array_length(dues, 1), 0);
  IF TG_OP = 'INSERT' THEN
    -- a new installment has no occurrences yet: nothing to keep or drop
    INSERT INTO crm_contract.installment_due (tenant, installment_id, seq, due_on, amount)
    SELECT NEW.tenant, NEW.id, s.seq, s.due_on, amt FROM unnest(dues) WITH ORDINALITY AS s (due_on, seq);
    RETURN NULL;
  END IF;
  SELECT min(o.seq) INTO k FROM crm_contract.installment_due o JOIN crm_contract.payment p ON p.installment_due_id = o.id
   WHERE o.installment_id = NEW.id AND o.seq > n;
  IF k IS NOT NULL THEN
    RAISE EXCEPTION 'installment "%" of contract "%": occurrence % has payments and cannot be dropped', NEW.name, c.code, k
      USING ERRCODE = '23503', HINT = 'Delete or move its payments first.';
  END IF;
  DELETE FROM crm_contract.installment_due o WHERE o.installment_id = NEW.id AND o.seq > n;
  INSERT INTO crm_contract.installment_due AS o (tenant, installment_id, seq, due_on, amount)
  SELECT NEW.tenant, NEW.id, s.seq, s.due_on, amt FROM unnest(dues) WITH ORDINALITY AS s (due_on, seq)
  ON CONFLICT (installment_id, seq) DO UPDATE SET due_on = EXCLUDED.due_on, amount = EXCLUDED.amount
   WHERE (o.due_on, o.amount) IS DISTINCT FROM (EXCLUDED.due_on, EXCLUDED.amount);
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.installment_occurrences() IS
  'trigger: checks one-off shares add up to at most 100% and generates the occurrences of an installment';
CREATE TRIGGER installment_occurrences AFTER INSERT OR UPDATE ON crm_contract.installment
  FOR EACH ROW EXECUTE FUNCTION crm_contract.installment_occurrences();

-- Signing, or changing the calendar, amount or end of a contract, reschedules it in one statement.
CREATE FUNCTION crm_contract.contract_reschedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  all_rules boolean := OLD.calendar IS DISTINCT FROM NEW.calendar;
  early record;
BEGIN
  IF NEW.signed_on IS DISTINCT FROM OLD.signed_on THEN
    SELECT m.name, m.completed_on INTO early FROM crm_contract.milestone m
     WHERE m.contract_id = NEW.id AND m.completed_on IS NOT NULL
       AND (NEW.signed_on IS NULL OR m.completed_on < NEW.signed_on)
     ORDER BY m.completed_on, m.name LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'contract "%": signing on % would put the completion of milestone "%" (%) before signing',
        NEW.code, coalesce(NEW.signed_on::text, 'no date'), early.name, early.completed_on
        USING ERRCODE = '23514';
    END IF;
  END IF;
  UPDATE crm_contract.milestone m SET due_on = NULL
   WHERE m.contract_id = NEW.id AND (m.anchor = 'signing' OR all_rules);
  UPDATE crm_contract.installment i SET due_on = NULL
   WHERE i.contract_id = NEW.id
     AND (i.anchor = 'signing' OR all_rules OR OLD.total_amount IS DISTINCT FROM NEW.total_amount
          OR (i.every IS NOT NULL AND OLD.effective_to IS DISTINCT FROM NEW.effective_to));
  IF all_rules THEN
    UPDATE crm_contract.change_request r SET due_on = NULL WHERE r.contract_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.contract_reschedule() IS
  'trigger: recomputes the due dates a change of signing date, calendar, amount or end date affects';
CREATE TRIGGER contract_reschedule AFTER UPDATE OF signed_on, calendar, total_amount, effective_to ON crm_contract.contract
  FOR EACH ROW WHEN (OLD.signed_on IS DISTINCT FROM NEW.signed_on OR OLD.calendar IS DISTINCT FROM NEW.calendar
                     OR OLD.total_amount IS DISTINCT FROM NEW.total_amount OR OLD.effective_to IS DISTINCT FROM NEW.effective_to)
  EXECUTE FUNCTION crm_contract.contract_reschedule();

CREATE FUNCTION crm_contract.payment_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  due_amount numeric;
  paid numeric;
BEGIN
  SELECT o.amount INTO due_amount FROM crm_contract.installment_due o WHERE o.id = NEW.installment_due_id FOR UPDATE;
  SELECT sum(p.amount) INTO paid FROM crm_contract.payment p WHERE p.installment_due_id = NEW.installment_due_id;
  IF paid > due_amount THEN
    RAISE EXCEPTION 'payment % of % on %: payments of this installment add up to %, more than the % due',
      coalesce(NEW.reference, NEW.id::text), NEW.amount, NEW.paid_on, paid, due_amount
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION crm_contract.payment_check() IS 'trigger: payments never exceed the amount due';
CREATE TRIGGER payment_check AFTER INSERT OR UPDATE ON crm_contract.payment
  FOR EACH ROW EXECUTE FUNCTION crm_contract.payment_check();

CREATE FUNCTION crm_contract.change_request_schedule() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  t crm_contract.term;
BEGIN
  IF crm_contract.restoring() THEN
    RETURN NEW;   -- pg_restore reloads rows as dumped: keep them
  END IF;
  SELECT k.code, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = NEW.contract_id;
  IF NEW.answered_on < NEW.received_on THEN
    RAISE EXCEPTION 'change request % of contract "%" is answered on %, before it was received (%)',
      NEW.ref, c.code, NEW.answered_on, NEW.received_on USING ERRCODE = '23514';
  END IF;
  SELECT k.term INTO t FROM crm_contract.clause k
   WHERE k.contract_id = NEW.contract_id AND k.kind = 'change_request' ORDER BY k.ref LIMIT 1;
  IF t IS NULL THEN
    NEW.due_on := NULL;
    NEW.due_note := format('contract "%s" has no change_request clause', c.code);
  ELSE
    NEW.due_on := crm_contract.try_due(NEW.received_on, t, c.calendar);
    NEW.due_note := CASE WHEN NEW.due_on IS NULL THEN crm_contract.uncovered_note(c.calendar, NEW.received_on) END;
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.change_request_schedule() IS 'trigger: the answer to a change request is due by the contract''s change_request clause';
CREATE TRIGGER change_request_schedule BEFORE INSERT OR UPDATE ON crm_contract.change_request
  FOR EACH ROW EXECUTE FUNCTION crm_contract.change_request_schedule();

CREATE FUNCTION crm_contract.recompute_due_dates(calendar text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  n bigint := 0;
  k bigint;
BEGIN
  UPDATE crm_contract.milestone m SET due_on = NULL FROM crm_contract.contract c
   WHERE c.id = m.contract_id AND (recompute_due_dates.calendar IS NULL OR c.calendar = recompute_due_dates.calendar);
  GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
  UPDATE crm_contract.installment i SET due_on = NULL FROM crm_contract.contract c
   WHERE c.id = i.contract_id AND (recompute_due_dates.calendar IS NULL OR c.calendar = recompute_due_dates.calendar);
  GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
  UPDATE crm_contract.change_request r SET due_on = NULL FROM crm_contract.contract c
   WHERE c.id = r.contract_id AND (recompute_due_dates.calendar IS NULL OR c.calendar = recompute_due_dates.calendar);
  GET DIAGNOSTICS k = ROW_COUNT; n := n + k;
  RETURN n;
END $$;
COMMENT ON FUNCTION crm_contract.recompute_due_dates(text) IS
  'recomputes every due date (of one calendar''s contracts, or all) the current role can see, e.g. after loading a new year of holidays; returns the rows recomputed';

-------------------------------------------------------------------------------
-- Reporting: open obligations
-------------------------------------------------------------------------------

CREATE VIEW crm_contract.obligations WITH (security_invoker = true) AS
SELECT o.tenant, o.contract_id, o.contract_code, o.kind, o.obligation, o.clause_ref, o.due_on, o.amount_open,
       o.due_on OPERATOR(pg_catalog.-) CURRENT_DATE AS days_left,
       CASE WHEN o.due_on IS NOT NULL THEN GREATEST(CURRENT_DATE OPERATOR(pg_catalog.-) o.due_on, 0) END AS days_late,
       o.calendar, o.due_note
FROM (
  SELECT c.tenant, c.id AS contract_id, c.code AS contract_code, 'milestone'::text AS kind,
         m.name AS obligation, m.clause_ref, m.due_on, NULL::numeric AS amount_open, c.calendar, m.due_note
    FROM crm_contract.milestone m
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) m.contract_id
   WHERE m.completed_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment',
         CASE WHEN i.every IS NULL THEN i.name ELSE i.name OPERATOR(pg_catalog.||) ' #' OPERATOR(pg_catalog.||) o.seq END,
         i.clause_ref, o.due_on, o.amount OPERATOR(pg_catalog.-) coalesce(p.paid, 0), c.calendar, NULL
    FROM crm_contract.installment_due o
    JOIN crm_contract.installment i ON i.id OPERATOR(pg_catalog.=) o.installment_id
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id
    LEFT JOIN LATERAL (SELECT pg_catalog.sum(x.amount) AS paid FROM crm_contract.payment x
                        WHERE x.installment_due_id OPERATOR(pg_catalog.=) o.id) p ON true
   WHERE o.amount OPERATOR(pg_catalog.>) coalesce(p.paid, 0) AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'installment', i.name, i.clause_ref, NULL, NULL, c.calendar, i.due_note
    FROM crm_contract.installment i
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) i.contract_id
   WHERE i.due_on IS NULL AND c.status OPERATOR(pg_catalog.<>) ALL ('{terminated,expired}')
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'change_request', r.ref, k.ref, r.due_on, NULL, c.calendar, r.due_note
    FROM crm_contract.change_request r
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) r.contract_id
    LEFT JOIN LATERAL (SELECT k.ref FROM crm_contract.clause k
                        WHERE k.contract_id OPERATOR(pg_catalog.=) c.id AND k.kind OPERATOR(pg_catalog.=) 'change_request'
                        ORDER BY k.ref LIMIT 1) k ON true
   WHERE r.answered_on IS NULL
  UNION ALL
  SELECT c.tenant, c.id, c.code, 'renewal_notice', 'renewal intent before ' OPERATOR(pg_catalog.||) c.effective_to, k.ref,
         n.due_on, NULL, c.calendar,
         CASE WHEN n.due_on IS NULL THEN pg_catalog.format('unknown until calendar "%s" has the holidays of %s', c.calendar,
                                                           pg_catalog.date_part('year', c.effective_to)) END
    FROM crm_contract.clause k
    JOIN crm_contract.contract c ON c.id OPERATOR(pg_catalog.=) k.contract_id
    CROSS JOIN LATERAL (SELECT crm_contract.try_due_before(c.effective_to, k.term, c.calendar) AS due_on) n
   WHERE k.kind OPERATOR(pg_catalog.=) 'renewal' AND c.effective_to IS NOT NULL
     AND c.status OPERATOR(pg_catalog.=) ANY ('{signed,active}')
) o;
COMMENT ON VIEW crm_contract.obligations IS
  'every open obligation: uncompleted milestones, unpaid installment occurrences, unanswered change requests, renewal notices; with due date, days left (negative when late) and days late';

CREATE FUNCTION crm_contract.due_within(n integer, as_of date DEFAULT CURRENT_DATE)
RETURNS SETOF crm_contract.obligations
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT o.* FROM crm_contract.obligations o
   WHERE o.due_on >= as_of
     AND o.due_on <= crm_contract.add_working_days(as_of, n, o.calendar)
   ORDER BY o.due_on, o.contract_code, o.obligation
$$;
COMMENT ON FUNCTION crm_contract.due_within(integer, date) IS
  'open obligations falling due from as_of to the n-th working day after it, each on its contract''s calendar';

CREATE FUNCTION crm_contract.termination_notice_by(contract_id bigint, terminate_on date) RETURNS date
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  t crm_contract.term;
BEGIN
  SELECT k.code, k.calendar INTO c FROM crm_contract.contract k WHERE k.id = termination_notice_by.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'contract % does not exist', termination_notice_by.contract_id USING ERRCODE = '42704';
  END IF;
  SELECT k.term INTO t FROM crm_contract.clause k
   WHERE k.contract_id = termination_notice_by.contract_id AND k.kind = 'termination' ORDER BY k.ref LIMIT 1;
  IF t IS NULL THEN
    RAISE EXCEPTION 'contract "%" has no termination clause with a notice period', c.code USING ERRCODE = '42704';
  END IF;
  RETURN crm_contract.due_before(terminate_on, t, c.calendar);
END $$;
COMMENT ON FUNCTION crm_contract.termination_notice_by(bigint, date) IS
  'the last day to give notice so that a contract ends on terminate_on, by its termination clause (003 §11.2: X days in advance)';

SELECT pg_catalog.pg_extension_config_dump('crm_contract.tenant_member', '');

-------------------------------------------------------------------------------
-- Penalties and late fees
-------------------------------------------------------------------------------

CREATE TABLE crm_contract.lpr (
  published_on date PRIMARY KEY,
  rate         numeric NOT NULL,
  builtin      boolean NOT NULL DEFAULT false,
  CONSTRAINT lpr_rate_check CHECK (rate OPERATOR(pg_catalog.>) 0 AND rate OPERATOR(pg_catalog.<) 100)
);
COMMENT ON TABLE crm_contract.lpr IS
  'the 1-year loan prime rate (贷款市场报价利率) in percent, by publication day; a value is in force from its day until the next; users add new values';
INSERT INTO crm_contract.lpr (published_on, rate, builtin) VALUES
  ('2019-08-20', 4.25, true), ('2019-09-20', 4.20, true), ('2019-11-20', 4.15, true),
  ('2020-02-20', 4.05, true), ('2020-04-20', 3.85, true), ('2021-12-20', 3.80, true),
  ('2022-01-20', 3.70, true), ('2022-08-22', 3.65, true), ('2023-06-20', 3.55, true),
  ('2023-08-21', 3.45, true), ('2024-07-22', 3.35, true), ('2024-10-21', 3.10, true),
  ('2025-05-20', 3.00, true);

CREATE FUNCTION crm_contract.lpr_protect_builtin() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.builtin THEN
      RAISE EXCEPTION 'lpr: builtin is set only by the extension' USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.builtin THEN
    RAISE EXCEPTION 'the LPR of % is shipped with crm_contract and cannot be changed', OLD.published_on
      USING ERRCODE = '0A000', HINT = 'Add the values published after it as new rows.';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
COMMENT ON FUNCTION crm_contract.lpr_protect_builtin() IS 'trigger: shipped LPR values are read-only';
CREATE TRIGGER lpr_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.lpr
  FOR EACH ROW EXECUTE FUNCTION crm_contract.lpr_protect_builtin();
CREATE TRIGGER lpr_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.lpr
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
GRANT SELECT ON crm_contract.lpr TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('crm_contract.lpr', 'WHERE NOT builtin');

CREATE FUNCTION crm_contract.penalty(rule crm_contract.penalty_rule, base numeric, due date, until date, calendar text DEFAULT 'CN')
RETURNS numeric
  AS 'MODULE_PATHNAME', 'crm_penalty' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.penalty(crm_contract.penalty_rule, numeric, date, date, text) IS
  'the penalty accrued on base from due to until (days d with due < d <= until) under rule, with grace, cap, minimum, working days and compounding; exact, rounded to 0.01 half up: penalty(''1% of total per day'', 1000000, ''2026-01-09'', ''2026-01-21'') = 120000.00';

CREATE FUNCTION crm_contract.late_fee(rule crm_contract.penalty_rule, amount numeric, due date,
    paid_on date[], paid numeric[], until date, calendar text DEFAULT 'CN')
RETURNS numeric
  AS 'MODULE_PATHNAME', 'crm_late_fee' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.late_fee(crm_contract.penalty_rule, numeric, date, date[], numeric[], date, text) IS
  'a late fee on an amount that partial payments (paid[i] on paid_on[i]) reduce, accrued period by period on the outstanding balance up to until';

CREATE FUNCTION crm_contract.late_fee_breakdown(rule crm_contract.penalty_rule, amount numeric, due date,
    paid_on date[], paid numeric[], until date, calendar text DEFAULT 'CN',
    OUT from_day date, OUT to_day date, OUT days integer, OUT balance numeric, OUT rate numeric, OUT amount_accrued numeric)
RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_late_fee_breakdown' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.late_fee_breakdown(crm_contract.penalty_rule, numeric, date, date[], numeric[], date, text) IS
  'late_fee() period by period: first and last day counted, days, balance, rate per rule period (a fraction), amount; the amounts add up to late_fee()';

CREATE FUNCTION crm_contract.annual_rate(rule crm_contract.penalty_rule, on_day date DEFAULT CURRENT_DATE) RETURNS numeric
  AS 'MODULE_PATHNAME', 'crm_annual_rate' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.annual_rate(crm_contract.penalty_rule, date) IS
  'the yearly equivalent of a rule''s rate as a fraction (1% per day = 3.65, i.e. 365%); NULL for a one-off rule; LPR rules use the LPR in force on on_day';

CREATE FUNCTION crm_contract.statutory_default_rule(breach date, multiplier numeric DEFAULT 1.5)
RETURNS crm_contract.penalty_rule
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF breach < date '2019-08-20' THEN
    RAISE EXCEPTION 'no statutory default rate for a breach on %', breach
      USING ERRCODE = '0A000',
            HINT = 'Before 2019-08-20 the default followed the PBOC benchmark lending rate, which crm_contract does not ship.';
  END IF;
  IF multiplier < 1.3 OR multiplier > 1.5 THEN
    RAISE EXCEPTION 'multiplier % is outside the statutory range 1.3 to 1.5', multiplier
      USING ERRCODE = '22023', HINT = 'The default is the LPR at breach plus 30% to 50% (法释〔2020〕17号 Art. 18).';
  END IF;
  RETURN format('LPR×%s of overdue per year', multiplier)::crm_contract.penalty_rule;
END $$;
COMMENT ON FUNCTION crm_contract.statutory_default_rule(date, numeric) IS
  'the default rate for late payment where a contract names none, for breaches from 2019-08-20: LPR at breach × 1.3 to × 1.5 per year (法释〔2012〕8号 as amended by 法释〔2020〕17号 Art. 18)';

CREATE FUNCTION crm_contract.rule_basis(rule crm_contract.penalty_rule) RETURNS text
  AS 'MODULE_PATHNAME', 'crm_rule_basis' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.rule_basis(crm_contract.penalty_rule) IS 'the basis of a rule: total, overdue or undelivered';

CREATE FUNCTION crm_contract.accrued(rule crm_contract.penalty_rule, base numeric, due date, until date,
    paid_on date[], paid numeric[], excluded_from date[], excluded_to date[], calendar text DEFAULT 'CN')
RETURNS numeric
  AS 'MODULE_PATHNAME', 'crm_accrued' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.accrued(crm_contract.penalty_rule, numeric, date, date, date[], numeric[], date[], date[], text) IS
  'late_fee() that also leaves out the days of excluded periods [excluded_from[i], excluded_to[i]] (force majeure)';

CREATE TABLE crm_contract.force_majeure (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant      text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id bigint NOT NULL,
  from_day    date NOT NULL,
  to_day      date NOT NULL,
  description text,
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT force_majeure_period_check CHECK (from_day OPERATOR(pg_catalog.<=) to_day)
);
COMMENT ON TABLE crm_contract.force_majeure IS
  'force majeure periods of a contract (不可抗力, 003 §2.3, §13.1): their days accrue no penalty or late fee';

CREATE FUNCTION crm_contract.contract_statement(contract_id bigint, as_of date)
RETURNS TABLE (line integer, kind text, obligation text, clause_ref text, due_on date, done_on date,
               days_late integer, basis numeric, rule crm_contract.penalty_rule, accrued numeric)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  o record;
  delay crm_contract.penalty_rule;
  late crm_contract.penalty_rule;
  delay_ref text;
  late_ref text;
  fm_from date[];
  fm_to date[];
  until date;
  total numeric := 0;
BEGIN
  SELECT k.* INTO c FROM crm_contract.contract k WHERE k.id = contract_statement.contract_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'contract % does not exist', contract_statement.contract_id USING ERRCODE = '42704';
  END IF;
  SELECT k.rule, k.ref INTO delay, delay_ref FROM crm_contract.clause k
   WHERE k.contract_id = c.id AND k.kind = 'delay_penalty' AND k.rule IS NOT NULL ORDER BY k.ref LIMIT 1;
  SELECT k.rule, k.ref INTO late, late_ref FROM crm_contract.clause k
   WHERE k.contract_id = c.id AND k.kind = 'late_fee' AND k.rule IS NOT NULL ORDER BY k.ref LIMIT 1;
  SELECT coalesce(array_agg(f.from_day ORDER BY f.from_day), '{}'), coalesce(array_agg(f.to_day ORDER BY f.from_day), '{}')
    INTO fm_from, fm_to FROM crm_contract.force_majeure f WHERE f.contract_id = c.id;
  line := 0;

  -- obligations to perform: late by the days to completion, or to as_of while open
  FOR o IN SELECT m.name, m.clause_ref, m.due_on, m.completed_on FROM crm_contract.milestone m
            WHERE m.contract_id = c.id ORDER BY m.due_on NULLS LAST, m.id LOOP
    line := line + 1;
    kind := 'milestone'; obligation := o.name; clause_ref := coalesce(delay_ref, o.clause_ref);
    due_on := o.due_on; done_on := CASE WHEN o.completed_on <= as_of THEN o.completed_on END;
    until := LEAST(coalesce(done_on, as_of), as_of);
    days_late := CASE WHEN due_on IS NOT NULL THEN GREATEST(until - due_on, 0) END;
    basis := c.total_amount; rule := delay;
    accrued := CASE WHEN delay IS NULL OR due_on IS NULL THEN 0
                    ELSE crm_contract.accrued(delay, basis, due_on, until, '{}', '{}', fm_from, fm_to, c.calendar) END;
    total := total + accrued;
    RETURN NEXT;
  END LOOP;

  -- payments: late fee on the balance that partial payments leave
  FOR o IN SELECT i.name, i.every, i.clause_ref, d.seq, d.due_on, d.amount, p.days, p.amounts, p.full_on
             FROM crm_contract.installment_due d
             JOIN crm_contract.installment i ON i.id = d.installment_id
             LEFT JOIN LATERAL (
               SELECT array_agg(x.paid_on ORDER BY x.paid_on, x.id) AS days, array_agg(x.amount ORDER BY x.paid_on, x.id) AS amounts,
                      min(x.paid_on) FILTER (WHERE x.running >= d.amount) AS full_on
                 FROM (SELECT y.id, y.paid_on, y.amount, sum(y.amount) OVER (ORDER BY y.paid_on, y.id) AS running
                         FROM crm_contract.payment y WHERE y.installment_due_id = d.id AND y.paid_on <= as_of) x) p ON true
            WHERE i.contract_id = c.id ORDER BY d.due_on, i.name, d.seq LOOP
    line := line + 1;
    kind := 'installment';
    obligation := CASE WHEN o.every IS NULL THEN o.name ELSE o.name || ' #' || o.seq END;
    clause_ref := coalesce(late_ref, o.clause_ref);
    due_on := o.due_on; done_on := o.full_on;
    until := LEAST(coalesce(done_on, as_of), as_of);
    days_late := GREATEST(until - due_on, 0);
    rule := late;
    basis := CASE WHEN late IS NOT NULL AND crm_contract.rule_basis(late) = 'total' THEN c.total_amount ELSE o.amount END;
    accrued := CASE WHEN late IS NULL THEN 0
                    ELSE crm_contract.accrued(late, basis, due_on, until, coalesce(o.days, '{}'), coalesce(o.amounts, '{}'),
                                              fm_from, fm_to, c.calendar) END;
    total := total + accrued;
    RETURN NEXT;
  END LOOP;

  -- SLA service credits: each breach logged by the trigger or a sweep accrues its target's credit rule
  -- once (as one day late), on the contract amount (of total) or on the month's fee (the installments
  -- due in the month of the breach); one line per month and rule
  FOR o IN SELECT date_trunc('month', e.at AT TIME ZONE k.time_zone)::date AS month, s.credit::text AS credit,
                  count(*) AS breaches,
                  array_agg((e.at AT TIME ZONE k.time_zone)::date ORDER BY e.id) AS days
             FROM crm_contract.sla_event e
             JOIN crm_contract.sla_target s ON s.contract_id = e.contract_id AND s.priority = e.priority
                                           AND s.metric = e.metric AND s.credit IS NOT NULL
             JOIN crm_contract.calendar k ON k.name = c.calendar
            WHERE e.contract_id = c.id AND e.kind = 'breached' AND (e.at AT TIME ZONE k.time_zone)::date <= as_of
            GROUP BY 1, 2 ORDER BY 1, 2 LOOP   -- penalty_rule has no ordering: group its text
    line := line + 1;
    kind := 'sla_credit';
    obligation := format('SLA credits %s: %s breach%s', to_char(o.month, 'YYYY-MM'), o.breaches,
                         CASE WHEN o.breaches = 1 THEN '' ELSE 'es' END);
    clause_ref := NULL; due_on := o.month; done_on := NULL; days_late := NULL;
    rule := o.credit::crm_contract.penalty_rule;
    basis := CASE WHEN crm_contract.rule_basis(rule) = 'total' THEN c.total_amount
                  ELSE (SELECT coalesce(sum(d.amount), 0) FROM crm_contract.installment_due d
                          JOIN crm_contract.installment i ON i.id = d.installment_id
                         WHERE i.contract_id = c.id AND date_trunc('month', d.due_on) = o.month) END;
    SELECT coalesce(sum(crm_contract.penalty(rule, basis, b, b + 1, c.calendar)), 0) INTO accrued
      FROM unnest(o.days) b;
    total := total + accrued;
    RETURN NEXT;
  END LOOP;

  line := line + 1;
  kind := 'total'; obligation := NULL; clause_ref := NULL; due_on := NULL; done_on := NULL; days_late := NULL;
  basis := NULL; rule := NULL; accrued := total;
  RETURN NEXT;
END $$;
COMMENT ON FUNCTION crm_contract.contract_statement(bigint, date) IS
  'every milestone and installment occurrence of a contract with due date, completion or full payment, days late and the penalty (delay_penalty clause) or late fee (late_fee clause, on the balance partial payments leave) accrued as of as_of, force majeure days excluded; SLA service credits per month (each logged breach accrues its target''s credit rule once); a last row holds the total';

CREATE FUNCTION crm_contract.penalty_review(rule crm_contract.penalty_rule, principal numeric, accrued numeric,
    loss numeric DEFAULT NULL, on_day date DEFAULT CURRENT_DATE,
    OUT annual_rate numeric, OUT lpr numeric, OUT flags text[])
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  annual_rate := crm_contract.annual_rate(rule, on_day);
  SELECT trim_scale(l.rate / 100) INTO lpr FROM crm_contract.lpr l WHERE l.published_on <= on_day ORDER BY l.published_on DESC LIMIT 1;
  flags := '{}';
  IF loss IS NOT NULL AND accrued > loss * 1.3 THEN
    flags := flags || 'above 130% of the loss'::text;       -- 法释〔2023〕13号 Art. 65 (formerly 法释〔2009〕5号 Art. 29)
  END IF;
  IF accrued > principal THEN
    flags := flags || 'above the principal'::text;          -- 行政强制法 Art. 45, by analogy for 滞纳金
  END IF;
  IF annual_rate IS NOT NULL AND lpr IS NOT NULL AND annual_rate > 4 * lpr THEN
    flags := flags || 'annual rate above 4 times the LPR'::text;
  END IF;
END $$;
COMMENT ON FUNCTION crm_contract.penalty_review(crm_contract.penalty_rule, numeric, numeric, numeric, date) IS
  'what a court would likely reduce: the rule''s annual rate against the LPR on on_day, and flags for a penalty above 130% of the stated loss, above the principal, or a rate above 4 times the LPR';

-------------------------------------------------------------------------------
-- SLA targets and the deadline trigger for ticket tables
-------------------------------------------------------------------------------

CREATE TYPE crm_contract.sla_metric AS ENUM ('response', 'resolution', 'update');
COMMENT ON TYPE crm_contract.sla_metric IS 'what an SLA target times: first response, resolution, or periodic progress updates';

CREATE TABLE crm_contract.sla_target (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant      text NOT NULL DEFAULT crm_contract.current_tenant(),
  contract_id bigint NOT NULL,
  priority    text NOT NULL,
  metric      crm_contract.sla_metric NOT NULL,
  target      crm_contract.term NOT NULL,
  calendar    text REFERENCES crm_contract.calendar (name) ON UPDATE CASCADE,
  warn_at     numeric[] NOT NULL DEFAULT '{0.5,0.75}',
  credit      crm_contract.penalty_rule,
  UNIQUE (contract_id, priority, metric),
  FOREIGN KEY (contract_id, tenant) REFERENCES crm_contract.contract (id, tenant) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT sla_target_priority_check CHECK (priority OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE crm_contract.sla_target IS
  'SLA targets of a contract per priority and metric: a term (2 working hours; 1 hour on the 24x7 calendar for 7×24), the calendar it counts on (NULL: the contract''s), warning thresholds as shares of the target, and an optional service credit';
COMMENT ON COLUMN crm_contract.sla_target.calendar IS 'the calendar the target counts on: 24x7 for 7×24 (004 §7.1); NULL means the contract''s calendar';
COMMENT ON COLUMN crm_contract.sla_target.warn_at IS 'warning thresholds as shares of the target, ascending, each above 0 and below 1';

CREATE FUNCTION crm_contract.sla_target_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  code text;
  w numeric;
  prev numeric := 0;
BEGIN
  SELECT c.code INTO code FROM crm_contract.contract c WHERE c.id = NEW.contract_id;
  IF NEW.calendar IS NOT NULL THEN
    PERFORM FROM crm_contract.calendar k WHERE k.name = NEW.calendar;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'SLA target % % of contract "%": calendar "%" does not exist', NEW.priority, NEW.metric, code, NEW.calendar
        USING ERRCODE = '42704', HINT = 'Use 24x7 for targets that count every minute.';
    END IF;
  END IF;
  IF array_ndims(NEW.warn_at) > 1 OR coalesce(cardinality(NEW.warn_at), 0) > 7 THEN
    RAISE EXCEPTION 'SLA target % % of contract "%": warn_at must be a list of at most 7 thresholds, not %', NEW.priority, NEW.metric, code, NEW.warn_at USING ERRCODE = '22023';
  END IF;
  FOREACH w IN ARRAY NEW.warn_at LOOP
    IF w IS NULL OR w <= prev OR w >= 1 THEN
      RAISE EXCEPTION 'SLA target % % of contract "%": warning thresholds % must ascend strictly between 0 and 1',
        NEW.priority, NEW.metric, code, NEW.warn_at
        USING ERRCODE = '22023', HINT = 'E.g. {0.5,0.75}: warn at half and at three quarters of the target.';
    END IF;
    prev := w;
  END LOOP;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION crm_contract.sla_target_check() IS 'trigger: validates an SLA target (calendar, warning thresholds)';
CREATE TRIGGER sla_target_check BEFORE INSERT OR UPDATE ON crm_contract.sla_target
  FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_target_check();

CREATE FUNCTION crm_contract.sla_targets_changed() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_sla_targets_changed' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.sla_targets_changed() IS
  'statement trigger: an edit of SLA targets, contracts or tenant memberships drops every session''s cached SLA targets when it commits';
CREATE TRIGGER sla_targets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.sla_target
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.sla_targets_changed();
CREATE TRIGGER sla_targets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.contract
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.sla_targets_changed();
CREATE TRIGGER sla_targets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.tenant_member
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.sla_targets_changed();

CREATE FUNCTION crm_contract.sla_deadlines() RETURNS trigger
  AS 'MODULE_PATHNAME', 'crm_sla_deadlines' LANGUAGE C;
COMMENT ON FUNCTION crm_contract.sla_deadlines() IS
  'BEFORE INSERT OR UPDATE row trigger for any ticket table: response and resolution deadlines from the contract''s SLA targets, pauses, priority changes, reopening, breached flags, the next alert for sla_sweep, and the event log crm_contract.sla_event; arguments map roles to columns (defaults: id=id, contract=contract_id, priority=priority, opened=opened_at, status=status, paused=pending,waiting_customer, changed=updated_at, responded=first_response_at, resolved=resolved_at, response_due=response_due, resolve_due=resolve_due, response_breached=response_breached, resolve_breached=resolve_breached, next_alert=sla_next_alert, alerts=sla_alerts)';

CREATE TYPE crm_contract.sla_event_kind AS ENUM
  ('started', 'paused', 'resumed', 'priority_changed', 'reopened', 'recomputed', 'warned', 'breached', 'met');
COMMENT ON TYPE crm_contract.sla_event_kind IS 'what happened to a ticket''s SLA clock';

CREATE TABLE crm_contract.sla_event (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  tenant       text NOT NULL DEFAULT crm_contract.current_tenant(),
  tickets      regclass NOT NULL,
  ticket       text NOT NULL,
  contract_id  bigint NOT NULL,
  priority     text,
  kind         crm_contract.sla_event_kind NOT NULL,
  metric       crm_contract.sla_metric,
  at           timestamptz NOT NULL,
  status       text,
  response_due timestamptz,
  resolve_due  timestamptz,
  detail       text,
  logged_at    timestamptz NOT NULL DEFAULT pg_catalog.statement_timestamp()
);
CREATE INDEX sla_event_ticket ON crm_contract.sla_event (tickets, ticket, id);
CREATE INDEX sla_event_contract ON crm_contract.sla_event (contract_id, at);
COMMENT ON TABLE crm_contract.sla_event IS
  'append-only SLA history of tickets, written by crm_contract.sla_deadlines() and crm_contract.sla_sweep(): started, paused, resumed, priority changed, reopened, recomputed, warned, breached, met; each row holds the deadlines after the event';
COMMENT ON COLUMN crm_contract.sla_event.tickets IS 'the ticket table';
COMMENT ON COLUMN crm_contract.sla_event.ticket IS 'the ticket''s id column in its text form';
COMMENT ON COLUMN crm_contract.sla_event.at IS 'when it happened: the opening, the status change, the instant a warning threshold or deadline passed, the response';
COMMENT ON COLUMN crm_contract.sla_event.logged_at IS 'when it was written';

CREATE FUNCTION crm_contract.sla_event_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'crm_contract.sla_event is append-only: % refused', TG_OP
    USING ERRCODE = '42501', HINT = 'SLA events are a record; they are never changed or removed.';
END $$;
COMMENT ON FUNCTION crm_contract.sla_event_append_only() IS 'trigger: refuses UPDATE, DELETE and TRUNCATE on crm_contract.sla_event';
CREATE TRIGGER sla_event_append_only BEFORE UPDATE OR DELETE ON crm_contract.sla_event
  FOR EACH ROW EXECUTE FUNCTION crm_contract.sla_event_append_only();
CREATE TRIGGER sla_event_no_truncate BEFORE TRUNCATE ON crm_contract.sla_event
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.sla_event_append_only();

CREATE FUNCTION crm_contract.sla_sweep(tickets regclass, as_of timestamptz DEFAULT pg_catalog.now()) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_sweep' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_sweep(regclass, timestamptz) IS
  'marks open tickets past a warning threshold as warned and past their deadline as breached, each once, logs each event, sends NOTIFY crm_contract_sla with a JSON payload per event and returns how many it marked; touches only rows with next_alert <= as_of (index that column)';

CREATE FUNCTION crm_contract.sla_recompute(tickets regclass) RETURNS bigint
  AS 'MODULE_PATHNAME', 'crm_sla_recompute' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION crm_contract.sla_recompute(regclass) IS
  'recomputes the running deadlines of every open ticket from the current calendars and SLA targets (after an edit), logs a recomputed event per changed deadline and returns how many tickets changed';

CREATE FUNCTION crm_contract.sla_columns(tickets regclass, OUT role text, OUT mapped_to text) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'crm_sla_columns' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION crm_contract.sla_columns(regclass) IS
  'the column of the ticket table that plays each role of its sla_deadlines() trigger (NULL: not used), and the pausing statuses';

CREATE FUNCTION crm_contract.sla_history(tickets regclass, ticket text)
RETURNS TABLE (at timestamptz, kind crm_contract.sla_event_kind, metric crm_contract.sla_metric, priority text,
               status text, response_due timestamptz, resolve_due timestamptz, detail text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  col jsonb;
BEGIN
  RETURN QUERY SELECT e.at, e.kind, e.metric, e.priority, e.status, e.response_due, e.resolve_due, e.detail
                 FROM crm_contract.sla_event e
                WHERE e.tickets = sla_history.tickets AND e.ticket = sla_history.ticket ORDER BY e.id;
  IF FOUND THEN
    RETURN;
  END IF;
  -- nothing logged yet: the start is the row itself
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_history.tickets) c;
  RETURN QUERY EXECUTE format(
    'SELECT t.%I, ''started''::crm_contract.sla_event_kind, NULL::crm_contract.sla_metric, t.%I::text, %s, %s, %s, NULL::text
       FROM %s t WHERE t.%I::text = $1',
    col->>'opened', col->>'priority',
    CASE WHEN col->>'status' IS NULL THEN 'NULL::text' ELSE format('t.%I::text', col->>'status') END,
    CASE WHEN col->>'response_due' IS NULL THEN 'NULL::timestamptz' ELSE format('t.%I', col->>'response_due') END,
    CASE WHEN col->>'resolve_due' IS NULL THEN 'NULL::timestamptz' ELSE format('t.%I', col->>'resolve_due') END,
    sla_history.tickets, col->>'id') USING sla_history.ticket;
END $$;
COMMENT ON FUNCTION crm_contract.sla_history(regclass, text) IS
  'a ticket''s SLA history in order: its logged events, or its start read from the row when nothing has been logged yet';

CREATE FUNCTION crm_contract.sla_working_time(tickets regclass, ticket text, calendar text,
    from_ts timestamptz, to_ts timestamptz) RETURNS interval
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT crm_contract.working_time_between(from_ts, to_ts, calendar)
       - coalesce((SELECT sum(crm_contract.working_time_between(greatest(p.paused, from_ts), least(p.resumed, to_ts), calendar))
                     FROM (SELECT e.at AS paused, lead(e.at) OVER (ORDER BY e.id) AS resumed, e.kind
                             FROM crm_contract.sla_event e
                            WHERE e.tickets = sla_working_time.tickets AND e.ticket = sla_working_time.ticket
                              AND e.kind IN ('paused', 'resumed')) p
                    WHERE p.kind = 'paused' AND p.resumed IS NOT NULL
                      AND p.paused < to_ts AND p.resumed > from_ts), interval '0')
$$;
COMMENT ON FUNCTION crm_contract.sla_working_time(regclass, text, text, timestamptz, timestamptz) IS
  'working time on calendar between from_ts and to_ts that counted on a ticket''s SLA clock: its logged pauses left out';

CREATE FUNCTION crm_contract.sla_report(tickets regclass, from_month date DEFAULT NULL, to_month date DEFAULT NULL)
RETURNS TABLE (contract_id bigint, month date, tickets_opened bigint, met bigint, breached bigint, still_open bigint,
               compliance numeric, response_mean interval, response_p95 interval,
               resolution_mean interval, resolution_p95 interval)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  col jsonb;
BEGIN
  SELECT jsonb_object_agg(c.role, c.mapped_to) INTO col FROM crm_contract.sla_columns(sla_report.tickets) c;
  IF col->>'responded' IS NULL OR col->>'resolved' IS NULL THEN
    RAISE EXCEPTION 'table % maps no responded or resolved column', sla_report.tickets
      USING ERRCODE = '42703', HINT = 'The report needs both roles: responded=<column>, resolved=<column>.';
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH t AS (
      SELECT x.%1$I::text AS ticket, x.%2$I::bigint AS contract_id, x.%3$I::text AS priority, x.%4$I AS opened,
             x.%5$I AS responded, x.%6$I AS resolved, %7$s AS breached_any,
             (SELECT max(e.at) FROM crm_contract.sla_event e
               WHERE e.tickets = $1 AND e.ticket = x.%1$I::text AND e.kind = 'reopened') AS cycle_start
        FROM %8$s x),
    m AS (
      SELECT t.*, date_trunc('month', t.opened AT TIME ZONE k.time_zone)::date AS month,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = t.contract_id AND s.priority = t.priority AND s.metric = 'response') AS response_cal,
             (SELECT coalesce(s.calendar, k.calendar) FROM crm_contract.sla_target s
               WHERE s.contract_id = t.contract_id AND s.priority = t.priority AND s.metric = 'resolution') AS resolution_cal
        FROM t JOIN (SELECT c.id, c.calendar, cal.time_zone FROM crm_contract.contract c
                       JOIN crm_contract.calendar cal ON cal.name = c.calendar) k ON k.id = t.contract_id),
    w AS (
      SELECT m.*,
             CASE WHEN m.responded IS NOT NULL AND m.response_cal IS NOT NULL
                  THEN crm_contract.sla_working_time($1, m.ticket, m.response_cal, m.opened, m.responded) END AS response_time,
             CASE WHEN m.resolved IS NOT NULL AND m.resolution_cal IS NOT NULL
                  THEN crm_contract.sla_working_time($1, m.ticket, m.resolution_cal,
                                                     greatest(m.opened, coalesce(m.cycle_start, m.opened)), m.resolved) END AS resolution_time
        FROM m
       WHERE ($2 IS NULL OR m.month >= $2) AND ($3 IS NULL OR m.month <= $3))
    SELECT w.contract_id, w.month, count(*),
           count(*) FILTER (WHERE w.resolved IS NOT NULL AND NOT w.breached_any),
           count(*) FILTER (WHERE w.breached_any),
           count(*) FILTER (WHERE w.resolved IS NULL AND NOT w.breached_any),
           round(100 * count(*) FILTER (WHERE w.resolved IS NOT NULL AND NOT w.breached_any)::numeric
                 / nullif(count(*) FILTER (WHERE w.resolved IS NOT NULL OR w.breached_any), 0), 2),
           avg(w.response_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY w.response_time),
           avg(w.resolution_time), percentile_disc(0.95) WITHIN GROUP (ORDER BY w.resolution_time)
      FROM w GROUP BY w.contract_id, w.month ORDER BY w.contract_id, w.month $q$,
    col->>'id', col->>'contract', col->>'priority', col->>'opened', col->>'responded', col->>'resolved',
    concat_ws(' OR ', 'false',
              CASE WHEN col->>'response_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'response_breached') END,
              CASE WHEN col->>'resolve_breached' IS NOT NULL THEN format('coalesce(x.%I, false)', col->>'resolve_breached') END),
    sla_report.tickets)
  USING sla_report.tickets, sla_report.from_month, sla_report.to_month;
END $$;
COMMENT ON FUNCTION crm_contract.sla_report(regclass, date, date) IS
  'per contract and month of opening (in the contract calendar''s time zone): tickets opened, met (resolved, nothing breached), breached, still open, compliance % (met of met + breached, 2 decimals), mean and 95th percentile response and resolution working time on the targets'' calendars, pauses left out';
-- China's statutory holidays and make-up working days (调休), 2004-2026,
-- as announced by the State Council General Office (国务院办公厅). One row per day.
-- Verified against: npm chinese-days 1.5.7 (2004-2026), npm chinese-workday 1.16.1 (2011-2026),
-- LKI/chinese-calendar constants.py (2004-2019), NateScarlet/holiday-cn (2007-2023) and the notice texts;
-- re-check with tools/verify-cn-calendar.sh.
INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name) VALUES
-- 2004
('CN', '2004-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2004-01-17', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2004-01-18', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2004-01-22', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-23', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-24', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-25', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-26', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2004-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2004-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-06', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-07', 'holiday', '劳动节 / Labour Day'),
('CN', '2004-05-08', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2004-05-09', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2004-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2004-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2004-10-10', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2005
('CN', '2005-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2005-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2005-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2005-02-05', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2005-02-06', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2005-02-09', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-14', 'holiday', '春节 / Spring Festival'),
('CN', '2005-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2005-04-30', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2005-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-06', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-07', 'holiday', '劳动节 / Labour Day'),
('CN', '2005-05-08', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2005-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2005-10-08', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2005-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2005-12-31', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
-- 2006
('CN', '2006-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2006-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2006-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2006-01-28', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2006-01-29', 'holiday', '春节 / Spring Festival'),
('CN', '2006-01-30', 'holiday', '春节 / Spring Festival'),
('CN', '2006-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2006-02-01', 'holiday', '春节 / Spring Festival'),
('CN', '2006-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2006-02-03', 'holiday', '春节 / Spring Festival'),
('CN', '2006-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2006-02-05', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2006-04-29', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2006-04-30', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2006-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-06', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-05-07', 'holiday', '劳动节 / Labour Day'),
('CN', '2006-09-30', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2006-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2006-10-08', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2006-12-30', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2006-12-31', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
-- 2007
('CN', '2007-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2007-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2007-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2007-02-17', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2007-02-18', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-19', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-20', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-21', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-22', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-23', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-24', 'holiday', '春节 / Spring Festival'),
('CN', '2007-02-25', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2007-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2007-04-29', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2007-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-06', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-05-07', 'holiday', '劳动节 / Labour Day'),
('CN', '2007-09-29', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2007-09-30', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2007-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2007-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2007-12-29', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2007-12-30', 'holiday', '元旦 / New Year''s Day'),
('CN', '2007-12-31', 'holiday', '元旦 / New Year''s Day'),
-- 2008
('CN', '2008-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2008-02-02', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2008-02-03', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2008-02-06', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-07', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-08', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-09', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2008-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2008-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2008-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2008-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2008-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2008-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2008-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2008-05-04', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2008-06-07', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2008-06-08', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2008-06-09', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2008-09-13', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2008-09-14', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2008-09-15', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2008-09-27', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2008-09-28', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2008-09-29', 'holiday', '国庆节 / National Day'),
('CN', '2008-09-30', 'holiday', '国庆节 / National Day'),
('CN', '2008-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2008-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2008-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2008-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2008-10-05', 'holiday', '国庆节 / National Day'),
-- 2009
('CN', '2009-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2009-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2009-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2009-01-04', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2009-01-24', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2009-01-25', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-26', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-29', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-30', 'holiday', '春节 / Spring Festival'),
('CN', '2009-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2009-02-01', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2009-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2009-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2009-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2009-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2009-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2009-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2009-05-28', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2009-05-29', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2009-05-30', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2009-05-31', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2009-09-27', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2009-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-07', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-08', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2009-10-10', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
-- 2010
('CN', '2010-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2010-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2010-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2010-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-14', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-16', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-17', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-18', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-19', 'holiday', '春节 / Spring Festival'),
('CN', '2010-02-20', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2010-02-21', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2010-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2010-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2010-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2010-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2010-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2010-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2010-06-12', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2010-06-13', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2010-06-14', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2010-06-15', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2010-06-16', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2010-09-19', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2010-09-22', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2010-09-23', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2010-09-24', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2010-09-25', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2010-09-26', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2010-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2010-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2011
('CN', '2011-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2011-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2011-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2011-01-30', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2011-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-03', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-05', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-06', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-07', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-08', 'holiday', '春节 / Spring Festival'),
('CN', '2011-02-12', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2011-04-02', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2011-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2011-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2011-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2011-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2011-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2011-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2011-06-04', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2011-06-05', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2011-06-06', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2011-09-10', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2011-09-11', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2011-09-12', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2011-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2011-10-08', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2011-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2011-12-31', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
-- 2012
('CN', '2012-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2012-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2012-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2012-01-21', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2012-01-22', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-23', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-24', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-25', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-26', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2012-01-29', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2012-03-31', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2012-04-01', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2012-04-02', 'holiday', '清明节 / Qingming Festival'),
('CN', '2012-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2012-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2012-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2012-04-29', 'holiday', '劳动节 / Labour Day'),
('CN', '2012-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2012-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2012-06-22', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2012-06-23', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2012-06-24', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2012-09-29', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2012-09-30', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2012-10-07', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
-- 2013
('CN', '2013-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2013-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2013-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2013-01-05', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2013-01-06', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2013-02-09', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-14', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2013-02-16', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2013-02-17', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2013-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2013-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2013-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2013-04-07', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2013-04-27', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2013-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2013-04-29', 'holiday', '劳动节 / Labour Day'),
('CN', '2013-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2013-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2013-06-08', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2013-06-09', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2013-06-10', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2013-06-11', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2013-06-12', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2013-09-19', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2013-09-20', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2013-09-21', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2013-09-22', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2013-09-29', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2013-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2013-10-12', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2014
('CN', '2014-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2014-01-26', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2014-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-01', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-03', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-05', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-06', 'holiday', '春节 / Spring Festival'),
('CN', '2014-02-08', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2014-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2014-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2014-04-07', 'holiday', '清明节 / Qingming Festival'),
('CN', '2014-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2014-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2014-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2014-05-04', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2014-06-02', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2014-09-08', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2014-09-28', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2014-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2014-10-11', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2015
('CN', '2015-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2015-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2015-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2015-01-04', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2015-02-15', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2015-02-18', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-19', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-20', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-21', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-22', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-23', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-24', 'holiday', '春节 / Spring Festival'),
('CN', '2015-02-28', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2015-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2015-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2015-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2015-06-20', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2015-06-21', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2015-06-22', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2015-09-03', 'holiday', '抗战胜利70周年纪念日 / Victory Day (70th anniversary of the War of Resistance)'),
('CN', '2015-09-04', 'holiday', '抗战胜利70周年纪念日 / Victory Day (70th anniversary of the War of Resistance)'),
('CN', '2015-09-05', 'holiday', '抗战胜利70周年纪念日 / Victory Day (70th anniversary of the War of Resistance)'),
('CN', '2015-09-06', 'working', '抗战胜利70周年纪念日调休上班 / Victory Day (70th anniversary of the War of Resistance) make-up working day'),
('CN', '2015-09-27', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2015-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2015-10-10', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2016
('CN', '2016-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2016-02-06', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2016-02-07', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-08', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-09', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2016-02-14', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2016-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2016-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2016-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2016-06-09', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2016-06-10', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2016-06-11', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2016-06-12', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2016-09-15', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2016-09-16', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2016-09-17', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2016-09-18', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2016-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2016-10-08', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2016-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2017
('CN', '2017-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2017-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2017-01-22', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2017-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2017-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2017-01-29', 'holiday', '春节 / Spring Festival'),
('CN', '2017-01-30', 'holiday', '春节 / Spring Festival'),
('CN', '2017-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2017-02-01', 'holiday', '春节 / Spring Festival'),
('CN', '2017-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2017-02-04', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2017-04-01', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2017-04-02', 'holiday', '清明节 / Qingming Festival'),
('CN', '2017-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2017-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2017-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2017-05-27', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2017-05-28', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2017-05-29', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2017-05-30', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2017-09-30', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2017-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-07', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2017-10-08', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
-- 2018
('CN', '2018-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2018-02-11', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2018-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-16', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-17', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-18', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-19', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-20', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-21', 'holiday', '春节 / Spring Festival'),
('CN', '2018-02-24', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2018-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2018-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2018-04-07', 'holiday', '清明节 / Qingming Festival'),
('CN', '2018-04-08', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2018-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2018-04-29', 'holiday', '劳动节 / Labour Day'),
('CN', '2018-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2018-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2018-06-18', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2018-09-24', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2018-09-29', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2018-09-30', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2018-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2018-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2018-12-29', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2018-12-30', 'holiday', '元旦 / New Year''s Day'),
('CN', '2018-12-31', 'holiday', '元旦 / New Year''s Day'),
-- 2019
('CN', '2019-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2019-02-02', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2019-02-03', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2019-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-05', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-06', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-07', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-08', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-09', 'holiday', '春节 / Spring Festival'),
('CN', '2019-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2019-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2019-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2019-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2019-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2019-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2019-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2019-05-05', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2019-06-07', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2019-09-13', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2019-09-29', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2019-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2019-10-12', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2020
('CN', '2020-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2020-01-19', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2020-01-24', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-25', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-26', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-29', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-30', 'holiday', '春节 / Spring Festival'),
('CN', '2020-01-31', 'holiday', '春节（延长假期） / Spring Festival (extended)'),
('CN', '2020-02-01', 'holiday', '春节（延长假期） / Spring Festival (extended)'),
('CN', '2020-02-02', 'holiday', '春节（延长假期） / Spring Festival (extended)'),
('CN', '2020-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2020-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2020-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2020-04-26', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2020-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2020-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2020-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2020-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2020-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2020-05-09', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2020-06-25', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2020-06-26', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2020-06-27', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2020-06-28', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2020-09-27', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2020-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-07', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-08', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2020-10-10', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
-- 2021
('CN', '2021-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2021-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2021-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2021-02-07', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2021-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-14', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-16', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-17', 'holiday', '春节 / Spring Festival'),
('CN', '2021-02-20', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2021-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2021-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2021-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2021-04-25', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2021-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2021-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2021-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2021-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2021-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2021-05-08', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2021-06-12', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2021-06-13', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2021-06-14', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2021-09-18', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2021-09-19', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2021-09-20', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2021-09-21', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2021-09-26', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2021-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2021-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2022
('CN', '2022-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2022-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2022-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2022-01-29', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2022-01-30', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2022-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-01', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-03', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-05', 'holiday', '春节 / Spring Festival'),
('CN', '2022-02-06', 'holiday', '春节 / Spring Festival'),
('CN', '2022-04-02', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2022-04-03', 'holiday', '清明节 / Qingming Festival'),
('CN', '2022-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2022-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2022-04-24', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2022-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2022-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2022-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2022-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2022-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2022-05-07', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2022-06-03', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2022-06-04', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2022-06-05', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2022-09-10', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2022-09-11', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2022-09-12', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2022-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2022-10-08', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2022-10-09', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2022-12-31', 'holiday', '元旦 / New Year''s Day'),
-- 2023
('CN', '2023-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2023-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2023-01-21', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-22', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-23', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-24', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-25', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-26', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-27', 'holiday', '春节 / Spring Festival'),
('CN', '2023-01-28', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2023-01-29', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2023-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2023-04-23', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2023-04-29', 'holiday', '劳动节 / Labour Day'),
('CN', '2023-04-30', 'holiday', '劳动节 / Labour Day'),
('CN', '2023-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2023-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2023-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2023-05-06', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2023-06-22', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2023-06-23', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2023-06-24', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2023-06-25', 'working', '端午节调休上班 / Dragon Boat Festival make-up working day'),
('CN', '2023-09-29', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-09-30', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2023-10-07', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2023-10-08', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
-- 2024
('CN', '2024-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2024-02-04', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2024-02-10', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-11', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-12', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-13', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-14', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-16', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-17', 'holiday', '春节 / Spring Festival'),
('CN', '2024-02-18', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2024-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2024-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2024-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2024-04-07', 'working', '清明节调休上班 / Qingming Festival make-up working day'),
('CN', '2024-04-28', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2024-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2024-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2024-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2024-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2024-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2024-05-11', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2024-06-10', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2024-09-14', 'working', '中秋节调休上班 / Mid-Autumn Festival make-up working day'),
('CN', '2024-09-15', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2024-09-16', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2024-09-17', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2024-09-29', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2024-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2024-10-12', 'working', '国庆节调休上班 / National Day make-up working day'),
-- 2025
('CN', '2025-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2025-01-26', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2025-01-28', 'holiday', '春节 / Spring Festival'),
('CN', '2025-01-29', 'holiday', '春节 / Spring Festival'),
('CN', '2025-01-30', 'holiday', '春节 / Spring Festival'),
('CN', '2025-01-31', 'holiday', '春节 / Spring Festival'),
('CN', '2025-02-01', 'holiday', '春节 / Spring Festival'),
('CN', '2025-02-02', 'holiday', '春节 / Spring Festival'),
('CN', '2025-02-03', 'holiday', '春节 / Spring Festival'),
('CN', '2025-02-04', 'holiday', '春节 / Spring Festival'),
('CN', '2025-02-08', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2025-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2025-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2025-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2025-04-27', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2025-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2025-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2025-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2025-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2025-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2025-05-31', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2025-06-01', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2025-06-02', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2025-09-28', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
('CN', '2025-10-01', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-02', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-03', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-04', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-05', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-06', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-07', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-08', 'holiday', '中秋节、国庆节 / Mid-Autumn Festival and National Day'),
('CN', '2025-10-11', 'working', '中秋节、国庆节调休上班 / Mid-Autumn Festival and National Day make-up working day'),
-- 2026
('CN', '2026-01-01', 'holiday', '元旦 / New Year''s Day'),
('CN', '2026-01-02', 'holiday', '元旦 / New Year''s Day'),
('CN', '2026-01-03', 'holiday', '元旦 / New Year''s Day'),
('CN', '2026-01-04', 'working', '元旦调休上班 / New Year''s Day make-up working day'),
('CN', '2026-02-14', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2026-02-15', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-16', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-17', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-18', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-19', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-20', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-21', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-22', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-23', 'holiday', '春节 / Spring Festival'),
('CN', '2026-02-28', 'working', '春节调休上班 / Spring Festival make-up working day'),
('CN', '2026-04-04', 'holiday', '清明节 / Qingming Festival'),
('CN', '2026-04-05', 'holiday', '清明节 / Qingming Festival'),
('CN', '2026-04-06', 'holiday', '清明节 / Qingming Festival'),
('CN', '2026-05-01', 'holiday', '劳动节 / Labour Day'),
('CN', '2026-05-02', 'holiday', '劳动节 / Labour Day'),
('CN', '2026-05-03', 'holiday', '劳动节 / Labour Day'),
('CN', '2026-05-04', 'holiday', '劳动节 / Labour Day'),
('CN', '2026-05-05', 'holiday', '劳动节 / Labour Day'),
('CN', '2026-05-09', 'working', '劳动节调休上班 / Labour Day make-up working day'),
('CN', '2026-06-19', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2026-06-20', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2026-06-21', 'holiday', '端午节 / Dragon Boat Festival'),
('CN', '2026-09-20', 'working', '国庆节调休上班 / National Day make-up working day'),
('CN', '2026-09-25', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2026-09-26', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2026-09-27', 'holiday', '中秋节 / Mid-Autumn Festival'),
('CN', '2026-10-01', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-02', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-03', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-04', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-05', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-06', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-07', 'holiday', '国庆节 / National Day'),
('CN', '2026-10-10', 'working', '国庆节调休上班 / National Day make-up working day');

-------------------------------------------------------------------------------
-- After the shipped data: mark it, protect it, register user rows for pg_dump.
-------------------------------------------------------------------------------

UPDATE crm_contract.calendar_exception SET builtin = true;

CREATE TRIGGER calendar_check BEFORE INSERT OR UPDATE ON crm_contract.calendar
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_check();
CREATE TRIGGER calendar_merge_builtin BEFORE INSERT ON crm_contract.calendar
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_merge_builtin();
CREATE TRIGGER calendar_hours_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_exception_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_exception
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_exception_hours_protect BEFORE INSERT OR UPDATE OR DELETE ON crm_contract.calendar_exception_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_protect_builtin();
CREATE TRIGGER calendar_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_hours_check();
CREATE TRIGGER calendar_exception_hours_check AFTER INSERT OR UPDATE ON crm_contract.calendar_exception_hours
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_hours_check();
CREATE TRIGGER calendar_exception_check AFTER INSERT OR UPDATE OF kind ON crm_contract.calendar_exception
  FOR EACH ROW EXECUTE FUNCTION crm_contract.calendar_exception_check();

CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();
CREATE TRIGGER calendar_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crm_contract.calendar_exception_hours
  FOR EACH STATEMENT EXECUTE FUNCTION crm_contract.calendar_changed();

-- pg_dump keeps what users add; shipped rows come back with CREATE EXTENSION.
-- An edited shipped calendar row is dumped too (builtin turns false) and
-- merged back on restore by calendar_merge_builtin.
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_hours', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('crm_contract.calendar_exception_hours', 'WHERE NOT builtin');

-- Calendars are reference data: every role may compute with them (the C
-- functions read them with the caller's rights); only their owner edits them.
GRANT USAGE ON SCHEMA crm_contract TO PUBLIC;
GRANT SELECT ON crm_contract.calendar, crm_contract.calendar_hours,
  crm_contract.calendar_exception, crm_contract.calendar_exception_hours TO PUBLIC;
-- Each role reads its own tenant memberships (row-level security on tenant_member).
GRANT SELECT ON crm_contract.tenant_member TO PUBLIC;
-- The view runs with the caller's rights (security_invoker): table privileges and
-- row-level security still decide what each role sees.
GRANT SELECT ON crm_contract.obligations TO PUBLIC;

-- Row-level security on every table that holds tenant rows (those with a tenant
-- column), forced on the owner too, and pg_dump keeps all their rows and identities.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT c.oid::regclass AS rel, c.relname
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped
            WHERE c.relnamespace = 'crm_contract'::regnamespace AND c.relkind = 'r'
              AND c.relname <> 'tenant_member'
            ORDER BY c.relname LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t.rel);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.rel);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s
                      USING (tenant OPERATOR(pg_catalog.=) (SELECT crm_contract.current_tenant()))
                      WITH CHECK (tenant OPERATOR(pg_catalog.=) (SELECT crm_contract.current_tenant()))', t.rel);
    EXECUTE format('COMMENT ON POLICY tenant_isolation ON %s IS %L', t.rel,
                   'rows of the current role''s tenant only (crm_contract.current_tenant())');
    PERFORM pg_catalog.pg_extension_config_dump(t.rel, '');
    PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence(t.rel::text, 'id')::regclass, '');
  END LOOP;
END $$;

-- Administrative and internal functions are not for PUBLIC: the extension's own
-- trigger functions (a trigger runs its function without an EXECUTE check, so
-- revoking costs the tables nothing), and the functions that recompute or sweep in
-- bulk or copy calendars: grant them to the roles that administer crm_contract.
-- sla_deadlines() stays executable: users attach it to their own ticket tables.
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = 'crm_contract'::regnamespace
              AND ((p.prorettype = 'trigger'::regtype AND p.proname <> 'sla_deadlines')
                   OR p.proname IN ('copy_calendar', 'recompute_due_dates', 'sla_recompute', 'sla_sweep'))
            ORDER BY 1 LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;
