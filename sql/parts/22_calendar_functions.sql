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

-- Periods under the Civil Code (民法典 Art. 201-204): the first day is not counted, a
-- month without the day ends on its last day, and by default (Art. 203) a last day
-- that is a day off moves to the next working day, a timestamp period ending at the
-- close of business of its last day.  Art. 204 lets the parties agree otherwise:
-- the convention 'unadjusted'.
CREATE TYPE crm_contract.due_convention AS ENUM ('following', 'unadjusted');
COMMENT ON TYPE crm_contract.due_convention IS
  'how a period of days, weeks, months or years ends: following (Civil Code Art. 203: a last day that is a holiday or weekly rest day moves to the next working day, a make-up working day counts as working; a timestamp period ends at the close of business of its last day, or 24:00 without business hours), or unadjusted (the day as counted, at the start''s time of day; Art. 204 lets the parties agree so)';

CREATE FUNCTION crm_contract.due(start timestamptz, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'crm_due_timestamptz' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(timestamptz, crm_contract.term, text) IS
  'deadline of a term from an instant: minutes and hours are elapsed time, working units count on the calendar, days to years end (Civil Code Art. 203) at the close of business of their last day, moved to the next working day if it is a day off: due(''2026-09-26 10:00+08'', ''5 days'') = 2026-10-08 18:00+08';

CREATE FUNCTION crm_contract.due(start timestamptz, t crm_contract.term, calendar text, convention crm_contract.due_convention) RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'crm_due_timestamptz' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(timestamptz, crm_contract.term, text, crm_contract.due_convention) IS
  'due(start, t, calendar) under a convention: unadjusted keeps the start''s local time of day on the day as counted';

CREATE FUNCTION crm_contract.due(start date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(date, crm_contract.term, text) IS
  'due date of a term of days or longer from a date (the date not counted, Civil Code Art. 201); a last day that is a holiday or weekly rest day moves to the next working day (Art. 203): due(date ''2026-09-26'', ''5 days'') = 2026-10-08; months end on the month''s last day when it has no such day (Art. 202); working days count on the calendar: due(date ''2025-09-26'', ''10个工作日'') = 2025-10-16';

CREATE FUNCTION crm_contract.due(start date, t crm_contract.term, calendar text, convention crm_contract.due_convention) RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due(date, crm_contract.term, text, crm_contract.due_convention) IS
  'due(start, t, calendar) under a convention: due(date ''2026-09-26'', ''5 days'', ''CN'', ''unadjusted'') = 2026-10-01';

CREATE FUNCTION crm_contract.due_before(day date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due_before(date, crm_contract.term, text) IS
  'the last day x with due(x, t, calendar) <= day: the last day to give a notice of period t before day (x <= due_before(day, t) exactly when due(x, t) <= day); due_before(''2026-02-28'', ''1 month'') = 2026-01-31';

CREATE FUNCTION crm_contract.due_before(day date, t crm_contract.term, calendar text, convention crm_contract.due_convention) RETURNS date
  AS 'MODULE_PATHNAME', 'crm_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.due_before(date, crm_contract.term, text, crm_contract.due_convention) IS
  'due_before(day, t, calendar) under a convention: the last x with due(x, t, calendar, convention) <= day';

CREATE FUNCTION crm_contract.try_due(start date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due(date, crm_contract.term, text) IS
  'due(start, t, calendar), but NULL (unknown) where the calendar has no holiday data for the days needed; other errors are raised';

CREATE FUNCTION crm_contract.try_due(start date, t crm_contract.term, calendar text, convention crm_contract.due_convention) RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_date' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due(date, crm_contract.term, text, crm_contract.due_convention) IS
  'due(start, t, calendar, convention), but NULL (unknown) where the calendar has no holiday data for the days needed';

CREATE FUNCTION crm_contract.try_due_before(day date, t crm_contract.term, calendar text DEFAULT 'CN') RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due_before(date, crm_contract.term, text) IS
  'due_before(day, t, calendar), but NULL (unknown) where the calendar has no holiday data for the days needed';

CREATE FUNCTION crm_contract.try_due_before(day date, t crm_contract.term, calendar text, convention crm_contract.due_convention) RETURNS date
  AS 'MODULE_PATHNAME', 'crm_try_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.try_due_before(date, crm_contract.term, text, crm_contract.due_convention) IS
  'due_before(day, t, calendar, convention), but NULL (unknown) where the calendar has no holiday data for the days needed';

CREATE FUNCTION crm_contract.stored_due(start date, t crm_contract.term, calendar text,
    convention crm_contract.due_convention, OUT due_on date, OUT provisional boolean)
  AS 'MODULE_PATHNAME', 'crm_stored_due' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.stored_due(date, crm_contract.term, text, crm_contract.due_convention) IS
  'the due date crm_contract stores for an obligation (the schedule triggers): due(start, t, calendar, convention) on the calendar''s forecast past its covered days, provisional when it needed the forecast; NULL where the forecast has no data either';

CREATE FUNCTION crm_contract.stored_due_before(day date, t crm_contract.term, calendar text,
    convention crm_contract.due_convention, OUT due_on date, OUT provisional boolean)
  AS 'MODULE_PATHNAME', 'crm_stored_due_before' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION crm_contract.stored_due_before(date, crm_contract.term, text, crm_contract.due_convention) IS
  'the notice date crm_contract reports for an obligation (renewal notices): due_before(day, t, calendar, convention) on the calendar''s forecast past its covered days, provisional when it needed the forecast; NULL where the forecast has no data either';

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
  INSERT INTO crm_contract.calendar (name, time_zone, covered_from, covered_to, description, forecast_to)
  SELECT target, c.time_zone, c.covered_from, c.covered_to,
         coalesce(copy_calendar.description, c.description), c.forecast_to
    FROM crm_contract.calendar c WHERE c.name = source;
  INSERT INTO crm_contract.calendar_hours (calendar, weekday, opens, closes)
  SELECT target, h.weekday, h.opens, h.closes FROM crm_contract.calendar_hours h WHERE h.calendar = source;
  INSERT INTO crm_contract.calendar_exception (calendar, day, kind, name)
  SELECT target, e.day, e.kind, e.name FROM crm_contract.calendar_exception e WHERE e.calendar = source;
  INSERT INTO crm_contract.calendar_exception_hours (calendar, day, opens, closes)
  SELECT target, x.day, x.opens, x.closes FROM crm_contract.calendar_exception_hours x WHERE x.calendar = source;
  INSERT INTO crm_contract.calendar_forecast (calendar, day, kind, name)
  SELECT target, f.day, f.kind, f.name FROM crm_contract.calendar_forecast f WHERE f.calendar = source;
END $$;
COMMENT ON FUNCTION crm_contract.copy_calendar(text, text, text) IS
  'copy a calendar with its hours, exceptions and forecast under a new name, as user rows one can edit';
