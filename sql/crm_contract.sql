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
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_names z WHERE z.name = NEW.time_zone) THEN
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
  'trigger: invalidates the per-session compiled calendars in every session at commit';

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
  IF NOT EXISTS (SELECT 1 FROM crm_contract.calendar c WHERE c.name = source) THEN
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
